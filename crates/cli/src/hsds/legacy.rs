//! HSDS 1.x and 2.x CSV packages, which most 211 exports still are. Their
//! tables differ from 3.0 where it matters to Waypoint: hours are in
//! `regular_schedules` (one row per weekday), addresses in
//! `physical_addresses` / `postal_addresses`, eligibility in its own
//! table, and taxonomy links in `services_taxonomy` (1.x, with `taxonomy`)
//! or `service_attributes` (2.x, with `taxonomy_terms`). The shared tables
//! (organizations, services, locations, phones, languages) are read by
//! `csv.rs`; the rest are named in a warning there.

use std::collections::{BTreeMap, HashMap};

use super::raw::{At, RawAddress, RawSchedule, RawTerm};
use super::table::{Row, Table};

/// Legacy tables Waypoint reads.
pub const USED: &[&str] = &[
    "regular_schedules",
    "physical_addresses",
    "postal_addresses",
    "eligibility",
    "services_taxonomy",
    "taxonomy",
    "service_attributes",
];

/// HSDS tables (any version) Waypoint knows and has no place for.
pub const KNOWN_UNUSED: &[&str] = &[
    "contacts",
    "holiday_schedules",
    "funding",
    "programs",
    "accessibility",
    "accessibility_for_disabilities",
    "cost_options",
    "organization_identifiers",
    "meta_table_description",
    "meta_table_descriptions",
    "payment_accepted",
    "payments_accepted",
    "interpretation_services",
    "fee",
    "fees",
    "accreditation",
    "accreditations",
    "license",
    "licenses",
    "location_attributes",
    "organization_attributes",
];

/// A `regular_schedules` row: one weekday's opening and closing times.
pub fn regular_schedule((at, t, r): (At, &Table, &Row)) -> RawSchedule {
    RawSchedule {
        at,
        weekday: t.get(r, "weekday").into(),
        opens_at: t.get(r, "opens_at").into(),
        closes_at: t.get(r, "closes_at").into(),
        description: t.get(r, "description").into(),
        ..RawSchedule::default()
    }
}

/// An `addresses` (3.0), `physical_addresses` or `postal_addresses` row.
/// 1.x splits the street over `address_1` … `address_4`.
pub fn address(t: &Table, r: &Row, kind: &str) -> RawAddress {
    let more: Vec<&str> = ["address_2", "address_3", "address_4"]
        .iter()
        .map(|c| t.get(r, c))
        .filter(|v| !v.is_empty())
        .collect();
    let address_type = match t.get(r, "address_type") {
        "" => kind,
        given => given,
    };
    let address = RawAddress::read(t.at(r), t.confidential(r), |c| t.get(r, c).into());
    RawAddress {
        address_2: more.join(", "),
        address_type: address_type.into(),
        ..address
    }
}

/// Taxonomy links of 1.x (`services_taxonomy` → `taxonomy`) and 2.x
/// (`service_attributes` → `taxonomy_terms`).
pub struct Terms<'a> {
    /// (link table, its rows by service id, the terms table and its rows by id)
    links: Vec<(Indexed<'a>, Option<Indexed<'a>>)>,
}

/// A table with one of its columns indexed.
type Indexed<'a> = (&'a Table, HashMap<String, Vec<usize>>);

impl<'a> Terms<'a> {
    pub fn new(tables: &BTreeMap<String, &'a Table>) -> Terms<'a> {
        let mut links = Vec::new();
        for (link, terms) in [
            ("services_taxonomy", "taxonomy"),
            ("service_attributes", "taxonomy_terms"),
        ] {
            if let Some(t) = tables.get(link) {
                let terms = tables.get(terms).map(|tt| (*tt, tt.index("id")));
                links.push(((*t, t.index("service_id")), terms));
            }
        }
        Terms { links }
    }

    pub fn of(&self, service_id: &str) -> Vec<RawTerm> {
        let mut out = Vec::new();
        for ((link, index), terms) in &self.links {
            for &i in index.get(service_id).into_iter().flatten() {
                let row = &link.rows[i];
                let field = if link.has("taxonomy_id") {
                    "taxonomy_id"
                } else {
                    "taxonomy_term_id"
                };
                let term_id = link.get(row, field);
                let detail = link.get(row, "taxonomy_detail");
                let found = terms.as_ref().and_then(|(t, ix)| {
                    ix.get(term_id)
                        .and_then(|v| v.first())
                        .map(|&ti| (*t, &t.rows[ti]))
                });
                let term = match found {
                    Some((t, tr)) => {
                        let name = [t.get(tr, "name"), t.get(tr, "term")]
                            .into_iter()
                            .find(|v| !v.is_empty())
                            .unwrap_or(detail);
                        // 1.x taxonomy ids are often the AIRS code itself.
                        let code = match t.get(tr, "code") {
                            "" if looks_like_code(term_id) => term_id,
                            code => code,
                        };
                        let taxonomy = [t.get(tr, "vocabulary"), t.get(tr, "taxonomy")]
                            .into_iter()
                            .find(|v| !v.is_empty())
                            .unwrap_or("");
                        RawTerm {
                            at: link.at(row),
                            field: field.into(),
                            taxonomy: taxonomy.into(),
                            code: code.into(),
                            name: name.into(),
                            value: String::new(),
                        }
                    }
                    None => RawTerm {
                        at: link.at(row),
                        field: field.into(),
                        code: term_id.into(),
                        name: detail.into(),
                        ..RawTerm::default()
                    },
                };
                out.push(term);
            }
        }
        out
    }
}

/// "BD-1800.2000", and the top levels and branches a real export also
/// uses as ids: "P", "BD".
fn looks_like_code(id: &str) -> bool {
    let top = (1..=2).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_uppercase());
    top || (id.len() <= 24
        && id.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && id.contains('-'))
}
