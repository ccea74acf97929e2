//! Small pure helpers that turn numbers into the words the app shows: relative times,
//! byte counts, plurals and timestamps. Native-tested; the UI only calls them.

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
///
/// In whole numbers: formatting an `f64` would link the float formatter (9 KB) into
/// the page's wasm for this one line (docs/decisions.md §11). Rounds to tenths half to
/// even, as `{:.1}` does on the exact quotient.
pub fn bytes(count: usize) -> String {
    const KB: u64 = 1024;
    let count = count as u64;
    let (unit, name) = match count {
        c if c < KB => return format!("{c} B"),
        c if c < KB * KB => (KB, "KB"),
        _ => (KB * KB, "MB"),
    };
    let scaled = count.saturating_mul(10);
    let (mut tenths, rest) = (scaled / unit, scaled % unit);
    if rest * 2 > unit || (rest * 2 == unit && tenths % 2 == 1) {
        tenths += 1;
    }
    format!("{}.{} {name}", tenths / 10, tenths % 10)
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
        assert_eq!(bytes(1023), "1023 B");
        assert_eq!(bytes(1024), "1.0 KB");
        // Half a tenth rounds to even, like `{:.1}`: 1.25 KB and 1.75 KB exactly.
        assert_eq!(bytes(1280), "1.2 KB");
        assert_eq!(bytes(1792), "1.8 KB");
    }

    #[test]
    fn byte_counts_match_the_float_formatter() {
        // The whole-number version says exactly what `{:.1}` of the quotient said.
        let float = |count: usize| {
            let count_f = count as f64;
            if count_f < 1024.0 {
                format!("{count} B")
            } else if count_f < 1024.0 * 1024.0 {
                format!("{:.1} KB", count_f / 1024.0)
            } else {
                format!("{:.1} MB", count_f / 1024.0 / 1024.0)
            }
        };
        let mut counts: Vec<usize> = (0..300_000).collect();
        counts.extend((0..200_000).map(|i| 1_000_000 + i * 53));
        counts.extend([usize::MAX / 1024, 5 << 30, 1_048_575, 1_048_576, 10_433_331]);
        for count in counts {
            assert_eq!(bytes(count), float(count), "{count} bytes");
        }
        assert_eq!(plural(1, "draft", "drafts"), "1 draft");
        assert_eq!(plural(2, "draft", "drafts"), "2 drafts");
    }
}

/// An RFC 3339 timestamp in UTC, to the second: `2026-11-26T21:43:13Z`.
pub fn rfc3339(ms: u64) -> String {
    let seconds = ms / 1000;
    let (year, month, day) = civil_from_days(seconds / 86_400);
    let time = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time / 60 % 60,
        time % 60
    )
}

/// The UTC calendar date of a timestamp: `2026-11-26`.
pub fn date(ms: u64) -> String {
    let (year, month, day) = civil_from_days(ms / 1000 / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The Gregorian (year, month, day) of a count of days since 1970-01-01: Howard
/// Hinnant's `civil_from_days`, for days on or after the epoch.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn formats_timestamps_in_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_764_193_393_999), "2025-11-26T21:43:13Z");
        assert_eq!(date(1_764_193_393_999), "2025-11-26");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z", "a leap day");
        assert_eq!(rfc3339(253_402_300_799_000), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn agrees_with_the_calendar_on_every_day_of_four_centuries() {
        // Walk day by day from the epoch, counting the calendar by hand.
        let (mut year, mut month, mut day) = (1970u64, 1u64, 1u64);
        for days in 0..146_097 {
            assert_eq!(civil_from_days(days), (year, month, day), "day {days}");
            let leap =
                year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
            let length = match month {
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 31,
            };
            day += 1;
            if day > length {
                day = 1;
                month += 1;
                if month > 12 {
                    month = 1;
                    year += 1;
                }
            }
        }
    }
}
