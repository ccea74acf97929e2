//! The two kinds of value that tools read out of a card's text fields: numbers (a metric
//! value such as `0.92` or `85.3%`, a confidence bound, kg of CO2) and calendar dates (a
//! version date). One parser each: `check`, the results chart and the exporters all read
//! values through these, so they never disagree about what is a number or a date.

use std::fmt;

/// A number as a card writes it: `0.92`, ` 85.3% ` or `1e-3`, finite. A trailing `%` is
/// allowed and ignored (the value is read as written, not divided by 100).
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text.strip_suffix('%').unwrap_or(text).trim_end();
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if that day exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        (1..=days_in_month(year, month)).contains(&day).then_some(Self { year, month, day })
    }

    /// Exactly `YYYY-MM-DD`, a day that exists: the form the card keeps.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || !digits(year, 4..=4)
            || !digits(month, 2..=2)
            || !digits(day, 2..=2)
        {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Milliseconds since the Unix epoch at the start of the day (UTC), for a day on
    /// or after 1970-01-01: Howard Hinnant's `days_from_civil`.
    pub fn epoch_ms(self) -> Option<u64> {
        let (year, month, day) = (u64::from(self.year), u64::from(self.month), u64::from(self.day));
        let year = if month <= 2 { year.checked_sub(1)? } else { year };
        let era = year / 400;
        let year_of_era = year - era * 400;
        let month_index = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * month_index + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = (era * 146_097 + day_of_era).checked_sub(719_468)?;
        days.checked_mul(86_400_000)
    }

    /// The US `M/D/YYYY` or `MM/DD/YYYY` that Model Card Toolkit's examples write.
    pub fn parse_us(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('/');
        let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || !digits(year, 4..=4)
            || !digits(month, 1..=2)
            || !digits(day, 1..=2)
        {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn digits(text: &str, count: std::ops::RangeInclusive<usize>) -> bool {
    count.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_a_time_since_the_epoch() {
        let day = |text| Date::parse_iso(text).and_then(Date::epoch_ms);
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("2025-11-26"), Some(1_764_115_200_000));
        assert_eq!(day("2024-02-29").map(crate::display::date).as_deref(), Some("2024-02-29"));
        assert_eq!(day("1969-12-31"), None);
    }

    #[test]
    fn numbers_as_cards_write_them() {
        assert_eq!(number("0.92"), Some(0.92));
        assert_eq!(number(" 85.3% "), Some(85.3));
        assert_eq!(number("1e-3"), Some(0.001));
        assert_eq!(number("-2"), Some(-2.0));
        for not_a_number in ["", "%", "n/a", "0.9 ± 0.1", "inf", "NaN", "1e999"] {
            assert_eq!(number(not_a_number), None, "{not_a_number:?}");
        }
    }

    #[test]
    fn iso_dates_must_be_days_that_exist() {
        assert_eq!(
            Date::parse_iso("2026-11-01").map(|d| d.to_string()).as_deref(),
            Some("2026-11-01")
        );
        assert!(Date::parse_iso("2024-02-29").is_some(), "a leap day");
        assert!(Date::parse_iso("2000-02-29").is_some() && Date::parse_iso("1999-12-31").is_some());
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2024-01-00",
            "2026-1-01",
            "26-11-01",
            "+024-01-01",
            "2026-11-01-",
            "2026/11/01",
            "",
            "２０２６-11-01",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn us_dates_are_read_month_first() {
        assert_eq!(
            Date::parse_us("08/28/2020").map(|d| d.to_string()).as_deref(),
            Some("2020-08-28")
        );
        assert_eq!(
            Date::parse_us("2/2/2020").map(|d| d.to_string()).as_deref(),
            Some("2020-02-02")
        );
        for bad in ["2020/02/02", "13/01/2020", "02/30/2020", "1/1/20", "a/b/cdef", ""] {
            assert_eq!(Date::parse_us(bad), None, "{bad:?}");
        }
    }
}
