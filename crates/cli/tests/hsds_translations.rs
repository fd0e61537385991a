//! A record's text in another language, through HSDS: HSDS has no field
//! for a translation, so publishers export the same records once per
//! language. `import EXPORT --translation es=OTHER` takes the Spanish text
//! of the records with the same ids; `export --language es` writes it.
//! Fixture: tests/fixtures/hsds/translations (an English and a Spanish
//! export of three services; riverside-jobs lacks its eligibility in
//! Spanish, bridge-food is only in the Spanish one).

mod support;
#[path = "support/tool.rs"]
mod tool;

use tool::waypoint;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use waypoint_cli::hsds::{self, translation, Imported, Options};
use waypoint_cli::problem::Problems;
use waypoint_cli::source::{ProviderFile, ServiceSource};
use waypoint_core::bundle::Bundle;
use waypoint_core::model::Date;

const TODAY: &str = "2026-11-28";

fn options() -> Options {
    let mut problems = Problems::default();
    let mut options = hsds::options(&support::repo().join("data"), None, None, &mut problems)
        .expect("data/hsds-mapping.toml loads");
    options.today = Date::parse(TODAY).unwrap();
    options
}

fn fixture(name: &str) -> PathBuf {
    support::repo()
        .join("tests/fixtures/hsds/translations")
        .join(name)
}

fn imported() -> Imported {
    hsds::import_translated(
        &fixture("en.json"),
        &[("es".to_string(), fixture("es.json"))],
        &options(),
    )
}

fn service<'a>(imported: &'a Imported, id: &str) -> &'a ServiceSource {
    imported
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no service {id}"))
}

fn organization<'a>(imported: &'a Imported, id: &str) -> &'a ProviderFile {
    imported
        .providers
        .iter()
        .find(|p| p.organization.id == id)
        .unwrap_or_else(|| panic!("no organisation {id}"))
}

fn spanish(fields: &[(&str, &str)]) -> BTreeMap<String, BTreeMap<String, String>> {
    let fields = fields
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect();
    BTreeMap::from([("es".to_string(), fields)])
}

fn lines(imported: &Imported) -> Vec<String> {
    imported
        .problems
        .list
        .iter()
        .map(|p| p.to_string())
        .collect()
}

/// An import's folder compiled as `waypoint build --providers DIR` does,
/// with data/'s nationwide services beside it.
fn built(providers: &Path) -> Bundle {
    std::env::set_var("WAYPOINT_TODAY", TODAY);
    let (bundle, problems) =
        waypoint_cli::check(&support::repo().join("data"), Some(providers), false);
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    bundle.expect("compiles")
}

/// The providers as the whole directory, with data/'s site, taxonomy and
/// languages.
fn compiled(providers: &[ProviderFile]) -> Bundle {
    let mut problems = Problems::default();
    let mut sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    sources.providers = providers
        .iter()
        .map(|p| (format!("imported {}", p.organization.id), p.clone()))
        .collect();
    let options = waypoint_cli::compile::Options {
        today: Date::parse(TODAY).unwrap(),
        allow_fictional: false,
    };
    let bundle = waypoint_cli::compile::compile(&sources, options, &mut problems);
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    bundle.expect("compiles")
}

/// Every `record.*` entry of one language's catalogue: the records' text
/// in it, as the page reads it.
fn record_texts(bundle: &Bundle, lang: &str) -> BTreeMap<String, String> {
    bundle
        .locales
        .iter()
        .find(|c| c.lang == lang)
        .unwrap_or_else(|| panic!("no catalogue {lang}"))
        .entries()
        .filter(|(k, _)| k.starts_with("record."))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}


fn scratch(name: &str) -> PathBuf {
    tool::scratch("translations", name)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_spanish_export_gives_each_matched_record_its_spanish_text() {
    let i = imported();
    assert!(!i.problems.has_errors(), "{:#?}", lines(&i));
    let shelter = service(&i, "bridge-shelter");
    assert_eq!(
        shelter.translations,
        spanish(&[
            ("name", "Refugio de Bridge House"),
            ("description", "Camas seguras para sobrevivientes de la trata, con comidas y una persona que lleva su caso."),
            ("how_to_get_help", "Llame a la línea de admisión a cualquier hora."),
            ("eligibility", "Personas adultas de 18 años o más."),
            ("fees", "Gratis"),
            ("hours_note", "Puede llegar sin cita hasta las 4 de la tarde."),
        ])
    );
    assert_eq!(
        shelter.phones[0].translations,
        spanish(&[("note", "Línea de admisión")])
    );
    // The organisation's description is part of its one service's text;
    // its name reads the same in Spanish, so it is no translation.
    assert_eq!(
        organization(&i, "bridge-house").organization.translations,
        spanish(&[("description", "Un refugio y centro de apoyo en San Diego.")])
    );
    assert_eq!(
        service(&i, "riverside-legal").translations,
        spanish(&[
            ("name", "Clínica legal de Riverside"),
            (
                "description",
                "Ayuda legal de inmigración y de derechos de las víctimas."
            ),
            ("how_to_get_help", "Llame para pedir una cita."),
        ])
    );
    assert!(organization(&i, "riverside-clinic")
        .organization
        .translations
        .is_empty());
    assert_eq!(i.translations["es"].translated, 2);

    // What the import wrote validates and builds, and the page has the text.
    let dir = scratch("cli");
    let out = dir.join("providers");
    let (code, text) = waypoint(&[
        "import",
        "tests/fixtures/hsds/translations/en.json",
        "--translation",
        "es=tests/fixtures/hsds/translations/es.json",
        "--out",
        path(&out),
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("translations es: 2 services translated; 1 not (partly translated: 1); 1 only in the es export, not added"),
        "{text}"
    );
    let (code, text) = waypoint(&["validate", "--providers", path(&out)]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("0 errors"), "{text}");
    let (code, text) = waypoint(&[
        "build",
        "--providers",
        path(&out),
        "--out",
        path(&dir.join("site")),
    ]);
    assert_eq!(code, 0, "{text}");
    let texts = record_texts(&built(&out), "es");
    assert_eq!(
        texts["record.bridge-shelter.name"],
        "Refugio de Bridge House"
    );
    assert_eq!(
        texts["record.bridge-shelter.org_description"],
        "Un refugio y centro de apoyo en San Diego."
    );
    assert_eq!(texts["record.bridge-shelter.phone.0"], "Línea de admisión");
    assert!(
        !texts
            .keys()
            .any(|k| k.starts_with("record.riverside-jobs.")),
        "{texts:#?}"
    );
}

#[test]
fn a_partly_translated_record_is_reported_and_left_untranslated() {
    let i = imported();
    assert!(service(&i, "riverside-jobs").translations.is_empty());
    let found = i.problems.list.iter().any(|p| {
        p.file == "es.json (es)"
            && p.record == "riverside-jobs"
            && p.field == "eligibility"
            && p.message.contains("has no eligibility")
    });
    assert!(found, "{:#?}", lines(&i));
    let carried = &i.translations["es"];
    assert_eq!(
        carried.left_out,
        BTreeMap::from([(
            translation::PARTLY.to_string(),
            vec!["riverside-jobs".to_string()]
        )])
    );
    // A record only the Spanish export has is named, never added.
    assert_eq!(carried.only_there, ["bridge-food"]);
    assert!(i
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .all(|s| s.id != "bridge-food"));
    assert!(
        lines(&i)
            .iter()
            .any(|l| l.contains("bridge-food: id: only in the es export")),
        "{:#?}",
        lines(&i)
    );
    assert!(i.summary().contains("translations es: 2 services translated; 1 not (partly translated: 1); 1 only in the es export, not added"), "{}", i.summary());

    // The import report beside the providers keeps the ids.
    let dir = scratch("report");
    let out = dir.join("providers");
    hsds::write(&i, &fixture("en.json"), &out).unwrap();
    let report = hsds::read_report(&out).expect("the report reads back");
    assert_eq!(report.translations["es"], *carried);
}

#[test]
fn contact_details_hours_and_places_come_from_the_main_export() {
    let i = imported();
    let plain = hsds::import_path(&fixture("en.json"), &options());
    let shelter = service(&i, "bridge-shelter");
    // The Spanish export's own email, address, hours, area and extra phone
    // differ: none of them is taken.
    assert_eq!(shelter.email.as_deref(), Some("intake@bridge.example.org"));
    assert_eq!(
        shelter.url.as_deref(),
        Some("https://bridge.example.org/shelter")
    );
    assert_eq!(
        shelter
            .phones
            .iter()
            .map(|p| p.number.as_str())
            .collect::<Vec<_>>(),
        ["619-555-0101"]
    );
    assert_eq!(shelter.hours.len(), 1);
    assert_eq!(
        (
            shelter.hours[0].days.as_str(),
            shelter.hours[0].opens.as_str()
        ),
        ("mon-fri", "09:00")
    );
    assert_eq!(
        shelter.locations[0].street.as_deref(),
        Some("100 Example St")
    );
    assert_eq!(shelter.areas, ["CA:San Diego County"]);
    assert_eq!(shelter.languages, ["en", "es"]);
    assert_eq!(shelter.source.as_ref().unwrap().last_verified, "2026-06-01");
    assert_eq!(
        organization(&i, "bridge-house")
            .organization
            .website
            .as_deref(),
        Some("https://bridge.example.org")
    );
    // Less the translations, the directory is the main export's alone.
    let mut without = i.providers.clone();
    for p in &mut without {
        p.organization.translations.clear();
        for s in &mut p.services {
            s.translations.clear();
            s.phones.iter_mut().for_each(|ph| ph.translations.clear());
        }
    }
    assert_eq!(
        serde_json::to_value(&without).unwrap(),
        serde_json::to_value(&plain.providers).unwrap()
    );
}

#[test]
fn an_organisation_with_a_description_is_translated_only_with_all_its_services() {
    // Riverside Clinic gains a description in both languages: it is part
    // of each of its services' text, and riverside-jobs has no whole
    // Spanish text, so riverside-legal cannot have its own either.
    let dir = scratch("organisation");
    for (name, description) in [
        ("en.json", "A legal and job clinic."),
        ("es.json", "Una clínica legal y de empleo."),
    ] {
        let mut json: Value =
            serde_json::from_slice(&std::fs::read(fixture(name)).unwrap()).unwrap();
        for s in json.as_array_mut().unwrap() {
            if s["organization"]["id"] == "riverside-clinic" {
                s["organization"]["description"] = description.into();
            }
        }
        std::fs::write(dir.join(name), serde_json::to_vec(&json).unwrap()).unwrap();
    }
    let i = hsds::import_translated(
        &dir.join("en.json"),
        &[("es".to_string(), dir.join("es.json"))],
        &options(),
    );
    assert!(service(&i, "riverside-legal").translations.is_empty());
    assert!(organization(&i, "riverside-clinic")
        .organization
        .translations
        .is_empty());
    assert_eq!(
        i.translations["es"].left_out[translation::ORGANIZATION],
        ["riverside-legal"]
    );
    assert!(
        lines(&i).iter().any(|l| l.contains("riverside-legal: organization_id: its organisation \"riverside-clinic\" has no whole es text")),
        "{:#?}",
        lines(&i)
    );
    // Bridge House, whole in Spanish, is untouched by its neighbour.
    assert!(!service(&i, "bridge-shelter").translations.is_empty());
    hsds::write(&i, &dir.join("en.json"), &dir.join("providers")).unwrap();
    built(&dir.join("providers"));
}

#[test]
fn a_language_the_site_does_not_offer_is_refused() {
    let en = "tests/fixtures/hsds/translations/en.json";
    for (lang, says) in [
        ("de", "\"de\" is not a language this site offers"),
        ("en", "\"en\" is the default language"),
    ] {
        let given = format!("{lang}=tests/fixtures/hsds/translations/es.json");
        let (code, text) = waypoint(&[
            "import",
            en,
            "--translation",
            &given,
            "--out",
            path(&scratch("refused").join("p")),
        ]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains(says), "{text}");
        let out = scratch("refused-export").join("out.json");
        let (code, text) = waypoint(&[
            "export",
            "--format",
            "hsds-json",
            path(&out),
            "--language",
            lang,
        ]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains(says) && !out.exists(), "{text}");
    }
    let (code, text) = waypoint(&["import", en, "--translation", "es"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("--translation needs LANG=PATH"), "{text}");
    let (code, text) = waypoint(&["validate", "--language", "es"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("--language is for `waypoint export`"),
        "{text}"
    );
}

#[test]
fn the_default_directorys_spanish_text_round_trips_through_per_language_exports() {
    let dir = scratch("round-trip");
    let (en, es, out) = (
        dir.join("en.json"),
        dir.join("es.json"),
        dir.join("providers"),
    );
    let (code, text) = waypoint(&["export", "--format", "hsds-json", path(&en)]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = waypoint(&[
        "export",
        "--format",
        "hsds-json",
        path(&es),
        "--language",
        "es",
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("(text in es where translated)"), "{text}");

    // The same records, the same ids, the text in Spanish.
    let read = |p: &Path| -> Value { serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap() };
    let (en_json, es_json) = (read(&en), read(&es));
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&en_json), ids(&es_json));
    let hotline = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "nhth-hotline")
            .unwrap()
            .clone()
    };
    let description = |v: &Value| hotline(v)["description"].as_str().unwrap().to_string();
    assert!(description(&en_json).starts_with("Talk with someone about human trafficking."));
    assert!(description(&es_json).starts_with("Hable con alguien sobre la trata de personas."));
    let numbers = |v: &Value| -> Vec<Value> {
        v["phones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["number"].clone())
            .collect()
    };
    assert_eq!(numbers(&hotline(&en_json)), numbers(&hotline(&es_json)));
    // Without --language the export is the default language's, as before.
    assert!(!en_json.to_string().contains("Hable con alguien"));

    let given = format!("es={}", path(&es));
    let (code, text) = waypoint(&[
        "import",
        path(&en),
        "--translation",
        &given,
        "--out",
        path(&out),
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("translations es: 26 services translated; none left untranslated"),
        "{text}"
    );
    let (code, text) = waypoint(&["validate", "--providers", path(&out)]);
    assert_eq!(code, 0, "{text}");

    // Every record's Spanish text, as the page reads it, is what data/
    // says: none lost, none changed, none added.
    let mut problems = Problems::default();
    let reimported: Vec<ProviderFile> =
        waypoint_cli::load::load(&support::repo().join("data"), Some(&out), &mut problems)
            .providers
            .into_iter()
            .filter(|(file, _)| file.starts_with(path(&out)))
            .map(|(_, p)| p)
            .collect();
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    let want = record_texts(&support::default_bundle(), "es");
    assert!(
        want.len() > 80,
        "the default data translates every record: {}",
        want.len()
    );
    assert_eq!(record_texts(&compiled(&reimported), "es"), want);
}
