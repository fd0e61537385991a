//! "Open now" across time zones: a table of schedules, zones and instants
//! with the status and the English words a person reads.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::hours::{
    describe, is_open_now, local_time, status, weekly_summary, LocalTime, OpenStatus,
};
use waypoint_core::model::{Hours, OpeningPeriod};

/// Unix milliseconds of `YYYY-MM-DDTHH:MMZ`, worked out independently of
/// the code under test (days counted year by year from 1970).
fn utc(s: &str) -> i64 {
    let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().unwrap();
    let (year, month, day, hour, minute) = (n(0..4), n(5..7), n(8..10), n(11..13), n(14..16));
    assert_eq!(&s[16..], "Z", "{s}");
    let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let mut days: i64 = (1970..year).map(|y| if leap(y) { 366 } else { 365 }).sum();
    let lengths = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    days += lengths[..(month - 1) as usize].iter().sum::<i64>() + day - 1;
    ((days * 24 + hour) * 60 + minute) * 60_000
}

fn clock(s: &str) -> u16 {
    waypoint_core::model::parse_clock(s).unwrap()
}

/// Days as in the data (`mon-fri`, `sat,sun`, `mon-sun`) and one period.
fn periods(days: &str, opens: &str, closes: &str) -> Vec<OpeningPeriod> {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let at = |d: &str| NAMES.iter().position(|n| *n == d).unwrap() as u8;
    let list: Vec<u8> = match days.split_once('-') {
        Some((a, b)) => (at(a)..=at(b)).collect(),
        None => days.split(',').map(at).collect(),
    };
    list.into_iter()
        .map(|day| OpeningPeriod {
            day,
            opens: clock(opens),
            closes: clock(closes),
        })
        .collect()
}

fn hours(zone: Option<&str>, periods: Vec<OpeningPeriod>) -> Hours {
    Hours {
        always_open: false,
        periods,
        note: None,
        timezone: zone.map(str::to_string),
    }
}

#[test]
fn opening_hours_across_time_zones() {
    let weekdays = |zone| hours(Some(zone), periods("mon-fri", "09:00", "17:00"));
    let (la, ny, phoenix) = (
        weekdays("America/Los_Angeles"),
        weekdays("America/New_York"),
        weekdays("America/Phoenix"),
    );
    let nights_la = hours(
        Some("America/Los_Angeles"),
        periods("mon-sun", "19:00", "07:00"),
    );
    let weekend_nights = hours(
        Some("America/Chicago"),
        periods("fri-sat", "20:00", "02:00"),
    );
    let lunch_break = hours(
        Some("America/Denver"),
        [
            periods("mon-fri", "09:00", "12:00"),
            periods("mon-fri", "13:00", "17:00"),
        ]
        .concat(),
    );
    let all_day_every_day = hours(
        Some("America/Phoenix"),
        periods("mon-sun", "00:00", "24:00"),
    );
    let always = Hours {
        always_open: true,
        ..Hours::default()
    };
    let sunday_late = hours(Some("Pacific/Honolulu"), periods("sun", "22:00", "02:00"));
    let through_midnight = hours(
        Some("America/Puerto_Rico"),
        [
            periods("mon", "08:00", "24:00"),
            periods("tue", "00:00", "06:00"),
        ]
        .concat(),
    );
    let saturday_only = hours(
        Some("America/Los_Angeles"),
        periods("sat", "10:00", "14:00"),
    );
    let sunday_3am = hours(
        Some("America/Los_Angeles"),
        periods("sun", "03:00", "04:00"),
    );
    let sunday_1am = hours(
        Some("America/Los_Angeles"),
        periods("sun", "01:00", "02:00"),
    );
    let until_midnight = hours(
        Some("America/Puerto_Rico"),
        periods("mon", "08:00", "24:00"),
    );
    let no_zone = hours(None, periods("mon-fri", "09:00", "17:00"));
    let none = Hours::default();
    let unknown_zone = hours(
        Some("Europe/Atlantis"),
        periods("mon-fri", "09:00", "17:00"),
    );

    let cases: Vec<(&str, &Hours, &str, &str)> = vec![
        // Monday 2026-11-30, 18:00 UTC: 10:00 in Los Angeles, 13:00 in New York.
        (
            "LA weekday morning",
            &la,
            "2026-11-30T18:00Z",
            "Open now · closes 5 pm",
        ),
        (
            "NY same instant",
            &ny,
            "2026-11-30T18:00Z",
            "Open now · closes 5 pm",
        ),
        // 23:30 UTC: 15:30 in Los Angeles (open), 18:30 in New York (closed).
        (
            "LA afternoon",
            &la,
            "2026-11-30T23:30Z",
            "Open now · closes 5 pm",
        ),
        (
            "NY evening",
            &ny,
            "2026-11-30T23:30Z",
            "Closed · opens tomorrow 9 am",
        ),
        (
            "LA Saturday",
            &la,
            "2026-11-28T20:00Z",
            "Closed · opens Monday 9 am",
        ),
        (
            "at the closing minute",
            &la,
            "2026-12-01T01:00Z",
            "Closed · opens tomorrow 9 am",
        ),
        (
            "at the opening minute",
            &la,
            "2026-11-30T17:00Z",
            "Open now · closes 5 pm",
        ),
        (
            "past midnight, after",
            &nights_la,
            "2026-12-01T09:00Z",
            "Open now · closes 7 am",
        ),
        (
            "past midnight, before opening",
            &nights_la,
            "2026-11-30T22:00Z",
            "Closed · opens 7 pm",
        ),
        (
            "past midnight, opening",
            &nights_la,
            "2026-12-01T03:00Z",
            "Open now · closes tomorrow 7 am",
        ),
        (
            "Friday night into Saturday",
            &weekend_nights,
            "2026-11-28T07:30Z",
            "Open now · closes 2 am",
        ),
        (
            "Saturday night into Sunday",
            &weekend_nights,
            "2026-11-29T07:30Z",
            "Open now · closes 2 am",
        ),
        (
            "Monday small hours",
            &weekend_nights,
            "2026-11-30T07:30Z",
            "Closed · opens Friday 8 pm",
        ),
        (
            "lunch break",
            &lunch_break,
            "2026-11-30T19:30Z",
            "Closed · opens 1 pm",
        ),
        (
            "before lunch",
            &lunch_break,
            "2026-11-30T18:00Z",
            "Open now · closes 12 pm",
        ),
        (
            "every day all day is 24/7",
            &all_day_every_day,
            "2026-11-30T18:00Z",
            "Open 24/7",
        ),
        ("24/7", &always, "2026-11-30T18:00Z", "Open 24/7"),
        ("no hours", &none, "2026-11-30T18:00Z", "Hours not listed"),
        (
            "Sunday into Monday, Honolulu",
            &sunday_late,
            "2026-11-30T11:00Z",
            "Open now · closes 2 am",
        ),
        (
            "Sunday evening, Honolulu",
            &sunday_late,
            "2026-11-30T07:00Z",
            "Closed · opens 10 pm",
        ),
        (
            "24:00 then 00:00, Puerto Rico",
            &through_midnight,
            "2026-11-30T23:00Z",
            "Open now · closes tomorrow 6 am",
        ),
        (
            "closing at 24:00",
            &until_midnight,
            "2026-11-30T23:00Z",
            "Open now · closes at midnight",
        ),
        (
            "days ahead",
            &saturday_only,
            "2026-11-30T18:00Z",
            "Closed · opens Saturday 10 am",
        ),
        // Summer: Los Angeles is UTC-7, Phoenix stays UTC-7 all year.
        (
            "LA summer (daylight time)",
            &la,
            "2026-07-06T16:30Z",
            "Open now · closes 5 pm",
        ),
        (
            "LA winter, same UTC time",
            &la,
            "2026-01-05T16:30Z",
            "Closed · opens 9 am",
        ),
        (
            "Phoenix summer",
            &phoenix,
            "2026-07-06T16:30Z",
            "Open now · closes 5 pm",
        ),
        (
            "Phoenix winter (no daylight time)",
            &phoenix,
            "2026-01-05T16:30Z",
            "Open now · closes 5 pm",
        ),
        // 2026-03-08: clocks go from 02:00 to 03:00 in Los Angeles (10:00 UTC).
        (
            "before spring forward",
            &sunday_3am,
            "2026-03-08T09:30Z",
            "Closed · opens 3 am",
        ),
        (
            "after spring forward",
            &sunday_3am,
            "2026-03-08T10:30Z",
            "Open now · closes 4 am",
        ),
        // 2026-11-01: 01:00-02:00 happens twice (08:00-10:00 UTC).
        (
            "first 1:30 am",
            &sunday_1am,
            "2026-11-01T08:30Z",
            "Open now · closes 2 am",
        ),
        (
            "second 1:30 am",
            &sunday_1am,
            "2026-11-01T09:30Z",
            "Open now · closes 2 am",
        ),
        (
            "after fall back",
            &sunday_1am,
            "2026-11-01T10:30Z",
            "Closed · opens Sunday 1 am",
        ),
        (
            "no time zone",
            &no_zone,
            "2026-11-30T18:00Z",
            "Hours not listed",
        ),
        (
            "unknown time zone",
            &unknown_zone,
            "2026-11-30T18:00Z",
            "Hours not listed",
        ),
    ];
    assert!(cases.len() >= 24);
    let site = support::default_site();
    let strings = site.strings("en");
    let mut failures = Vec::new();
    for (name, hours, at, expected) in &cases {
        let got = describe(&status(hours, utc(at)), &strings);
        if got != *expected {
            failures.push(format!(
                "{name} at {at}: expected {expected:?}, got {got:?}"
            ));
        }
        let open = expected.starts_with("Open");
        if is_open_now(hours, utc(at)) != open {
            failures.push(format!("{name} at {at}: is_open_now should be {open}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn local_time_follows_daylight_saving() {
    let la = |at| local_time("America/Los_Angeles", utc(at)).unwrap();
    assert_eq!(
        la("2026-11-28T20:00Z"),
        LocalTime {
            weekday: 5,
            minutes: 12 * 60
        },
        "Saturday noon"
    );
    assert_eq!(
        la("2026-07-06T16:30Z").minutes,
        9 * 60 + 30,
        "UTC-7 in summer"
    );
    assert_eq!(
        la("2026-01-05T16:30Z").minutes,
        8 * 60 + 30,
        "UTC-8 in winter"
    );
    assert_eq!(la("2026-11-01T08:30Z").minutes, 90);
    assert_eq!(
        la("2026-11-01T09:30Z").minutes,
        90,
        "1:30 am twice on the day clocks go back"
    );
    assert_eq!(
        local_time("Pacific/Guam", utc("2026-11-30T18:00Z")),
        Some(LocalTime {
            weekday: 1,
            minutes: 4 * 60
        }),
        "Tuesday 4 am, UTC+10"
    );
    assert_eq!(local_time("Mars/Olympus_Mons", 0), None);
}

#[test]
fn the_week_in_a_few_lines() {
    let site = support::default_site();
    let en = site.strings("en");
    let week = hours(
        Some("America/Los_Angeles"),
        [
            periods("mon-fri", "09:00", "17:00"),
            periods("sat", "10:00", "14:30"),
        ]
        .concat(),
    );
    assert_eq!(
        weekly_summary(&week, &en),
        [
            "Mon–Fri 9 am–5 pm",
            "Sat 10 am–2:30 pm",
            "Sun closed",
            "Pacific time"
        ]
    );
    let nights = hours(
        Some("America/Chicago"),
        periods("mon-sun", "19:00", "07:00"),
    );
    assert_eq!(
        weekly_summary(&nights, &en),
        ["Mon–Sun 7 pm–7 am", "Central time"]
    );
    assert_eq!(
        weekly_summary(
            &Hours {
                always_open: true,
                ..Hours::default()
            },
            &en
        ),
        ["Open 24/7"]
    );
    assert!(weekly_summary(&Hours::default(), &en).is_empty());
}

#[test]
fn spanish_reads_a_24_hour_clock() {
    let mut bundle = support::default_bundle();
    bundle.locales.retain(|c| c.lang == "es" || c.lang == "en");
    let site = waypoint_core::site::Site::new(bundle);
    let es = site.strings("es");
    let week = hours(
        Some("America/New_York"),
        periods("mon-fri", "09:00", "17:00"),
    );
    assert_eq!(
        describe(&status(&week, utc("2026-11-30T18:00Z")), &es),
        "Abierto ahora · cierra 17:00"
    );
    assert_eq!(
        describe(&status(&week, utc("2026-11-30T23:30Z")), &es),
        "Cerrado · abre mañana a las 09:00"
    );
    assert_eq!(weekly_summary(&week, &es)[0], "lun–vie 09:00–17:00");
    assert!(
        matches!(status(&week, utc("2026-11-28T20:00Z")), OpenStatus::Closed { opens: Some(m) } if m.days_ahead == 2)
    );
}

#[test]
fn every_zone_has_a_name_in_every_language() {
    let site = support::default_site();
    for lang in ["en", "es"] {
        let catalog = site.catalog(lang).unwrap();
        for key in waypoint_core::hours::zone_label_keys() {
            assert!(catalog.lookup(&key).is_some(), "{lang}: {key}");
        }
    }
}
