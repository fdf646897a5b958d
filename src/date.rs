//! Calendar dates as editors write them (`YYYY-MM-DD`), and the build date: the one "today"
//! that embargoes (`publish_after`) and consent reviews are measured against.
//!
//! The build date is never read from the clock inside a stage: it is decided once, when the
//! settings are loaded ([`build_date`]), from `--now`, else `SOURCE_DATE_EPOCH` (the
//! reproducible-builds convention), else today's date in UTC, and carried by
//! [`Config::today`](crate::config::Config::today). So two builds given the same date make the
//! same bytes, and a test can build "tomorrow" without waiting.

use std::fmt;

/// A calendar date between 1900 and 2100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD` (spaces around it allowed), if it is a real calendar date.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        ((1..=date.days_in_month()).contains(&day) && (1900..=2100).contains(&year)).then_some(date)
    }

    fn days_in_month(self) -> u8 {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// The UTC date of a moment given in seconds since 1970-01-01.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        // Howard Hinnant's days-to-civil algorithm.
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// As a tuple, the shape `Story::interviewed` has.
    pub fn as_tuple(self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why the build date could not be decided.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildDateError {
    #[error("`--now {0}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14")]
    Now(String),
    #[error(
        "SOURCE_DATE_EPOCH `{0}` is not a number of seconds since 1970: set it to one (e.g. `git log -1 --format=%ct`), or unset it to build with today's date"
    )]
    Epoch(String),
}

/// The build date: `now` (from `--now`) if given, else the `SOURCE_DATE_EPOCH` variable if set,
/// else today in UTC.
pub fn build_date(now: Option<&str>) -> Result<Date, BuildDateError> {
    build_date_from(
        now,
        std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
        || {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        },
    )
}

/// [`build_date`] with the variable and the clock given, for tests.
fn build_date_from(
    now: Option<&str>,
    epoch: Option<&str>,
    clock: impl FnOnce() -> i64,
) -> Result<Date, BuildDateError> {
    if let Some(now) = now {
        return Date::parse(now).ok_or_else(|| BuildDateError::Now(now.to_string()));
    }
    if let Some(epoch) = epoch.filter(|e| !e.trim().is_empty()) {
        let seconds: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| BuildDateError::Epoch(epoch.to_string()))?;
        return Ok(Date::from_unix_seconds(seconds));
    }
    Ok(Date::from_unix_seconds(clock()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn reads_calendar_dates_only() {
        assert_eq!(Date::parse(" 2024-02-29 "), Some(date(2024, 2, 29)));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("12/10/2015"), None);
        assert_eq!(date(2015, 3, 4).to_string(), "2015-03-04");
    }

    #[test]
    fn converts_seconds_since_1970_to_the_utc_date() {
        assert_eq!(Date::from_unix_seconds(0), date(1970, 1, 1));
        assert_eq!(Date::from_unix_seconds(951_782_400), date(2000, 2, 29));
        // 2026-12-31T23:59:59Z and one second later.
        assert_eq!(Date::from_unix_seconds(1_798_761_599), date(2026, 12, 31));
        assert_eq!(Date::from_unix_seconds(1_798_761_600), date(2027, 1, 1));
    }

    #[test]
    fn now_wins_over_the_variable_which_wins_over_the_clock() {
        let clock = || 0;
        assert_eq!(
            build_date_from(Some("2030-01-02"), Some("0"), clock),
            Ok(date(2030, 1, 2))
        );
        assert_eq!(
            build_date_from(None, Some("951782400"), clock),
            Ok(date(2000, 2, 29))
        );
        assert_eq!(build_date_from(None, None, clock), Ok(date(1970, 1, 1)));
        assert_eq!(build_date_from(None, Some(""), clock), Ok(date(1970, 1, 1)));
        assert!(matches!(
            build_date_from(Some("tomorrow"), None, clock),
            Err(BuildDateError::Now(_))
        ));
        assert!(matches!(
            build_date_from(None, Some("yesterday"), clock),
            Err(BuildDateError::Epoch(_))
        ));
    }
}
