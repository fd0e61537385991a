//! Raw HSDS records → Waypoint's editing format (`ProviderFile`), one
//! organisation per file. Every value is either cleaned or reported with its
//! file, record and field; nothing is dropped silently, nothing is guessed.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::mapping::{Mapping, Meaning};
use super::normalise::{self as norm, clean_text};
use super::raw::*;
use crate::compile::is_web_url;
use crate::problem::Problems;
use crate::source::{
    HoursSource, LocationSource, OrganizationSource, PhoneSource, ProviderFile, ServiceSource,
    SourceSource,
};
use waypoint_core::model::{Check, Date};

/// Longest name and free text Waypoint accepts (as `compile` checks them).
pub const NAME_MAX: usize = 200;
pub const TEXT_MAX: usize = 4000;

/// The taxonomy Waypoint's export writes its own codes in, and the one for
/// its flags; both are read back without the mapping file.
pub const WAYPOINT_TAXONOMY: &str = "waypoint";
pub const WAYPOINT_FLAGS: &str = "waypoint-flags";

/// What the conversion needs to know and where it reports.
pub struct Context<'a> {
    pub mapping: &'a Mapping,
    pub today: Date,
    /// When the export was made and what says so, for records that carry
    /// no date of their own (see `source`).
    pub exported: Option<(Date, String)>,
    /// The source every imported service cites, unless its own metadata
    /// names one: the package or file name, or `--source-name`.
    pub source_name: String,
    pub problems: Problems,
    /// Source terms no mapping covers, with how many services carry them.
    pub unmapped: BTreeMap<String, usize>,
    /// Services kept under a placeholder organisation.
    pub placeholder_services: usize,
    /// Services whose terms mapped onto no code, kept under "other help".
    pub other_help: usize,
    /// Every source term of those services (mapped to nothing, to
    /// populations only, or unmapped), with how many carry it; "(no
    /// taxonomy terms)" for those with none.
    pub other_help_terms: BTreeMap<String, usize>,
    /// Services not imported, by why.
    pub left_out: BTreeMap<String, usize>,
}

impl Context<'_> {
    fn warn(&mut self, at: &At, field: &str, message: impl Into<String>) {
        self.problems
            .warning(&at.file, &at.record, &at.field(field), message);
    }

    /// Reports a service not imported, counting it under `reason` for the
    /// import's summary.
    fn leave_out(&mut self, at: &At, field: &str, reason: &str, message: impl Into<String>) {
        self.warn(at, field, message);
        *self.left_out.entry(reason.to_string()).or_default() += 1;
    }

    /// Cleans a free-text value, warning about what had to change.
    fn text(&mut self, at: &At, field: &str, raw: &str, max: usize) -> Option<String> {
        let cleaned = clean_text(raw, max)?;
        if cleaned.had_markup {
            self.warn(
                at,
                field,
                "HTML markup removed (tags stripped, entities decoded)",
            );
        }
        if cleaned.removed_hidden {
            self.warn(at, field, "control or invisible characters removed");
        }
        if cleaned.literal_breaks {
            self.warn(at, field, "literal \\n sequences turned into line breaks");
        }
        if !cleaned.markers.is_empty() {
            self.warn(
                at,
                field,
                format!("export markers removed: {}", cleaned.markers.join(", ")),
            );
        }
        if let Some(n) = cleaned.truncated_from {
            self.warn(at, field, format!("was {n} characters; cut to {max}"));
        }
        if let Some(n) = cleaned.cut_by_export {
            self.warn(at, field, format!("the export cut it at {n} characters, mid-sentence; it now ends at the last whole word, with \"…\""));
        }
        if cleaned.dangling {
            self.warn(at, field, "a dangling separator at the end removed");
        }
        Some(cleaned.text)
    }
}

pub fn convert(input: RawInput, cx: &mut Context) -> Vec<ProviderFile> {
    let orgs = organizations(&input.organizations, cx);
    let by_id: HashMap<&str, usize> = orgs
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.as_ref().map(|o| (o.raw_id.as_str(), i)))
        .collect();
    // Ids given in the source, so an id made up for a blank one never takes
    // a real one.
    let mut taken: HashSet<String> = input
        .services
        .iter()
        .map(|s| s.id.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut files: Vec<ProviderFile> = Vec::new();
    let mut file_of_org: HashMap<usize, usize> = HashMap::new();
    // Organisation ids missing from the export → their placeholder's file.
    let mut placeholders: HashMap<String, usize> = HashMap::new();
    let mut org_ids: HashSet<String> = orgs
        .iter()
        .flatten()
        .map(|o| o.file.organization.id.clone())
        .collect();
    for raw in &input.services {
        let org_index = match &raw.organization {
            OrgRef::Index(i) => Some(*i),
            OrgRef::Id(id) => by_id.get(id.trim()).copied(),
        };
        let org = org_index.and_then(|i| orgs.get(i)).and_then(Option::as_ref);
        let missing = match (&raw.organization, org) {
            (OrgRef::Id(id), None) if !id.trim().is_empty() => Some(id.trim()),
            _ => None,
        };
        if let Some(missing) = missing {
            // Losing the service would lose its phone and hours; an
            // organisation named from it keeps them findable.
            let known = placeholders
                .get(missing)
                .map(|&f| files[f].organization.id.clone());
            let Some(service) = service(raw, &[], cx, &mut taken, &mut seen) else {
                continue;
            };
            let id = known.unwrap_or_else(|| {
                let file = placeholder(missing, &service, &mut org_ids);
                placeholders.insert(missing.to_string(), files.len());
                let id = file.organization.id.clone();
                files.push(file);
                id
            });
            cx.warn(&raw.at, "organization_id", format!("no organisation with id {missing:?} in the export; imported under placeholder organisation {id:?}, named from the service"));
            cx.placeholder_services += 1;
            files[placeholders[missing]].services.push(service);
            continue;
        }
        let Some(org) = org else {
            let (reason, message) = match &raw.organization {
                OrgRef::Index(_) => (
                    "organisation not imported",
                    "its organisation was not imported (see above); service not imported",
                ),
                OrgRef::Id(_) => (
                    "no organization_id",
                    "no organization_id; service not imported",
                ),
            };
            cx.leave_out(&raw.at, "organization_id", reason, message);
            continue;
        };
        if let Some(why) = &org.confidential {
            cx.leave_out(
                &raw.at,
                "organization_id",
                "organisation confidential",
                format!(
                    "organisation {:?} is confidential ({why}); service not imported",
                    org.file.organization.id
                ),
            );
            continue;
        }
        let Some(service) = service(raw, &org.phones, cx, &mut taken, &mut seen) else {
            continue;
        };
        let org_index = org_index.unwrap_or_default();
        let file = *file_of_org.entry(org_index).or_insert_with(|| {
            files.push(ProviderFile {
                services: Vec::new(),
                ..org.file.clone()
            });
            files.len() - 1
        });
        files[file].services.push(service);
    }
    for (i, org) in orgs.iter().enumerate() {
        if let Some(org) = org {
            if !file_of_org.contains_key(&i) && org.confidential.is_none() {
                cx.problems.warning(
                    &org.at.file,
                    &org.at.record,
                    "services",
                    "organisation has no services to import; not imported",
                );
            }
        }
    }
    files
}

/// The organisation for services whose `organization_id` names one the
/// export lacks: named from the first such service, with an id made from
/// the missing one, so importing the same export again gives the same file.
fn placeholder(missing: &str, first: &ServiceSource, taken: &mut HashSet<String>) -> ProviderFile {
    let slug = norm::slug(missing);
    let base = format!(
        "missing-{}",
        if slug.is_empty() {
            "organization"
        } else {
            slug.as_str()
        }
    );
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    let organization = OrganizationSource {
        id,
        name: first.name.clone(),
        ..OrganizationSource::default()
    };
    ProviderFile {
        organization,
        source: None,
        services: Vec::new(),
    }
}

struct Org {
    at: At,
    /// The id as the source wrote it, which services link to.
    raw_id: String,
    file: ProviderFile,
    confidential: Option<String>,
    /// For services with no phone of their own.
    phones: Vec<RawPhone>,
}

fn organizations(raw: &[RawOrganization], cx: &mut Context) -> Vec<Option<Org>> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    for o in raw {
        let name = cx.text(&o.at, "name", &o.name, NAME_MAX);
        let Some(name) = name else {
            cx.warn(&o.at, "name", "organisation has no name; not imported");
            out.push(None);
            continue;
        };
        let mut id = o.id.trim().to_string();
        if id.is_empty() {
            id = norm::slug(&name);
            cx.warn(
                &o.at,
                "id",
                format!("blank id; using {id:?}, made from the name"),
            );
        }
        if let Some(first) = seen.get(&id) {
            cx.warn(&o.at, "id", format!("duplicate of {first}; kept the first"));
            out.push(None);
            continue;
        }
        seen.insert(id.clone(), o.at.record.clone());
        let website_field = if o.website_field.is_empty() {
            "website"
        } else {
            o.website_field.as_str()
        };
        let website = web_url(cx, &o.at, website_field, &o.website);
        let fictional = o.terms.iter().any(|t| is_flag(t, "fictional"));
        let organization = OrganizationSource {
            id: id.clone(),
            name,
            alternate_name: cx.text(&o.at, "alternate_name", &o.alternate_name, NAME_MAX),
            description: cx.text(&o.at, "description", &o.description, TEXT_MAX),
            website,
            fictional,
            // HSDS has no field for a record's text in other languages;
            // `translation` takes it from that language's export.
            ..Default::default()
        };
        let confidential = o.confidential.clone().or_else(|| {
            o.terms
                .iter()
                .find(|t| {
                    t.taxonomy != WAYPOINT_TAXONOMY
                        && cx.mapping.confidential_marker(&t.label()).is_some()
                })
                .map(|t| format!("attribute {:?}", t.label()))
        });
        if let Some(why) = &confidential {
            cx.warn(
                &o.at,
                "-",
                format!(
                    "organisation flagged confidential ({why}); none of its services are imported"
                ),
            );
        }
        out.push(Some(Org {
            at: o.at.clone(),
            raw_id: if o.id.trim().is_empty() {
                format!("\u{0}{}", out.len())
            } else {
                o.id.trim().to_string()
            },
            file: ProviderFile {
                organization,
                source: None,
                services: Vec::new(),
            },
            confidential,
            phones: o.phones.clone(),
        }));
    }
    out
}

fn service(
    raw: &RawService,
    org_phones: &[RawPhone],
    cx: &mut Context,
    taken: &mut HashSet<String>,
    seen: &mut HashMap<String, String>,
) -> Option<ServiceSource> {
    let at = &raw.at;
    let status = raw.status.trim().to_lowercase();
    match status.as_str() {
        "active" => {}
        "" => cx.warn(at, "status", "no status; imported as active"),
        "confidential" => {
            cx.leave_out(
                at,
                "status",
                "confidential",
                "record is confidential; not imported",
            );
            return None;
        }
        "inactive" | "defunct" | "temporarily closed" => {
            cx.leave_out(
                at,
                "status",
                "status not active",
                format!("status is {status:?}; not imported"),
            );
            return None;
        }
        other => cx.warn(
            at,
            "status",
            format!("unknown status {other:?}; imported as active"),
        ),
    }
    if let Some(why) = &raw.confidential {
        cx.leave_out(
            at,
            "-",
            "confidential",
            format!("record flagged confidential ({why}); not imported"),
        );
        return None;
    }
    // An attribute naming the record confidential keeps it out; one about
    // its address only hides the address.
    let mut hide_addresses = None;
    for t in raw.terms.iter().filter(|t| t.taxonomy != WAYPOINT_TAXONOMY) {
        if let Some(marker) = cx
            .mapping
            .confidential_marker(&format!("{} {} {}", t.code, t.name, t.value))
        {
            let about_address = ["address", "location", "site"]
                .iter()
                .any(|w| t.mentions(w));
            if about_address {
                hide_addresses = Some(format!("attribute {:?}", t.label()));
            } else {
                let message = format!(
                    "record flagged confidential (attribute {:?} says {marker:?}); not imported",
                    t.label()
                );
                cx.problems
                    .warning(&t.at.file, &t.at.record, &t.field(), message);
                *cx.left_out.entry("confidential".into()).or_default() += 1;
                return None;
            }
        }
    }
    if let Some(excluded) = excluded(raw, cx) {
        let message = format!(
            "every term is excluded by {} ({}) and none gives a service code; not imported",
            cx.mapping.file,
            excluded.join(", ")
        );
        cx.leave_out(at, "taxonomy", EXCLUDED, message);
        return None;
    }
    let Some(name) = cx.text(at, "name", &raw.name, NAME_MAX) else {
        cx.leave_out(at, "name", "no name", "service has no name; not imported");
        return None;
    };
    let locations = locations(raw, cx, hide_addresses.as_deref());
    // Duplicates: the same id, or with no id the same name at the same address.
    let key = if raw.id.trim().is_empty() {
        let place = locations
            .first()
            .map(|l| {
                format!(
                    "{}|{}",
                    l.street.as_deref().unwrap_or(""),
                    l.city.as_deref().unwrap_or("")
                )
            })
            .unwrap_or_default();
        format!("\u{0}{}|{}", name.to_lowercase(), place.to_lowercase())
    } else {
        raw.id.trim().to_string()
    };
    if let Some(first) = seen.get(&key) {
        let what = if raw.id.trim().is_empty() {
            "same name and address as"
        } else {
            "same id as"
        };
        cx.leave_out(
            at,
            "id",
            "duplicate",
            format!("duplicate: {what} {first}; kept the first"),
        );
        return None;
    }
    seen.insert(key, format!("{} {}", at.file, at.record));
    let id = if raw.id.trim().is_empty() {
        let base = norm::slug(&name);
        let base = if base.is_empty() {
            "service".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        cx.warn(
            at,
            "id",
            format!("blank id; using {id:?}, made from the name"),
        );
        id
    } else {
        raw.id.trim().to_string()
    };
    taken.insert(id.clone());

    let mut s = ServiceSource {
        id,
        name,
        ..ServiceSource::default()
    };
    s.description = cx.text(at, "description", &raw.description, TEXT_MAX);
    s.how_to_get_help = cx.text(
        at,
        "application_process",
        &raw.application_process,
        TEXT_MAX,
    );
    // What to expect when calling: the export's wait time and the documents
    // it says to bring, in its own words.
    let wait = cx
        .text(at, "wait_time", &raw.wait_time, TEXT_MAX)
        .map(|w| format!("Wait time: {w}."));
    let documents: Vec<String> = raw
        .required_documents
        .iter()
        .filter_map(|d| cx.text(&d.at, "document", &d.value, NAME_MAX))
        .collect();
    let bring =
        (!documents.is_empty()).then(|| format!("Documents to bring: {}.", documents.join("; ")));
    let expect: Vec<String> = [wait, bring].into_iter().flatten().collect();
    s.what_to_expect = (!expect.is_empty()).then(|| expect.join(" ").replace("..", "."));
    s.eligibility = joined(cx, &raw.eligibility);
    s.fees = joined(cx, &raw.fees);
    s.free = s.fees.as_deref().is_some_and(means_free);
    s.url = web_url(cx, at, "url", &raw.url);
    s.email = email(cx, at, &raw.email);
    ages(raw, &mut s, cx);
    // Before the terms, so interpretation counts as a service code there.
    languages(raw, &mut s, cx);
    terms(raw, &mut s, cx);
    s.phones = phones(raw, org_phones, cx);
    hours(raw, &mut s, cx);
    s.areas = areas(raw, cx);
    s.locations = locations;
    s.source = Some(source(raw, s.url.as_deref(), cx));
    Some(s)
}

fn joined(cx: &mut Context, texts: &[RawText]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for t in texts {
        if let Some(clean) = cx.text(&t.at, &t.field, &t.value, TEXT_MAX) {
            if !parts.contains(&clean) {
                parts.push(clean);
            }
        }
    }
    let all = parts.join("\n");
    (!all.is_empty()).then(|| clean_text(&all, TEXT_MAX).map(|c| c.text).unwrap_or(all))
}

/// Fees text that says the service costs nothing.
fn means_free(fees: &str) -> bool {
    let f = fees.trim().trim_end_matches('.').to_lowercase();
    matches!(
        f.as_str(),
        "free"
            | "none"
            | "no fee"
            | "no fees"
            | "no cost"
            | "free of charge"
            | "no charge"
            | "$0"
            | "0"
            | "gratis"
    )
}

fn web_url(cx: &mut Context, at: &At, field: &str, raw: &str) -> Option<String> {
    let u = raw.trim();
    if u.is_empty() {
        return None;
    }
    if is_web_url(u) {
        return Some(u.to_string());
    }
    if let Some(https) = norm::with_scheme(u).filter(|w| is_web_url(w)) {
        cx.warn(at, field, format!("no scheme; read as {https:?}"));
        return Some(https);
    }
    cx.warn(
        at,
        field,
        format!("not an http:// or https:// address; dropped: {u:?}"),
    );
    None
}

fn email(cx: &mut Context, at: &At, raw: &str) -> Option<String> {
    if raw.trim().is_empty() {
        return None;
    }
    let found = norm::parse_emails(raw);
    match found.len() {
        0 => cx.warn(
            at,
            "email",
            format!("not an email address; dropped: {:?}", raw.trim()),
        ),
        1 => {}
        n => cx.warn(
            at,
            "email",
            format!(
                "{n} addresses in one field; kept the first: {:?}",
                raw.trim()
            ),
        ),
    }
    found.into_iter().next()
}

fn ages(raw: &RawService, s: &mut ServiceSource, cx: &mut Context) {
    let mut age = |field: &str, value: &str| -> Option<u8> {
        if value.trim().is_empty() {
            return None;
        }
        let age = norm::parse_age(value);
        if age.is_none() {
            cx.warn(
                &raw.at,
                field,
                format!(
                    "expected an age in years, found {:?}; dropped",
                    value.trim()
                ),
            );
        }
        age
    };
    s.minimum_age = age("minimum_age", &raw.minimum_age);
    s.maximum_age = age("maximum_age", &raw.maximum_age);
    if let (Some(min), Some(max)) = (s.minimum_age, s.maximum_age) {
        if min > max {
            cx.warn(
                &raw.at,
                "minimum_age",
                format!("{min} is above maximum_age {max}; both dropped"),
            );
            s.minimum_age = None;
            s.maximum_age = None;
        }
    }
}

fn is_flag(t: &RawTerm, code: &str) -> bool {
    t.taxonomy.trim().eq_ignore_ascii_case(WAYPOINT_FLAGS) && t.code.trim() == code
}

/// Why a service is left out of the import: the mapping's `exclude_airs`.
pub const EXCLUDED: &str = "excluded by the mapping";

/// The source terms that classify a service: not Waypoint's own flags and
/// codes, not attributes that only mark it confidential.
fn source_terms<'a>(
    raw: &'a RawService,
    cx: &'a Context,
) -> impl Iterator<Item = &'a RawTerm> + 'a {
    raw.terms.iter().filter(move |t| {
        let taxonomy = t.taxonomy.trim().to_ascii_lowercase();
        taxonomy != WAYPOINT_FLAGS
            && taxonomy != WAYPOINT_TAXONOMY
            && cx.mapping.confidential_marker(&t.label()).is_none()
    })
}

/// The labels of a service's excluded terms, when the mapping leaves it out:
/// at least one term is excluded and no other gives it a service code or is
/// unmapped (an unmapped term may be anything, so the service is kept for
/// the steward to judge). Terms mapped to populations only, or to nothing,
/// do not keep it.
fn excluded(raw: &RawService, cx: &Context) -> Option<Vec<String>> {
    let mut excluded = Vec::new();
    let own_code = raw.terms.iter().any(|t| {
        t.taxonomy.trim().eq_ignore_ascii_case(WAYPOINT_TAXONOMY)
            && cx
                .mapping
                .vocabulary
                .services
                .iter()
                .any(|c| c == t.code.trim())
    });
    if own_code {
        return None;
    }
    for t in source_terms(raw, cx) {
        match cx.mapping.meaning(t) {
            Meaning::Excluded => excluded.push(t.label()),
            Meaning::Codes(target) if !target.services.is_empty() => return None,
            Meaning::Unmapped if !t.label().is_empty() => return None,
            _ => {}
        }
    }
    (!excluded.is_empty()).then_some(excluded)
}

/// Taxonomy terms → Waypoint service codes and populations, and Waypoint's
/// own flags; terms nobody mapped are counted, and so are all the terms of
/// a service that ends under "other help".
fn terms(raw: &RawService, s: &mut ServiceSource, cx: &mut Context) {
    let mut unmapped: BTreeSet<String> = BTreeSet::new();
    // Known terms that gave no service code: mapped to nothing or to
    // populations only; and excluded ones.
    let mut no_service: BTreeSet<String> = BTreeSet::new();
    let mut excluded: BTreeSet<String> = BTreeSet::new();
    for t in &raw.terms {
        let taxonomy = t.taxonomy.trim().to_ascii_lowercase();
        if taxonomy == WAYPOINT_FLAGS {
            match t.code.trim() {
                "free" => s.free = true,
                "remote" => s.remote = true,
                "law-enforcement" => s.law_enforcement = true,
                "chat-url" => s.chat_url = web_url(cx, &t.at, "value", &t.value),
                other => cx.problems.warning(
                    &t.at.file,
                    &t.at.record,
                    &t.field(),
                    format!("unknown Waypoint flag {other:?}; ignored"),
                ),
            }
            continue;
        }
        if taxonomy == WAYPOINT_TAXONOMY {
            let code = t.code.trim().to_string();
            if cx.mapping.vocabulary.services.contains(&code) {
                push_new(&mut s.services, code);
            } else if cx.mapping.vocabulary.populations.contains(&code) {
                push_new(&mut s.populations, code);
            } else {
                cx.problems.warning(
                    &t.at.file,
                    &t.at.record,
                    &t.field(),
                    format!("{code:?} is not a code in taxonomy.toml; ignored"),
                );
            }
            continue;
        }
        if cx.mapping.confidential_marker(&t.label()).is_some() {
            continue;
        }
        match cx.mapping.meaning(t) {
            Meaning::Codes(target) => {
                if target.services.is_empty() {
                    no_service.insert(t.label());
                }
                target
                    .services
                    .into_iter()
                    .for_each(|c| push_new(&mut s.services, c));
                target
                    .populations
                    .into_iter()
                    .for_each(|c| push_new(&mut s.populations, c));
            }
            Meaning::Ignored => {
                no_service.insert(t.label());
            }
            // It gives nothing; the service is here because another term
            // kept it (see `excluded`).
            Meaning::Excluded => {
                excluded.insert(t.label());
            }
            Meaning::Unmapped => {
                let label = t.label();
                if !label.is_empty() {
                    unmapped.insert(label);
                }
            }
        }
    }
    for label in &unmapped {
        *cx.unmapped.entry(label.clone()).or_default() += 1;
    }
    if s.services.is_empty() {
        let quoted = |set: &BTreeSet<String>| {
            set.iter()
                .map(|l| format!("{l:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut said = Vec::new();
        if !unmapped.is_empty() {
            said.push(format!("unmapped terms: {}", quoted(&unmapped)));
        }
        no_service.retain(|l| !l.is_empty());
        if !no_service.is_empty() {
            said.push(format!(
                "terms mapped to no service code: {}",
                quoted(&no_service)
            ));
        }
        if !excluded.is_empty() {
            said.push(format!("excluded terms: {}", quoted(&excluded)));
        }
        let terms = if said.is_empty() {
            "it has no taxonomy terms".to_string()
        } else {
            said.join("; ")
        };
        let file = cx.mapping.file.clone();
        // Kept, under "other help", rather than lost: a steward sees it in
        // the site and in the report, and maps its terms when ready.
        if cx
            .mapping
            .vocabulary
            .services
            .iter()
            .any(|c| c == OTHER_HELP)
        {
            s.services.push(OTHER_HELP.to_string());
            cx.other_help += 1;
            let labels: BTreeSet<String> = source_terms(raw, cx)
                .map(RawTerm::label)
                .filter(|l| !l.is_empty())
                .collect();
            if labels.is_empty() {
                *cx.other_help_terms.entry(NO_TERMS.to_string()).or_default() += 1;
            }
            for label in labels {
                *cx.other_help_terms.entry(label).or_default() += 1;
            }
            cx.warn(&raw.at, "taxonomy", format!("no Waypoint service code ({terms}); kept under \"{OTHER_HELP}\" until its terms are mapped in {file}"));
        } else {
            cx.warn(&raw.at, "taxonomy", format!("no Waypoint service code ({terms}); map its terms in {file}, or `validate` will reject it"));
        }
    }
}

/// The taxonomy code for services whose terms map onto nothing.
pub const OTHER_HELP: &str = "other-help";

/// How services with no source terms are counted among other help's terms.
pub const NO_TERMS: &str = "(no taxonomy terms)";

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The service's own phones, then those of its locations; the
/// organisation's main number only when the service has none.
fn phones(raw: &RawService, org_phones: &[RawPhone], cx: &mut Context) -> Vec<PhoneSource> {
    let mut list: Vec<&RawPhone> = raw
        .phones
        .iter()
        .chain(raw.locations.iter().flat_map(|l| &l.phones))
        .collect();
    if list.is_empty() {
        list.extend(org_phones);
    }
    let mut out: Vec<PhoneSource> = Vec::new();
    for p in list {
        let (numbers, rejected) = norm::parse_phones(&p.number, &p.extension);
        for bad in rejected {
            let whole = p.number.trim();
            let message = if bad == whole || format!("\"{bad}\"") == whole {
                format!("not a dialable number; dropped: {whole:?}")
            } else {
                format!("not a dialable number; dropped {bad:?} from {whole:?}")
            };
            cx.warn(&p.at, "number", message);
        }
        let hotline = p.terms.iter().any(|t| is_flag(t, "hotline"));
        let kind = match norm::phone_kind(&p.kind) {
            _ if hotline => "hotline",
            Some(k) => k,
            None => {
                cx.warn(
                    &p.at,
                    "type",
                    format!("unknown phone type {:?}; listed as voice", p.kind.trim()),
                );
                "voice"
            }
        };
        // "Fax" on a fax number says nothing the page does not already
        // say ("Fax 202-555-0100 Fax"); such a note is dropped.
        // ("Main" or "Toll free" on a voice number still say something.)
        let repeats_kind = |n: &String| match kind {
            "voice" => ["voice", "phone"].iter().any(|w| n.eq_ignore_ascii_case(w)),
            _ => norm::phone_kind(n) == Some(kind),
        };
        let note = cx
            .text(&p.at, "description", &p.description, NAME_MAX)
            .filter(|n| !repeats_kind(n));
        for number in numbers {
            if !out.iter().any(|o| o.number == number) {
                out.push(PhoneSource {
                    number,
                    kind: kind.into(),
                    note: note.clone(),
                    ..Default::default()
                });
            }
        }
    }
    out
}

/// Weekly schedules → Waypoint's hours: one entry per set of days sharing
/// the same times, in a canonical order, so the same hours always read the
/// same; every day 00:00–23:59 (or 24:00) is open 24/7.
fn hours(raw: &RawService, s: &mut ServiceSource, cx: &mut Context) {
    let own: Vec<&RawSchedule> = raw.schedules.iter().collect();
    let list: Vec<&RawSchedule> = if own.is_empty() {
        raw.locations.iter().flat_map(|l| &l.schedules).collect()
    } else {
        own
    };
    let mut periods: BTreeSet<(u8, u16, u16)> = BTreeSet::new();
    let mut notes: Vec<String> = Vec::new();
    for r in list {
        for (field, text) in [("description", &r.description), ("notes", &r.notes)] {
            if let Some(t) = cx.text(&r.at, field, text, TEXT_MAX) {
                if !notes.contains(&t) {
                    notes.push(t);
                }
            }
        }
        let has_times = !r.opens_at.trim().is_empty() || !r.closes_at.trim().is_empty();
        let has_days = !r.byday.trim().is_empty() || !r.weekday.trim().is_empty();
        if !has_times && !has_days {
            continue;
        }
        let freq = r.freq.trim().to_ascii_uppercase();
        let days = if !r.weekday.trim().is_empty() {
            match norm::parse_weekday(&r.weekday) {
                Some(d) => vec![d],
                None => {
                    cx.warn(
                        &r.at,
                        "weekday",
                        format!(
                            "expected a day such as Monday or 1, found {:?}; row skipped",
                            r.weekday.trim()
                        ),
                    );
                    continue;
                }
            }
        } else if freq == "DAILY" && r.byday.trim().is_empty() {
            (0..7).collect()
        } else if freq.is_empty() || freq == "WEEKLY" || freq == "DAILY" {
            match norm::parse_byday(&r.byday) {
                Ok(d) if !d.is_empty() => d,
                Ok(_) => {
                    cx.warn(&r.at, "byday", "no days given; schedule skipped");
                    continue;
                }
                Err(e) => {
                    cx.warn(&r.at, "byday", format!("{e}; schedule skipped"));
                    continue;
                }
            }
        } else {
            cx.warn(&r.at, "freq", format!("{freq} schedules cannot be shown as weekly hours; skipped (its description, if any, is kept in hours_note)"));
            continue;
        };
        let time = |cx: &mut Context, field: &str, value: &str| -> Option<u16> {
            let t = norm::parse_time(value);
            if t.is_none() {
                let message = if value.trim().is_empty() {
                    "missing; schedule skipped".to_string()
                } else {
                    format!(
                        "expected a time such as 09:00 or 9:00am, found {:?}; schedule skipped",
                        value.trim()
                    )
                };
                cx.warn(&r.at, field, message);
            }
            t
        };
        let (Some(opens), Some(closes)) = (
            time(cx, "opens_at", &r.opens_at),
            time(cx, "closes_at", &r.closes_at),
        ) else {
            continue;
        };
        // 00:00 to 23:59 is HSDS's way of writing "all day".
        let closes = if opens == 0 && closes == 23 * 60 + 59 {
            24 * 60
        } else {
            closes
        };
        if opens == closes {
            cx.warn(
                &r.at,
                "closes_at",
                format!(
                    "opens and closes at the same time ({}); schedule skipped",
                    norm::clock(opens)
                ),
            );
            continue;
        }
        for d in days {
            periods.insert((d, opens, closes));
        }
    }
    if (0..7).all(|d| periods.contains(&(d, 0, 24 * 60))) {
        s.open_24_7 = true;
        periods.retain(|p| !(p.1 == 0 && p.2 == 24 * 60));
        if !periods.is_empty() {
            cx.warn(
                &raw.at,
                "schedules",
                "open 24/7 and also lists shorter hours; kept 24/7 only",
            );
            periods.clear();
        }
    }
    let mut groups: BTreeMap<(u16, u16), Vec<u8>> = BTreeMap::new();
    for (d, o, c) in periods {
        groups.entry((o, c)).or_default().push(d);
    }
    let mut hours: Vec<(u8, HoursSource)> = groups
        .into_iter()
        .map(|((o, c), days)| {
            (
                days[0],
                HoursSource {
                    days: norm::days_notation(&days),
                    opens: norm::clock(o),
                    closes: norm::clock(c),
                },
            )
        })
        .collect();
    hours.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.opens.cmp(&b.1.opens)));
    s.hours = hours.into_iter().map(|(_, h)| h).collect();
    let note = notes.join("\n");
    s.hours_note = (!note.is_empty()).then_some(note);
}

fn areas(raw: &RawService, cx: &mut Context) -> Vec<String> {
    let mut out = Vec::new();
    for a in &raw.areas {
        if a.value.trim().is_empty() {
            continue;
        }
        match cx.mapping.vocabulary.area(&a.value) {
            Some(area) => push_new(&mut out, area),
            None => cx.warn(&a.at, &a.field, format!("not an area Waypoint can place (\"US\", a state, or \"Place, ST\"); dropped: {:?}", a.value.trim())),
        }
    }
    out
}

/// Languages as taxonomy codes. A value the mapping does not know as a
/// whole is read name by name ("English, Spanish"); one that says
/// interpretation is offered ("Language Line available"), there or in the
/// 1.x `interpretation_services` column, gives the service the
/// interpretation code.
fn languages(raw: &RawService, s: &mut ServiceSource, cx: &mut Context) {
    for l in &raw.languages {
        let found = [&l.code, &l.name]
            .into_iter()
            .filter(|v| !v.trim().is_empty())
            .find_map(|v| cx.mapping.language(v));
        match found {
            Some(code) => push_new(&mut s.languages, code),
            None if l.code.trim().is_empty() && l.name.trim().is_empty() => {}
            None => {
                let field = if l.code.trim().is_empty() {
                    l.name_field.as_str()
                } else {
                    "code"
                };
                let value = if l.name.trim().is_empty() {
                    &l.code
                } else {
                    &l.name
                };
                spoken(value, &l.at, field, s, cx);
            }
        }
    }
    if !raw.interpretation_services.trim().is_empty() {
        spoken(
            &raw.interpretation_services,
            &raw.at,
            "interpretation_services",
            s,
            cx,
        );
    }
}

/// Free text about the languages a service works in: an interpretation
/// phrase, or a list of language names; the rest is reported.
fn spoken(value: &str, at: &At, field: &str, s: &mut ServiceSource, cx: &mut Context) {
    let value = value.trim();
    let interpretation = cx.mapping.interpretation_phrase(value).is_some();
    if interpretation {
        push_new(&mut s.services, super::mapping::INTERPRETATION.to_string());
        cx.warn(
            at,
            field,
            format!(
                "{value:?} says interpretation is offered; service listed under {:?}",
                super::mapping::INTERPRETATION
            ),
        );
    }
    let parts: Vec<&str> = value
        .split([',', ';', '/', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut read = Vec::new();
    for part in &parts {
        match cx.mapping.language(part) {
            Some(code) => {
                push_new(&mut s.languages, code.clone());
                read.push(code);
            }
            // The phrase itself is not a language.
            None if interpretation => {}
            None => cx.warn(at, field, format!("language {part:?} is not in taxonomy.toml (or the mapping's [languages]); left out")),
        }
    }
    if !read.is_empty() {
        cx.warn(
            at,
            field,
            format!("{value:?} read as languages {}", read.join(", ")),
        );
    }
}

fn locations(
    raw: &RawService,
    cx: &mut Context,
    hide_addresses: Option<&str>,
) -> Vec<LocationSource> {
    let mut out: Vec<LocationSource> = Vec::new();
    for l in &raw.locations {
        let at = &l.at;
        let kind = l.location_type.trim().to_ascii_lowercase();
        if kind == "virtual" && l.addresses.is_empty() {
            cx.warn(
                at,
                "location_type",
                "virtual location: not listed as a place",
            );
            continue;
        }
        // Physical first: it is where people go.
        let address = l
            .addresses
            .iter()
            .find(|a| {
                matches!(
                    a.address_type.trim().to_ascii_lowercase().as_str(),
                    "" | "physical" | "confidential"
                )
            })
            .or(l.addresses.first());
        let mut loc = LocationSource {
            name: cx.text(at, "name", &l.name, NAME_MAX),
            ..LocationSource::default()
        };
        let mut why: Option<String> = l
            .confidential
            .clone()
            .or(hide_addresses.map(str::to_string));
        if kind == "confidential" {
            why.get_or_insert_with(|| "location_type \"confidential\"".into());
        }
        for (field, value) in [("name", &l.name), ("alternate_name", &l.alternate_name)] {
            if let Some(m) = cx.mapping.confidential_marker(value) {
                why.get_or_insert_with(|| format!("{field} says {m:?}"));
            }
        }
        if let Some(t) = l.terms.iter().find(|t| {
            t.taxonomy == WAYPOINT_FLAGS && t.code == "confidential"
                || cx.mapping.confidential_marker(&t.label()).is_some()
                || t.value.to_lowercase().contains("confidential")
        }) {
            why.get_or_insert_with(|| format!("attribute {:?}", t.label()));
        }
        if let Some(a) = address {
            let aat = &a.at;
            let street = [a.address_1.trim(), a.address_2.trim()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            loc.street = cx.text(aat, "address_1", &street, NAME_MAX);
            loc.city = cx.text(aat, "city", &a.city, NAME_MAX);
            loc.postal_code = cx.text(aat, "postal_code", &a.postal_code, 20);
            if !a.state.trim().is_empty() {
                loc.state = cx.mapping.vocabulary.state_code(&a.state);
                if loc.state.is_none() {
                    cx.warn(
                        aat,
                        "state_province",
                        format!(
                            "not a US state or territory: {:?}; left out",
                            a.state.trim()
                        ),
                    );
                }
            }
            if let Some(c) = &a.confidential {
                why.get_or_insert_with(|| c.clone());
            }
            if a.address_type.trim().eq_ignore_ascii_case("confidential") {
                why.get_or_insert_with(|| "address_type \"confidential\"".into());
            }
        }
        coordinates(l, &mut loc, cx);
        if why.is_some() {
            loc.confidential = true;
        }
        let empty = loc.name.is_none()
            && loc.street.is_none()
            && loc.city.is_none()
            && loc.state.is_none()
            && loc.postal_code.is_none()
            && loc.latitude.is_none();
        if empty {
            cx.warn(
                at,
                "-",
                "location has no name, address or coordinates; skipped",
            );
            continue;
        }
        if !out.iter().any(|o| same_location(o, &loc)) {
            out.push(loc);
        }
    }
    out
}

fn same_location(a: &LocationSource, b: &LocationSource) -> bool {
    (
        &a.name,
        &a.street,
        &a.city,
        &a.state,
        &a.postal_code,
        a.confidential,
    ) == (
        &b.name,
        &b.street,
        &b.city,
        &b.state,
        &b.postal_code,
        b.confidential,
    )
}

fn coordinates(l: &RawLocation, loc: &mut LocationSource, cx: &mut Context) {
    let (lat, lon) = (l.latitude.trim(), l.longitude.trim());
    if lat.is_empty() && lon.is_empty() {
        return;
    }
    let (Some(la), Some(lo)) = (
        norm::parse_degrees(lat, 90.0),
        norm::parse_degrees(lon, 180.0),
    ) else {
        let field = if norm::parse_degrees(lat, 90.0).is_none() {
            "latitude"
        } else {
            "longitude"
        };
        cx.warn(
            &l.at,
            field,
            format!("({lat:?}, {lon:?}) is not a place on Earth; coordinates dropped"),
        );
        return;
    };
    if la == 0.0 && lo == 0.0 {
        cx.warn(
            &l.at,
            "latitude",
            "(0, 0) is a placeholder, not a place; coordinates dropped",
        );
        return;
    }
    loc.latitude = Some(la);
    loc.longitude = Some(lo);
}

/// Who published the facts and when they were last checked: the record's
/// own provenance (as Waypoint's export writes it) first, then HSDS
/// `assured_date`, `last_modified`, metadata dates. A record with none
/// takes the export's date, marked `exported` (a date, not a check); with
/// no export date either it is undated. Never the import date: a record
/// five years old must not say it was checked today.
fn source(raw: &RawService, url: Option<&str>, cx: &mut Context) -> SourceSource {
    let meta = |name: &str| {
        raw.metadata
            .iter()
            .find(|m| m.field_name == format!("waypoint:source.{name}"))
            .map(|m| m.replacement_value.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut source = SourceSource {
        name: meta("name").unwrap_or_else(|| cx.source_name.clone()),
        url: meta("url").or_else(|| url.map(str::to_string)),
        note: meta("note"),
        last_verified: String::new(),
        // The date is the exporting directory's, whatever check it records;
        // a Waypoint export carries its own kind through.
        check: Some(
            meta("check")
                .filter(|c| Check::from_code(c).is_some())
                .unwrap_or_else(|| Check::Imported.code().into()),
        ),
        ..Default::default()
    };
    let today = cx.today;
    let mut date = |field: &str, value: &str| -> Option<Date> {
        if value.trim().is_empty() {
            return None;
        }
        match norm::parse_date(value) {
            Some(d) if d > today => {
                cx.warn(&raw.at, field, format!("{d} is in the future; not used"));
                None
            }
            Some(d) => Some(d),
            None => {
                cx.warn(
                    &raw.at,
                    field,
                    format!(
                        "expected a date such as 2024-05-31, found {:?}",
                        value.trim()
                    ),
                );
                None
            }
        }
    };
    // A Waypoint export marks a record that had no date; its metadata's
    // date is the export's, not a check.
    if meta("undated").is_some() {
        return source;
    }
    let found = date("assured_date", &raw.assured_date)
        .or_else(|| date("last_modified", &raw.last_modified))
        .or_else(|| {
            raw.metadata
                .iter()
                .filter_map(|m| norm::parse_date(&m.last_action_date))
                .filter(|d| *d <= today)
                .max()
        });
    match (found, cx.exported.clone()) {
        (Some(d), _) => source.last_verified = d.to_string(),
        (None, Some((d, from))) => {
            cx.warn(&raw.at, "assured_date", format!("no date of its own; dated {d}, the export's date ({from}), shown as an export date, not a check"));
            source.last_verified = d.to_string();
            source.check = Some(Check::Exported.code().into());
        }
        (None, None) => cx.warn(
            &raw.at,
            "assured_date",
            "no date of its own and none for the export; imported undated",
        ),
    }
    source
}
