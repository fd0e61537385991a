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
pub const MAGIC: [u8; 4] = *b"WPT\x02";

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

    /// The first-load bundle and, per other language, the strings the
    /// browser fetches only when someone switches to it. The default
    /// language stays whole; the others keep their search vocabulary here.
    pub fn split_languages(mut self) -> (Bundle, Vec<Catalog>) {
        let mut later = Vec::new();
        for catalog in std::mem::take(&mut self.locales) {
            if catalog.lang == self.site.default_language {
                self.locales.push(catalog);
            } else {
                let (search, rest) = catalog.split();
                self.locales.push(search);
                later.push(rest);
            }
        }
        (self, later)
    }
}

/// Where the browser finds the rest of a language's strings.
pub fn catalog_path(lang: &str) -> String {
    format!("site-data/locale-{lang}.bin")
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
