//! The directory as the browser holds it, aligned with Open Referral HSDS 3.0:
//! organisations offer services; a service has phones, locations, service
//! areas, schedules, languages, eligibility and an application process.
//! Waypoint adds its own service codes and population tags, a
//! confidential-address flag, and on every service its source and the date
//! it was last verified.
//!
//! These types are the compact, already-validated form that `waypoint build`
//! writes into the bundle; the editing format lives in `crate::source`.

use serde::{Deserialize, Serialize};

use crate::taxonomy::{PopulationId, ServiceTypeId};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub organizations: Vec<Organization>,
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub alternate_name: Option<String>,
    pub description: Option<String>,
    pub website: Option<String>,
}

/// Index of an organisation in `Directory::organizations`.
pub type OrganizationIdx = u32;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub organization: OrganizationIdx,
    pub name: String,
    pub description: Option<String>,
    /// Words the build adds from the synonym table (`search::synonyms`):
    /// what the service's text means without saying it. Searched, never shown.
    pub synonyms: String,
    /// Waypoint service codes (indices into the taxonomy).
    pub service_types: Vec<ServiceTypeId>,
    pub populations: Vec<PopulationId>,
    /// ISO 639-1 codes of the languages the service is offered in.
    pub languages: Vec<String>,
    pub phones: Vec<Phone>,
    pub chat_url: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub locations: Vec<Location>,
    pub service_areas: Vec<ServiceArea>,
    pub hours: Hours,
    pub eligibility: Option<String>,
    pub minimum_age: Option<u8>,
    pub maximum_age: Option<u8>,
    /// HSDS `application_process`: how to get help.
    pub how_to_get_help: Option<String>,
    /// What happens when you call: who answers, what they ask, what to
    /// have ready. Only where the source says it.
    pub what_to_expect: Option<String>,
    pub fees: Option<String>,
    pub free: bool,
    /// Offered by phone, text, chat or video, so reachable from anywhere.
    pub remote: bool,
    /// Police or federal tip lines: shown apart and labelled, because many
    /// immigrant survivors fear them.
    pub law_enforcement: bool,
    /// Generated test data; never shipped as the default directory.
    pub fictional: bool,
    pub source: Source,
    /// The date `source.check` says it is; `None` when the directory it was
    /// imported from gives none (shown as undated, and counted stale).
    pub last_verified: Option<Date>,
}

impl Service {
    /// Not checked for a year, or never dated: the page says to call first.
    pub fn is_stale(&self, today: Date) -> bool {
        self.last_verified.is_none_or(|d| d.is_stale(today))
    }

    /// Offers only codes meant for organisations (training, technical
    /// assistance, task forces and coalitions).
    pub fn is_for_professionals(&self, taxonomy: &crate::taxonomy::Taxonomy) -> bool {
        !self.service_types.is_empty()
            && self.service_types.iter().all(|&t| {
                taxonomy
                    .service_types
                    .get(t as usize)
                    .is_some_and(|st| st.professional)
            })
    }

    pub fn is_nationwide(&self) -> bool {
        self.service_areas
            .iter()
            .any(|a| matches!(a, ServiceArea::Nationwide))
    }

    /// Whether the service is based in or serves the given state.
    pub fn serves_state(&self, state: &str) -> bool {
        self.service_areas.iter().any(|a| a.covers_state(state))
            || self.locations.iter().any(|l| l.state() == Some(state))
    }

    /// Whether the service is based in or serves the given city of a state.
    pub fn serves_city(&self, state: &str, city: &str) -> bool {
        let same = |s: &str| s.eq_ignore_ascii_case(city);
        self.locations
            .iter()
            .any(|l| l.state() == Some(state) && l.city().is_some_and(same))
            || self.service_areas.iter().any(|a| match a {
                ServiceArea::Local { state: s, name } => s == state && same(name),
                _ => false,
            })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Who published the facts, e.g. "RAINN".
    pub name: String,
    pub url: Option<String>,
    pub note: Option<String>,
    /// What kind of check the service's `last_verified` date records.
    pub check: Check,
}

/// What kind of check a record's date records, so the page can say so: a
/// fact read on a public page is not the same as a provider who answered
/// the phone. Never assumed: every provider file states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    /// Read from the provider's or a public agency's published pages.
    PublicSources,
    /// Confirmed with the provider itself (by phone, email or in person).
    Provider,
    /// Taken from another directory's records (an HSDS import); the date is
    /// that directory's own (verified or updated), or absent.
    Imported,
    /// Taken from another directory's export that dates no record: the date
    /// is when the export was made, not a check.
    Exported,
}

impl Check {
    /// The code provider files use.
    pub fn code(self) -> &'static str {
        match self {
            Check::PublicSources => "public-sources",
            Check::Provider => "provider",
            Check::Imported => "imported",
            Check::Exported => "exported",
        }
    }

    pub fn from_code(code: &str) -> Option<Check> {
        [
            Check::PublicSources,
            Check::Provider,
            Check::Imported,
            Check::Exported,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1900 && day >= 1 && day <= days_in_month).then_some(Date { year, month, day })
    }

    /// Not checked for 12 months or more: the UI says it may be out of date.
    pub fn is_stale(self, today: Date) -> bool {
        self.months_until(today) >= 12
    }

    /// Months between two dates, counting whole months only.
    pub fn months_until(self, later: Date) -> i32 {
        let months =
            (later.year as i32 - self.year as i32) * 12 + later.month as i32 - self.month as i32;
        if later.day < self.day {
            months - 1
        } else {
            months
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// As people read and say it: "1-888-373-7888", "233733".
    pub number: String,
    pub kind: PhoneKind,
    /// "Text HELP or INFO", "Press 2 for Spanish".
    pub note: Option<String>,
}

impl Phone {
    /// The digits to dial, for `tel:` and `sms:` links.
    pub fn dial(&self) -> String {
        let (main, ext) = match self.number.split_once(|c| c == 'x' || c == ',') {
            Some((main, ext)) => (main, Some(ext)),
            None => (self.number.as_str(), None),
        };
        let mut out: String = main
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        if let Some(ext) = ext {
            let digits: String = ext.chars().filter(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() {
                out.push(',');
                out.push_str(&digits);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhoneKind {
    Voice,
    Hotline,
    Text,
    Tty,
    Fax,
}

impl PhoneKind {
    pub fn code(self) -> &'static str {
        match self {
            PhoneKind::Voice => "voice",
            PhoneKind::Hotline => "hotline",
            PhoneKind::Text => "text",
            PhoneKind::Tty => "tty",
            PhoneKind::Fax => "fax",
        }
    }

    pub fn parse(s: &str) -> Option<PhoneKind> {
        [
            PhoneKind::Voice,
            PhoneKind::Hotline,
            PhoneKind::Text,
            PhoneKind::Tty,
            PhoneKind::Fax,
        ]
        .into_iter()
        .find(|k| k.code() == s)
    }
}

/// A service's location, in the bundle and, field for field, as a provider
/// file writes it (the CLI reads `data/` into this same type, so the two
/// cannot drift). Unknown fields in a provider file are refused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub name: Option<String>,
    /// Dropped at build time when the location is confidential.
    pub street: Option<String>,
    pub city: Option<String>,
    /// Two-letter USPS code.
    pub state: Option<String>,
    pub postal_code: Option<String>,
    /// Rounded to 0.1 degree (about 7 miles) when the location is
    /// confidential: distances to it are approximate.
    pub latitude: Option<f32>,
    pub longitude: Option<f32>,
    /// A shelter whose address must stay private: only city and state are
    /// ever published, and the coordinates rounded to 0.1 degree (~7 miles).
    #[serde(default)]
    pub confidential: bool,
}

impl Location {
    pub fn state(&self) -> Option<&str> {
        self.state.as_deref()
    }
    pub fn city(&self) -> Option<&str> {
        self.city.as_deref()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ServiceArea {
    Nationwide,
    State(String),
    /// A county, city or region inside a state.
    Local {
        state: String,
        name: String,
    },
}

impl ServiceArea {
    pub fn covers_state(&self, state: &str) -> bool {
        match self {
            ServiceArea::Nationwide => true,
            ServiceArea::State(s) => s == state,
            ServiceArea::Local { state: s, .. } => s == state,
        }
    }

    /// Parses the source notation: `US`, `CA`, or `CA:San Diego County`.
    pub fn parse(s: &str) -> Option<ServiceArea> {
        let s = s.trim();
        match s.split_once(':') {
            Some((state, name)) if is_state_code(state) && !name.trim().is_empty() => {
                Some(ServiceArea::Local {
                    state: state.to_string(),
                    name: name.trim().to_string(),
                })
            }
            None if s == "US" => Some(ServiceArea::Nationwide),
            None if is_state_code(s) => Some(ServiceArea::State(s.to_string())),
            _ => None,
        }
    }
}

fn is_state_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Opening hours in the service's own time zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Hours {
    pub always_open: bool,
    pub periods: Vec<OpeningPeriod>,
    pub note: Option<String>,
    /// IANA zone, e.g. "America/Los_Angeles".
    pub timezone: Option<String>,
}

impl Hours {
    pub fn is_listed(&self) -> bool {
        self.always_open || !self.periods.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningPeriod {
    /// 0 = Monday … 6 = Sunday.
    pub day: u8,
    /// Minutes after midnight.
    pub opens: u16,
    /// Minutes after midnight; less than `opens` when open past midnight.
    pub closes: u16,
}

/// Parses `HH:MM` (24-hour) into minutes after midnight; `24:00` is allowed
/// as the end of a day.
pub fn parse_clock(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_reject() {
        assert_eq!(
            Date::parse("2026-02-28"),
            Some(Date {
                year: 2026,
                month: 2,
                day: 28
            })
        );
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse("2026-02-29"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("yesterday"), None);
    }

    #[test]
    fn months_between_dates() {
        let a = Date::parse("2025-11-28").unwrap();
        assert_eq!(a.months_until(Date::parse("2026-11-28").unwrap()), 12);
        assert_eq!(a.months_until(Date::parse("2026-11-27").unwrap()), 11);
    }

    #[test]
    fn dial_strings() {
        let p = |n: &str| {
            Phone {
                number: n.into(),
                kind: PhoneKind::Voice,
                note: None,
            }
            .dial()
        };
        assert_eq!(p("1-888-373-7888"), "18883737888");
        assert_eq!(p("(650) 780-7525 x12"), "6507807525,12");
        assert_eq!(p("988"), "988");
    }

    #[test]
    fn service_areas_parse() {
        assert_eq!(ServiceArea::parse("US"), Some(ServiceArea::Nationwide));
        assert_eq!(
            ServiceArea::parse("CA"),
            Some(ServiceArea::State("CA".into()))
        );
        assert_eq!(
            ServiceArea::parse("CA:San Diego County"),
            Some(ServiceArea::Local {
                state: "CA".into(),
                name: "San Diego County".into()
            })
        );
        assert_eq!(ServiceArea::parse("California"), None);
    }

    #[test]
    fn clock_times() {
        assert_eq!(parse_clock("09:30"), Some(570));
        assert_eq!(parse_clock("24:00"), Some(1440));
        assert_eq!(parse_clock("24:30"), None);
        assert_eq!(parse_clock("9am"), None);
    }
}
