//! Turns the sources into the bundle, checking every record on the way.
//! `validate` runs this and prints the problems; `build` refuses to write a
//! bundle while there is any error.

use std::collections::{HashMap, HashSet};

use super::load::Sources;
use super::problem::Problems;
use super::source::{LocationSource, PhoneSource, ServiceSource, SourceSource};
use waypoint_core::bundle::{Bundle, SiteConfig};
use waypoint_core::guide::{Answer, Guide, Need, Outcome, Sign, Step, StepKind};
use waypoint_core::locale::{placeholders, Catalog};
use waypoint_core::model::{
    parse_clock, Date, Directory, Hours, Location, OpeningPeriod, Organization, Phone, PhoneKind, Service, ServiceArea,
    Source,
};
use waypoint_core::taxonomy::{label_key, ServiceType, State, Taxonomy};

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub today: Date,
    /// Generated test data is allowed only where asked for.
    pub allow_fictional: bool,
}

pub fn compile(sources: &Sources, options: Options, problems: &mut Problems) -> Option<Bundle> {
    let taxonomy = compile_taxonomy(sources, problems)?;
    let (site_file, site) = sources.site.as_ref().or_else(|| {
        problems.error("site.toml", "-", "-", "missing");
        None
    })?;
    let locales = compile_locales(sources, &site.default_language, &taxonomy, problems);
    let directory = compile_directory(sources, &taxonomy, options, problems);
    let guide = compile_guide(sources, &taxonomy, &directory, &locales, &site.default_language, problems);

    if !is_web_url(&site.exit_url) {
        problems.error(site_file, "site", "exit_url", format!("expected an https:// address, found {:?}", site.exit_url));
    }
    if !locales.iter().any(|c| c.lang == site.default_language) {
        problems.error(site_file, "site", "default_language", format!("no catalogue for {:?}", site.default_language));
    }
    if !directory.services.iter().any(|s| s.id == site.help_service) {
        let message = format!("no service with id {:?}", site.help_service);
        // A generated test directory has no real hotline to show.
        if options.allow_fictional {
            problems.warning(site_file, "site", "help_service", message);
        } else {
            problems.error(site_file, "site", "help_service", message);
        }
    }
    let site = SiteConfig {
        title: site.title.clone(),
        exit_url: site.exit_url.clone(),
        default_language: site.default_language.clone(),
        help_service: site.help_service.clone(),
    };
    Some(Bundle { site, taxonomy, locales, directory, guide, built: options.today, shards: Vec::new() })
}

fn compile_taxonomy(sources: &Sources, problems: &mut Problems) -> Option<Taxonomy> {
    let (file, t) = sources.taxonomy.as_ref().or_else(|| {
        problems.error("taxonomy.toml", "-", "-", "missing");
        None
    })?;
    let mut taxonomy = Taxonomy {
        domains: t.domains.clone(),
        populations: t.populations.clone(),
        languages: t.languages.clone(),
        ..Taxonomy::default()
    };
    for s in &t.services {
        match taxonomy.domain_id(&s.domain) {
            Some(domain) => taxonomy.service_types.push(ServiceType { code: s.code.clone(), domain }),
            None => problems.error(file, &s.code, "domain", format!("unknown domain {:?}", s.domain)),
        }
    }
    for s in &t.states {
        if s.code.len() != 2 || !s.code.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.error(file, &s.code, "code", "expected a two-letter USPS code such as \"CA\"");
        }
        taxonomy.states.push(State { code: s.code.clone(), name: s.name.clone() });
    }
    let lists: [(&str, Vec<&str>); 5] = [
        ("domains", taxonomy.domains.iter().map(String::as_str).collect()),
        ("service", taxonomy.service_types.iter().map(|s| s.code.as_str()).collect()),
        ("populations", taxonomy.populations.iter().map(String::as_str).collect()),
        ("languages", taxonomy.languages.iter().map(String::as_str).collect()),
        ("state", taxonomy.states.iter().map(|s| s.code.as_str()).collect()),
    ];
    for (field, codes) in lists {
        let mut seen = HashSet::new();
        for code in codes {
            if !seen.insert(code) {
                problems.error(file, code, field, "listed twice");
            }
        }
    }
    Some(taxonomy)
}

/// Every language must have every key of the default language, with the
/// same placeholders; the default language must label every taxonomy code.
fn compile_locales(sources: &Sources, default: &str, taxonomy: &Taxonomy, problems: &mut Problems) -> Vec<Catalog> {
    let Some(base) = sources.locales.iter().find(|l| l.lang == default) else {
        problems.error("locales", default, "-", "no folder for the default language");
        return Vec::new();
    };
    let base_map: HashMap<&str, &str> = base.entries.iter().map(|(k, v, _)| (k.as_str(), v.as_str())).collect();
    let mut required: Vec<String> = vec!["meta.name".into(), "area.nationwide".into()];
    required.extend(taxonomy.domains.iter().map(|c| label_key::domain(c)));
    required.extend(taxonomy.service_types.iter().map(|s| label_key::service_type(&s.code)));
    required.extend(taxonomy.populations.iter().map(|c| label_key::population(c)));
    required.extend(taxonomy.languages.iter().map(|c| label_key::language(c)));
    for key in &required {
        if !base_map.contains_key(key.as_str()) {
            problems.error(&format!("locales/{default}"), key, "label", "missing in the default language");
        }
    }
    let mut catalogs = Vec::new();
    for locale in &sources.locales {
        let folder = format!("locales/{}", locale.lang);
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (key, value, file) in &locale.entries {
            if seen.insert(key, file).is_some() {
                problems.error(file, key, "key", "defined twice");
            }
            if value.trim().is_empty() {
                problems.error(file, key, "value", "empty string");
            }
            match base_map.get(key.as_str()) {
                None if locale.lang != default => problems.warning(file, key, "key", format!("not in the default language ({default}); unused")),
                Some(base_value) if placeholders(base_value) != placeholders(value) => problems.error(
                    file,
                    key,
                    "placeholders",
                    format!("expected {:?}, found {:?}", placeholders(base_value), placeholders(value)),
                ),
                _ => {}
            }
        }
        for key in base_map.keys() {
            if !seen.contains_key(key) {
                problems.error(&folder, key, "translation", format!("missing in {}", locale.lang));
            }
        }
        let name = locale.entries.iter().find(|(k, _, _)| k == "meta.name").map(|(_, v, _)| v.clone());
        let entries = locale.entries.iter().map(|(k, v, _)| (k.clone(), v.clone())).collect();
        catalogs.push(Catalog::new(locale.lang.clone(), name.unwrap_or_else(|| locale.lang.clone()), entries));
    }
    // The default language first, so it is the fallback everywhere.
    catalogs.sort_by_key(|c| c.lang != default);
    catalogs
}

fn compile_directory(sources: &Sources, taxonomy: &Taxonomy, options: Options, problems: &mut Problems) -> Directory {
    let mut directory = Directory::default();
    let mut org_ids = HashSet::new();
    let mut service_ids = HashSet::new();
    for (file, provider) in &sources.providers {
        let org = &provider.organization;
        if org.id.trim().is_empty() {
            problems.error(file, "-", "organization.id", "missing");
        } else if !org_ids.insert(org.id.as_str()) {
            problems.error(file, &org.id, "organization.id", "used by another organisation");
        }
        if org.name.trim().is_empty() {
            problems.error(file, &org.id, "organization.name", "missing");
        }
        if org.fictional && !options.allow_fictional {
            problems.error(file, &org.id, "organization.fictional", "generated data cannot be built as a real directory");
        }
        check_url(problems, file, &org.id, "organization.website", org.website.as_deref());
        check_text(problems, file, &org.id, "organization.name", &org.name, NAME_MAX);
        for (field, value) in [("organization.alternate_name", &org.alternate_name), ("organization.description", &org.description)] {
            if let Some(v) = value {
                check_text(problems, file, &org.id, field, v, TEXT_MAX);
            }
        }
        if provider.services.is_empty() {
            problems.warning(file, &org.id, "service", "organisation lists no services, so it cannot be found");
        }
        let org_idx = directory.organizations.len() as u32;
        directory.organizations.push(Organization {
            id: org.id.clone(),
            name: org.name.trim().to_string(),
            alternate_name: clean(&org.alternate_name),
            description: clean(&org.description),
            website: org.website.clone(),
        });
        for s in &provider.services {
            let record = if s.id.trim().is_empty() { format!("{} (service without id)", org.id) } else { s.id.clone() };
            if s.id.trim().is_empty() {
                problems.error(file, &record, "id", "missing");
            } else if !service_ids.insert(s.id.clone()) {
                problems.error(file, &record, "id", "used by another service");
            }
            let source = s.source.as_ref().or(provider.source.as_ref());
            if let Some(service) = compile_service(file, &record, s, source, org_idx, org.fictional, taxonomy, options, problems) {
                directory.services.push(service);
            }
        }
    }
    directory
}

#[allow(clippy::too_many_arguments)]
fn compile_service(
    file: &str,
    record: &str,
    s: &ServiceSource,
    source: Option<&SourceSource>,
    organization: u32,
    fictional: bool,
    taxonomy: &Taxonomy,
    options: Options,
    problems: &mut Problems,
) -> Option<Service> {
    let texts: [(&str, Option<&String>, usize); 8] = [
        ("name", Some(&s.name), NAME_MAX),
        ("description", s.description.as_ref(), TEXT_MAX),
        ("eligibility", s.eligibility.as_ref(), TEXT_MAX),
        ("how_to_get_help", s.how_to_get_help.as_ref(), TEXT_MAX),
        ("fees", s.fees.as_ref(), TEXT_MAX),
        ("hours_note", s.hours_note.as_ref(), TEXT_MAX),
        ("email", s.email.as_ref(), NAME_MAX),
        ("source.note", source.and_then(|src| src.note.as_ref()), TEXT_MAX),
    ];
    for (field, value, max) in texts {
        if let Some(value) = value {
            check_text(problems, file, record, field, value, max);
        }
    }
    for (i, phone) in s.phones.iter().enumerate() {
        if let Some(note) = &phone.note {
            check_text(problems, file, record, &format!("phones[{i}].note"), note, NAME_MAX);
        }
    }
    let mut p = |field: &str, message: String| problems.error(file, record, field, message);
    if s.name.trim().is_empty() {
        p("name", "missing".into());
    }
    let mut service_types = Vec::new();
    for code in &s.services {
        match taxonomy.service_type_id(code) {
            Some(id) => service_types.push(id),
            None => p("services", format!("unknown service code {code:?}")),
        }
    }
    if s.services.is_empty() {
        p("services", "expected at least one service code".into());
    }
    let mut populations = Vec::new();
    for code in &s.populations {
        match taxonomy.population_id(code) {
            Some(id) => populations.push(id),
            None => p("populations", format!("unknown population {code:?}")),
        }
    }
    for code in &s.languages {
        if !taxonomy.languages.contains(code) {
            p("languages", format!("unknown language code {code:?}; add it to taxonomy.toml and the locales"));
        }
    }
    let mut service_areas = Vec::new();
    for area in &s.areas {
        match ServiceArea::parse(area) {
            Some(a) if matches!(&a, ServiceArea::State(c) | ServiceArea::Local { state: c, .. } if taxonomy.state(c).is_none()) => {
                p("areas", format!("unknown state in {area:?}"))
            }
            Some(a) => service_areas.push(a),
            None => p("areas", format!("expected \"US\", a state code or \"ST:Place\", found {area:?}")),
        }
    }
    let phones: Vec<Phone> = s.phones.iter().enumerate().filter_map(|(i, ph)| compile_phone(ph, i, &mut p)).collect();
    let locations: Vec<Location> =
        s.locations.iter().enumerate().filter_map(|(i, l)| compile_location(l, i, taxonomy, &mut p)).collect();
    let hours = compile_hours(s, &locations, &service_areas, &mut p);
    if let (Some(min), Some(max)) = (s.minimum_age, s.maximum_age) {
        if min > max {
            p("minimum_age", format!("{min} is above maximum_age {max}"));
        }
    }
    for (field, url) in [("url", &s.url), ("chat_url", &s.chat_url)] {
        if let Some(u) = url {
            if !is_web_url(u) {
                p(field, format!("expected an http:// or https:// address, found {u:?}"));
            }
        }
    }
    if let Some(email) = &s.email {
        if !email.contains('@') || email.contains(char::is_whitespace) {
            p("email", format!("not an email address: {email:?}"));
        }
    }
    let source = match source {
        Some(src) => src,
        None => {
            p("source", "every service needs a source (on the service or the file)".into());
            return None;
        }
    };
    if source.name.trim().is_empty() {
        p("source.name", "missing".into());
    }
    if let Some(u) = &source.url {
        if !is_web_url(u) {
            p("source.url", format!("expected an http:// or https:// address, found {u:?}"));
        }
    }
    let last_verified = match Date::parse(&source.last_verified) {
        Some(d) if d > options.today => {
            p("source.last_verified", format!("{d} is in the future"));
            d
        }
        Some(d) => d,
        None => {
            p("source.last_verified", format!("expected YYYY-MM-DD, found {:?}", source.last_verified));
            return None;
        }
    };
    if last_verified.months_until(options.today) >= 12 {
        problems.warning(file, record, "source.last_verified", format!("{last_verified} is over 12 months ago; please re-check"));
    }
    let contactable = !phones.is_empty() || s.url.is_some() || s.chat_url.is_some() || s.email.is_some();
    if !contactable && s.how_to_get_help.is_none() {
        problems.warning(file, record, "phones", "no phone, website, chat, email or how_to_get_help: people cannot reach it");
    }
    Some(Service {
        id: s.id.clone(),
        organization,
        name: s.name.trim().to_string(),
        description: clean(&s.description),
        service_types,
        populations,
        languages: s.languages.clone(),
        phones,
        chat_url: s.chat_url.clone(),
        url: s.url.clone(),
        email: s.email.clone(),
        locations,
        service_areas,
        hours,
        eligibility: clean(&s.eligibility),
        minimum_age: s.minimum_age,
        maximum_age: s.maximum_age,
        how_to_get_help: clean(&s.how_to_get_help),
        fees: clean(&s.fees),
        free: s.free,
        remote: s.remote,
        law_enforcement: s.law_enforcement,
        fictional,
        source: Source { name: source.name.clone(), url: source.url.clone(), note: clean(&source.note) },
        last_verified,
    })
}

fn compile_phone(ph: &PhoneSource, i: usize, p: &mut impl FnMut(&str, String)) -> Option<Phone> {
    let field = format!("phones[{i}]");
    let Some(kind) = PhoneKind::parse(&ph.kind) else {
        p(&format!("{field}.type"), format!("expected voice, hotline, text, tty or fax, found {:?}", ph.kind));
        return None;
    };
    let phone = Phone { number: ph.number.trim().to_string(), kind, note: clean(&ph.note) };
    let digits = phone.dial().split(',').next().unwrap_or_default().trim_start_matches('+').len();
    // 3 digits: 911, 988, 711; 5-6: SMS short codes; 10-11: US numbers;
    // up to 15: international (E.164).
    if !matches!(digits, 3 | 5 | 6 | 10..=15) || ph.number.chars().any(|c| c.is_ascii_alphabetic() && c != 'x') {
        p(&format!("{field}.number"), format!("not a dialable number: {:?}", ph.number));
        return None;
    }
    Some(phone)
}

fn compile_location(l: &LocationSource, i: usize, taxonomy: &Taxonomy, p: &mut impl FnMut(&str, String)) -> Option<Location> {
    let field = format!("locations[{i}]");
    if let Some(state) = &l.state {
        if taxonomy.state(state).is_none() {
            p(&format!("{field}.state"), format!("unknown state code {state:?}"));
        }
    }
    if let (Some(lat), Some(lon)) = (l.latitude, l.longitude) {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            p(&format!("{field}.latitude"), format!("({lat}, {lon}) is not on Earth"));
        }
    }
    // A confidential address never reaches the browser: only the town does,
    // and coordinates rounded to 0.1 degree (about 7 miles), enough to sort
    // by distance ("about N miles") without pointing at the building.
    let private = l.confidential;
    Some(Location {
        name: clean(&l.name),
        street: if private { None } else { clean(&l.street) },
        city: clean(&l.city),
        state: l.state.clone(),
        postal_code: if private { None } else { clean(&l.postal_code) },
        latitude: if private { l.latitude.map(waypoint_core::geo::coarse) } else { l.latitude },
        longitude: if private { l.longitude.map(waypoint_core::geo::coarse) } else { l.longitude },
        confidential: private,
    })
}

fn compile_hours(s: &ServiceSource, locations: &[Location], areas: &[ServiceArea], p: &mut impl FnMut(&str, String)) -> Hours {
    let mut periods = Vec::new();
    for (i, h) in s.hours.iter().enumerate() {
        let field = format!("hours[{i}]");
        let days = parse_days(&h.days);
        if days.is_none() {
            p(&format!("{field}.days"), format!("expected days such as \"mon-fri\" or \"sat,sun\", found {:?}", h.days));
        }
        let (opens, closes) = (parse_clock(&h.opens), parse_clock(&h.closes));
        if opens.is_none() {
            p(&format!("{field}.opens"), format!("expected HH:MM, found {:?}", h.opens));
        }
        if closes.is_none() {
            p(&format!("{field}.closes"), format!("expected HH:MM, found {:?}", h.closes));
        }
        if let (Some(days), Some(opens), Some(closes)) = (days, opens, closes) {
            periods.extend(days.into_iter().map(|day| OpeningPeriod { day, opens, closes }));
        }
    }
    if s.open_24_7 && !s.hours.is_empty() {
        p("hours", "open_24_7 and hours both given; keep one".into());
    }
    // Hours mean nothing without the zone they are kept in: given, or the
    // main zone of the state the service is in (or serves alone).
    let timezone = match &s.timezone {
        Some(zone) if !waypoint_core::hours::is_known_zone(zone) => {
            p("timezone", format!("{zone:?} is not a US time zone Waypoint knows (for example America/Chicago)"));
            None
        }
        Some(zone) => Some(zone.clone()),
        None if periods.is_empty() => None,
        None => {
            let state = locations.iter().find_map(|l| l.state.clone()).or_else(|| match areas {
                [ServiceArea::State(st)] | [ServiceArea::Local { state: st, .. }] => Some(st.clone()),
                _ => None,
            });
            let zone = state.as_deref().and_then(waypoint_core::hours::zone_for_state);
            if zone.is_none() {
                p("timezone", "hours are given but no time zone, and none follows from a location's state; add timezone".into());
            }
            zone.map(str::to_string)
        }
    };
    Hours { always_open: s.open_24_7, periods, note: clean(&s.hours_note), timezone }
}

/// The guide's structure, with names turned into indices, every reference
/// checked, the engine's reachability checks run, and every string it needs
/// present in the default language (the locale check covers the others).
fn compile_guide(
    sources: &Sources,
    taxonomy: &Taxonomy,
    directory: &Directory,
    locales: &[Catalog],
    default_lang: &str,
    problems: &mut Problems,
) -> Guide {
    let Some((file, g)) = &sources.guide else {
        problems.error("guide.toml", "-", "-", "missing");
        return Guide::default();
    };
    let index = |names: Vec<&str>| -> HashMap<String, u16> { names.into_iter().enumerate().map(|(i, n)| (n.to_string(), i as u16)).collect() };
    let steps = index(g.steps.iter().map(|s| s.id.as_str()).collect());
    let signs = index(g.signs.iter().map(|s| s.id.as_str()).collect());
    let needs = index(g.needs.iter().map(|n| n.id.as_str()).collect());
    for (what, list) in [("step", g.steps.iter().map(|s| &s.id).collect::<Vec<_>>()), ("sign", g.signs.iter().map(|s| &s.id).collect()), ("need", g.needs.iter().map(|s| &s.id).collect()), ("outcome", g.outcomes.iter().map(|s| &s.id).collect())] {
        let mut seen = HashSet::new();
        for id in list {
            if !seen.insert(id) {
                problems.error(file, &format!("{what} {id}"), "id", "used twice");
            }
        }
    }
    let mut look = |map: &HashMap<String, u16>, record: &str, field: &str, name: &str| -> Option<u16> {
        let found = map.get(name).copied();
        if found.is_none() {
            problems.error(file, record, field, format!("no such {}: {name:?}", field.trim_end_matches('s')));
        }
        found
    };
    let start = look(&steps, "guide", "start", &g.start).unwrap_or(0);
    let mut guide = Guide { start, ..Guide::default() };
    guide.signs = g.signs.iter().map(|s| Sign { id: s.id.clone(), shown: s.shown }).collect();
    for n in &g.needs {
        let record = format!("need {}", n.id);
        let service_type = n.service.as_ref().and_then(|c| {
            let id = taxonomy.service_type_id(c);
            if id.is_none() {
                problems.error(file, &record, "service", format!("unknown service code {c:?}"));
            }
            id
        });
        let domain = n.domain.as_ref().and_then(|c| {
            let id = taxonomy.domain_id(c);
            if id.is_none() {
                problems.error(file, &record, "domain", format!("unknown domain {c:?}"));
            }
            id
        });
        let population = n.population.as_ref().and_then(|c| {
            let id = taxonomy.population_id(c);
            if id.is_none() {
                problems.error(file, &record, "population", format!("unknown population {c:?}"));
            }
            id
        });
        if n.service.is_none() && n.domain.is_none() {
            problems.error(file, &record, "service", "a need opens a service code or a domain");
        }
        guide.needs.push(Need { id: n.id.clone(), service_type, domain, population });
    }
    let mut look = |map: &HashMap<String, u16>, record: &str, field: &str, name: &str| -> Option<u16> {
        let found = map.get(name).copied();
        if found.is_none() {
            problems.error(file, record, field, format!("no such {}: {name:?}", field.trim_end_matches('s')));
        }
        found
    };
    for s in &g.steps {
        let record = format!("step {}", s.id);
        let kind = match s.kind.as_str() {
            "question" => StepKind::Question,
            "choose-any" => StepKind::ChooseAny,
            "emergency" => StepKind::Emergency,
            "result" => StepKind::Result,
            other => {
                look(&HashMap::new(), &record, "kind", other);
                StepKind::Question
            }
        };
        let next = s.next.as_ref().and_then(|n| look(&steps, &record, "next", n));
        let answers = s
            .answers
            .iter()
            .map(|a| {
                let record = format!("step {} answer {}", s.id, a.id);
                Answer {
                    id: a.id.clone(),
                    next: a.next.as_ref().and_then(|n| look(&steps, &record, "next", n)),
                    signs: a.signs.iter().filter_map(|x| look(&signs, &record, "signs", x)).collect(),
                    needs: a.needs.iter().filter_map(|x| look(&needs, &record, "needs", x)).collect(),
                }
            })
            .collect();
        guide.steps.push(Step { id: s.id.clone(), kind, next, answers });
    }
    let mut missing_hotlines = Vec::new();
    for o in &g.outcomes {
        let record = format!("outcome {}", o.id);
        let all_of = o.all_of.iter().filter_map(|x| look(&signs, &record, "all_of", x)).collect();
        let any_of = o.any_of.iter().filter_map(|x| look(&signs, &record, "any_of", x)).collect();
        missing_hotlines.extend(o.hotlines.iter().filter(|h| !directory.services.iter().any(|s| &s.id == *h)).map(|h| (record.clone(), h.clone())));
        guide.outcomes.push(Outcome { id: o.id.clone(), all_of, any_of, hotlines: o.hotlines.clone() });
    }
    // A generated test directory has no real hotlines to show.
    let fictional = !directory.services.is_empty() && directory.services.iter().all(|s| s.fictional);
    for (record, h) in missing_hotlines {
        let message = format!("no such service: {h:?}");
        if fictional {
            problems.warning(file, &record, "hotlines", message);
        } else {
            problems.error(file, &record, "hotlines", message);
        }
    }
    if problems.has_errors() {
        return guide;
    }
    for p in waypoint_core::guide::check(&guide) {
        problems.error(file, &p.record, "-", p.message);
    }
    // Strings the guide needs, in the default language.
    let Some(base) = locales.iter().find(|c| c.lang == default_lang) else { return guide };
    let mut keys: Vec<String> = GUIDE_UI_KEYS.iter().map(|k| k.to_string()).collect();
    for step in &guide.steps {
        match step.kind {
            StepKind::Question | StepKind::ChooseAny => {
                keys.push(format!("guide.{}.question", step.id));
                keys.extend(step.answers.iter().map(|a| format!("guide.{}.{}", step.id, a.id)));
            }
            StepKind::Emergency => keys.extend([format!("guide.{}.title", step.id), format!("guide.{}.body", step.id)]),
            StepKind::Result => {}
        }
    }
    keys.extend(guide.signs.iter().filter(|s| s.shown).map(|s| format!("guide.sign.{}", s.id)));
    keys.extend(guide.needs.iter().map(|n| format!("guide.need.{}", n.id)));
    keys.extend(guide.outcomes.iter().flat_map(|o| [format!("guide.outcome.{}.title", o.id), format!("guide.outcome.{}.body", o.id)]));
    for key in keys {
        if base.lookup(&key).is_none() {
            problems.error(&format!("locales/{default_lang}"), &key, "guide", "string missing in the default language");
        }
    }
    guide
}

/// Strings every guide screen uses.
const GUIDE_UI_KEYS: &[&str] = &[
    "guide.ui.nav",
    "guide.ui.invite",
    "guide.ui.start",
    "guide.ui.rather_not_say",
    "guide.ui.skip",
    "guide.ui.back",
    "guide.ui.next",
    "guide.ui.progress",
    "guide.ui.continue",
    "guide.ui.call_911",
    "guide.ui.start_over",
    "guide.ui.start_over_note",
    "guide.ui.to_directory",
    "guide.intro.title",
    "guide.intro.body",
    "guide.result.signs_heading",
    "guide.result.help_heading",
    "guide.result.confidential",
    "guide.result.services_heading",
    "guide.result.services_none",
    "guide.result.browse",
    "guide.result.tips_heading",
    "guide.result.count.one",
    "guide.result.count.other",
    "guide.tip.1",
];

/// `mon-fri`, `sat,sun`, `fri-mon` (wrapping) → day numbers, Monday = 0.
pub fn parse_days(text: &str) -> Option<Vec<u8>> {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let day = |s: &str| NAMES.iter().position(|n| *n == s.trim().to_ascii_lowercase()).map(|d| d as u8);
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

/// Longest name and longest free text a record may carry: enough for any
/// real record, and a stop to a pasted page or a runaway export.
const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 4000;

/// Text is always shown as text (never parsed as HTML), so markup is inert;
/// what is refused is what would mislead or swamp a reader: characters that
/// reverse or hide text, control characters, and text far beyond any real
/// record.
fn check_text(problems: &mut Problems, file: &str, record: &str, field: &str, value: &str, max: usize) {
    let chars = value.chars().count();
    if chars > max {
        problems.error(file, record, field, format!("is {chars} characters long; at most {max} are allowed"));
    }
    if let Some(c) = value.chars().find(|&c| is_bidi_control(c)) {
        problems.error(
            file,
            record,
            field,
            format!("contains an invisible character that changes text direction (U+{:04X}); remove it", c as u32),
        );
    }
    if let Some(c) = value.chars().find(|&c| c.is_control() && c != '\n' && c != '\t') {
        problems.error(file, record, field, format!("contains a control character (U+{:04X})", c as u32));
    }
    let lower = value.to_ascii_lowercase();
    if ["<script", "<img", "<iframe", "javascript:", "onerror=", "onload="].iter().any(|m| lower.contains(m)) {
        problems.warning(file, record, field, "looks like HTML or script; it will be shown as plain text");
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn clean(text: &Option<String>) -> Option<String> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// Only web addresses become links: never `javascript:` or `data:`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && url.len() > 10 && !url.contains(char::is_whitespace)
}

fn check_url(problems: &mut Problems, file: &str, record: &str, field: &str, url: Option<&str>) {
    if let Some(u) = url {
        if !is_web_url(u) {
            problems.error(file, record, field, format!("expected an http:// or https:// address, found {u:?}"));
        }
    }
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

    #[test]
    fn a_confidential_location_keeps_only_its_town_and_coarse_coordinates() {
        let taxonomy = Taxonomy::default();
        let source = LocationSource {
            name: Some("Safe house".into()),
            street: Some("1 Secret Ln".into()),
            city: Some("San Diego".into()),
            state: None,
            postal_code: Some("92101".into()),
            latitude: Some(32.71853),
            longitude: Some(-117.15931),
            confidential: true,
        };
        let mut problems = Vec::new();
        let l = compile_location(&source, 0, &taxonomy, &mut |f: &str, m: String| problems.push(format!("{f}: {m}"))).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((l.street, l.postal_code), (None, None));
        assert_eq!(l.city.as_deref(), Some("San Diego"));
        // Rounded to 0.1 degree: about 7 miles, enough to sort by distance.
        assert_eq!((l.latitude, l.longitude), (Some(32.7), Some(-117.2)));
        assert!(l.confidential);

        let public = compile_location(&LocationSource { confidential: false, ..source }, 0, &taxonomy, &mut |_: &str, _: String| {}).unwrap();
        assert_eq!((public.latitude, public.longitude), (Some(32.71853), Some(-117.15931)));
        assert_eq!(public.street.as_deref(), Some("1 Secret Ln"));
    }

    #[test]
    fn only_web_urls() {
        assert!(is_web_url("https://example.org/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,hi"));
        assert!(!is_web_url("https://exa mple.org"));
    }
}
