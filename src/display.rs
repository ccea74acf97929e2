//! Small pure helpers that turn numbers into the words the app shows: relative times and
//! byte counts. Native-tested; the UI only calls them.

/// "just now", "5 s ago", "3 min ago", "2 h ago", "4 days ago".
pub fn relative_time(now_ms: u64, then_ms: u64) -> String {
    let seconds = now_ms.saturating_sub(then_ms) / 1000;
    match seconds {
        0..=1 => "just now".to_owned(),
        2..=59 => format!("{seconds} s ago"),
        60..=3599 => format!("{} min ago", seconds / 60),
        3600..=86_399 => format!("{} h ago", seconds / 3600),
        _ => match seconds / 86_400 {
            1 => "1 day ago".to_owned(),
            days => format!("{days} days ago"),
        },
    }
}

/// "512 B", "4.9 KB", "4.8 MB".
pub fn bytes(count: usize) -> String {
    const KB: f64 = 1024.0;
    let count_f = count as f64;
    if count_f < KB {
        format!("{count} B")
    } else if count_f < KB * KB {
        format!("{:.1} KB", count_f / KB)
    } else {
        format!("{:.1} MB", count_f / KB / KB)
    }
}

/// "1 draft", "3 drafts".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times() {
        let now = 1_000_000_000;
        assert_eq!(relative_time(now, now), "just now");
        assert_eq!(relative_time(now, now - 2_000), "2 s ago");
        assert_eq!(relative_time(now, now - 180_000), "3 min ago");
        assert_eq!(relative_time(now, now - 7_200_000), "2 h ago");
        assert_eq!(relative_time(now, now - 86_400_000), "1 day ago");
        assert_eq!(relative_time(now, now - 3 * 86_400_000), "3 days ago");
        assert_eq!(relative_time(now, now + 5_000), "just now", "a clock skew is not the future");
    }

    #[test]
    fn byte_counts() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(5_000), "4.9 KB");
        assert_eq!(bytes(5 * 1024 * 1024), "5.0 MB");
        assert_eq!(plural(1, "draft", "drafts"), "1 draft");
        assert_eq!(plural(2, "draft", "drafts"), "2 drafts");
    }
}

/// An RFC 3339 timestamp in UTC, to the second: `2026-11-26T21:43:13Z`.
pub fn rfc3339(ms: u64) -> String {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ms / 1000);
    humantime::format_rfc3339_seconds(time).to_string()
}

/// The UTC calendar date of a timestamp: `2026-11-26`.
pub fn date(ms: u64) -> String {
    rfc3339(ms).chars().take(10).collect()
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn formats_timestamps_in_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_764_193_393_999), "2025-11-26T21:43:13Z");
        assert_eq!(date(1_764_193_393_999), "2025-11-26");
    }
}
