//! gazette's own calendar date, so that users need no date crate of their own.

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A day of the (proleptic Gregorian) calendar, from `0000-01-01` to `9999-12-31`: the
/// date of an article.
///
/// It is written, parsed and serialized as ISO `YYYY-MM-DD`, the form of the date header
/// and of the JSON output. Dates order chronologically.
///
/// ```
/// use gazette::Date;
///
/// let date: Date = "2017-03-20".parse()?;
/// assert_eq!((date.year(), date.month(), date.day()), (2017, 3, 20));
/// assert_eq!(date.to_string(), "2017-03-20");
/// assert_eq!(date, Date::new(2017, 3, 20)?);
/// assert!(Date::new(2017, 2, 30).is_err()); // no such day
/// assert!("2017-3-20".parse::<Date>().is_err()); // not YYYY-MM-DD
/// assert_eq!(serde_json::to_string(&date).unwrap(), r#""2017-03-20""#);
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order gives the chronological `Ord`.
    year: i16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date of this year, month (1–12) and day (1–31), if the calendar has it and the
    /// year is in `0..=9999`. Otherwise an error of kind [`ErrorKind::InvalidDate`].
    pub fn new(year: i16, month: u8, day: u8) -> Result<Date, Error> {
        let exists = (0..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        if exists {
            Ok(Date { year, month, day })
        } else {
            Err(Error::new(
                ErrorKind::InvalidDate,
                format!("{year:04}-{month:02}-{day:02} is not a day of the calendar"),
            ))
        }
    }

    /// The year, `0..=9999`.
    pub fn year(self) -> i16 {
        self.year
    }

    /// The month, `1..=12`.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, `1..=31`.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day as a `jiff` date, for the passes that compute with dates.
    pub(crate) fn to_civil(self) -> jiff::civil::Date {
        // Every `Date` is a valid day in jiff's range (-9999..=9999), so this never falls
        // back; the fallback only keeps the conversion free of panics.
        jiff::civil::Date::new(self.year, self.month as i8, self.day as i8).unwrap_or_default()
    }

    /// Reads exactly `YYYY-MM-DD` (ASCII digits) from the start of `b`; `None` when the
    /// shape is wrong, `Some(None)` when the shape is right but the day does not exist.
    pub(crate) fn parse_iso_prefix(b: &[u8]) -> Option<Option<Date>> {
        let shape_ok = b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&k| b[k].is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let number = |from: usize, to: usize| {
            b[from..to]
                .iter()
                .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'))
        };
        // Four digits fit an i16 and two a u8.
        let (year, month, day) = (number(0, 4) as i16, number(5, 7) as u8, number(8, 10) as u8);
        Some(Date::new(year, month, day).ok())
    }
}

fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses exactly `YYYY-MM-DD`: four, two and two ASCII digits, and a day the calendar has.
impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Date, Error> {
        match Date::parse_iso_prefix(s.as_bytes()) {
            Some(Some(date)) if s.len() == 10 => Ok(date),
            Some(None) if s.len() == 10 => Err(Error::new(
                ErrorKind::InvalidDate,
                format!("{s} is not a day of the calendar"),
            )),
            _ => Err(Error::new(
                ErrorKind::InvalidDate,
                format!("`{}` is not a date written YYYY-MM-DD", s.escape_debug()),
            )),
        }
    }
}

/// ISO `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// ISO `YYYY-MM-DD`, like `Display`.
impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// As an ISO `YYYY-MM-DD` string.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// From an ISO `YYYY-MM-DD` string.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_rules() {
        assert!(Date::new(2016, 2, 29).is_ok());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2017, 2, 29).is_err());
        assert!(Date::new(2017, 4, 31).is_err());
        assert!(Date::new(2017, 13, 1).is_err());
        assert!(Date::new(2017, 0, 1).is_err());
        assert!(Date::new(2017, 1, 0).is_err());
        assert!(Date::new(-1, 1, 1).is_err());
        assert!(Date::new(10000, 1, 1).is_err());
        assert_eq!(Date::new(0, 1, 1).unwrap().to_string(), "0000-01-01");
        assert_eq!(Date::new(9999, 12, 31).unwrap().to_string(), "9999-12-31");
    }

    #[test]
    fn parses_only_iso() {
        for bad in [
            "",
            "2017-3-20",
            "2017-03-20 ",
            "2017-03-20x",
            "20170320",
            "2017/03/20",
            "２０１７-03-20",
            "+2017-03-20",
        ] {
            let err = bad.parse::<Date>().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidDate, "{bad:?}");
        }
        let err = "2017-02-30".parse::<Date>().unwrap_err();
        assert_eq!(err.to_string(), "2017-02-30 is not a day of the calendar");
        assert_eq!("0999-01-02".parse::<Date>().unwrap().year(), 999);
    }

    #[test]
    fn agrees_with_jiff_and_orders_chronologically() {
        for s in [
            "2017-03-20",
            "2016-02-29",
            "0000-01-01",
            "9999-12-31",
            "1999-12-31",
        ] {
            let ours: Date = s.parse().unwrap();
            let theirs: jiff::civil::Date = s.parse().unwrap();
            assert_eq!(ours.to_civil(), theirs);
            assert_eq!(ours.to_string(), theirs.to_string());
        }
        let a: Date = "2017-03-20".parse().unwrap();
        let b: Date = "2017-12-01".parse().unwrap();
        assert!(a < b);
    }

    #[test]
    fn serde_round_trip() {
        let d: Date = "2017-03-20".parse().unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2017-03-20\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2017-02-30\"").is_err());
        assert!(serde_json::from_str::<Date>("20170320").is_err());
    }
}
