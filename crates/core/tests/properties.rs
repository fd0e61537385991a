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
    /// panicking, and every result passes the filters.
    #[test]
    fn any_query_is_safe_and_respects_filters(query in "\\PC{0,40}", free in any::<bool>(), open in any::<bool>()) {
        thread_local!(static SITE: std::rc::Rc<waypoint_core::site::Site> = support::default_site());
        SITE.with(|site| {
            let mut searcher = site.searcher();
            let filters = Filters { free_only: free, open_24_7: open, ..Filters::default() };
            let results = site.find(&mut searcher, &query, &filters);
            for &i in &results.services {
                let s = site.service(i);
                prop_assert!(!s.law_enforcement);
                prop_assert!(filters.matches(s, &site.bundle.taxonomy));
            }
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
            let results = site.find(&mut searcher, &typo, &Filters::default());
            prop_assert!(results.services.contains(idx), "{:?} (from {:?}) did not find service {}", typo, word, idx);
            Ok(())
        })?;
    }
}
