//! Component tests in headless Chromium (`make test-wasm`): the real Yew
//! components over the real default bundle, driven through the DOM as a
//! person would drive them.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint_core::bundle::Bundle;
use waypoint_core::site::Site;
use waypoint_web::components::{Shell, ShellProps};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Built by `make data` before this suite runs.
static BUNDLE: &[u8] = include_bytes!("../../../target/site-data/site.bin");
/// The Spanish strings the browser fetches on switching language; merged
/// here up front (the fetch itself is covered end to end).
static SPANISH: &[u8] = include_bytes!("../../../target/site-data/locale-es.bin");
/// The Spanish search words the page fetches once it has drawn.
static SPANISH_WORDS: &[u8] = include_bytes!("../../../target/site-data/search-es.bin");
/// The English words the guide and safety page fetch when first opened.
static ENGLISH_LATER: &[u8] = include_bytes!("../../../target/site-data/locale-en.bin");

fn site() -> Rc<Site> {
    let mut bundle = Bundle::decode(BUNDLE).expect("the default bundle decodes");
    let rest: waypoint_core::locale::Catalog =
        waypoint_core::bundle::decode(SPANISH).expect("the Spanish strings decode");
    let words: waypoint_core::locale::Catalog =
        waypoint_core::bundle::decode(SPANISH_WORDS).expect("the Spanish search words decode");
    let spanish = bundle
        .locales
        .iter_mut()
        .find(|c| c.lang == "es")
        .expect("Spanish (its offer line) in the bundle");
    spanish.add_search_words(words);
    spanish.merge(rest);
    let mut later: waypoint_core::locale::Catalog =
        waypoint_core::bundle::decode(ENGLISH_LATER).expect("the English later strings decode");
    // The guide's questions come with those strings (`Catalog::guide`);
    // merged up front, they go where a bundle that carries them has them.
    bundle.guide = later.guide.take().expect("the guide comes with the later strings");
    bundle
        .locales
        .iter_mut()
        .find(|c| c.lang == "en")
        .expect("English in the bundle")
        .merge(later);
    Rc::new(Site::new(bundle))
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the shell in a fresh element and waits for the first render.
async fn mount() -> (Element, Rc<Site>) {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let site = site();
    yew::Renderer::<Shell>::with_root_and_props(
        root.clone(),
        ShellProps {
            site: site.clone(),
            embed: None,
        },
    )
    .render();
    settle().await;
    (root, site)
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// The page's `<html lang>`, once it stops changing or a second has passed:
/// it is set by an effect after the render, which a busy machine delays.
async fn page_language(expected: &str) -> Option<String> {
    let lang = || document().document_element().unwrap().get_attribute("lang");
    for _ in 0..50 {
        if lang().as_deref() == Some(expected) {
            break;
        }
        settle().await;
    }
    lang()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

async fn type_into(root: &Element, value: &str) {
    let input: HtmlInputElement = one(root, "#search-input").unchecked_into();
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = one(root, selector).unchecked_into();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
}

async fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
    settle().await;
}

fn result_ids(root: &Element) -> Vec<String> {
    all(root, ".results .card")
        .iter()
        .filter_map(|c| c.get_attribute("data-service"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_typo_finds_immigration_help_and_marks_the_match() {
    let (root, _) = mount().await;
    let before = result_ids(&root).len();
    type_into(&root, "imigration").await;
    let ids = result_ids(&root);
    assert!(
        !ids.is_empty() && ids.len() < before,
        "the typo narrows the list: {ids:?}"
    );
    let marks: Vec<String> = all(&root, ".results mark")
        .iter()
        .filter_map(|m| m.text_content())
        .collect();
    assert!(
        marks.iter().any(|m| m.eq_ignore_ascii_case("immigration")),
        "the matched word is marked: {marks:?}"
    );
    let status = one(&root, "#results-status");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert!(
        status
            .text_content()
            .unwrap()
            .starts_with(&ids.len().to_string()),
        "the count is announced"
    );
}

#[wasm_bindgen_test]
async fn filters_combine_and_clear_in_one_step() {
    let (root, site) = mount().await;
    let everything = result_ids(&root);
    choose(&root, "#filter-state", "CA").await;
    let in_ca = result_ids(&root);
    assert!(!in_ca.is_empty() && in_ca.len() <= everything.len());
    click(&root, "#filter-24-7").await;
    let in_ca_24_7 = result_ids(&root);
    assert!(
        in_ca_24_7.len() < in_ca.len(),
        "a second filter narrows further"
    );
    for id in &in_ca_24_7 {
        let (_, s) = site.service_by_id(id).unwrap();
        assert!(
            s.hours.always_open && s.serves_state("CA"),
            "{id} passes both filters"
        );
    }
    click(&root, "#clear-filters").await;
    assert_eq!(
        result_ids(&root),
        everything,
        "clear all restores the full list"
    );
    let state: HtmlSelectElement = one(&root, "#filter-state").unchecked_into();
    assert_eq!(state.value(), "", "the state select is reset");
}

#[wasm_bindgen_test]
async fn switching_to_spanish_changes_text_and_lang_without_reload() {
    let (root, site) = mount().await;
    let es = site.catalog("es").unwrap();
    choose(&root, "#language-select", "es").await;
    assert_eq!(page_language("es").await.as_deref(), Some("es"));
    assert_eq!(
        text(&root, "label[for='search-input']"),
        es.lookup("search.label").unwrap()
    );
    assert_eq!(
        text(&root, "#quick-exit"),
        es.lookup("exit.button").unwrap()
    );
    let picker: HtmlSelectElement = one(&root, "#language-select").unchecked_into();
    assert_eq!(picker.value(), "es");
    // Each language is named in itself.
    assert_eq!(
        text(&root, "#language-select option[value='es']"),
        "Español"
    );
    choose(&root, "#language-select", "en").await;
    assert_eq!(page_language("en").await.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn a_service_shows_how_to_act_and_back_keeps_the_list() {
    let (root, site) = mount().await;
    type_into(&root, "hotline").await;
    let listed = result_ids(&root);
    click(&root, "#open-nhth-hotline").await;
    let (_, hotline) = site.service_by_id("nhth-hotline").unwrap();
    assert_eq!(text(&root, "#service-title"), hotline.name);
    let tel: Vec<String> = all(&root, ".service-detail a[href^='tel:']")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert!(
        tel.contains(&"tel:18883737888".to_string()),
        "tap to call: {tel:?}"
    );
    let sms: Vec<String> = all(&root, ".service-detail a[href^='sms:']")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert!(
        sms.contains(&"sms:233733".to_string()),
        "tap to text: {sms:?}"
    );
    assert!(
        text(&root, ".service-detail .verified").contains("November 28, 2026"),
        "last-verified date shown"
    );
    assert!(text(&root, ".service-detail .source").contains(&hotline.source.name));
    for a in all(&root, ".service-detail a[target='_blank']") {
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    assert!(
        root.query_selector("#quick-exit").unwrap().is_some(),
        "quick exit on the service view"
    );
    click(&root, ".service-detail .back").await;
    assert_eq!(result_ids(&root), listed, "the same results come back");
    assert_eq!(
        one(&root, "#search-input")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "hotline"
    );
    let focused = document()
        .active_element()
        .and_then(|e| e.get_attribute("id"));
    assert_eq!(
        focused.as_deref(),
        Some("open-nhth-hotline"),
        "focus returns to the opened result"
    );
}

#[wasm_bindgen_test]
async fn no_results_offers_a_way_forward() {
    let (root, _) = mount().await;
    choose(&root, "#filter-language", "es").await;
    type_into(&root, "qqqzzzxx").await;
    assert!(result_ids(&root).is_empty());
    assert!(
        root.query_selector(".empty").unwrap().is_some(),
        "an empty state, not a blank"
    );
    assert!(
        root.query_selector(".empty button").unwrap().is_some(),
        "offers to remove the filters"
    );
    let help = all(&root, ".help-bar a[href^='tel:']");
    assert!(!help.is_empty(), "the hotline is still one tap away");
}

#[wasm_bindgen_test]
async fn every_input_is_kept_out_of_autofill_and_nothing_submits() {
    let (root, _) = mount().await;
    let fields = all(&root, "input, select");
    assert!(fields.len() >= 7);
    for f in fields {
        assert_eq!(
            f.get_attribute("autocomplete").as_deref(),
            Some("off"),
            "{:?}",
            f.get_attribute("id")
        );
    }
    assert!(
        root.query_selector("form").unwrap().is_none(),
        "no form can be submitted"
    );
}

#[wasm_bindgen_test]
async fn law_enforcement_lines_are_apart_and_labelled() {
    let (root, site) = mount().await;
    let tip_lines: Vec<String> = site
        .law_enforcement_lines()
        .iter()
        .map(|&i| site.service(i).id.clone())
        .collect();
    assert!(!tip_lines.is_empty());
    type_into(&root, "homeland security tip").await;
    for id in result_ids(&root) {
        assert!(
            !tip_lines.contains(&id),
            "{id} is a law-enforcement line inside the results"
        );
    }
    let cards = all(&root, ".law-enforcement-lines .card");
    assert_eq!(
        cards.len(),
        tip_lines.len(),
        "every law-enforcement line has its own card, apart from the results"
    );
    let shown: Vec<String> = cards
        .iter()
        .filter_map(|c| c.get_attribute("data-service"))
        .collect();
    for id in &tip_lines {
        assert!(
            shown.contains(id),
            "{id} is not among the law-enforcement lines shown apart"
        );
    }
    for card in cards {
        assert!(
            card.query_selector(".badge.warning").unwrap().is_some(),
            "labelled as law enforcement"
        );
    }
}

#[wasm_bindgen_test]
async fn the_guide_runs_to_a_result_whose_need_opens_the_filtered_directory() {
    let (root, site) = mount().await;
    click(&root, "#open-guide").await;
    click(&root, "#guide-start").await;
    let en = site.catalog("en").unwrap();
    assert_eq!(
        text(&root, "#guide-title"),
        en.lookup("guide.danger.question").unwrap()
    );
    click(&root, "#answer-yes").await;
    // In danger: emergency options before anything else.
    assert!(
        root.query_selector(".emergency a[href='tel:911']")
            .unwrap()
            .is_some(),
        "911 first"
    );
    click(&root, "#guide-continue").await;
    assert_eq!(
        text(&root, "#guide-title"),
        en.lookup("guide.age.question").unwrap()
    );
    click(&root, "#guide-skip").await;
    click(&root, "#answer-no").await; // work: no, so pay and debt are not asked
    assert_eq!(
        text(&root, "#guide-title"),
        en.lookup("guide.documents.question").unwrap()
    );
    click(&root, "#answer-yes").await; // documents held
    click(&root, "#answer-rather-not-say").await; // free
    click(&root, "#guide-skip").await; // threats
    click(&root, "#guide-skip").await; // sex
    click(&root, "#answer-shelter").await; // needs: choose any
    click(&root, "#guide-next").await;
    assert_eq!(
        text(&root, "#guide-title"),
        en.lookup("guide.outcome.signs.title").unwrap()
    );
    assert!(
        text(&root, ".signs").contains(en.lookup("guide.sign.documents").unwrap()),
        "the sign noticed is named"
    );
    // Papers held lead to immigration help: with no service listed for it
    // in the default data, it is named with the hotline instead of a button
    // to an empty list.
    assert!(
        root.query_selector("#need-immigration").unwrap().is_none(),
        "no choice that leads to nothing"
    );
    assert!(
        text(&root, "#needs-unlisted").contains(en.lookup("guide.need.immigration").unwrap()),
        "the need is still named"
    );
    assert!(
        root.query_selector("#needs-unlisted + .card a[href^='tel:']")
            .unwrap()
            .is_some(),
        "with the hotline to call"
    );
    assert!(root.query_selector("#need-shelter").unwrap().is_some());
    click(&root, "#need-shelter").await;
    let domain: HtmlSelectElement = one(&root, "#filter-domain").unchecked_into();
    assert_eq!(
        domain.value(),
        site.bundle
            .taxonomy
            .domain_id("housing")
            .unwrap()
            .to_string(),
        "the directory opens filtered"
    );
    assert!(!result_ids(&root).is_empty());
}

#[wasm_bindgen_test]
async fn start_over_wipes_every_answer() {
    let (root, _) = mount().await;
    click(&root, "#open-guide").await;
    click(&root, "#guide-start").await;
    click(&root, "#answer-no").await;
    for _ in 0..20 {
        if root.query_selector("#guide-start-over").unwrap().is_some() {
            break;
        }
        click(
            &root,
            if root.query_selector("#guide-skip").unwrap().is_some() {
                "#guide-skip"
            } else {
                "#guide-next"
            },
        )
        .await;
    }
    click(&root, "#guide-start-over").await;
    assert!(
        root.query_selector("#guide-start").unwrap().is_some(),
        "back at the opening"
    );
    click(&root, "#guide-start").await;
    assert_eq!(
        one(&root, "#answer-no")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false"),
        "no answer remembered"
    );
}

/// Sets a text box and sends `change`, as leaving it or pressing Enter does.
async fn change_text(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = one(root, selector).unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn a_place_that_is_not_one_says_so_and_changes_nothing() {
    let (root, _) = mount().await;
    let before = result_ids(&root);
    change_text(&root, "#place-input", "somewhere nice").await;
    assert_eq!(text(&root, "#place-status"), "We could not find somewhere nice. Try a 5-digit ZIP code, or a city and state such as San Diego, CA.");
    assert_eq!(result_ids(&root), before);
    assert!(
        root.query_selector("#filter-radius").unwrap().is_none(),
        "no radius without a place"
    );
}

#[wasm_bindgen_test]
async fn open_now_keeps_the_services_open_this_minute() {
    let (root, site) = mount().await;
    click(&root, "#filter-open-now").await;
    let now = js_sys::Date::now() as i64;
    let mut expected: Vec<String> = site
        .services()
        .iter()
        .filter(|s| !s.law_enforcement && waypoint_core::hours::is_open_now(&s.hours, now))
        .map(|s| s.id.clone())
        .collect();
    let mut shown = result_ids(&root);
    expected.sort();
    shown.sort();
    assert!(!shown.is_empty(), "the 24/7 lines are always open");
    assert_eq!(shown, expected);
    let statuses = all(&root, ".results .card .open-status");
    assert!(
        !statuses.is_empty(),
        "at least one card shows whether it is open"
    );
    assert_eq!(
        statuses.len(),
        all(&root, ".results .card").len(),
        "every card shows whether it is open"
    );
    for status in &statuses {
        let class = status.class_name();
        let classes: Vec<&str> = class.split_whitespace().collect();
        assert!(
            classes.contains(&"open"),
            "every card says it is open, not {class:?}"
        );
        assert_eq!(
            classes,
            ["open-status", "open"],
            "the status is exactly open-status open"
        );
    }
    assert!(statuses.iter().all(|s| !s.class_name().contains("closed")));
}

#[cfg(feature = "staff")]
#[wasm_bindgen_test]
async fn staff_compact_list_and_referral_list() {
    let (root, site) = mount().await;
    click(&root, "#toggle-compact").await;
    assert!(one(&root, ".results ol.cards")
        .class_name()
        .contains("compact"));
    let first = result_ids(&root)[0].clone();
    click(&root, &format!("#select-{first}")).await;
    assert_eq!(text(&root, "#selection-count"), "1 on the referral list");
    let name = &site.service_by_id(&first).unwrap().1.name;
    assert!(
        text(&root, ".referral-sheet").contains(name.as_str()),
        "the sheet holds the chosen referral"
    );
    click(&root, "#clear-selection").await;
    assert!(root.query_selector("#selection-count").unwrap().is_none());
}
