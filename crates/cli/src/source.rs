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

/// A record whose free text a provider file may translate: which fields,
/// and reading and writing them by name. The build checks translations
/// with it (`compile::record_text`), the HSDS import takes them from
/// another language's export and the export writes them, so all three
/// agree on what a record's text is.
pub trait RecordText: Clone {
    /// The fields a translation may have, by their names in the file.
    const FIELDS: &'static [&'static str];
    /// Fields a whole translation may leave out: an organisation's name is
    /// often a proper name, the same in every language.
    const OPTIONAL: &'static [&'static str] = &[];
    fn text(&self, field: &str) -> Option<&str>;
    /// Sets one of `FIELDS`; any other name is ignored.
    fn set_text(&mut self, field: &str, value: String);
    fn translations(&self) -> &Translations;
    fn translations_mut(&mut self) -> &mut Translations;

    /// The fields a whole translation must have: those of `FIELDS` the
    /// record itself has, less the optional ones.
    fn required(&self) -> Vec<&'static str> {
        Self::FIELDS
            .iter()
            .copied()
            .filter(|f| !Self::OPTIONAL.contains(f) && self.text(f).is_some())
            .collect()
    }

    /// The record with its text in `lang` where it has a translation, as
    /// written otherwise.
    fn in_language(&self, lang: &str) -> Self {
        let mut out = self.clone();
        for (field, text) in self.translations().get(lang).into_iter().flatten() {
            if self.text(field).is_some() {
                out.set_text(field, text.trim().to_string());
            }
        }
        out
    }
}

impl RecordText for ServiceSource {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "description",
        "how_to_get_help",
        "what_to_expect",
        "eligibility",
        "fees",
        "hours_note",
    ];
    fn text(&self, field: &str) -> Option<&str> {
        match field {
            "name" => Some(&self.name),
            "description" => self.description.as_deref(),
            "how_to_get_help" => self.how_to_get_help.as_deref(),
            "what_to_expect" => self.what_to_expect.as_deref(),
            "eligibility" => self.eligibility.as_deref(),
            "fees" => self.fees.as_deref(),
            "hours_note" => self.hours_note.as_deref(),
            _ => None,
        }
    }
    fn set_text(&mut self, field: &str, value: String) {
        match field {
            "name" => self.name = value,
            "description" => self.description = Some(value),
            "how_to_get_help" => self.how_to_get_help = Some(value),
            "what_to_expect" => self.what_to_expect = Some(value),
            "eligibility" => self.eligibility = Some(value),
            "fees" => self.fees = Some(value),
            "hours_note" => self.hours_note = Some(value),
            _ => {}
        }
    }
    fn translations(&self) -> &Translations {
        &self.translations
    }
    fn translations_mut(&mut self) -> &mut Translations {
        &mut self.translations
    }
}

impl RecordText for OrganizationSource {
    const FIELDS: &'static [&'static str] = &["name", "description"];
    const OPTIONAL: &'static [&'static str] = &["name"];
    fn text(&self, field: &str) -> Option<&str> {
        match field {
            "name" => Some(&self.name),
            "description" => self.description.as_deref(),
            _ => None,
        }
    }
    fn set_text(&mut self, field: &str, value: String) {
        match field {
            "name" => self.name = value,
            "description" => self.description = Some(value),
            _ => {}
        }
    }
    fn translations(&self) -> &Translations {
        &self.translations
    }
    fn translations_mut(&mut self) -> &mut Translations {
        &mut self.translations
    }
}

/// A source's and a phone's text is their note.
macro_rules! note_text {
    ($record:ty) => {
        impl RecordText for $record {
            const FIELDS: &'static [&'static str] = &["note"];
            fn text(&self, field: &str) -> Option<&str> {
                (field == "note").then_some(self.note.as_deref()).flatten()
            }
            fn set_text(&mut self, field: &str, value: String) {
                if field == "note" {
                    self.note = Some(value);
                }
            }
            fn translations(&self) -> &Translations {
                &self.translations
            }
            fn translations_mut(&mut self) -> &mut Translations {
                &mut self.translations
            }
        }
    };
}
note_text!(SourceSource);
note_text!(PhoneSource);

impl ProviderFile {
    /// The organisation, its source, services and their phones with their
    /// text in `lang` where they have a translation, as written otherwise
    /// (`waypoint export --language`).
    pub fn in_language(&self, lang: &str) -> ProviderFile {
        ProviderFile {
            organization: self.organization.in_language(lang),
            source: self.source.as_ref().map(|s| s.in_language(lang)),
            services: self
                .services
                .iter()
                .map(|s| ServiceSource {
                    source: s.source.as_ref().map(|src| src.in_language(lang)),
                    phones: s.phones.iter().map(|p| p.in_language(lang)).collect(),
                    ..s.in_language(lang)
                })
                .collect(),
        }
    }
}

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
    /// the same field names (`RecordText::FIELDS` lists which).
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
    /// the same field names (`RecordText::FIELDS` lists which).
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
    /// the same field names (`RecordText::FIELDS` lists which).
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
    /// the same field names (`RecordText::FIELDS` lists which).
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
