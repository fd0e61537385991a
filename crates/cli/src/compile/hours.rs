//! Opening hours and the time zone they are kept in.

use super::checks::clean;
use crate::source::ServiceSource;
use waypoint_core::model::{parse_clock, Hours, Location, OpeningPeriod, ServiceArea};

/// `default_zone` is the site's `timezone`, for hours no state places.
pub(super) fn compile_hours(
    s: &ServiceSource,
    locations: &[Location],
    areas: &[ServiceArea],
    default_zone: Option<&str>,
    p: &mut impl FnMut(&str, String),
) -> Hours {
    let mut periods = Vec::new();
    for (i, h) in s.hours.iter().enumerate() {
        let field = format!("hours[{i}]");
        let days = parse_days(&h.days);
        if days.is_none() {
            p(
                &format!("{field}.days"),
                format!(
                    "expected days such as \"mon-fri\" or \"sat,sun\", found {:?}",
                    h.days
                ),
            );
        }
        let (opens, closes) = (parse_clock(&h.opens), parse_clock(&h.closes));
        if opens.is_none() {
            p(
                &format!("{field}.opens"),
                format!("expected HH:MM, found {:?}", h.opens),
            );
        }
        if closes.is_none() {
            p(
                &format!("{field}.closes"),
                format!("expected HH:MM, found {:?}", h.closes),
            );
        }
        if let (Some(days), Some(opens), Some(closes)) = (days, opens, closes) {
            periods.extend(
                days.into_iter()
                    .map(|day| OpeningPeriod { day, opens, closes }),
            );
        }
    }
    if s.open_24_7 && !s.hours.is_empty() {
        p("hours", "open_24_7 and hours both given; keep one".into());
    }
    // Hours mean nothing without the zone they are kept in: given, or the
    // main zone of the state the service is in (or serves alone), or the
    // zone the whole site is in.
    let timezone = match &s.timezone {
        Some(zone) if !waypoint_core::hours::is_known_zone(zone) => {
            p(
                "timezone",
                format!(
                    "{zone:?} is not a US time zone Waypoint knows (for example America/Chicago)"
                ),
            );
            None
        }
        Some(zone) => Some(zone.clone()),
        None if periods.is_empty() => None,
        None => {
            let state = locations
                .iter()
                .find_map(|l| l.state.clone())
                .or_else(|| match areas {
                    [ServiceArea::State(st)] | [ServiceArea::Local { state: st, .. }] => {
                        Some(st.clone())
                    }
                    _ => None,
                });
            let zone = state
                .as_deref()
                .and_then(waypoint_core::hours::zone_for_state)
                .or(default_zone);
            if zone.is_none() {
                p("timezone", "hours are given but no time zone, and none follows from a location's state; add timezone (or a site-wide timezone in site.toml)".into());
            }
            zone.map(str::to_string)
        }
    };
    Hours {
        always_open: s.open_24_7,
        periods,
        note: clean(&s.hours_note),
        timezone,
    }
}

/// `mon-fri`, `sat,sun`, `fri-mon` (wrapping) → day numbers, Monday = 0.
pub fn parse_days(text: &str) -> Option<Vec<u8>> {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let day = |s: &str| {
        NAMES
            .iter()
            .position(|n| *n == s.trim().to_ascii_lowercase())
            .map(|d| d as u8)
    };
    let mut out = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (mut d, end) = (day(a)?, day(b)?);
                loop {
                    out.push(d);
                    if d == end {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => out.push(day(part)?),
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse() {
        assert_eq!(parse_days("mon-fri"), Some(vec![0, 1, 2, 3, 4]));
        assert_eq!(parse_days("sat,sun"), Some(vec![5, 6]));
        assert_eq!(parse_days("fri-mon"), Some(vec![0, 4, 5, 6]));
        assert_eq!(parse_days("weekdays"), None);
    }
}
