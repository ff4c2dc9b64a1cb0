//! RFC 3339 timestamps as milliseconds since the Unix epoch.
//!
//! Core never reads a clock: callers pass `now` in. This module only turns the feed's timestamp
//! strings into numbers that can be compared with it.

/// Wall-clock time: milliseconds since 1970-01-01T00:00:00Z, as the host's clock tells it
/// (`Date.now()`). It can jump (the user sets the time, the network corrects it), so it dates
/// things — a card's window, an event's `at` — and never measures how long something took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct WallMs(pub i64);

/// A JS number of milliseconds since the epoch, as `Date.now()` gives (exact for every date
/// within 285,000 years of 1970).
#[cfg(test)]
impl serde::Serialize for WallMs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0 as f64)
    }
}

/// Monotonic time: milliseconds on the page's own clock (`performance.now()`, an event's
/// `timeStamp`). It never goes back, and it means nothing outside this page: it measures
/// durations and drives timers, and never dates anything.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct MonoMs(pub f64);

impl WallMs {
    /// `ms` later (earlier when negative), saturating at the ends of the range.
    pub fn plus(self, ms: i64) -> Self {
        Self(self.0.saturating_add(ms))
    }

    /// Milliseconds from `earlier` to `self` (negative when `earlier` is later).
    pub fn since(self, earlier: Self) -> i64 {
        self.0.saturating_sub(earlier.0)
    }
}

impl MonoMs {
    /// `ms` later.
    pub fn plus(self, ms: f64) -> Self {
        Self(self.0 + ms)
    }

    /// Milliseconds from `earlier` to `self`.
    pub fn since(self, earlier: Self) -> f64 {
        self.0 - earlier.0
    }
}

/// Parses an RFC 3339 date-time such as `2026-11-25T14:00:00Z` or
/// `2026-11-25T19:30:00.250+05:30` into milliseconds since the epoch.
///
/// Returns `None` for anything that is not a complete, in-range RFC 3339 date-time.
///
/// ```
/// use glance_renderer::core::time::{parse_rfc3339, WallMs};
/// assert_eq!(parse_rfc3339("1970-01-01T00:00:01Z"), Some(WallMs(1000)));
/// assert_eq!(parse_rfc3339("2026-11-25T19:30:00+05:30"), parse_rfc3339("2026-11-25T14:00:00Z"));
/// assert_eq!(parse_rfc3339("2026-02-30T00:00:00Z"), None);
/// ```
pub fn parse_rfc3339(text: &str) -> Option<WallMs> {
    let b = text.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    // A leap second (60) is accepted and counted as the last second of the minute.
    let second = digits(b, 17, 2)?.min(59);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || digits(b, 17, 2)? > 60 {
        return None;
    }
    let mut rest = &b[19..];
    let mut millis = 0i64;
    if let Some((&b'.', frac)) = rest.split_first() {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        for (i, c) in frac[..n.min(3)].iter().enumerate() {
            millis += i64::from(c - b'0') * [100, 10, 1][i];
        }
        rest = &frac[n..];
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let h = digits(rest, 1, 2)?;
            let m = digits(rest, 4, 2)?;
            if h > 23 || m > 59 {
                return None;
            }
            let total = h * 60 + m;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(WallMs(seconds * 1_000 + millis))
}

fn digits(b: &[u8], start: usize, len: usize) -> Option<i64> {
    let slice = b.get(start..start + len)?;
    slice.iter().try_fold(0i64, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        let cases = [
            ("1970-01-01T00:00:00Z", Some(0)),
            ("2000-03-01T00:00:00Z", Some(951_868_800_000)),
            ("2026-11-25T14:00:00Z", Some(1_795_615_200_000)),
            ("2026-11-25T14:00:00.5Z", Some(1_795_615_200_500)),
            ("2026-11-25T14:00:00.123456Z", Some(1_795_615_200_123)),
            ("2026-11-25T09:00:00-05:00", Some(1_795_615_200_000)),
            ("2024-02-29T00:00:00Z", Some(1_709_164_800_000)),
            ("1969-12-31T23:59:59Z", Some(-1_000)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_rfc3339(text), want.map(WallMs), "{text}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for text in [
            "",
            "2026-11-25",
            "2026-11-25T14:00:00",
            "2026-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2026-11-25T24:00:00Z",
            "2026-11-25T14:00:00.Z",
            "2026-11-25T14:00:00+0530",
            "2026-11-25T14:00:00+05:30x",
            "２026-11-25T14:00:00Z",
            "tomorrow at noon",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text:?}");
        }
    }
}
