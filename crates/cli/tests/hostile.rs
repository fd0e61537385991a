//! Hostile and broken data: what the build refuses, and a tampered bundle
//! for the end-to-end suite (tests/e2e/hostile-data.spec.mjs) to render.

mod support;

use waypoint_core::model::{Phone, PhoneKind, Service};

fn problems_for(provider_toml: &str) -> Vec<String> {
    let data = support::scratch_data(&format!("hostile-{}", provider_toml.len()));
    std::fs::write(data.join("providers/zz-hostile.toml"), provider_toml).unwrap();
    let (_, problems) = waypoint_cli::check(&data, None, false);
    problems.list.iter().map(|p| p.to_string()).collect()
}

const HEAD: &str = r#"
[organization]
id = "hostile-org"
name = "Hostile"

[source]
name = "test"
last_verified = "2026-11-01"
check = "public-sources"
"#;

#[test]
fn unsafe_urls_are_refused_naming_record_and_field() {
    let list = problems_for(&format!(
        "{HEAD}
[[service]]
id = \"bad-links\"
name = \"Bad links\"
services = [\"hotline\"]
url = \"javascript:alert(1)\"
chat_url = \"data:text/html,<script>alert(1)</script>\"
"
    ));
    for field in ["url", "chat_url"] {
        assert!(
            list.iter().any(|p| p.starts_with("error:")
                && p.contains(": bad-links: ")
                && p.contains(&format!(": {field}: "))),
            "{field} not refused: {list:#?}"
        );
    }
}

#[test]
fn direction_overrides_control_characters_and_huge_text_are_refused() {
    let huge = "x".repeat(100 * 1024);
    let list = problems_for(&format!(
        "{HEAD}
[[service]]
id = \"tricky\"
name = \"Safe \u{202E}evah\"
description = \"{huge}\"
services = [\"hotline\"]
how_to_get_help = \"call\\u0007now\"
"
    ));
    let has = |field: &str, what: &str| {
        list.iter().any(|p| {
            p.contains(": tricky: ") && p.contains(&format!(": {field}: ")) && p.contains(what)
        })
    };
    assert!(has("name", "U+202E"), "{list:#?}");
    assert!(has("description", "102400 characters"), "{list:#?}");
    assert!(has("how_to_get_help", "control character"), "{list:#?}");
}

#[test]
fn markup_in_text_is_allowed_as_text_with_a_warning() {
    let list = problems_for(&format!(
        "{HEAD}
[[service]]
id = \"markup\"
name = \"<img src=x onerror=alert(1)> Shelter &amp; help 🏠\"
services = [\"hotline\"]
how_to_get_help = \"call\"
"
    ));
    assert!(
        list.iter()
            .any(|p| p.starts_with("warning:") && p.contains(": markup: name: ")),
        "{list:#?}"
    );
    assert!(
        !list
            .iter()
            .any(|p| p.starts_with("error:") && p.contains(": markup: ")),
        "{list:#?}"
    );
}

/// Window flag the payloads would set if any of them ever ran.
const PWNED: &str = "window.__waypointPwned=1";

/// A bundle as a tampered file or a broken build could deliver it: every
/// field the UI shows holds a payload, and the links are unsafe schemes the
/// build would have refused. Written for the end-to-end suite.
#[test]
fn writes_the_hostile_bundle_fixture() {
    let mut bundle = support::default_bundle();
    let template = bundle
        .directory
        .services
        .iter()
        .find(|s| s.id == "nhth-hotline")
        .unwrap()
        .clone();
    let script = format!("<script>{PWNED}</script>");
    let img = format!("<img src=x onerror=\"{PWNED}\">");
    let svg = format!("<svg onload=\"{PWNED}\"></svg>");
    let hostile = Service {
        id: "hostile-record".into(),
        name: format!("Hostile {script} shelter {img} &lt;b&gt; \u{202E}txet desrever 🏠"),
        description: Some(format!("{svg} {} end", "long text ".repeat(10_000))),
        eligibility: Some(format!(
            "<a href=\"javascript:{PWNED}\">click</a> &amp; &#x3C;script&#x3E;"
        )),
        how_to_get_help: Some(img.clone()),
        what_to_expect: Some(img.clone()),
        url: Some(format!("javascript:{PWNED}")),
        chat_url: Some(format!("data:text/html,<script>{PWNED}</script>")),
        email: Some(format!("x@y.z?body={script}")),
        phones: vec![Phone {
            number: format!("1-888-373-7888\"><img src=x onerror=\"{PWNED}\">"),
            kind: PhoneKind::Voice,
            note: Some(script.clone()),
        }],
        ..template
    };
    bundle.directory.services.push(hostile.clone());
    let out = support::repo().join("target/e2e-fixtures");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("hostile-site.bin"), bundle.encode()).unwrap();

    // What the e2e suite will load: the file as written decodes, whole, and
    // the hostile record is in it with every payload as it was put there.
    let written = std::fs::read(out.join("hostile-site.bin")).unwrap();
    let decoded =
        waypoint_core::bundle::Bundle::decode(&written).expect("the hostile bundle decodes");
    assert!(
        decoded == bundle,
        "the hostile bundle reads back as it was written"
    );
    let back = decoded
        .directory
        .services
        .iter()
        .find(|s| s.id == "hostile-record")
        .expect("the hostile record is in the bundle");
    assert!(
        *back == hostile,
        "the hostile record reads back field for field"
    );
    assert!(
        back.name.contains(&script) && back.name.contains(&img) && back.name.contains('\u{202E}'),
        "{:?}",
        back.name
    );
    assert!(
        back.description
            .as_deref()
            .is_some_and(|d| d.starts_with(&svg) && d.len() > 100_000),
        "the long description keeps its payload"
    );
    assert_eq!(
        back.eligibility.as_deref(),
        Some(format!("<a href=\"javascript:{PWNED}\">click</a> &amp; &#x3C;script&#x3E;").as_str())
    );
    assert_eq!(back.how_to_get_help.as_deref(), Some(img.as_str()));
    assert_eq!(
        back.url.as_deref(),
        Some(format!("javascript:{PWNED}").as_str()),
        "the unsafe link is kept for the UI to refuse"
    );
    assert_eq!(
        back.chat_url.as_deref(),
        Some(format!("data:text/html,<script>{PWNED}</script>").as_str())
    );
    assert_eq!(
        back.email.as_deref(),
        Some(format!("x@y.z?body={script}").as_str())
    );
    assert_eq!(back.phones.len(), 1);
    assert!(
        back.phones[0]
            .number
            .contains(&format!("onerror=\"{PWNED}\"")),
        "{:?}",
        back.phones[0]
    );
    assert_eq!(back.phones[0].note.as_deref(), Some(script.as_str()));
    assert!(
        !back.law_enforcement,
        "shown among the results, where the payloads are rendered"
    );
}
