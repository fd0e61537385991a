//! The file the browser loads: site settings, taxonomy, every UI catalogue
//! and the directory, validated and encoded with postcard.
//!
//! Why postcard: it is a compact binary serde format (no field names, varint
//! integers), so the bundle is small before gzip and decodes in one pass with
//! very little code in the wasm, where a JSON parser would add tens of KB.

use serde::{Deserialize, Serialize};

use crate::guide::Guide;
use crate::locale::Catalog;
use crate::model::{Date, Directory};
use crate::taxonomy::Taxonomy;

/// The first bytes of every bundle; the last byte is the format version, so
/// an old app never misreads a newer bundle.
pub const MAGIC: [u8; 4] = *b"WPT\x03";

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

/// One state's services, in their own content-hashed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardInfo {
    /// USPS code.
    pub state: String,
    /// File name in the bundle's folder, e.g. `shard-CA-3f2a9c1d.bin`
    /// (`paths::url` gives its address).
    pub file: String,
    pub services: u32,
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
            BundleError::WrongVersion(v) => write!(f, "bundle format {v} is not the one this app reads ({})", MAGIC[3]),
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
    pub fn split_languages(mut self) -> (Bundle, Vec<Catalog>) {
        let mut later = Vec::new();
        for catalog in std::mem::take(&mut self.locales) {
            let (first, rest) =
                if catalog.lang == self.site.default_language { catalog.split_later() } else { catalog.split() };
            self.locales.push(first);
            later.push(rest);
        }
        (self, later)
    }
}

impl Bundle {
    /// Splits a national directory by state: this bundle keeps the
    /// nationwide services (and those with no state), each state's file
    /// holds the services located in or serving it. A service serving
    /// several states is in each of their files. Returns the shards with
    /// their file contents; file names carry a hash of the contents, so a
    /// CDN can cache them forever.
    pub fn split_states(mut self) -> (Bundle, Vec<(ShardInfo, Vec<u8>)>) {
        let directory = std::mem::take(&mut self.directory);
        let states: Vec<String> = self.taxonomy.states.iter().map(|s| s.code.clone()).collect();
        let mut core = Directory::default();
        let mut per_state: Vec<Directory> = vec![Directory::default(); states.len()];
        for service in &directory.services {
            let located: Vec<usize> = if service.is_nationwide() {
                Vec::new()
            } else {
                states.iter().enumerate().filter(|(_, st)| service.serves_state(st)).map(|(i, _)| i).collect()
            };
            if located.is_empty() {
                add_service(&mut core, &directory, service);
            }
            for i in located {
                add_service(&mut per_state[i], &directory, service);
            }
        }
        let mut shards = Vec::new();
        for (state, part) in states.into_iter().zip(per_state) {
            if part.services.is_empty() {
                continue;
            }
            let bytes = encode(&part);
            let file = paths::shard_file(&state, fnv1a(&bytes));
            shards.push((ShardInfo { state, file, services: part.services.len() as u32 }, bytes));
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
    into.services.push(crate::model::Service { organization: idx as u32, ..service.clone() });
}

/// FNV-1a: a content hash for file names, not for security.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
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
