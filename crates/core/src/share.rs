//! A search as a link: the query and filters written into a URL fragment,
//! only when someone presses "Copy link", and read back when such a link is
//! opened. The fragment never reaches a server (browsers do not send it),
//! and the app never writes the address bar itself.
//!
//! What goes in is what a colleague needs to see the same list: the words,
//! the place as typed, and the filters, by their codes rather than indices so
//! a link keeps working after the taxonomy grows. Guide answers have no field
//! here and so can never enter a link.

use crate::filter::Filters;
use crate::site::Order;
use crate::taxonomy::Taxonomy;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedSearch {
    pub query: String,
    /// The place as typed: a ZIP code, "City, ST" or a state.
    pub place: Option<String>,
    pub radius: Option<u16>,
    /// The order chosen, when the search had a place (without one there is
    /// nothing to sort by distance).
    pub order: Option<Order>,
    pub domain: Option<String>,
    pub service: Option<String>,
    pub population: Option<String>,
    pub language: Option<String>,
    pub state: Option<String>,
    pub city: Option<String>,
    pub free: bool,
    pub open_24_7: bool,
    pub remote: bool,
    pub open_now: bool,
}

impl SharedSearch {
    /// The search as it stands in the app.
    pub fn of(
        query: &str,
        place: Option<&str>,
        filters: &Filters,
        order: Order,
        taxonomy: &Taxonomy,
    ) -> SharedSearch {
        SharedSearch {
            query: query.trim().to_string(),
            place: place.map(str::to_string),
            radius: filters.radius,
            order: place.is_some().then_some(order),
            domain: filters
                .domain
                .and_then(|d| taxonomy.domains.get(d as usize))
                .cloned(),
            service: filters
                .service_type
                .and_then(|t| taxonomy.service_types.get(t as usize))
                .map(|t| t.code.clone()),
            population: filters
                .population
                .and_then(|p| taxonomy.populations.get(p as usize))
                .cloned(),
            language: filters.language.clone(),
            state: filters.state.clone(),
            city: filters.city.clone(),
            free: filters.free_only,
            open_24_7: filters.open_24_7,
            remote: filters.nationwide_or_remote,
            open_now: filters.open_at.is_some(),
        }
    }

    /// `q=shelter&near=92101&r=25&sort=distance&open=1`, without the `#`.
    pub fn to_fragment(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let mut put = |key, value: Option<&str>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                pairs.push((key, v.to_string()));
            }
        };
        put("q", Some(&self.query));
        put("near", self.place.as_deref());
        put("r", self.radius.map(|r| r.to_string()).as_deref());
        put(
            "sort",
            self.order.map(|o| match o {
                Order::Distance => "distance",
                Order::Relevance => "relevance",
            }),
        );
        put("type", self.domain.as_deref());
        put("service", self.service.as_deref());
        put("for", self.population.as_deref());
        put("lang", self.language.as_deref());
        put("state", self.state.as_deref());
        put("city", self.city.as_deref());
        for (key, on) in [
            ("free", self.free),
            ("24-7", self.open_24_7),
            ("remote", self.remote),
            ("open", self.open_now),
        ] {
            put(key, on.then_some("1"));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a fragment (with or without its `#`). Unknown keys and bad
    /// values are ignored: a mangled link still opens the directory.
    pub fn from_fragment(fragment: &str) -> SharedSearch {
        let mut shared = SharedSearch::default();
        for pair in fragment.trim_start_matches('#').split('&') {
            let Some((key, raw)) = pair.split_once('=') else {
                continue;
            };
            let Some(value) = decode(raw) else { continue };
            let value = value.trim().to_string();
            let text =
                || (!value.is_empty() && value.chars().count() <= 200).then(|| value.clone());
            match key {
                "q" => shared.query = text().unwrap_or_default(),
                "near" => shared.place = text(),
                "r" => shared.radius = value.parse().ok().filter(|r| (1..=500).contains(r)),
                "sort" => {
                    shared.order = match value.as_str() {
                        "distance" => Some(Order::Distance),
                        "relevance" => Some(Order::Relevance),
                        _ => None,
                    }
                }
                "type" => shared.domain = text(),
                "service" => shared.service = text(),
                "for" => shared.population = text(),
                "lang" => shared.language = text(),
                "state" => shared.state = text(),
                "city" => shared.city = text(),
                "free" => shared.free = value == "1",
                "24-7" => shared.open_24_7 = value == "1",
                "remote" => shared.remote = value == "1",
                "open" => shared.open_now = value == "1",
                _ => {}
            }
        }
        shared
    }

    /// The filters this link asks for, keeping only codes this directory
    /// knows. The place is resolved separately (it needs a lookup), and
    /// "open now" needs the clock, so both are left to the caller.
    pub fn filters(&self, taxonomy: &Taxonomy) -> Filters {
        let domain = self.domain.as_deref().and_then(|c| taxonomy.domain_id(c));
        let service_type = self
            .service
            .as_deref()
            .and_then(|c| taxonomy.service_type_id(c))
            .filter(|&t| domain.is_none() || taxonomy.domain_of(t) == domain);
        let state = self.state.clone().filter(|s| taxonomy.state(s).is_some());
        Filters {
            domain,
            service_type,
            population: self
                .population
                .as_deref()
                .and_then(|c| taxonomy.population_id(c)),
            language: self
                .language
                .clone()
                .filter(|l| taxonomy.languages.contains(l)),
            city: self.city.clone().filter(|_| state.is_some()),
            state,
            free_only: self.free,
            open_24_7: self.open_24_7,
            nationwide_or_remote: self.remote,
            radius: self.radius,
            ..Filters::default()
        }
    }
}

/// Percent-encodes everything but unreserved characters, so the fragment
/// survives being pasted into a text message or a case note.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `None` for broken escapes or bytes that are not UTF-8.
fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_a_fragment() {
        let shared = SharedSearch {
            query: "abogado inmigración & más".into(),
            place: Some("San Diego, CA".into()),
            radius: Some(25),
            order: Some(Order::Distance),
            domain: Some("legal".into()),
            language: Some("es".into()),
            open_now: true,
            free: true,
            ..SharedSearch::default()
        };
        let fragment = shared.to_fragment();
        assert!(fragment.is_ascii(), "{fragment}");
        assert!(!fragment.contains(' ') && !fragment.contains('#'));
        assert_eq!(SharedSearch::from_fragment(&format!("#{fragment}")), shared);
    }

    #[test]
    fn the_order_travels_only_with_a_place() {
        let filters = Filters::default();
        let taxonomy = Taxonomy::default();
        let best_match = SharedSearch::of(
            "legal",
            Some("San Diego, CA"),
            &filters,
            Order::Relevance,
            &taxonomy,
        );
        assert_eq!(
            best_match.to_fragment(),
            "q=legal&near=San%20Diego%2C%20CA&sort=relevance"
        );
        assert_eq!(
            SharedSearch::from_fragment(&best_match.to_fragment()).order,
            Some(Order::Relevance)
        );
        let no_place = SharedSearch::of("legal", None, &filters, Order::Distance, &taxonomy);
        assert_eq!(no_place.to_fragment(), "q=legal");
    }

    #[test]
    fn an_empty_search_is_an_empty_fragment() {
        assert_eq!(SharedSearch::default().to_fragment(), "");
    }

    #[test]
    fn mangled_links_still_open() {
        let s = SharedSearch::from_fragment("#q=shel%ZZter&r=99999&near=92101&open=yes&x=1&&=");
        assert_eq!(s.query, "");
        assert_eq!(s.radius, None);
        assert_eq!(s.place.as_deref(), Some("92101"));
        assert!(!s.open_now);
    }
}
