//! Turns the sources into the bundle, checking every record on the way.
//! `validate` runs this and prints the problems; `build` refuses to write a
//! bundle while there is any error.

mod checks;
mod directory;
mod guide;
mod hours;
mod locales;
mod record_text;
mod synonyms;
pub use synonyms::synonym_languages;
mod taxonomy;

pub use checks::is_web_url;
pub use hours::parse_days;

use super::load::Sources;
use super::problem::Problems;
use waypoint_core::bundle::{Bundle, SiteConfig};
use waypoint_core::model::Date;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub today: Date,
    /// Generated test data is allowed only where asked for.
    pub allow_fictional: bool,
}

pub fn compile(sources: &Sources, options: Options, problems: &mut Problems) -> Option<Bundle> {
    let taxonomy = taxonomy::compile_taxonomy(sources, problems)?;
    let (site_file, site) = sources.site.as_ref().or_else(|| {
        problems.error("site.toml", "-", "-", "missing");
        None
    })?;
    // Every folder is checked; the site offers those site.toml names.
    let mut locales =
        locales::compile_locales(sources, &site.default_language, &taxonomy, problems);
    if let Some(offered) = &site.languages {
        for lang in offered
            .iter()
            .filter(|l| !locales.iter().any(|c| &c.lang == *l))
        {
            problems.error(
                site_file,
                "site",
                "languages",
                format!("no folder locales/{lang}"),
            );
        }
        if !offered.contains(&site.default_language) {
            problems.error(
                site_file,
                "site",
                "languages",
                format!(
                    "the default language {:?} must be offered",
                    site.default_language
                ),
            );
        }
        locales.retain(|c| offered.contains(&c.lang));
        locales.sort_by_key(|c| {
            (
                c.lang != site.default_language,
                offered.iter().position(|l| *l == c.lang),
            )
        });
    }
    for lang in site
        .instant_search
        .iter()
        .filter(|l| !locales.iter().any(|c| &c.lang == *l))
    {
        problems.error(
            site_file,
            "site",
            "instant_search",
            format!("{lang:?} is not an offered language"),
        );
    }
    for (lang, title) in &site.title_in {
        match locales.iter_mut().find(|c| &c.lang == lang) {
            _ if title.trim().is_empty() => problems.error(site_file, "site", "title_in", format!("the title in {lang:?} is empty")),
            Some(catalog) => catalog.extend(vec![("meta.title".to_string(), title.trim().to_string())]),
            None => problems.error(site_file, "site", "title_in", format!("{lang:?} is not an offered language")),
        }
    }
    let synonyms = synonyms::compile_synonyms(sources, problems);
    let directory = directory::compile_directory(sources, &taxonomy, options, problems);
    let offered: Vec<String> = locales.iter().map(|c| c.lang.clone()).collect();
    let mut texts = record_text::record_texts(sources, &offered, &site.default_language, problems);
    for catalog in &mut locales {
        catalog.extend(texts.remove(&catalog.lang).unwrap_or_default());
    }
    let guide = guide::compile_guide(
        sources,
        &taxonomy,
        &directory,
        &locales,
        &site.default_language,
        problems,
    );

    if !is_web_url(&site.exit_url) {
        problems.error(
            site_file,
            "site",
            "exit_url",
            format!("expected an https:// address, found {:?}", site.exit_url),
        );
    }
    if let Some(zone) = site
        .timezone
        .as_deref()
        .filter(|z| !waypoint_core::hours::is_known_zone(z))
    {
        problems.error(
            site_file,
            "site",
            "timezone",
            format!("{zone:?} is not a US time zone Waypoint knows (for example America/New_York)"),
        );
    }
    for area in site.home_region.iter().flatten() {
        let zip3 = area.len() == 3 && area.bytes().all(|b| b.is_ascii_digit());
        let known = match waypoint_core::model::ServiceArea::parse(area) {
            Some(waypoint_core::model::ServiceArea::State(st))
            | Some(waypoint_core::model::ServiceArea::Local { state: st, .. }) => {
                taxonomy.states.iter().any(|s| s.code == st)
            }
            _ => false,
        };
        if !zip3 && !known {
            problems.error(site_file, "site", "home_region", format!("expected a state (\"FL\"), a county (\"FL:Miami-Dade County\") or a ZIP3 area (\"331\"), found {area:?}"));
        }
    }
    if !locales.iter().any(|c| c.lang == site.default_language) {
        problems.error(
            site_file,
            "site",
            "default_language",
            format!("no catalogue for {:?}", site.default_language),
        );
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
        instant_search: site.instant_search.clone(),
    };
    let mut bundle = Bundle {
        site,
        taxonomy,
        locales,
        directory,
        guide,
        built: options.today,
        shards: Vec::new(),
    };
    waypoint_core::site::add_synonyms(&mut bundle, &synonyms);
    Some(bundle)
}
