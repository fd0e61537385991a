//! Every UI string exists in every language, and reads as a translation.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::locale::placeholders;

#[test]
fn spanish_has_every_english_key_with_the_same_placeholders() {
    let bundle = support::default_bundle();
    let en = bundle
        .locales
        .iter()
        .find(|c| c.lang == "en")
        .expect("English");
    let es = bundle
        .locales
        .iter()
        .find(|c| c.lang == "es")
        .expect("Spanish");
    let mut missing = Vec::new();
    let mut identical = 0;
    for (key, english) in en.entries() {
        match es.lookup(key) {
            None => missing.push(key.to_string()),
            Some(spanish) => {
                assert!(!spanish.trim().is_empty(), "{key} is empty in Spanish");
                assert_eq!(
                    placeholders(english),
                    placeholders(spanish),
                    "{key}: placeholders differ"
                );
                if spanish == english && english.chars().filter(|c| c.is_alphabetic()).count() > 12
                {
                    identical += 1;
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing in Spanish: {missing:?}");
    assert!(
        en.keys().count() > 150,
        "the catalogue covers the UI and the taxonomy"
    );
    assert!(
        identical < 5,
        "{identical} long strings are the same in both languages: untranslated?"
    );
    assert_eq!(es.name, "Español");
}

// ------------------------------------------------------- every language

/// The languages the default site offers, the default first.
const OFFERED: [&str; 12] = [
    "en", "es", "zh-Hans", "vi", "ko", "tl", "ru", "ar", "fr", "ht", "pt", "th",
];

#[test]
fn every_offered_language_has_every_english_key_and_says_whether_it_is_reviewed() {
    let bundle = support::default_bundle();
    let langs: Vec<&str> = bundle.locales.iter().map(|c| c.lang.as_str()).collect();
    assert_eq!(
        langs, OFFERED,
        "site.toml's languages, in the picker's order"
    );
    let en = &bundle.locales[0];
    for catalog in &bundle.locales[1..] {
        let missing: Vec<&str> = en
            .keys()
            .filter(|k| {
                !k.starts_with("meta.") && !k.starts_with("record.") && catalog.lookup(k).is_none()
            })
            .collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", catalog.lang);
        for key in en.keys().filter(|k| !k.starts_with("record.")) {
            if let (Some(a), Some(b)) = (en.lookup(key), catalog.lookup(key)) {
                assert_eq!(placeholders(a), placeholders(b), "{}: {key}", catalog.lang);
            }
        }
        let note = catalog
            .review_note()
            .unwrap_or_else(|| panic!("{}: no review status", catalog.lang));
        assert!(
            !note.is_ascii()
                || catalog.lang == "ht"
                || catalog.lang == "tl"
                || catalog.lang == "fr"
                || catalog.lang == "pt"
                || catalog.lang == "vi"
                || catalog.lang == "es",
            "{}: the review note is in the language itself",
            catalog.lang
        );
        assert_ne!(
            catalog.offer(),
            en.offer(),
            "{}: its offer line is its own",
            catalog.lang
        );
        assert_eq!(
            catalog.rtl(),
            catalog.lang == "ar",
            "{}: direction",
            catalog.lang
        );
    }
}

#[test]
fn a_query_in_each_language_finds_its_records() {
    use waypoint_core::filter::Filters;
    use waypoint_core::site::Site;
    let site = Site::new(support::default_bundle());
    // A word each language's own labels or keywords use, and a service the
    // default data has for it (hotlines answer "trafficking" everywhere).
    let cases: [(&str, &str, &str); 11] = [
        ("es", "trata de personas", "nhth-hotline"),
        ("zh-Hans", "人口贩运", "nhth-hotline"),
        ("vi", "buôn người", "nhth-hotline"),
        ("vi", "buon nguoi", "nhth-hotline"),
        ("ko", "인신매매", "nhth-hotline"),
        ("tl", "human trafficking", "nhth-hotline"),
        ("ru", "торговля людьми", "nhth-hotline"),
        ("ar", "الاتجار بالبشر", "nhth-hotline"),
        ("fr", "traite des êtres humains", "nhth-hotline"),
        ("pt", "tráfico de pessoas", "nhth-hotline"),
        ("th", "การค้ามนุษย์", "nhth-hotline"),
    ];
    let mut searcher = site.searcher();
    let mut failures = Vec::new();
    for (lang, query, expected) in cases {
        let found = site.find(&mut searcher, query, &Filters::default());
        let ids: Vec<&str> = found
            .services
            .iter()
            .take(5)
            .map(|&i| site.service(i).id.as_str())
            .collect();
        if !ids.contains(&expected) {
            failures.push(format!("{lang} {query:?}: {ids:?}"));
        }
    }
    assert!(failures.is_empty(), "queries that missed: {failures:#?}");
}

#[test]
fn records_read_in_spanish_where_translated_and_say_when_they_are_not() {
    use waypoint_core::locale::Strings;
    let bundle = support::default_bundle();
    let en = bundle.locales.iter().find(|c| c.lang == "en").unwrap();
    let es = bundle.locales.iter().find(|c| c.lang == "es").unwrap();
    let vi = bundle.locales.iter().find(|c| c.lang == "vi").unwrap();
    let hotline = bundle
        .directory
        .services
        .iter()
        .find(|s| s.id == "nhth-hotline")
        .unwrap();
    let description = hotline.description.as_deref().unwrap();
    let spanish = Strings {
        current: es,
        fallback: en,
    };
    assert!(spanish.translated(&hotline.id));
    assert_eq!(spanish.record_lang(&hotline.id), "es");
    assert!(spanish
        .record(&hotline.id, "description", description)
        .starts_with("Hable con alguien"));
    let text_line = spanish
        .phones(hotline)
        .into_iter()
        .find_map(|p| p.note)
        .unwrap();
    assert!(text_line.starts_with("Envíe"), "{text_line}");
    // Every default record has its Spanish text.
    let untranslated: Vec<&str> = bundle
        .directory
        .services
        .iter()
        .filter(|s| !spanish.translated(&s.id))
        .map(|s| s.id.as_str())
        .collect();
    assert!(untranslated.is_empty(), "no Spanish text: {untranslated:?}");
    // Vietnamese has no record text yet: shown as written, in English.
    let vietnamese = Strings {
        current: vi,
        fallback: en,
    };
    assert!(!vietnamese.translated(&hotline.id));
    assert_eq!(vietnamese.record_lang(&hotline.id), "en");
    assert_eq!(
        vietnamese.record(&hotline.id, "description", description),
        description
    );
}

#[test]
fn a_referral_in_spanish_reads_the_records_spanish_text() {
    use waypoint_core::locale::Strings;
    let site = waypoint_core::site::Site::new(support::default_bundle());
    let catalog = |lang: &str| site.bundle.locales.iter().find(|c| c.lang == lang).unwrap();
    let spanish = Strings {
        current: catalog("es"),
        fallback: catalog("en"),
    };
    let service = |id: &str| {
        site.bundle
            .directory
            .services
            .iter()
            .find(|s| s.id == id)
            .unwrap()
    };
    let hotline = waypoint_core::referral::referral(&site, service("nhth-hotline"), &spanish, None);
    assert!(
        hotline.contains("(Envíe HELP o INFO a este número (BEFREE).)"),
        "the phone's note in Spanish:\n{hotline}"
    );
    assert!(
        !hotline.contains("Text HELP"),
        "no English note left:\n{hotline}"
    );
    let legal = waypoint_core::referral::referral(&site, service("cast-tta-legal"), &spanish, None);
    assert!(
        legal.contains("Waypoint todavía no tiene los datos de contacto"),
        "how to get help in Spanish:\n{legal}"
    );
    // In a language with no record text, the record's own words.
    let vietnamese = Strings {
        current: catalog("vi"),
        fallback: catalog("en"),
    };
    let legal_vi =
        waypoint_core::referral::referral(&site, service("cast-tta-legal"), &vietnamese, None);
    assert!(
        legal_vi.contains("Waypoint does not have contact details"),
        "{legal_vi}"
    );
}

/// A language's own synonym words come with its strings, not in the first
/// download, and a query that needs them finds its record once they load.
#[test]
fn a_languages_synonyms_come_with_its_strings() {
    std::env::set_var("WAYPOINT_TODAY", "2026-11-28");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let (sources, bundle, problems) = waypoint_cli::load_and_check(&data, None, false);
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    let whole = waypoint_core::site::Site::new(bundle.clone().unwrap());
    let ids = |site: &waypoint_core::site::Site, q: &str| -> Vec<String> {
        let mut searcher = site.searcher();
        let found = site.find(&mut searcher, q, &waypoint_core::filter::Filters::default());
        found.services.iter().map(|&r| site.service(r).id.clone()).collect()
    };
    // "Victim of trafficking visa", a Chinese member of the T visa group.
    let query = "人口贩运受害者签证";
    let expected = ids(&whole, query);
    assert!(!expected.is_empty(), "the whole bundle finds {query}");

    let (mut first, mut later, mut words) = bundle.unwrap().split_languages();
    waypoint_cli::language_synonyms_later(&sources, &mut first, &mut later, &mut words);
    let bytes = |s: &waypoint_core::model::Service| s.synonyms.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(!first.directory.services.iter().any(bytes), "no Chinese synonym words in the first download");
    assert!(!first.directory.services.iter().any(|s| s.synonyms.contains("abogado")), "Spanish (instant search) words are not in the first download either");
    let spanish = words.iter().find(|c| c.lang == "es").expect("the Spanish search file");
    assert!(spanish.entries().any(|(k, v)| k.starts_with(waypoint_core::locale::SYNONYMS_PREFIX) && v.contains("abogado")), "they come in its search file");
    let site = waypoint_core::site::Site::new(first.clone());
    assert!(ids(&site, query).is_empty(), "before Chinese loads, its synonyms are not searchable");

    // As the app does when the Chinese file arrives (`Action::CatalogLoaded`).
    let zh = later.iter().find(|c| c.lang == "zh-Hans").unwrap().clone();
    let slot = first.locales.iter_mut().find(|c| c.lang == "zh-Hans").unwrap();
    slot.merge(zh);
    assert_eq!(ids(&waypoint_core::site::Site::new(first), query), expected);
}

#[test]
fn the_neutral_tab_title_is_in_each_offered_language() {
    let bundle = support::default_bundle();
    let title = |lang: &str| bundle.locales.iter().find(|c| c.lang == lang).and_then(|c| c.tab_title());
    assert_eq!(title("es"), Some("Recursos"));
    assert_eq!(title("ar"), Some("موارد"));
    // The default language's is site.toml `title` itself.
    assert_eq!((title("en"), bundle.site.title.as_str()), (None, "Resources"));
    let missing: Vec<&str> = bundle.locales.iter().filter(|c| c.lang != "en" && c.tab_title().is_none()).map(|c| c.lang.as_str()).collect();
    assert!(missing.is_empty(), "no tab title in {missing:?}");
}
