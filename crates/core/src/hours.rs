//! Opening hours, judged in each service's own time zone: "open now",
//! when it closes or next opens, and a weekly summary for the referral.
//!
//! The browser gives only the instant (Unix milliseconds); the local time is
//! worked out here from a small table of the zones used in the US and its
//! territories and the US daylight-saving rule (since 2007: from the second
//! Sunday of March at 02:00 to the first Sunday of November at 02:00, local
//! time). A full tz database would add tens of KB to the wasm for rules no
//! US service needs; `waypoint build` rejects a zone not in the table.

use crate::locale::Strings;
use crate::model::Hours;

const DAY: i64 = 1440;
const WEEK: i64 = 7 * DAY;
const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// An IANA zone: its standard offset from UTC in minutes, whether it keeps
/// US daylight saving time, and the locale key of its everyday name.
struct Zone {
    name: &'static str,
    offset: i64,
    dst: bool,
    label: &'static str,
}

const fn zone(name: &'static str, offset: i64, dst: bool, label: &'static str) -> Zone {
    Zone {
        name,
        offset,
        dst,
        label,
    }
}

const ZONES: [Zone; 20] = [
    zone("America/New_York", -300, true, "eastern"),
    zone("America/Detroit", -300, true, "eastern"),
    zone("America/Indiana/Indianapolis", -300, true, "eastern"),
    zone("America/Kentucky/Louisville", -300, true, "eastern"),
    zone("America/Chicago", -360, true, "central"),
    zone("America/Indiana/Knox", -360, true, "central"),
    zone("America/Menominee", -360, true, "central"),
    zone("America/North_Dakota/Center", -360, true, "central"),
    zone("America/Denver", -420, true, "mountain"),
    zone("America/Boise", -420, true, "mountain"),
    zone("America/Phoenix", -420, false, "arizona"),
    zone("America/Los_Angeles", -480, true, "pacific"),
    zone("America/Anchorage", -540, true, "alaska"),
    zone("America/Juneau", -540, true, "alaska"),
    zone("America/Adak", -600, true, "hawaii_aleutian"),
    zone("Pacific/Honolulu", -600, false, "hawaii"),
    zone("America/Puerto_Rico", -240, false, "atlantic"),
    zone("America/St_Thomas", -240, false, "atlantic"),
    zone("Pacific/Guam", 600, false, "chamorro"),
    zone("Pacific/Pago_Pago", -660, false, "samoa"),
];

fn find_zone(name: &str) -> Option<&'static Zone> {
    ZONES.iter().find(|z| z.name == name)
}

pub fn is_known_zone(name: &str) -> bool {
    find_zone(name).is_some()
}

/// The zone most of a state's people live in, for schedules given without
/// one (Texas: Central; Florida: Eastern; Arizona keeps no daylight time).
pub fn zone_for_state(code: &str) -> Option<&'static str> {
    let zone = match code {
        "CT" | "DE" | "DC" | "FL" | "GA" | "IN" | "KY" | "ME" | "MD" | "MA" | "MI" | "NH"
        | "NJ" | "NY" | "NC" | "OH" | "PA" | "RI" | "SC" | "VT" | "VA" | "WV" => "America/New_York",
        "AL" | "AR" | "IL" | "IA" | "KS" | "LA" | "MN" | "MS" | "MO" | "NE" | "ND" | "OK"
        | "SD" | "TN" | "TX" | "WI" => "America/Chicago",
        "CO" | "ID" | "MT" | "NM" | "UT" | "WY" => "America/Denver",
        "AZ" => "America/Phoenix",
        "CA" | "NV" | "OR" | "WA" => "America/Los_Angeles",
        "AK" => "America/Anchorage",
        "HI" => "Pacific/Honolulu",
        "PR" => "America/Puerto_Rico",
        "VI" => "America/St_Thomas",
        "GU" | "MP" => "Pacific/Guam",
        "AS" => "Pacific/Pago_Pago",
        _ => return None,
    };
    Some(zone)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar
/// (the "days from civil" algorithm, eras of 400 years).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The year a day (since 1970-01-01) falls in.
fn year_of(days: i64) -> i64 {
    let mut year = 1970 + days.div_euclid(366);
    while days_from_civil(year + 1, 1, 1) <= days {
        year += 1;
    }
    year
}

/// 0 = Monday: 1970-01-01 was a Thursday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// The day of the `n`th Sunday of a month.
fn nth_sunday(year: i64, month: i64, n: i64) -> i64 {
    let first = days_from_civil(year, month, 1);
    first + (6 - weekday(first)).rem_euclid(7) + 7 * (n - 1)
}

/// The offset from UTC, in minutes, at a UTC instant (in minutes).
fn offset_at(zone: &Zone, utc_minutes: i64) -> i64 {
    if !zone.dst {
        return zone.offset;
    }
    let year = year_of((utc_minutes + zone.offset).div_euclid(DAY));
    // 02:00 standard time on the second Sunday of March; 02:00 daylight
    // time (01:00 standard) on the first Sunday of November.
    let starts = nth_sunday(year, 3, 2) * DAY + 120 - zone.offset;
    let ends = nth_sunday(year, 11, 1) * DAY + 60 - zone.offset;
    if (starts..ends).contains(&utc_minutes) {
        zone.offset + 60
    } else {
        zone.offset
    }
}

/// A moment in a service's week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Minutes after midnight.
    pub minutes: u16,
}

/// The local weekday and time in `zone` at a Unix instant.
pub fn local_time(zone: &str, unix_ms: i64) -> Option<LocalTime> {
    let zone = find_zone(zone)?;
    let utc = unix_ms.div_euclid(60_000);
    let local = utc + offset_at(zone, utc);
    Some(LocalTime {
        weekday: weekday(local.div_euclid(DAY)) as u8,
        minutes: local.rem_euclid(DAY) as u16,
    })
}

/// When something happens next, seen from now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub weekday: u8,
    pub minutes: u16,
    /// 0 today, 1 tomorrow, and so on.
    pub days_ahead: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenStatus {
    AlwaysOpen,
    /// `closes` is `None` when the hours never stop in a week.
    Open {
        closes: Option<Moment>,
    },
    Closed {
        opens: Option<Moment>,
    },
    /// No hours given, or no time zone to judge them in.
    NotListed,
}

/// The opening periods as minutes of the week, each `[start, end)`; a
/// period past midnight ends the next day, an equal open and close is a
/// whole day.
fn intervals(hours: &Hours) -> Vec<(i64, i64)> {
    hours
        .periods
        .iter()
        .map(|p| {
            let start = i64::from(p.day) * DAY + i64::from(p.opens);
            let length = (i64::from(p.closes) - i64::from(p.opens)).rem_euclid(DAY);
            (start, start + if length == 0 { DAY } else { length })
        })
        .collect()
}

/// Whether minute `m` of the week (any integer) is inside an interval.
fn open_at(intervals: &[(i64, i64)], m: i64) -> bool {
    let m = m.rem_euclid(WEEK);
    intervals
        .iter()
        .any(|&(s, e)| (s..e).contains(&m) || (s..e).contains(&(m + WEEK)))
}

/// The next minute after `now` (within a week) where `open_at` changes to
/// `to`: only period edges can change it.
fn next_change(intervals: &[(i64, i64)], now: i64, to: bool) -> Option<i64> {
    // Edges ahead of now, as minutes from now (all under a week, so the
    // keyed sort's u64 holds them).
    let mut ahead: Vec<i64> = intervals
        .iter()
        .flat_map(|&(s, e)| [s, e])
        .map(|t| (t - now).rem_euclid(WEEK))
        .filter(|&d| d > 0)
        .collect();
    ahead.push(WEEK);
    let order = crate::sort::order_by_key(ahead.len(), |i| ahead[i] as u64);
    // Between edges nothing changes, so the first edge with the other
    // state is the change.
    order
        .into_iter()
        .map(|i| now + ahead[i as usize])
        .find(|&t| open_at(intervals, t) == to)
}

fn moment(now: i64, at: i64) -> Moment {
    let days_ahead = at.div_euclid(DAY) - now.div_euclid(DAY);
    Moment {
        weekday: at.div_euclid(DAY).rem_euclid(7) as u8,
        minutes: at.rem_euclid(DAY) as u16,
        days_ahead: days_ahead as u8,
    }
}

/// Whether the service is open at a Unix instant, and until when, or
/// when it opens next.
pub fn status(hours: &Hours, unix_ms: i64) -> OpenStatus {
    if hours.always_open {
        return OpenStatus::AlwaysOpen;
    }
    let Some(local) = hours
        .timezone
        .as_deref()
        .and_then(|z| local_time(z, unix_ms))
    else {
        return OpenStatus::NotListed;
    };
    if hours.periods.is_empty() {
        return OpenStatus::NotListed;
    }
    let intervals = intervals(hours);
    let now = i64::from(local.weekday) * DAY + i64::from(local.minutes);
    if open_at(&intervals, now) {
        match next_change(&intervals, now, false) {
            Some(t) => OpenStatus::Open {
                closes: Some(moment(now, t)),
            },
            // Hours that never stop in a week are round the clock.
            None => OpenStatus::AlwaysOpen,
        }
    } else {
        OpenStatus::Closed {
            opens: next_change(&intervals, now, true).map(|t| moment(now, t)),
        }
    }
}

/// Open 24/7 counts as open; hours not listed do not.
pub fn is_open_now(hours: &Hours, unix_ms: i64) -> bool {
    matches!(
        status(hours, unix_ms),
        OpenStatus::AlwaysOpen | OpenStatus::Open { .. }
    )
}

/// "5 pm", "9:30 am" (12-hour catalogues) or "17:00" (24-hour ones).
fn clock(minutes: u16, strings: &Strings) -> String {
    let (h, m) = (minutes / 60 % 24, minutes % 60);
    if strings.get("hours.clock") == "24" {
        return format!("{h:02}:{m:02}");
    }
    let suffix = strings.get(if h < 12 { "hours.am" } else { "hours.pm" });
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    if m == 0 {
        format!("{h12} {suffix}")
    } else {
        format!("{h12}:{m:02} {suffix}")
    }
}

/// "5 pm", "at midnight", "tomorrow 5 pm", "Monday 9 am".
fn when(at: Moment, strings: &Strings) -> String {
    if at.minutes == 0 && at.days_ahead == 1 {
        // The coming midnight, not "tomorrow 12 am".
        return strings.label("hours.midnight");
    }
    let time = clock(at.minutes, strings);
    match at.days_ahead {
        0 => time,
        1 => strings.format("hours.tomorrow", &[("time", &time)]),
        _ => strings.format(
            "hours.on_day",
            &[
                (
                    "day",
                    &strings.label(&format!("day.{}", DAY_KEYS[at.weekday as usize % 7])),
                ),
                ("time", &time),
            ],
        ),
    }
}

/// The status in words: "Open now · closes 5 pm", "Closed · opens Monday 9 am".
pub fn describe(status: &OpenStatus, strings: &Strings) -> String {
    match *status {
        OpenStatus::AlwaysOpen => strings.label("hours.always"),
        OpenStatus::Open { closes: Some(at) } => {
            strings.format("hours.open_until", &[("when", &when(at, strings))])
        }
        OpenStatus::Open { closes: None } => strings.label("hours.open"),
        OpenStatus::Closed { opens: Some(at) } => {
            strings.format("hours.closed_until", &[("when", &when(at, strings))])
        }
        OpenStatus::Closed { opens: None } => strings.label("hours.closed"),
        OpenStatus::NotListed => strings.label("hours.not_listed"),
    }
}

/// The week in a few lines: "Mon–Fri 9 am–5 pm", "Sat–Sun closed", then
/// the zone ("Pacific time") so staff in another zone read it right.
pub fn weekly_summary(hours: &Hours, strings: &Strings) -> Vec<String> {
    if hours.always_open {
        return vec![strings.label("hours.always")];
    }
    if hours.periods.is_empty() {
        return Vec::new();
    }
    let day_text = |day: usize| -> String {
        let mut periods: Vec<(u16, u16)> = hours
            .periods
            .iter()
            .filter(|p| usize::from(p.day) == day)
            .map(|p| (p.opens, p.closes))
            .collect();
        crate::sort::sort_by_key(&mut periods, |&(o, c)| u64::from(o) << 16 | u64::from(c));
        if periods.is_empty() {
            return strings.label("hours.closed_day");
        }
        periods
            .iter()
            .map(|&(o, c)| format!("{}–{}", clock(o, strings), clock(c, strings)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let short = |day: usize| strings.label(&format!("hours.short.{}", DAY_KEYS[day]));
    let mut lines = Vec::new();
    let mut day = 0;
    while day < 7 {
        let text = day_text(day);
        let mut last = day;
        while last + 1 < 7 && day_text(last + 1) == text {
            last += 1;
        }
        let days = if last == day {
            short(day)
        } else {
            format!("{}–{}", short(day), short(last))
        };
        lines.push(format!("{days} {text}"));
        day = last + 1;
    }
    if let Some(zone) = hours.timezone.as_deref().and_then(find_zone) {
        lines.push(strings.label(&format!("hours.zone.{}", zone.label)));
    }
    lines
}

/// Every zone's name key, so a catalogue test can check each is written.
pub fn zone_label_keys() -> impl Iterator<Item = String> {
    ZONES.iter().map(|z| format!("hours.zone.{}", z.label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(
            weekday(days_from_civil(2026, 11, 28)),
            5,
            "2026-11-28 is a Saturday"
        );
        assert_eq!(weekday(days_from_civil(2024, 2, 29)), 3, "a Thursday");
        assert_eq!(year_of(days_from_civil(2026, 12, 31)), 2026);
        assert_eq!(year_of(days_from_civil(2027, 1, 1)), 2027);
        assert_eq!(nth_sunday(2026, 3, 2), days_from_civil(2026, 3, 8));
        assert_eq!(nth_sunday(2026, 11, 1), days_from_civil(2026, 11, 1));
    }

    #[test]
    fn every_state_has_a_known_zone() {
        for code in ["CA", "TX", "FL", "AZ", "HI", "AK", "PR", "DC", "NY", "GU"] {
            assert!(is_known_zone(zone_for_state(code).unwrap()), "{code}");
        }
        assert_eq!(zone_for_state("XX"), None);
    }
}
