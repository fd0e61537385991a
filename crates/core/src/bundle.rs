//! The file the browser loads: site settings, taxonomy, every UI catalogue
//! and the directory, validated and encoded with postcard.
//!
//! Why postcard: it is a compact binary serde format (no field names, varint
//! integers), so the bundle is small before gzip and decodes in one pass with
//! very little code in the wasm, where a JSON parser would add tens of KB.

use serde::{Deserialize, Serialize};

use crate::guide::Guide;
use crate::locale::Catalog;
use crate::model::{Date, Directory, Service, ServiceArea};
use crate::taxonomy::Taxonomy;

/// The first bytes of every bundle; the last byte is the format version, so
/// an old app never misreads a newer bundle.
pub const MAGIC: [u8; 4] = *b"WPT\x07";

/// What the deploying organisation sets in `data/site.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// Neutral tab title, shown instead of anything that names the topic.
    pub title: String,
    /// Where quick exit goes: a neutral site that shows nothing personal.
    pub exit_url: String,
    pub default_language: String,
    /// The service whose phones are in the help bar on every view.
    pub help_service: String,
    /// Other languages whose search words the page fetches as soon as it
    /// has drawn (site.toml `instant_search`; `paths::search_words`), so a
    /// query in one finds records before anyone switches to it.
    pub instant_search: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub site: SiteConfig,
    pub taxonomy: Taxonomy,
    pub locales: Vec<Catalog>,
    pub directory: Directory,
    pub guide: Guide,
    /// When the bundle was built, to judge how fresh records are.
    pub built: Date,
    /// For a national directory: the per-state files (the manifest). Empty
    /// when the whole directory is in this bundle.
    pub shards: Vec<ShardInfo>,
}

/// Services in their own content-hashed file: one state's, fetched when
/// someone chooses it, or part of the deployment's home region, fetched at
/// start so the default view shows the region with no choice made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardInfo {
    /// USPS code (a home file: its services' first state).
    pub state: String,
    /// File name in the bundle's folder, e.g. `shard-CA-3f2a9c1d.bin`
    /// (`paths::url` gives its address).
    pub file: String,
    pub services: u32,
    /// Part of the home region: fetched at start, the one nearest a chosen
    /// place first.
    pub home: bool,
    /// The middle of its services' locations (latitude, longitude), to
    /// order home files by distance from a chosen place.
    pub center: Option<(f32, f32)>,
}

/// A deployment's own area (`home_region` in site.toml): states ("FL"),
/// counties or places ("FL:Miami-Dade County") and ZIP3 areas ("331").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeRegion {
    pub areas: Vec<String>,
}

impl HomeRegion {
    /// Whether a service is based in or serves the region. A nationwide
    /// service is everyone's, not the region's: it stays in the first load.
    pub fn holds(&self, service: &Service) -> bool {
        !service.is_nationwide()
            && self
                .areas
                .iter()
                .any(|area| match ServiceArea::parse(area) {
                    Some(ServiceArea::State(st)) => service.serves_state(&st),
                    Some(ServiceArea::Local { state, name }) => {
                        service.service_areas.contains(&ServiceArea::Local {
                            state: state.clone(),
                            name: name.clone(),
                        }) || service.serves_city(&state, name.trim_end_matches(" County"))
                    }
                    _ => zip3(area).is_some_and(|z| {
                        service
                            .locations
                            .iter()
                            .any(|l| l.postal_code.as_deref().and_then(zip3) == Some(z))
                    }),
                })
    }

    /// Where most of a directory's local services are, when site.toml names
    /// no region: the state holding at least half of them, if one does.
    pub fn inferred(directory: &Directory, states: &[String]) -> Option<HomeRegion> {
        let local: Vec<&Service> = directory
            .services
            .iter()
            .filter(|s| !s.is_nationwide())
            .collect();
        let (best, count) = states
            .iter()
            .map(|st| (st, local.iter().filter(|s| s.serves_state(st)).count()))
            .max_by_key(|&(_, n)| n)?;
        (count > 0 && count * 2 >= local.len()).then(|| HomeRegion {
            areas: vec![best.clone()],
        })
    }
}

fn zip3(code: &str) -> Option<&str> {
    let digits = code.get(..3)?;
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    WrongVersion(u8),
    Corrupt(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "not a Waypoint bundle"),
            BundleError::WrongVersion(v) => write!(
                f,
                "bundle format {v} is not the one this app reads ({})",
                MAGIC[3]
            ),
            BundleError::Corrupt(e) => write!(f, "bundle is damaged: {e}"),
        }
    }
}

impl Bundle {
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
        decode(bytes)
    }

    /// The first-load bundle and, per language, the strings the browser
    /// fetches later: for other languages when someone switches to one
    /// (they keep only their search vocabulary here), for the default
    /// language when the guide, the safety page or the staff tools open.
    ///
    /// The third part: the search words of the languages in the site's
    /// `instant_search` (each about 2 KB compressed), in a file of their own
    /// that the page fetches once it has drawn, so a query in one of them
    /// finds records before anyone switches, at no cost to the first
    /// results. Every other language's words come with its strings.
    pub fn split_languages(mut self) -> (Bundle, Vec<Catalog>, Vec<Catalog>) {
        let (mut later, mut words) = (Vec::new(), Vec::new());
        for catalog in std::mem::take(&mut self.locales) {
            let (first, rest) = if catalog.lang == self.site.default_language {
                catalog.split_later()
            } else if self.site.instant_search.contains(&catalog.lang) {
                let (search, rest) = catalog.split(true);
                let (first, search) = search.split(false);
                words.push(search);
                (first, rest)
            } else {
                catalog.split(false)
            };
            self.locales.push(first);
            later.push(rest);
        }
        (self, later, words)
    }

    /// Moves the synonym words only other languages need out of this
    /// bundle's services into those languages' catalogues in `later` (key
    /// `locale::synonyms_key`; an instant-search language's search file or
    /// another's later strings), so a first visit does not download every
    /// language's search words: measured on the default data, site.bin
    /// 49.2 -> 39.3 KB raw, 17.5 -> 13.7 KB gzip. `languages_of` names the
    /// languages whose synonym table has a word; a word stays when one of
    /// them is in `keep` (the default language) or it has none. Only this bundle's services: state files keep their words,
    /// so a language's file does not grow with a national directory.
    pub fn move_synonyms(&mut self, later: &mut [&mut Catalog], languages_of: &std::collections::HashMap<String, Vec<String>>, keep: &[String]) {
        let mut moved: Vec<Vec<(String, String)>> = vec![Vec::new(); later.len()];
        for service in &mut self.directory.services {
            let mut kept: Vec<&str> = Vec::new();
            let mut gained: Vec<Vec<&str>> = vec![Vec::new(); later.len()];
            for word in service.synonyms.split(' ').filter(|w| !w.is_empty()) {
                match languages_of.get(word) {
                    Some(langs) if !langs.iter().any(|l| keep.contains(l)) => {
                        for (i, catalog) in later.iter().enumerate() {
                            if langs.contains(&catalog.lang) {
                                gained[i].push(word);
                            }
                        }
                    }
                    _ => kept.push(word),
                }
            }
            for (i, words) in gained.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
                moved[i].push((crate::locale::synonyms_key(&service.id), words.join(" ")));
            }
            service.synonyms = kept.join(" ");
        }
        for (catalog, entries) in later.iter_mut().zip(moved) {
            catalog.extend(entries);
        }
    }
}

impl Bundle {
    /// Splits a large directory. This bundle keeps the nationwide services
    /// (and those with no state). The home region's services, if there is
    /// one, go into files of about `home_file_bytes` each, in ZIP code
    /// order (then county) so neighbours share a file; the page fetches them
    /// at start, nearest a chosen place first. Every other state's services
    /// go into that state's file, fetched when someone chooses it. A
    /// service serving several states is in each of their files. Returns
    /// the files with their contents; names carry a hash of the contents,
    /// so a CDN can cache them for ever.
    pub fn split(
        mut self,
        home: Option<&HomeRegion>,
        home_file_bytes: usize,
    ) -> (Bundle, Vec<(ShardInfo, Vec<u8>)>) {
        let directory = std::mem::take(&mut self.directory);
        let states: Vec<String> = self
            .taxonomy
            .states
            .iter()
            .map(|s| s.code.clone())
            .collect();
        let mut core = Directory::default();
        let mut per_state: Vec<Directory> = vec![Directory::default(); states.len()];
        let mut home_services: Vec<(String, &Service)> = Vec::new();
        for service in &directory.services {
            if home.is_some_and(|h| h.holds(service)) {
                home_services.push((area_key(service), service));
                continue;
            }
            let located: Vec<usize> = if service.is_nationwide() {
                Vec::new()
            } else {
                states
                    .iter()
                    .enumerate()
                    .filter(|(_, st)| service.serves_state(st))
                    .map(|(i, _)| i)
                    .collect()
            };
            if located.is_empty() {
                add_service(&mut core, &directory, service);
            }
            for i in located {
                add_service(&mut per_state[i], &directory, service);
            }
        }
        let mut shards = home_files(&directory, home_services, home_file_bytes);
        for (state, part) in states.into_iter().zip(per_state) {
            if part.services.is_empty() {
                continue;
            }
            let bytes = encode(&part);
            let file = paths::shard_file(&state, fnv1a(&bytes));
            shards.push((
                ShardInfo {
                    state,
                    file,
                    services: part.services.len() as u32,
                    home: false,
                    center: None,
                },
                bytes,
            ));
        }
        self.directory = core;
        self.shards = shards.iter().map(|(info, _)| info.clone()).collect();
        (self, shards)
    }

    /// The bundle with a state's services added (those already present,
    /// by id, are skipped).
    pub fn with_shard(&self, shard: &Directory) -> Bundle {
        let mut bundle = self.clone();
        for service in &shard.services {
            if !bundle.directory.services.iter().any(|s| s.id == service.id) {
                add_service(&mut bundle.directory, shard, service);
            }
        }
        bundle
    }
}

/// Where a service sits, for grouping neighbours: its first location's
/// ZIP code (so ZIP3 areas stay together, and a city that is one ZIP3, as
/// Washington DC is, can still be cut between ZIP codes), else its first
/// local service area, else its state.
fn area_key(service: &Service) -> String {
    let zip = service.locations.iter().find_map(|l| {
        l.postal_code
            .as_deref()
            .filter(|z| zip3(z).is_some())
            .map(|z| z.chars().take(5).collect::<String>())
    });
    let local = service.service_areas.iter().find_map(|a| match a {
        ServiceArea::Local { state, name } => Some(format!("{state}:{name}")),
        _ => None,
    });
    let state = service.locations.iter().find_map(|l| l.state.clone());
    zip.map(|z| format!("0:{z}"))
        .or(local.map(|l| format!("1:{l}")))
        .or(state.map(|s| format!("2:{s}")))
        .unwrap_or_else(|| "3".into())
}

/// The home region's services in files: the first of about `target`
/// bytes, each next one twice the size of the one before, areas in order,
/// one ZIP code's (or one county's) services never split. The first local
/// results wait for one small part; the page rebuilds its index once per
/// part, so equal parts would make that work grow with their number
/// (measured: 25 parts of a 3,000-service region, the last arriving after
/// 14 s on a slow phone, each costing more than the one before).
fn home_files(
    from: &Directory,
    mut services: Vec<(String, &Service)>,
    mut target: usize,
) -> Vec<(ShardInfo, Vec<u8>)> {
    services.sort_by(|a, b| a.0.cmp(&b.0));
    let mut files = Vec::new();
    let mut part = Directory::default();
    let mut size = 0;
    let mut i = 0;
    while i < services.len() {
        let key = services[i].0.clone();
        let mut area = Directory::default();
        while i < services.len() && services[i].0 == key {
            add_service(&mut area, from, services[i].1);
            i += 1;
        }
        let area_size = encode(&area).len();
        if size > 0 && size + area_size > target {
            files.push(home_file(std::mem::take(&mut part)));
            size = 0;
            target = target.saturating_mul(2);
        }
        for service in &area.services {
            add_service(&mut part, &area, service);
        }
        size += area_size;
    }
    if !part.services.is_empty() {
        files.push(home_file(part));
    }
    files
}

fn home_file(part: Directory) -> (ShardInfo, Vec<u8>) {
    let points: Vec<(f32, f32)> = part
        .services
        .iter()
        .flat_map(|s| &s.locations)
        .filter_map(|l| Some((l.latitude?, l.longitude?)))
        .collect();
    let center = (!points.is_empty()).then(|| {
        let n = points.len() as f32;
        (
            points.iter().map(|p| p.0).sum::<f32>() / n,
            points.iter().map(|p| p.1).sum::<f32>() / n,
        )
    });
    let area_state = |s: &Service| {
        s.service_areas.iter().find_map(|a| match a {
            ServiceArea::State(st) | ServiceArea::Local { state: st, .. } => Some(st.clone()),
            ServiceArea::Nationwide => None,
        })
    };
    let state = part
        .services
        .iter()
        .flat_map(|s| &s.locations)
        .find_map(|l| l.state.clone())
        .or_else(|| part.services.iter().find_map(area_state))
        .unwrap_or_default();
    let bytes = encode(&part);
    let file = paths::shard_file(&format!("home-{state}"), fnv1a(&bytes));
    (
        ShardInfo {
            state,
            file,
            services: part.services.len() as u32,
            home: true,
            center,
        },
        bytes,
    )
}

/// Copies a service into a directory with its organisation, re-indexed.
fn add_service(into: &mut Directory, from: &Directory, service: &crate::model::Service) {
    let org = &from.organizations[service.organization as usize];
    let idx = match into.organizations.iter().position(|o| o.id == org.id) {
        Some(i) => i,
        None => {
            into.organizations.push(org.clone());
            into.organizations.len() - 1
        }
    };
    into.services.push(crate::model::Service {
        organization: idx as u32,
        ..service.clone()
    });
}

/// FNV-1a: a content hash for file names, not for security.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The bundle's file layout: every name `waypoint build` writes and the
/// browser fetches, owned here once. File names are relative to the
/// bundle's folder (`waypoint build --out`, published as `site-data/` beside
/// the page); `url` turns one into the address the page fetches.
pub mod paths {
    /// The folder beside the page that holds the bundle's files.
    pub const FOLDER: &str = "site-data";
    /// The bundle itself, loaded first.
    pub const BUNDLE_FILE: &str = "site.bin";
    /// The bundle's address, relative to the page.
    pub const BUNDLE: &str = "site-data/site.bin";

    /// The rest of a language's strings, fetched when first needed.
    pub fn catalog_file(lang: &str) -> String {
        format!("locale-{lang}.bin")
    }

    /// An instant-search language's search words, fetched once the page has
    /// drawn (`SiteConfig::instant_search`).
    pub fn search_words_file(lang: &str) -> String {
        format!("search-{lang}.bin")
    }

    pub fn search_words(lang: &str) -> String {
        url(&search_words_file(lang))
    }

    /// A state's services in a national directory, named by their content
    /// so a host may cache it for ever.
    pub fn shard_file(state: &str, hash: u64) -> String {
        format!("shard-{state}-{hash:016x}.bin")
    }

    /// The address of one of the bundle's files (a shard, a catalogue, or a
    /// geo file such as `geo/zip/921.txt`), relative to the page.
    pub fn url(file: &str) -> String {
        format!("{FOLDER}/{file}")
    }

    pub fn catalog(lang: &str) -> String {
        url(&catalog_file(lang))
    }

    pub fn geo(file: &str) -> String {
        url(file)
    }
}

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend(postcard::to_allocvec(value).expect("bundle data always serialises"));
    out
}

/// Decodes a bundle or a catalogue file, checking the magic and version.
pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, BundleError> {
    if bytes.len() < 4 || bytes[..3] != MAGIC[..3] {
        return Err(BundleError::NotABundle);
    }
    if bytes[3] != MAGIC[3] {
        return Err(BundleError::WrongVersion(bytes[3]));
    }
    postcard::from_bytes(&bytes[4..]).map_err(|e| BundleError::Corrupt(e.to_string()))
}
