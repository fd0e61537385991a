//! Properties of search that must hold for any input.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use proptest::prelude::*;
use waypoint_core::filter::Filters;
use waypoint_core::search::highlight::highlight;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text at all, typed in any language, returns results without
    /// panicking, and every result passes the filters. What passes is worked
    /// out here from the service's own fields, not by `Filters::matches`
    /// (the predicate `find` itself uses): free only keeps `free` services,
    /// open 24/7 keeps those whose hours say always open, and law-enforcement
    /// lines are never results. Conversely, every service that passes is
    /// listed when nothing is typed.
    #[test]
    fn any_query_is_safe_and_respects_filters(query in "\\PC{0,40}", free in any::<bool>(), open in any::<bool>()) {
        thread_local!(static SITE: std::rc::Rc<waypoint_core::site::Site> = support::default_site());
        SITE.with(|site| {
            let mut searcher = site.searcher();
            let filters = Filters { free_only: free, open_24_7: open, ..Filters::default() };
            // Only for professionals: every code the service offers is marked
            // so in the taxonomy (a survivor's view leaves those out).
            let t = &site.bundle.taxonomy;
            let professional = |s: &waypoint_core::model::Service| !s.service_types.is_empty() && s.service_types.iter().all(|&x| t.service_types[x as usize].professional);
            let passes = |s: &waypoint_core::model::Service| !s.law_enforcement && !professional(s) && (!free || s.free) && (!open || s.hours.always_open);
            let results = site.find(&mut searcher, &query, &filters);
            let everything = site.find(&mut searcher, "", &filters);
            for &i in &results.services {
                let s = site.service(i);
                prop_assert!(!s.law_enforcement);
                prop_assert!(!professional(s), "{} is only for professionals", s.id);
                prop_assert!(!free || s.free, "{} is not free but passed free only", s.id);
                prop_assert!(!open || s.hours.always_open, "{} is not open 24/7 but passed open 24/7 ({:?})", s.id, s.hours);
                prop_assert!(everything.services.contains(&i), "{} is found for {:?} but not listed for an empty query", s.id, query);
            }
            let mut listed = everything.services.clone();
            listed.sort_unstable();
            let expected: Vec<u32> = (0..site.services().len() as u32).filter(|&i| passes(site.service(i))).collect();
            prop_assert!(!expected.is_empty(), "some service passes {:?}", filters);
            prop_assert_eq!(listed, expected, "an empty query lists exactly the services that pass (free {}, open 24/7 {})", free, open);
            Ok(())
        })?;
    }

    /// Highlighting never changes the text, only marks parts of it.
    #[test]
    fn highlight_preserves_text(text in "\\PC{0,60}", terms in prop::collection::vec("[a-z]{1,8}", 0..3)) {
        let joined: String = highlight(&text, &terms).iter().map(|s| s.text).collect();
        prop_assert_eq!(joined, text);
    }

    /// Dropping one letter (not the first) of a word from a service's name
    /// still finds that service: the typo forgiveness people rely on.
    #[test]
    fn one_dropped_letter_still_finds_the_name(pick in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>()) {
        thread_local!(static SITE: std::rc::Rc<waypoint_core::site::Site> = support::default_site());
        SITE.with(|site| {
            let names: Vec<(u32, String)> = site.services().iter().enumerate()
                .filter(|(_, s)| !s.law_enforcement)
                .flat_map(|(i, s)| waypoint_core::text::words(&s.name).filter(|w| w.len() >= 5 && w.is_ascii()).map(move |w| (i as u32, w)).collect::<Vec<_>>())
                .collect();
            let (idx, word) = &names[pick.index(names.len())];
            let at = 1 + cut.index(word.len() - 1);
            let typo: String = word.chars().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| c).collect();
            let mut searcher = site.searcher();
            // As the staff console searches: every name is findable there.
            let results = site.find(&mut searcher, &typo, &Filters { with_professionals: true, ..Filters::default() });
            prop_assert!(results.services.contains(idx), "{:?} (from {:?}) did not find service {}", typo, word, idx);
            Ok(())
        })?;
    }
}
