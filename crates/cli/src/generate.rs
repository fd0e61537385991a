//! A clearly fictional, reproducible directory for scale tests and
//! benchmarks: every organisation is marked `fictional`, every name says
//! "(fictional)", and phone numbers use the 555-01xx range reserved for
//! fiction. The same seed always gives the same records.

use super::source::{HoursSource, LocationSource, OrganizationSource, PhoneSource, ProviderFile, ServiceSource, SourceSource};
use waypoint_core::model::Check;
use waypoint_core::taxonomy::Taxonomy;

/// splitmix64: tiny, fast and stable across versions, which a seeded
/// benchmark dataset needs more than statistical quality.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const NAME_FIRST: &[&str] = &[
    "Harbor", "Beacon", "Cedar", "Lantern", "Open Door", "Bridge", "Compass", "Haven", "Sunrise", "River", "Mesa", "Prairie",
    "Summit", "Willow", "Anchor", "Northstar", "Clearwater", "Pathway", "Keystone", "Evergreen", "Horizon", "Juniper",
    "Magnolia", "Redwood", "Silverline", "Tidewater", "Unity", "Valley", "Wayfarer", "Birchwood",
];
const NAME_KIND: &[&str] = &[
    "Center", "Alliance", "Project", "Services", "Collective", "Network", "House", "Coalition", "Clinic", "Partners",
];
const CITIES: &[&str] = &[
    "Springfield", "Riverside", "Fairview", "Georgetown", "Madison", "Franklin", "Clinton", "Salem", "Greenville",
    "Bristol", "Oakland", "Jackson", "Lakewood", "Ashland", "Milton", "Newport", "Dayton", "Burlington", "Marion", "Auburn",
];
const STREETS: &[&str] = &["Main St", "Oak Ave", "Maple Dr", "2nd St", "Park Blvd", "Lincoln Way", "Elm St", "River Rd"];
const OFFERS: &[&str] = &[
    "Free and confidential help for survivors of labor and sex trafficking.",
    "Safety planning, advocacy and help with next steps.",
    "Staff trained in trauma-informed care; interpreters available on request.",
    "Walk-ins welcome during open hours; call ahead if you can.",
    "Help with documents, benefits and court dates.",
    "Support for people who were forced to work or to sell sex.",
    "Counselling in a calm, private setting.",
];

/// Writes `services` fictional services, a handful per organisation.
pub fn generate(services: usize, seed: u64, taxonomy: &Taxonomy) -> Vec<ProviderFile> {
    let mut rng = Rng(seed);
    let mut files = Vec::new();
    let mut made = 0;
    while made < services {
        let org_no = files.len();
        let state = rng.pick(&taxonomy.states).clone();
        let city = *rng.pick(CITIES);
        let org_name = format!("{} {} of {} (fictional)", rng.pick(NAME_FIRST), rng.pick(NAME_KIND), city);
        let org_id = format!("fictional-org-{org_no}");
        let count = (1 + rng.below(4)).min(services - made);
        let mut list = Vec::with_capacity(count);
        for k in 0..count {
            let primary = rng.pick(&taxonomy.service_types);
            let mut codes = vec![primary.code.clone()];
            if rng.chance(40) {
                codes.push(rng.pick(&taxonomy.service_types).code.clone());
            }
            codes.dedup();
            let mut populations: Vec<String> = (0..rng.below(4)).map(|_| rng.pick(&taxonomy.populations).clone()).collect();
            populations.sort();
            populations.dedup();
            let mut languages = vec!["en".to_string()];
            if rng.chance(50) {
                languages.push("es".into());
            }
            if rng.chance(15) {
                languages.push(rng.pick(&taxonomy.languages).clone());
            }
            languages.sort();
            languages.dedup();
            let remote = rng.chance(15);
            let open_24_7 = rng.chance(10);
            let area = match rng.below(20) {
                0 => "US".to_string(),
                1..=5 => state.code.clone(),
                _ => format!("{}:{} County", state.code, city),
            };
            let confidential = primary.code.contains("shelter") || rng.chance(5);
            let no = made + k;
            list.push(ServiceSource {
                id: format!("fictional-{no}"),
                name: format!("{} (fictional)", title_case(&primary.code)),
                description: Some(format!("{} {}", rng.pick(OFFERS), rng.pick(OFFERS))),
                services: codes,
                populations,
                languages,
                phones: vec![PhoneSource {
                    number: format!("{:03}-555-01{:02}", 200 + rng.below(700), rng.below(100)),
                    kind: "voice".into(),
                    note: None,
                }],
                locations: vec![LocationSource {
                    street: Some(format!("{} {}", 100 + rng.below(9000), rng.pick(STREETS))),
                    city: Some(city.to_string()),
                    state: Some(state.code.clone()),
                    postal_code: Some(format!("{:05}", rng.below(100_000))),
                    confidential,
                    ..LocationSource::default()
                }],
                areas: vec![area],
                open_24_7,
                hours: if open_24_7 {
                    Vec::new()
                } else {
                    vec![HoursSource { days: "mon-fri".into(), opens: "09:00".into(), closes: "17:00".into() }]
                },
                free: rng.chance(80),
                remote,
                ..ServiceSource::default()
            });
        }
        made += count;
        files.push(ProviderFile {
            organization: OrganizationSource { id: org_id, name: org_name, fictional: true, ..OrganizationSource::default() },
            source: Some(SourceSource {
                name: "Waypoint generator (fictional data)".into(),
                url: None,
                note: Some(format!("Generated with seed {seed}; not a real provider.")),
                last_verified: "2026-01-15".into(),
                check: Some(Check::PublicSources.code().into()),
            }),
            services: list,
        });
    }
    files
}

fn title_case(code: &str) -> String {
    let words: Vec<String> = code
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect();
    words.join(" ")
}
