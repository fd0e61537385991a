//! The human-edited sources in `data/`, as people write them. Lenient where
//! people are (optional fields, readable notations such as `"mon-fri"` and
//! `"CA:San Diego County"`), strict about unknown fields so a typo in a field
//! name is an error, not silently lost data.
//!
//! Layout:
//! - `site.toml`: the deployment's settings (`SiteSource`);
//! - `taxonomy.toml`: domains, service codes, populations, languages, states;
//! - `locales/<lang>.toml`: every UI string, one file per language;
//! - `providers/*.toml` (or `.json`): one organisation per file with its
//!   services (`ProviderFile`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSource {
    pub title: String,
    /// The same neutral tab title in other offered languages, so the tab
    /// reads in the page's language (`es = "Recursos"`); a language left
    /// out shows `title`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub title_in: std::collections::BTreeMap<String, String>,
    pub exit_url: String,
    pub default_language: String,
    pub help_service: String,
    /// The zone for hours whose location gives no state to infer one from
    /// (a one-region deployment); unset, such hours are an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Built from another providers folder (an import), keep the
    /// nationwide services of `data/providers` beside it: the help bar and
    /// the guide name the national hotlines. `false` opts out.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub national_services: bool,
    /// A regional deployment's own area: states ("FL"), counties
    /// ("FL:Miami-Dade County") or ZIP3 areas ("331"). Its services are the
    /// default view. Unset, a large directory's home is the state holding
    /// at least half its local services, if one does; `[]` says it is a
    /// national directory with no home region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_region: Option<Vec<String>>,
    /// The languages the site offers, in the picker's order (folders of
    /// `locales/`); unset, every folder, the default language first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    /// Other languages whose search words come in the first download, so a
    /// query in one finds records before anyone switches to it (about 2 KB
    /// compressed each); every other language's words come with its strings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instant_search: Vec<String>,
    /// `make dist` writes the coverage and gaps page for partners and
    /// coalitions at `/coverage/` (`waypoint report --site`); `false`
    /// leaves it out.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub coverage_page: bool,
}

fn is_true(v: &bool) -> bool {
    *v
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomySource {
    pub domains: Vec<String>,
    #[serde(rename = "service")]
    pub services: Vec<ServiceTypeSource>,
    pub populations: Vec<String>,
    pub languages: Vec<String>,
    #[serde(rename = "state")]
    pub states: Vec<StateSource>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTypeSource {
    pub code: String,
    pub domain: String,
    /// "professionals" for codes meant for organisations (training, task
    /// forces); left out, the code is for anyone.
    pub audience: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StateSource {
    pub code: String,
    pub name: String,
}

/// One organisation and the services it offers.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderFile {
    pub organization: OrganizationSource,
    /// Where the facts come from; each service may override it.
    pub source: Option<SourceSource>,
    #[serde(rename = "service", default)]
    pub services: Vec<ServiceSource>,
}

/// Language tag (a folder of `locales/`) to field name to text.
pub type Translations =
    std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationSource {
    pub id: String,
    pub name: String,
    pub alternate_name: Option<String>,
    pub description: Option<String>,
    pub website: Option<String>,
    /// Generated test data. Never in the default directory.
    #[serde(default)]
    pub fictional: bool,
    /// The record's text in other languages: `[….translations.es]` with
    /// the same field names (`record_text::FIELDS` lists which).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSource {
    /// Who published the facts.
    pub name: String,
    pub url: Option<String>,
    pub note: Option<String>,
    /// `YYYY-MM-DD`: when someone last checked these facts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_verified: String,
    /// What kind of check that was: "public-sources", "provider" or
    /// "imported" (`model::Check`). Required: the page says which.
    pub check: Option<String>,
    /// The record's text in other languages: `[….translations.es]` with
    /// the same field names (`record_text::FIELDS` lists which).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceSource {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Waypoint service codes from the taxonomy.
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub populations: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub phones: Vec<PhoneSource>,
    pub chat_url: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub locations: Vec<LocationSource>,
    /// `US`, a state code such as `CA`, or `CA:San Diego County`.
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub open_24_7: bool,
    #[serde(default)]
    pub hours: Vec<HoursSource>,
    pub hours_note: Option<String>,
    pub timezone: Option<String>,
    pub eligibility: Option<String>,
    pub minimum_age: Option<u8>,
    pub maximum_age: Option<u8>,
    pub how_to_get_help: Option<String>,
    /// What happens when someone calls: who answers, what they will ask,
    /// what to have ready. Only what the source says; shown on the service
    /// page, on the console's cards and in the referral.
    pub what_to_expect: Option<String>,
    pub fees: Option<String>,
    #[serde(default)]
    pub free: bool,
    /// Reachable by phone, text, chat or video from anywhere.
    #[serde(default)]
    pub remote: bool,
    #[serde(default)]
    pub law_enforcement: bool,
    pub source: Option<SourceSource>,
    /// The record's text in other languages: `[….translations.es]` with
    /// the same field names (`record_text::FIELDS` lists which).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneSource {
    pub number: String,
    /// voice, hotline, text, tty or fax.
    #[serde(rename = "type")]
    pub kind: String,
    pub note: Option<String>,
    /// The record's text in other languages: `[….translations.es]` with
    /// the same field names (`record_text::FIELDS` lists which).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A location as written in a provider file: the bundle's own type (its
/// `confidential` flag is what the build honours when it publishes it).
pub use waypoint_core::model::Location as LocationSource;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HoursSource {
    /// `mon-fri`, `sat,sun`, `mon`.
    pub days: String,
    /// `HH:MM`, 24-hour.
    pub opens: String,
    /// `HH:MM`; earlier than `opens` means open past midnight.
    pub closes: String,
}

/// `guide.toml`: the self-screening guide's structure. Its words are in the
/// locale catalogues under `guide.*`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuideSource {
    pub start: String,
    #[serde(rename = "sign", default)]
    pub signs: Vec<SignSource>,
    #[serde(rename = "need", default)]
    pub needs: Vec<NeedSource>,
    #[serde(rename = "step", default)]
    pub steps: Vec<StepSource>,
    #[serde(rename = "outcome", default)]
    pub outcomes: Vec<OutcomeSource>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SignSource {
    pub id: String,
    #[serde(default = "yes")]
    pub shown: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NeedSource {
    pub id: String,
    /// A service code from the taxonomy…
    pub service: Option<String>,
    /// …or a whole domain.
    pub domain: Option<String>,
    pub population: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StepSource {
    pub id: String,
    /// question, choose-any, emergency or result.
    pub kind: String,
    pub next: Option<String>,
    #[serde(rename = "answer", default)]
    pub answers: Vec<AnswerSource>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerSource {
    pub id: String,
    pub next: Option<String>,
    #[serde(default)]
    pub signs: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSource {
    pub id: String,
    #[serde(default)]
    pub all_of: Vec<String>,
    #[serde(default)]
    pub any_of: Vec<String>,
    #[serde(default)]
    pub hotlines: Vec<String>,
}
