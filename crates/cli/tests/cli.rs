//! The data steward's tool, run as a person would run it.

mod support;
#[path = "support/tool.rs"]
mod tool;

/// One bundle file, whatever the size: the tests read site.bin
/// (crates/core/tests/shards.rs and app.rs test the split).
fn waypoint(args: &[&str]) -> (i32, String) {
    tool::waypoint_with(args, &[("WAYPOINT_SHARDS", "never")])
}



#[test]
fn validate_accepts_the_default_data() {
    let (code, out) = waypoint(&["validate"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors"), "{out}");
}

#[test]
fn validate_names_file_record_and_field_for_each_problem() {
    let data = support::scratch_data("broken");
    std::fs::write(
        data.join("providers/zz-broken.toml"),
        r#"
[organization]
id = "broken-org"
name = "Broken"
website = "javascript:alert(1)"

[[service]]
id = "broken-service"
name = "Broken service"
services = ["not-a-code"]
languages = ["xx"]
areas = ["Calif"]

[[service.phones]]
number = "call us"
type = "voice"

[service.source]
name = "Nowhere"
last_verified = "2031-01-01"

[[service]]
id = "no-source"
name = "Missing its source"
services = ["hotline"]

[[service]]
id = "nhth-hotline"
name = "Duplicate id"
services = ["hotline"]
[service.source]
name = "x"
last_verified = "2026-13-01"
"#,
    )
    .unwrap();
    let (code, out) = waypoint(&["validate", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 1, "errors must exit non-zero:\n{out}");
    let file = "zz-broken.toml";
    for (record, field) in [
        ("broken-org", "organization.website"),
        ("broken-service", "services"),
        ("broken-service", "languages"),
        ("broken-service", "areas"),
        ("broken-service", "phones[0].number"),
        ("broken-service", "source.last_verified"),
        ("no-source", "source"),
        ("nhth-hotline", "id"),
        ("nhth-hotline", "source.last_verified"),
    ] {
        let line = out
            .lines()
            .find(|l| l.contains(file) && l.contains(&format!(": {record}: {field}: ")));
        assert!(
            line.is_some(),
            "no problem reported for {record} {field}:\n{out}"
        );
    }
    assert!(out.contains("not-a-code"), "says what was found:\n{out}");
    let (code, out) = waypoint(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        data.join("out").to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "build refuses broken data:\n{out}");
    assert!(!data.join("out/site.bin").exists());
}

#[test]
fn validate_reports_a_toml_syntax_error_with_its_line() {
    let data = support::scratch_data("syntax");
    std::fs::write(
        data.join("providers/zz-syntax.toml"),
        "[organization]\nid = \"x\"\nname = \n",
    )
    .unwrap();
    let (code, out) = waypoint(&["validate", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("zz-syntax.toml: -: line 3"), "{out}");
}

#[test]
fn validate_reports_a_missing_translation() {
    let data = support::scratch_data("translation");
    let es = data.join("locales/es/ui.toml");
    let text = std::fs::read_to_string(&es).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("placeholder ="))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&es, without).unwrap();
    let (code, out) = waypoint(&["validate", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("search.placeholder: translation: missing in es"),
        "{out}"
    );
}

#[test]
fn generate_is_reproducible_fictional_and_builds() {
    let dir = std::env::temp_dir().join(format!("waypoint-gen-{}", std::process::id()));
    let out = |sub: &str| dir.join(sub).to_string_lossy().into_owned();
    let (code, text) = waypoint(&[
        "generate",
        "--services",
        "500",
        "--seed",
        "7",
        "--out",
        &out("a"),
    ]);
    assert_eq!(code, 0, "{text}");
    waypoint(&[
        "generate",
        "--services",
        "500",
        "--seed",
        "7",
        "--out",
        &out("b"),
    ]);
    waypoint(&[
        "generate",
        "--services",
        "500",
        "--seed",
        "8",
        "--out",
        &out("c"),
    ]);
    let read = |sub: &str| std::fs::read(dir.join(sub).join("providers/generated.json")).unwrap();
    assert_eq!(read("a"), read("b"), "same seed, same data");
    assert_ne!(read("a"), read("c"), "another seed, other data");

    let (code, text) = waypoint(&[
        "build",
        "--providers",
        &out("a/providers"),
        "--out",
        &out("bundle"),
    ]);
    assert_eq!(
        code, 1,
        "fictional data is refused without --allow-fictional:\n{text}"
    );
    let (code, text) = waypoint(&[
        "build",
        "--providers",
        &out("a/providers"),
        "--out",
        &out("bundle"),
        "--allow-fictional",
    ]);
    assert_eq!(code, 0, "{text}");
    let bundle =
        waypoint_core::bundle::Bundle::decode(&std::fs::read(dir.join("bundle/site.bin")).unwrap())
            .unwrap();
    // The generated services, and beside them data/providers' nationwide
    // ones (kept with any other providers folder).
    let (services, national): (Vec<_>, Vec<_>) =
        bundle.directory.services.iter().partition(|s| s.fictional);
    assert_eq!(services.len(), 500);
    assert!(services.iter().all(|s| s.name.contains("fictional")));
    assert!(
        !national.is_empty() && national.iter().all(|s| s.is_nationwide()),
        "only nationwide real services are added"
    );
    let t = &bundle.taxonomy;
    let states: std::collections::HashSet<_> = services
        .iter()
        .flat_map(|s| s.locations.iter().filter_map(|l| l.state.clone()))
        .collect();
    assert!(
        states.len() > 40,
        "spread across the states: {}",
        states.len()
    );
    for d in 0..t.domains.len() as u16 {
        assert!(
            services
                .iter()
                .any(|s| s.service_types.iter().any(|&x| t.domain_of(x) == Some(d))),
            "domain {} covered",
            t.domains[d as usize]
        );
    }
    for p in 0..t.populations.len() as u16 {
        assert!(
            services.iter().any(|s| s.populations.contains(&p)),
            "population {} covered",
            t.populations[p as usize]
        );
    }
    // Confidential addresses never reach the bundle; coordinates, if any,
    // only to 0.1 degree.
    let coarse = |d: Option<f32>| d.is_none_or(|d| d == waypoint_core::geo::coarse(d));
    for l in services
        .iter()
        .flat_map(|s| &s.locations)
        .filter(|l| l.confidential)
    {
        assert!(
            l.street.is_none()
                && l.postal_code.is_none()
                && coarse(l.latitude)
                && coarse(l.longitude)
        );
    }
}

#[test]
fn the_bundle_round_trips_and_rejects_other_files() {
    let bundle = support::default_bundle();
    let bytes = bundle.encode();
    assert_eq!(
        waypoint_core::bundle::Bundle::decode(&bytes).unwrap(),
        bundle
    );
    assert!(waypoint_core::bundle::Bundle::decode(b"<html>not found</html>").is_err());
    let mut newer = bytes.clone();
    newer[3] = 9;
    assert_eq!(
        waypoint_core::bundle::Bundle::decode(&newer),
        Err(waypoint_core::bundle::BundleError::WrongVersion(9))
    );
}

#[test]
fn validate_rejects_a_broken_guide_naming_the_problem() {
    let cases: [(&str, fn(&str) -> String, &str); 4] = [
        (
            "unreachable question",
            |g| g.replace("next = \"moved\"\n", "next = \"documents\"\n"),
            "step moved: -: cannot be reached from the start",
        ),
        (
            "branch to a missing step",
            |g| g.replacen("next = \"emergency\"", "next = \"nowhere\"", 1),
            "step danger answer yes: next: no such next: \"nowhere\"",
        ),
        (
            "outcome never reached",
            |g| {
                g.replace(
                    "all_of = [\"minor\", \"commercial-sex\"]",
                    "all_of = [\"minor\", \"commercial-sex\"]\nany_of = []",
                )
                .replace(
                    "[[outcome]]\nid = \"signs\"",
                    "[[outcome]]\nid = \"always\"\n\n[[outcome]]\nid = \"signs\"",
                )
            },
            "outcome signs: -: no answers lead to it",
        ),
        (
            "string missing",
            |g| g.to_string(),
            "guide.danger.question: guide: string missing",
        ),
    ];
    for (name, edit, expected) in cases {
        let data = support::scratch_data(&format!("guide-{}", name.replace(' ', "-")));
        let path = data.join("guide.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, edit(&text)).unwrap();
        if name == "string missing" {
            for lang in ["en", "es"] {
                let p = data.join(format!("locales/{lang}/guide.toml"));
                let t = std::fs::read_to_string(&p).unwrap();
                let mut in_danger = false;
                let kept: Vec<&str> = t
                    .lines()
                    .filter(|l| {
                        if l.starts_with('[') {
                            in_danger = l.trim() == "[guide.danger]";
                        }
                        !(in_danger && l.starts_with("question"))
                    })
                    .collect();
                std::fs::write(&p, kept.join("\n")).unwrap();
            }
        }
        let (code, out) = waypoint(&["validate", "--data", data.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: must fail:\n{out}");
        assert!(
            out.contains(expected),
            "{name}: expected {expected:?} in:\n{out}"
        );
    }
}

#[test]
fn hours_need_a_known_time_zone_or_one_that_follows_from_the_state() {
    let data = support::scratch_data("timezones");
    let service = |id: &str, extra: &str| {
        format!(
            r#"
[[service]]
id = "{id}"
name = "Clinic {id}"
services = ["medical-care"]
{extra}
[[service.hours]]
days = "mon-fri"
opens = "09:00"
closes = "17:00"
"#
        )
    };
    let org = r#"
[organization]
id = "tz-org"
name = "Time zone clinic"

[source]
name = "Test"
last_verified = "2026-11-01"
check = "public-sources"
"#;
    let body = [
        org.to_string(),
        service(
            "tz-unknown",
            "timezone = \"Europe/Atlantis\"\nareas = [\"CA\"]\n",
        ),
        service("tz-nowhere", "areas = [\"US\"]\n"),
        service(
            "tz-inferred",
            "[[service.locations]]\ncity = \"Austin\"\nstate = \"TX\"\n",
        ),
    ]
    .concat();
    std::fs::write(data.join("providers/zz-timezones.toml"), body).unwrap();
    let (code, out) = waypoint(&["validate", "--data", data.to_str().unwrap()]);
    assert_ne!(code, 0, "{out}");
    assert!(
        out.contains("tz-unknown") && out.contains("\"Europe/Atlantis\" is not a US time zone"),
        "{out}"
    );
    assert!(
        out.contains("tz-nowhere") && out.contains("add timezone"),
        "{out}"
    );
    assert!(
        !out.contains("tz-inferred: timezone"),
        "Texas hours are kept in Central time: {out}"
    );

    // The inferred zone is the one the bundle carries.
    std::fs::write(
        data.join("providers/zz-timezones.toml"),
        [
            org.to_string(),
            service(
                "tz-inferred",
                "[[service.locations]]\ncity = \"Austin\"\nstate = \"TX\"\n",
            ),
        ]
        .concat(),
    )
    .unwrap();
    let (bundle, problems) = waypoint_cli::check(&data, None, false);
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    let bundle = bundle.unwrap();
    let clinic = bundle
        .directory
        .services
        .iter()
        .find(|s| s.id == "tz-inferred")
        .unwrap();
    assert_eq!(clinic.hours.timezone.as_deref(), Some("America/Chicago"));
}

#[test]
fn dump_writes_every_source_file_as_the_loader_parsed_it() {
    let out = std::env::temp_dir().join(format!("waypoint-dump-{}.json", std::process::id()));
    let (code, text) = waypoint(&["dump", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    let dump: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let files = dump["files"].as_object().expect("a files object");
    // Every TOML file in data/ is there, under its path in data/.
    let mut expected = Vec::new();
    let mut dirs = vec![String::new(), "providers".to_string()];
    for lang in std::fs::read_dir(support::repo().join("data/locales")).unwrap() {
        dirs.push(format!(
            "locales/{}",
            lang.unwrap().file_name().to_string_lossy()
        ));
    }
    for dir in &dirs {
        for entry in std::fs::read_dir(support::repo().join("data").join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") && name != "hsds-mapping.toml" {
                expected.push(if dir.is_empty() {
                    name
                } else {
                    format!("{dir}/{name}")
                });
            }
        }
    }
    for file in &expected {
        assert!(files.contains_key(file), "{file} missing from the dump");
    }
    // What the loader fills in is written out: a service that does not say
    // whether it is free is not free.
    let bundle = support::default_bundle();
    let service = &bundle.directory.services[0];
    let dumped = files
        .values()
        .filter_map(|f| f["service"].as_array())
        .flatten()
        .find(|s| s["id"] == service.id.as_str())
        .expect("the first service");
    assert_eq!(dumped["name"], service.name.as_str());
    assert_eq!(dumped["free"].as_bool(), Some(service.free));
    assert_eq!(
        files["site.toml"]["default_language"],
        bundle.site.default_language.as_str()
    );
    let _ = std::fs::remove_file(out);
}

#[test]
fn validate_names_a_tab_title_for_a_language_the_site_does_not_offer() {
    let data = support::scratch_data("title-in");
    let site = std::fs::read_to_string(data.join("site.toml")).unwrap();
    let site = site.replace("es = \"Recursos\"", "es = \"Recursos\", de = \"Ressourcen\", xx = \" \"");
    std::fs::write(data.join("site.toml"), site).unwrap();
    let (code, out) = waypoint(&["validate", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("title_in") && out.contains("\"de\" is not an offered language"), "{out}");
    assert!(out.contains("the title in \"xx\" is empty"), "{out}");
}
