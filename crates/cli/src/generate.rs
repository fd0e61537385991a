//! A clearly fictional, reproducible directory for scale tests and
//! benchmarks: every organisation is marked `fictional`, every name says
//! "(fictional)", and phone numbers use the 555-01xx range reserved for
//! fiction. The same seed always gives the same records.
//!
//! Two outputs: Waypoint's own provider files ([`generate_in`]), or an HSDS
//! 1.x CSV datapackage laid out the way a 211 exports one
//! ([`generate_hsds`]), for trying the import at a real export's size.
//! Both may be limited to one state, and both write free text whose lengths
//! follow a real 211 export's ([`DESCRIPTION`], [`APPLICATION_PROCESS`]),
//! made of generic service sentences rather than repeated filler, so search
//! and compression meet text like the real thing.

use std::collections::BTreeSet;

use super::hsds::mapping::{Mapping, Meaning};
use super::hsds::raw::RawTerm;
use super::source::{
    HoursSource, LocationSource, OrganizationSource, PhoneSource, ProviderFile, ServiceSource,
    SourceSource,
};
use waypoint_core::model::{Check, Date};
use waypoint_core::taxonomy::{State, Taxonomy};

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub services: usize,
    pub seed: u64,
    /// A USPS code: every location, city, ZIP and local area in that state
    /// only. `None`: spread across every state of the taxonomy.
    pub state: Option<String>,
}

/// `services` fictional services across every state, a handful per
/// organisation.
pub fn generate(services: usize, seed: u64, taxonomy: &Taxonomy) -> Vec<ProviderFile> {
    generate_in(
        &Options {
            services,
            seed,
            state: None,
        },
        taxonomy,
    )
    .expect("no state asked for")
}

// ---------------------------------------------------------------- randomness

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
    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// Uniform in (0, 1].
    fn unit(&mut self) -> f64 {
        ((self.next() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }
    /// A standard normal draw (Box-Muller).
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.unit(), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

// ---------------------------------------------------------------- text lengths

/// A length distribution for free text: log-normal, fitted to a median and
/// a 90th percentile, cut at a maximum.
#[derive(Debug, Clone, Copy)]
pub struct TextLength {
    pub median: usize,
    pub p90: usize,
    pub max: usize,
}

/// Service descriptions in a real 211 export (a ReferNET resource export
/// of one region, some 2,000 programs): median 353 characters, p90 748,
/// longest 3,285.
pub const DESCRIPTION: TextLength = TextLength {
    median: 353,
    p90: 748,
    max: 3285,
};

/// The application process ("how to get help") of the same export: median
/// 43 characters. Its spread is not measured; p90 twice the median is a
/// guess that keeps most of them to a sentence or two.
pub const APPLICATION_PROCESS: TextLength = TextLength {
    median: 43,
    p90: 90,
    max: 600,
};

impl TextLength {
    /// The log-normal's sigma: ln(p90 / median) over the normal's 90th
    /// percentile.
    pub fn sigma(self) -> f64 {
        (self.p90 as f64 / self.median as f64).ln() / 1.281_551_565_5
    }

    fn draw(self, rng: &mut Rng) -> usize {
        let x = self.median as f64 * (self.sigma() * rng.normal()).exp();
        (x.round() as usize).clamp(12, self.max)
    }
}

/// The median, 90th percentile and maximum of some texts' lengths, in
/// characters.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Lengths {
    pub count: usize,
    pub median: usize,
    pub p90: usize,
    pub max: usize,
}

impl Lengths {
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lengths {
        let mut v: Vec<usize> = texts.into_iter().map(|t| t.chars().count()).collect();
        if v.is_empty() {
            return Lengths::default();
        }
        v.sort_unstable();
        let n = v.len();
        Lengths {
            count: n,
            median: v[n / 2],
            p90: v[(n * 9).div_ceil(10) - 1],
            max: v[n - 1],
        }
    }

    /// The lengths of the descriptions of generated provider files.
    pub fn descriptions(files: &[ProviderFile]) -> Lengths {
        Lengths::of(
            files
                .iter()
                .flat_map(|f| &f.services)
                .filter_map(|s| s.description.as_deref()),
        )
    }

    /// The lengths of their "how to get help".
    pub fn how_to_get_help(files: &[ProviderFile]) -> Lengths {
        Lengths::of(
            files
                .iter()
                .flat_map(|f| &f.services)
                .filter_map(|s| s.how_to_get_help.as_deref()),
        )
    }
}

impl std::fmt::Display for Lengths {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "median {}, p90 {}, max {} characters",
            thousands(self.median),
            thousands(self.p90),
            thousands(self.max)
        )
    }
}

/// 3285 → "3,285".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------- vocabulary

/// What the sentences of one service may name.
struct Slots<'a> {
    /// What the service does, as a phrase: "groceries and emergency food".
    what: &'a str,
    /// The program's name without "(fictional)".
    program: &'a str,
    /// The organisation's name without "(fictional)".
    org: &'a str,
    city: &'a str,
    state: &'a str,
}

/// The first sentence of a description: what the service is.
const OPENERS: &[&str] = &[
    "{program} provides {what} for adults and families in {city} and nearby communities.",
    "This program offers {what} to people who are in crisis or who have recently left an unsafe situation.",
    "{org} offers {what}, with referrals to other local resources when a need falls outside the program.",
    "Provides {what} at no cost to eligible residents of {state}.",
    "The {program} team provides {what} to survivors of trafficking, exploitation and abuse.",
    "Offers {what} for individuals and households facing an emergency.",
    "Provides short-term {what} while staff help participants plan their next steps.",
    "{org} has offered {what} in {city} for more than {n} years.",
    "A community program that provides {what} to anyone who asks, without judgment.",
    "Provides {what} in a welcoming, trauma-informed setting.",
    "Staff provide {what} and stay in touch until the situation is stable.",
    "Offers {what} to youth, adults and older people, including people without documents.",
    "Provides {what} by appointment and on a walk-in basis.",
    "The main service here is {what}; other help is arranged through partner agencies.",
    "Provides {what} for people referred by hospitals, shelters, schools and outreach workers.",
    "Offers {what} in English and {lang}.",
    "Provides {what} to residents of {city} and the surrounding county.",
    "Helps people who need {what} right away, as well as those planning ahead.",
];

/// The first sentence of an organisation's description.
const ORG_OPENERS: &[&str] = &[
    "{org} is a community nonprofit serving {city} and nearby towns.",
    "{org} has served people in {city} for more than {n} years.",
    "A nonprofit agency that helps people in {city} and across {state} find safety, stability and support.",
    "{org} provides services for individuals and families in {city}.",
    "Founded by local residents, {org} works with people facing crisis, poverty or exploitation.",
    "{org} runs programs for adults, youth and families from offices in and around {city}.",
];

/// The rest of a description: generic sentences any service might say.
const SENTENCES: &[&str] = &[
    "New clients complete a short intake interview so staff can understand what is needed.",
    "Intake can be done in person, over the phone or by video call.",
    "An advocate explains the options and answers questions before anything is decided.",
    "No one is turned away because they cannot pay.",
    "Services are voluntary, and participants choose which parts of the program to use.",
    "Staff do not share information with anyone without written permission, except where the law requires it.",
    "Clients may bring a support person to appointments.",
    "Appointments usually last about {mins} minutes.",
    "Most people are seen within {n} business days of their first call.",
    "Evening appointments are available on {weekday}s.",
    "Walk-in hours are offered on {weekday} mornings.",
    "A waiting list may apply during busy months; staff will explain the expected wait.",
    "Follow-up calls are made after {n} weeks to check how things are going.",
    "Each participant has one contact person who stays with them through the program.",
    "Services can continue for up to {n} months, depending on need.",
    "The program does not require a police report to receive help.",
    "Photo identification is helpful but not required.",
    "Proof of address may be requested for some services; staff can help if documents were lost or taken.",
    "Staff can help replace birth certificates, Social Security cards and other identity documents.",
    "Help is available to complete applications for benefits such as food assistance and health coverage.",
    "Emergency food boxes, hygiene kits and clothing are available on site.",
    "Bus passes may be provided to help clients reach appointments.",
    "Limited funds are available for emergency costs such as a utility deposit or a prescription.",
    "Diapers, formula and baby supplies are given out when in stock.",
    "A small clothing closet has seasonal items in most sizes.",
    "Hot meals are served on weekdays at midday.",
    "Laundry facilities and showers are open to participants.",
    "Phones and chargers are available for people who need to stay in contact with caseworkers.",
    "Lockers are available for storing documents and personal items.",
    "Shelter stays are usually up to {stay} days, with extensions reviewed case by case.",
    "Residents share common areas and have a private or semi-private bedroom.",
    "Families with children are housed together whenever possible.",
    "Pets may be accommodated with advance notice.",
    "Staff help residents search for permanent housing and apply for rental assistance.",
    "Rental assistance is paid directly to the landlord.",
    "Applicants must show a past-due notice or a lease to receive help with rent.",
    "Help with moving costs and security deposits may be available.",
    "Attorneys and trained advocates can explain rights in housing, employment and immigration matters.",
    "The program can help with protective orders and go with clients to court.",
    "Free consultations are available on family law, debt and record-clearing questions.",
    "Staff can screen for eligibility for special visas and other immigration relief.",
    "Help is available to recover unpaid wages and to file complaints with the right agency.",
    "The program can ask a court to review past convictions linked to exploitation.",
    "Legal representation is offered when staff capacity allows; advice and referrals are always available.",
    "Individual counseling and peer support groups are offered in person and online.",
    "Counselors are trained in approaches that help people recover from trauma.",
    "Support groups meet weekly and are open to new members at any time.",
    "Crisis counseling is available without an appointment.",
    "Wellness activities such as yoga, art and gardening are offered throughout the year.",
    "Referrals to psychiatric care and medication management are made when needed.",
    "Substance use services include assessment, outpatient counseling and help finding a treatment bed.",
    "Medical staff provide checkups, testing and basic treatment.",
    "Patients without insurance are charged on a sliding scale based on household income.",
    "The clinic can arrange dental, vision and prenatal care through partner providers.",
    "Forensic medical exams are available through a partner hospital.",
    "Job readiness workshops cover résumés, interviews and rights at work.",
    "Participants can take classes toward a high school equivalency diploma.",
    "English classes are offered at beginner and intermediate levels.",
    "Staff connect job seekers with employers who have agreed to hire program graduates.",
    "Computer lab hours are available for job searches and online applications.",
    "Financial coaching helps participants build a budget, open a bank account and repair credit.",
    "Services are available in English and {lang}; other languages are offered through a phone interpreter.",
    "The office is wheelchair accessible and close to a bus stop.",
    "Sign language interpretation can be arranged with a few days' notice.",
    "Printed materials are available in large print and in {lang}.",
    "Staff reflect the communities they serve, and several are bilingual.",
    "Outreach workers visit shelters, clinics and community events across {state}.",
    "Mobile services reach people in rural areas one or two days a week.",
    "The program works closely with local shelters, clinics, schools and faith groups.",
    "Volunteers help with transportation, tutoring and childcare during appointments.",
    "Childcare is provided on site during groups and classes.",
    "Services for men, women, transgender and nonbinary people are offered in separate and shared spaces.",
    "Young people up to age {age} can receive services with or without a parent.",
    "Older adults and people with disabilities can ask for home visits.",
    "Community presentations are offered to schools, employers and faith groups on request.",
    "The agency trains hospital, school and police staff to recognize the signs of trafficking.",
    "Staff help with safety planning, including how to leave quickly and where to go.",
    "Hotline staff can connect callers with shelter, legal and medical help anywhere in {state}.",
    "Calls are answered by trained advocates; callers do not have to give their names.",
    "Text and chat services are offered during staffed hours.",
    "After hours, an answering service forwards urgent calls to the staff member on duty.",
    "Hours may change on holidays; call ahead to confirm.",
    "Parking is free and the entrance is at the back of the building.",
    "Donations of new clothing and hygiene items are accepted at the front desk.",
    "The program is funded by state and federal grants and by private donations.",
    "This program is part of a network of agencies that share referrals to shorten waiting times.",
    "Clients receive a written plan that lists the next steps and who is responsible for each.",
    "Staff help participants prepare for meetings with landlords, employers and government offices.",
    "Services are offered regardless of immigration status, gender identity or criminal record.",
    "Participants who move away can be connected with a similar program in their new area.",
    "{org} serves {city} and nearby towns; people from outside the area are referred to partners.",
    "Because space is limited, staff give priority to people in immediate danger.",
    "A drop-in space is open {days}, with coffee, snacks and a quiet room.",
    "Case managers meet participants where they feel safe, including at libraries or clinics.",
    "Tutoring and homework help are offered for the school-age children of participants.",
    "Transportation to court, medical and immigration appointments can be arranged.",
    "Gift cards for groceries and gas are given out when funding allows.",
    "Peer mentors who have been through similar experiences are available to talk.",
    "A staffed line lets residents reach someone at any hour.",
    "Staff can help with school enrollment and childcare applications.",
    "Help is available to open a bank account without a permanent address.",
    "People leaving jail or prison can receive help with housing and identification.",
    "{program} welcomes referrals from outreach teams, hospitals and legal aid offices.",
    "Clients are asked for feedback at the end of services so the program can improve.",
];

/// An application process ("how to get help"): short, practical sentences.
const APPLY: &[&str] = &[
    "Call for an appointment.",
    "Walk in or call.",
    "Call to schedule an intake appointment.",
    "Walk in during office hours.",
    "Referral required.",
    "A referral from a caseworker is required.",
    "Call the intake line.",
    "Apply online or by phone.",
    "Call first; walk-ins are seen as space allows.",
    "Bring photo ID if you have one.",
    "Complete a short phone screening.",
    "Self-referrals are welcome.",
    "Email or call to ask for services.",
    "Call the hotline at any hour.",
    "Intake is by phone on weekdays.",
    "Text or call to get started.",
    "Sign in at the front desk.",
    "Appointments are required.",
    "Call ahead to confirm hours.",
    "Drop in; no appointment needed.",
    "Leave a message and staff will call back within one business day.",
    "An advocate can meet you at a hospital, police station or court if asked.",
    "Ask a counselor, nurse or caseworker to make a referral.",
    "Bring proof of income and address to the first visit.",
    "Fill out an application at the office or ask for one by mail.",
    "Call on {weekday} mornings to be put on the list.",
];

const ELIGIBILITY: &[&str] = &[
    "Adults 18 and older.",
    "Residents of {state}.",
    "Residents of {city} and nearby areas.",
    "Survivors of trafficking, domestic violence or sexual assault.",
    "Women and their children.",
    "Youth ages 12 to 24.",
    "Low-income households; income limits apply.",
    "No eligibility requirements.",
    "Must be referred by a partner agency.",
    "Families with children under 18.",
    "Anyone in need.",
    "Adults experiencing homelessness.",
    "People 60 and older.",
];

const FEES: &[&str] = &[
    "None",
    "Free",
    "No fee",
    "Sliding scale based on income",
    "Free for survivors; others pay a small fee",
    "Some services may be billed to insurance",
];

const LANGUAGE_WORDS: &[&str] = &[
    "Spanish",
    "Haitian Creole",
    "Vietnamese",
    "Portuguese",
    "French",
    "Chinese",
    "Arabic",
    "Russian",
    "Korean",
    "Tagalog",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DROP_IN_DAYS: &[&str] = &[
    "on weekday afternoons",
    "Monday through Friday",
    "three days a week",
    "on Tuesday and Thursday evenings",
    "every weekday morning",
];

/// `template` with its `{slots}` filled.
fn render(template: &str, slots: &Slots, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let key = &rest[open + 1..open + close];
        match key {
            "what" => out.push_str(slots.what),
            "program" => out.push_str(slots.program),
            "org" => out.push_str(slots.org),
            "city" => out.push_str(slots.city),
            "state" => out.push_str(slots.state),
            "lang" => out.push_str(rng.word(LANGUAGE_WORDS)),
            "weekday" => out.push_str(rng.word(&WEEKDAYS[..5])),
            "days" => out.push_str(rng.word(DROP_IN_DAYS)),
            "n" => out.push_str(&(2 + rng.below(9)).to_string()),
            "mins" => out.push_str(rng.word(&["30", "45", "60", "90"])),
            "stay" => out.push_str(rng.word(&["30", "45", "60", "90", "120"])),
            "age" => out.push_str(rng.word(&["21", "24", "25"])),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Sentences from `first` then `rest`, none used twice while others are
/// left, until the text is as near `target` characters as a sentence more
/// or less can bring it.
fn fill(
    rng: &mut Rng,
    target: usize,
    first: &[&'static str],
    rest: &[&'static str],
    slots: &Slots,
) -> String {
    let distance = |len: usize| len.abs_diff(target);
    let mut used = vec![false; rest.len()];
    let mut text = String::new();
    for _ in 0..3 {
        let candidate = render(rng.word(first), slots, rng);
        if text.is_empty() || distance(candidate.len()) < distance(text.len()) {
            text = candidate;
        }
    }
    loop {
        let mut best: Option<(usize, String)> = None;
        for _ in 0..3 {
            let mut i = rng.below(rest.len());
            for _ in 0..4 {
                if !used[i] {
                    break;
                }
                i = rng.below(rest.len());
            }
            let candidate = render(rest[i], slots, rng);
            if best.as_ref().is_none_or(|(_, b)| {
                distance(text.len() + 1 + candidate.len()) < distance(text.len() + 1 + b.len())
            }) {
                best = Some((i, candidate));
            }
        }
        match best {
            Some((i, sentence))
                if distance(text.len() + 1 + sentence.len()) < distance(text.len()) =>
            {
                used[i] = true;
                text.push(' ');
                text.push_str(&sentence);
            }
            _ => break,
        }
    }
    text
}

fn description(rng: &mut Rng, slots: &Slots) -> String {
    let target = DESCRIPTION.draw(rng);
    let mut text = fill(rng, target, OPENERS, SENTENCES, slots);
    if text.chars().count() > DESCRIPTION.max {
        let cut = text
            .char_indices()
            .nth(DESCRIPTION.max)
            .map(|(i, _)| i)
            .unwrap_or(text.len());
        text.truncate(text[..cut].rfind(". ").map(|i| i + 1).unwrap_or(cut));
    }
    text
}

fn application_process(rng: &mut Rng, slots: &Slots) -> String {
    let target = APPLICATION_PROCESS.draw(rng);
    fill(rng, target, APPLY, APPLY, slots)
}

// ---------------------------------------------------------------- places

const NAME_FIRST: &[&str] = &[
    "Harbor",
    "Beacon",
    "Cedar",
    "Lantern",
    "Open Door",
    "Bridge",
    "Compass",
    "Haven",
    "Sunrise",
    "River",
    "Mesa",
    "Prairie",
    "Summit",
    "Willow",
    "Anchor",
    "Northstar",
    "Clearwater",
    "Pathway",
    "Keystone",
    "Evergreen",
    "Horizon",
    "Juniper",
    "Magnolia",
    "Redwood",
    "Silverline",
    "Tidewater",
    "Unity",
    "Valley",
    "Wayfarer",
    "Birchwood",
];
const NAME_KIND: &[&str] = &[
    "Center",
    "Alliance",
    "Project",
    "Services",
    "Collective",
    "Network",
    "House",
    "Coalition",
    "Clinic",
    "Partners",
];
const CITIES: &[&str] = &[
    "Springfield",
    "Riverside",
    "Fairview",
    "Georgetown",
    "Madison",
    "Franklin",
    "Clinton",
    "Salem",
    "Greenville",
    "Bristol",
    "Oakland",
    "Jackson",
    "Lakewood",
    "Ashland",
    "Milton",
    "Newport",
    "Dayton",
    "Burlington",
    "Marion",
    "Auburn",
];
const STREETS: &[&str] = &[
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "2nd St",
    "Park Blvd",
    "Lincoln Way",
    "Elm St",
    "River Rd",
];

/// The ZIP codes of each state and territory, as ranges of five-digit
/// codes (USPS prefixes; not every code in a range is in use).
const ZIP_RANGES: &[(&str, &[(u32, u32)])] = &[
    ("AL", &[(35000, 36999)]),
    ("AK", &[(99500, 99999)]),
    ("AZ", &[(85000, 86599)]),
    ("AR", &[(71600, 72999)]),
    ("CA", &[(90000, 96199)]),
    ("CO", &[(80000, 81699)]),
    ("CT", &[(6000, 6999)]),
    ("DE", &[(19700, 19999)]),
    ("DC", &[(20000, 20099), (20200, 20599)]),
    ("FL", &[(32000, 33999), (34100, 34999)]),
    ("GA", &[(30000, 31999), (39800, 39999)]),
    ("HI", &[(96701, 96798), (96801, 96898)]),
    ("ID", &[(83200, 83899)]),
    ("IL", &[(60000, 62999)]),
    ("IN", &[(46000, 47999)]),
    ("IA", &[(50000, 52899)]),
    ("KS", &[(66000, 67999)]),
    ("KY", &[(40000, 42799)]),
    ("LA", &[(70000, 71499)]),
    ("ME", &[(3900, 4999)]),
    ("MD", &[(20600, 21999)]),
    ("MA", &[(1000, 2799)]),
    ("MI", &[(48000, 49999)]),
    ("MN", &[(55000, 56799)]),
    ("MS", &[(38600, 39799)]),
    ("MO", &[(63000, 65899)]),
    ("MT", &[(59000, 59999)]),
    ("NE", &[(68000, 69399)]),
    ("NV", &[(88900, 89899)]),
    ("NH", &[(3000, 3899)]),
    ("NJ", &[(7000, 8999)]),
    ("NM", &[(87000, 88499)]),
    ("NY", &[(10000, 14999)]),
    ("NC", &[(27000, 28999)]),
    ("ND", &[(58000, 58899)]),
    ("OH", &[(43000, 45999)]),
    ("OK", &[(73000, 74999)]),
    ("OR", &[(97000, 97999)]),
    ("PA", &[(15000, 19699)]),
    ("RI", &[(2800, 2999)]),
    ("SC", &[(29000, 29999)]),
    ("SD", &[(57000, 57799)]),
    ("TN", &[(37000, 38599)]),
    ("TX", &[(75000, 79999)]),
    ("UT", &[(84000, 84799)]),
    ("VT", &[(5000, 5999)]),
    ("VA", &[(22000, 24699)]),
    ("WA", &[(98000, 99499)]),
    ("WV", &[(24700, 26899)]),
    ("WI", &[(53000, 54999)]),
    ("WY", &[(82000, 83199)]),
    ("PR", &[(600, 799), (900, 999)]),
    ("VI", &[(800, 899)]),
    ("GU", &[(96910, 96932)]),
    ("AS", &[(96799, 96799)]),
    ("MP", &[(96950, 96952)]),
];

/// A ZIP code in the state (any code for a state the table lacks).
fn zip_in(rng: &mut Rng, state: &str) -> String {
    let Some((_, ranges)) = ZIP_RANGES.iter().find(|(s, _)| *s == state) else {
        return format!("{:05}", rng.below(100_000));
    };
    let total: u32 = ranges.iter().map(|(lo, hi)| hi - lo + 1).sum();
    let mut k = rng.below(total as usize) as u32;
    for (lo, hi) in *ranges {
        if k <= hi - lo {
            return format!("{:05}", lo + k);
        }
        k -= hi - lo + 1;
    }
    unreachable!("k is below the total")
}

/// The states to spread over: the one asked for, or all of them.
fn states<'a>(taxonomy: &'a Taxonomy, state: Option<&str>) -> Result<Vec<&'a State>, String> {
    match state {
        None if taxonomy.states.is_empty() => Err("the taxonomy lists no states".into()),
        None => Ok(taxonomy.states.iter().collect()),
        Some(code) => match taxonomy
            .states
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code.trim()))
        {
            Some(s) => Ok(vec![s]),
            None => Err(format!(
                "{code:?} is not a state code in taxonomy.toml (for example FL)"
            )),
        },
    }
}

fn phone(rng: &mut Rng) -> String {
    format!("{:03}-555-01{:02}", 200 + rng.below(700), rng.below(100))
}

/// "Harbor Center of Salem (fictional)" → "Harbor Center of Salem".
fn plain(name: &str) -> &str {
    name.trim_end_matches(" (fictional)")
}

// ---------------------------------------------------------------- provider files

/// What each Waypoint service code is, as a phrase for its description.
fn service_phrase(code: &str) -> String {
    let phrase = match code {
        "emergency-shelter" => "emergency shelter",
        "transitional-housing" => "transitional housing with support services",
        "flexible-funding" => "flexible funds for rent, deposits and other urgent costs",
        "relocation" => "help moving somewhere safe",
        "criminal-record-relief" => "help clearing criminal records",
        "immigration-legal" => "immigration legal services",
        "identity-credit-repair" => "help repairing identity and credit",
        "incarcerated-survivor-rights" => "support for survivors who are in jail or prison",
        "family-law" => "family law help with custody, divorce and protective orders",
        "victim-rights-advocacy" => "victim rights advocacy",
        "trauma-therapy" => "counseling and trauma therapy",
        "crisis-intervention" => "crisis counseling",
        "support-groups" => "peer support groups",
        "wellness-skills" => "wellness and life skills classes",
        "substance-use" => "substance use treatment",
        "hotline" => "a phone line staffed at all hours",
        "case-management" => "case management",
        "emergency-response" => "emergency response",
        "medical-care" => "medical care",
        "task-force" => "coordination among local agencies",
        "employment-education" => "job training and education",
        "interpretation" => "interpretation and translation",
        "transportation" => "transportation to appointments",
        "basic-needs" => "food, clothing and other basic needs",
        "labor-rights" => "help with wage theft and rights at work",
        other => return other.replace('-', " "),
    };
    phrase.to_string()
}

/// Fictional provider files (Waypoint's format), `options.services` in all.
pub fn generate_in(options: &Options, taxonomy: &Taxonomy) -> Result<Vec<ProviderFile>, String> {
    let states = states(taxonomy, options.state.as_deref())?;
    if taxonomy.service_types.is_empty() {
        return Err("the taxonomy lists no services".into());
    }
    let services = options.services;
    let seed = options.seed;
    let mut rng = Rng(seed);
    let mut files = Vec::new();
    let mut made = 0;
    while made < services {
        let org_no = files.len();
        let state = *rng.pick(&states);
        let city = *rng.pick(CITIES);
        let org_name = format!(
            "{} {} of {} (fictional)",
            rng.pick(NAME_FIRST),
            rng.pick(NAME_KIND),
            city
        );
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
            let mut populations: Vec<String> = (0..rng.below(4))
                .map(|_| rng.pick(&taxonomy.populations).clone())
                .collect();
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
            // Nationwide services are few in a real directory (hotlines and
            // remote programmes); 1 in 20 made 5,000 of them at 100,000, all
            // in the national site's first download. 1 in 400 makes 250.
            let area = match rng.below(400) {
                0 => "US".to_string(),
                1..=100 => state.code.clone(),
                _ => format!("{}:{} County", state.code, city),
            };
            let confidential = primary.code.contains("shelter") || rng.chance(5);
            let no = made + k;
            let name = format!("{} (fictional)", title_case(&primary.code));
            let what = service_phrase(&primary.code);
            let slots = Slots {
                what: &what,
                program: plain(&name),
                org: plain(&org_name),
                city,
                state: &state.name,
            };
            list.push(ServiceSource {
                id: format!("fictional-{no}"),
                description: Some(description(&mut rng, &slots)),
                how_to_get_help: Some(application_process(&mut rng, &slots)),
                name,
                services: codes,
                populations,
                languages,
                phones: vec![PhoneSource {
                    number: phone(&mut rng),
                    kind: "voice".into(),
                    note: None,
                    ..Default::default()
                }],
                locations: vec![LocationSource {
                    street: Some(format!("{} {}", 100 + rng.below(9000), rng.pick(STREETS))),
                    city: Some(city.to_string()),
                    state: Some(state.code.clone()),
                    postal_code: Some(zip_in(&mut rng, &state.code)),
                    confidential,
                    ..LocationSource::default()
                }],
                areas: vec![area],
                open_24_7,
                hours: if open_24_7 {
                    Vec::new()
                } else {
                    vec![HoursSource {
                        days: "mon-fri".into(),
                        opens: "09:00".into(),
                        closes: "17:00".into(),
                    }]
                },
                free: rng.chance(80),
                remote,
                ..ServiceSource::default()
            });
        }
        made += count;
        files.push(ProviderFile {
            organization: OrganizationSource {
                id: org_id,
                name: org_name,
                fictional: true,
                ..OrganizationSource::default()
            },
            source: Some(SourceSource {
                name: "Waypoint generator (fictional data)".into(),
                url: None,
                note: Some(format!("Generated with seed {seed}; not a real provider.")),
                last_verified: "2026-01-15".into(),
                check: Some(Check::PublicSources.code().into()),
                ..Default::default()
            }),
            services: list,
        });
    }
    Ok(files)
}

fn title_case(code: &str) -> String {
    let words: Vec<String> = code
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    words.join(" ")
}

// ---------------------------------------------------------------- AIRS terms

/// An AIRS-style taxonomy term a generated 211 service is classified under.
#[derive(Debug, Clone, PartialEq)]
pub struct AirsTerm {
    pub code: String,
    pub name: String,
    /// What the service does, for its description.
    phrase: String,
    /// What a program under it is called: "Food Pantry".
    program: String,
    /// What the deployment's mapping makes of it.
    pub kind: TermKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// The mapping gives it a Waypoint service code.
    Service,
    /// The mapping gives it populations only (a target-population code).
    Population,
    /// The mapping gives it nothing (listed with no codes, or not covered
    /// at all): a service with only such terms imports under "other help".
    Other,
    /// The mapping excludes it: a service with only such terms is left out.
    Excluded,
}

/// Specific codes below some branches of the default mapping's `[airs]`
/// table, as a 211 classifies a program, with what such a program does and
/// is called. AIRS-style, for fictional data: check real codes against a
/// licensed copy.
const AIRS_KNOWN: &[(&str, &str, &str, &str, &str)] = &[
    // (mapping key, code, name, what it does, program name)
    (
        "BD",
        "BD-1800.2000",
        "Food Pantries",
        "groceries and emergency food",
        "Food Pantry",
    ),
    (
        "BH-1800",
        "BH-1800.1500",
        "Domestic Violence Shelters",
        "safe shelter for people leaving abuse",
        "Safe Shelter",
    ),
    (
        "BH-1800.8500",
        "BH-1800.8500",
        "Homeless Shelter",
        "overnight shelter for people without a place to stay",
        "Night Shelter",
    ),
    (
        "BH-8600",
        "BH-8600",
        "Transitional Housing/Shelter",
        "transitional housing with support services",
        "Transitional Housing",
    ),
    (
        "BH-3800.7000",
        "BH-3800.7000",
        "Rent Payment Assistance",
        "help paying rent",
        "Rental Assistance Program",
    ),
    (
        "BV-8900",
        "BV-8900",
        "Utility Assistance",
        "help with electric, water and gas bills",
        "Utility Assistance Program",
    ),
    (
        "BM",
        "BM-6500.1500",
        "Clothing",
        "clothing and household items",
        "Clothing Closet",
    ),
    (
        "BT",
        "BT-8300",
        "Transportation Expense Assistance",
        "help with bus passes and rides to appointments",
        "Transportation Help",
    ),
    (
        "FT",
        "FT-3200",
        "Legal Counseling",
        "free legal advice",
        "Legal Aid Clinic",
    ),
    (
        "FT-",
        "FT-3200",
        "Legal Counseling",
        "free legal advice",
        "Legal Aid Clinic",
    ),
    (
        "LN",
        "LN-1500",
        "Community Clinics",
        "low-cost primary health care",
        "Community Health Clinic",
    ),
    (
        "RP-1400",
        "RP-1400",
        "Counseling Services",
        "counseling",
        "Counseling Program",
    ),
    (
        "RP-1500",
        "RP-1500",
        "Crisis Intervention",
        "crisis counseling",
        "Crisis Counseling",
    ),
    (
        "RX",
        "RX-8450",
        "Substance Use Disorder Treatment Programs",
        "substance use treatment",
        "Recovery Program",
    ),
    (
        "PH-1000",
        "PH-1000",
        "Case/Care Management",
        "case management",
        "Case Management",
    ),
    (
        "ND",
        "ND-6500",
        "Job Search/Placement",
        "job search help and placement",
        "Employment Services",
    ),
    (
        "H",
        "HH-0500",
        "Adult Basic Education",
        "adult education and GED preparation",
        "Adult Learning Program",
    ),
    (
        "HH",
        "HH-0500",
        "Adult Basic Education",
        "adult education and GED preparation",
        "Adult Learning Program",
    ),
];

/// AIRS-style codes that are not entries of the default mapping, as a 211
/// export has many. What the mapping makes of them (a broader entry may
/// cover them) decides where their services land.
const AIRS_OTHER: &[(&str, &str, &str, &str)] = &[
    (
        "NL-6000.2000",
        "Food Stamps/SNAP",
        "help applying for SNAP food benefits",
        "Benefits Enrollment",
    ),
    (
        "DM-3000",
        "Money Management",
        "budgeting and money management classes",
        "Financial Coaching",
    ),
    (
        "LV-1600",
        "Dental Care",
        "low-cost dental care",
        "Dental Clinic",
    ),
    (
        "DT-8900",
        "Tax Preparation Assistance",
        "free tax preparation",
        "Free Tax Help",
    ),
    (
        "BH-3000.3550",
        "Landlord/Tenant Dispute Resolution",
        "help resolving problems with a landlord",
        "Tenant Help Desk",
    ),
    (
        "PH-6100",
        "Parenting Skills Classes",
        "parenting classes",
        "Parenting Program",
    ),
    (
        "TJ-4500",
        "Library Services",
        "computer and internet access",
        "Library Outreach",
    ),
    (
        "LH-2700.3000",
        "Home Health Care",
        "home health visits",
        "Home Health Program",
    ),
    (
        "NS-8200",
        "Social Security Benefits Assistance",
        "help applying for Social Security benefits",
        "Benefits Counseling",
    ),
    (
        "PX-9000",
        "Volunteer Opportunities",
        "ways to volunteer",
        "Volunteer Program",
    ),
];

/// The names the mapping file's comments give its `[airs]` keys:
/// `"BD" = ["basic-needs"]   # Food` → ("BD", "Food").
fn comment_names(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut in_airs = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_airs = line == "[airs]";
            continue;
        }
        let Some(rest) = line.strip_prefix('"').filter(|_| in_airs) else {
            continue;
        };
        let (Some(end), Some(hash)) = (rest.find('"'), rest.find('#')) else {
            continue;
        };
        let name = rest[hash + 1..].split(':').next().unwrap_or("").trim();
        if !name.is_empty() {
            out.push((rest[..end].trim().to_ascii_uppercase(), name.to_string()));
        }
    }
    out
}

/// The terms to classify services under: the `[airs]` entries of the
/// mapping file (its text, read at run time), each made a code a 211 would
/// use, and AIRS-style codes that are not entries; each with what `mapping`
/// (the same file, loaded) makes of it.
pub fn airs_terms(mapping_text: &str, mapping: &Mapping) -> Result<Vec<AirsTerm>, String> {
    let table: toml::Table = toml::from_str(mapping_text).map_err(|e| e.message().to_string())?;
    let airs = table
        .get("airs")
        .and_then(|v| v.as_table())
        .ok_or("the mapping has no [airs] table")?;
    let names = comment_names(mapping_text);
    let meaning = |code: &str| {
        mapping.meaning(&RawTerm {
            code: code.into(),
            taxonomy: "AIRS".into(),
            ..RawTerm::default()
        })
    };
    let kind = |m: &Meaning| match m {
        Meaning::Codes(t) if !t.services.is_empty() => TermKind::Service,
        Meaning::Codes(t) if !t.populations.is_empty() => TermKind::Population,
        Meaning::Codes(_) | Meaning::Ignored | Meaning::Unmapped => TermKind::Other,
        Meaning::Excluded => TermKind::Excluded,
    };
    let mut terms: Vec<AirsTerm> = Vec::new();
    let push = |terms: &mut Vec<AirsTerm>, term: AirsTerm| {
        if !terms.iter().any(|t| t.code == term.code) {
            terms.push(term);
        }
    };
    for key in airs.keys() {
        let key = key.trim().to_ascii_uppercase();
        let bare = key.trim_end_matches(['-', '.']);
        // A 211 classifies a program below the top level.
        if bare.len() < 2 {
            continue;
        }
        let own = meaning(bare);
        let name = names
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| format!("AIRS {bare}"));
        let known = AIRS_KNOWN
            .iter()
            .find(|k| k.0 == key)
            .filter(|k| meaning(k.1) == own);
        let term = match known {
            Some(&(_, code, name, phrase, program)) => AirsTerm {
                code: code.into(),
                name: name.into(),
                phrase: phrase.into(),
                program: program.into(),
                kind: kind(&own),
            },
            None => {
                // A branch ("DD") becomes a code below it that the same
                // entry covers ("DD-1500"); a code stays itself.
                let code = if bare.contains('-') {
                    Some(bare.to_string())
                } else {
                    ["1500", "3000", "5000", "8000"]
                        .iter()
                        .map(|n| format!("{bare}-{n}"))
                        .find(|c| meaning(c) == own)
                };
                let Some(code) = code else { continue };
                AirsTerm {
                    code,
                    phrase: name.to_lowercase(),
                    program: name.clone(),
                    name,
                    kind: kind(&own),
                }
            }
        };
        push(&mut terms, term);
    }
    for &(code, name, phrase, program) in AIRS_OTHER {
        if !airs.keys().any(|k| k.trim().eq_ignore_ascii_case(code)) {
            push(
                &mut terms,
                AirsTerm {
                    code: code.into(),
                    name: name.into(),
                    phrase: phrase.into(),
                    program: program.into(),
                    kind: kind(&meaning(code)),
                },
            );
        }
    }
    if !terms.iter().any(|t| t.kind == TermKind::Service) {
        return Err("no [airs] entry of the mapping gives a Waypoint service code".into());
    }
    Ok(terms)
}

// ---------------------------------------------------------------- HSDS export

/// A generated HSDS 1.x CSV datapackage: its files, and what is in them.
#[derive(Debug, Default)]
pub struct HsdsExport {
    /// (file name, contents): `datapackage.json` and one CSV per table.
    pub files: Vec<(String, Vec<u8>)>,
    pub organizations: usize,
    pub services: usize,
    /// Services with status "inactive", which an import leaves out.
    pub inactive: usize,
    /// Active services under no AIRS code the mapping covers: an import
    /// keeps them under "other help".
    pub other_help: usize,
    pub locations: usize,
    /// Services with a service area.
    pub with_areas: usize,
    /// Services with no `assured_date`.
    pub undated: usize,
    /// The oldest and newest `assured_date`.
    pub assured: Option<(Date, Date)>,
    pub descriptions: Lengths,
    pub application_process: Lengths,
}

/// One CSV table being written.
struct Table {
    name: &'static str,
    columns: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(name: &'static str, columns: &'static [&'static str]) -> Table {
        Table {
            name,
            columns,
            rows: Vec::new(),
        }
    }

    /// A row given as (column, value) pairs; the rest are blank.
    fn add(&mut self, values: &[(&str, &str)]) {
        let row = self
            .columns
            .iter()
            .map(|c| {
                values
                    .iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| v.to_string())
                    .unwrap_or_default()
            })
            .collect();
        debug_assert!(
            values.iter().all(|(k, _)| self.columns.contains(k)),
            "{}: {values:?}",
            self.name
        );
        self.rows.push(row);
    }

    fn csv(&self) -> Vec<u8> {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.write_record(self.columns).expect("writes to memory");
        for row in &self.rows {
            w.write_record(row).expect("writes to memory");
        }
        w.into_inner().expect("writes to memory")
    }
}

/// The tables of the export, in the order `datapackage.json` lists them.
struct Tables {
    organizations: Table,
    services: Table,
    locations: Table,
    physical_addresses: Table,
    services_at_location: Table,
    phones: Table,
    languages: Table,
    regular_schedules: Table,
    eligibility: Table,
    services_taxonomy: Table,
    taxonomy: Table,
    service_areas: Table,
    attributes: Table,
    taxonomy_terms: Table,
}

impl Tables {
    fn new() -> Tables {
        let t = |name: &'static str| {
            let columns = HSDS_TABLES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, c)| *c)
                .expect("a table of HSDS_TABLES");
            Table::new(name, columns)
        };
        Tables {
            organizations: t("organizations"),
            services: t("services"),
            locations: t("locations"),
            physical_addresses: t("physical_addresses"),
            services_at_location: t("services_at_location"),
            phones: t("phones"),
            languages: t("languages"),
            regular_schedules: t("regular_schedules"),
            eligibility: t("eligibility"),
            services_taxonomy: t("services_taxonomy"),
            taxonomy: t("taxonomy"),
            service_areas: t("service_areas"),
            attributes: t("attributes"),
            taxonomy_terms: t("taxonomy_terms"),
        }
    }

    fn all(&self) -> [&Table; 14] {
        [
            &self.organizations,
            &self.services,
            &self.locations,
            &self.physical_addresses,
            &self.services_at_location,
            &self.phones,
            &self.languages,
            &self.regular_schedules,
            &self.eligibility,
            &self.services_taxonomy,
            &self.taxonomy,
            &self.service_areas,
            &self.attributes,
            &self.taxonomy_terms,
        ]
    }
}

/// Days since 1970-01-01, and back (`clock` owns the calendar arithmetic).
fn days(d: Date) -> i64 {
    crate::clock::days_from_civil(d)
}

fn date(days: i64) -> Date {
    crate::clock::civil_from_days(days)
}

/// How long ago a 211 last verified a record: most within the year, some
/// up to three years back, as annual re-verification falls behind.
fn verified_days_ago(rng: &mut Rng) -> i64 {
    (match rng.below(100) {
        0..=54 => rng.below(365),
        55..=84 => 365 + rng.below(365),
        _ => 730 + rng.below(366),
    }) as i64
}

const HSDS_TABLES: &[(&str, &[&str])] = &[
    (
        "organizations",
        &[
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "url",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
        ],
    ),
    (
        "services",
        &[
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "wait_time",
            "fees",
            "accreditations",
            "licenses",
            "assured_date",
            "last_modified",
        ],
    ),
    (
        "locations",
        &[
            "id",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
        ],
    ),
    (
        "physical_addresses",
        &[
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "address_3",
            "address_4",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
        ],
    ),
    (
        "services_at_location",
        &["id", "service_id", "location_id", "description"],
    ),
    (
        "phones",
        &[
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "language",
            "description",
        ],
    ),
    (
        "languages",
        &["id", "service_id", "location_id", "language"],
    ),
    (
        "regular_schedules",
        &[
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "weekday",
            "opens_at",
            "closes_at",
            "description",
        ],
    ),
    ("eligibility", &["id", "service_id", "eligibility"]),
    (
        "services_taxonomy",
        &["id", "service_id", "taxonomy_id", "taxonomy_detail"],
    ),
    (
        "taxonomy",
        &["id", "name", "parent_id", "parent_name", "vocabulary"],
    ),
    (
        "service_areas",
        &["id", "service_id", "service_area", "description"],
    ),
    // Not what a 211 writes: Waypoint's own flag, the way its export writes
    // it, so an import keeps the organisations marked fictional and `build`
    // refuses them without --allow-fictional.
    (
        "attributes",
        &[
            "id",
            "link_id",
            "link_type",
            "link_entity",
            "taxonomy_term_id",
            "value",
        ],
    ),
    (
        "taxonomy_terms",
        &["id", "code", "name", "description", "taxonomy"],
    ),
];

/// Opening hours as a 211 writes them: a row per weekday.
const HOURS: &[(&str, &str)] = &[
    ("09:00", "17:00"),
    ("08:30", "16:30"),
    ("08:00", "17:00"),
    ("09:00", "18:00"),
    ("10:00", "14:00"),
    ("8:00 AM", "4:30 PM"),
];
const HOURS_TEXT: &[&str] = &[
    "Monday through Friday, 8:30 AM to 5:00 PM; closed on holidays.",
    "Call for hours.",
    "Hours vary by site; call the main line.",
    "Tuesday and Thursday 1:00 PM to 7:00 PM.",
    "Weekdays 9 to 5. Walk-ins until 3:30 PM.",
];

/// A fictional HSDS 1.x CSV datapackage of `options.services` services, laid
/// out as 211 exports are (organizations, services, locations, addresses,
/// phones, languages, weekly schedules, eligibility, AIRS taxonomy links,
/// service areas), classified under `terms` ([`airs_terms`]); dated as of
/// `created`.
pub fn generate_hsds(
    options: &Options,
    taxonomy: &Taxonomy,
    terms: &[AirsTerm],
    created: Date,
) -> Result<HsdsExport, String> {
    let states = states(taxonomy, options.state.as_deref())?;
    let of =
        |kind: TermKind| -> Vec<&AirsTerm> { terms.iter().filter(|t| t.kind == kind).collect() };
    let (service_terms, population_terms, other_terms) = (
        of(TermKind::Service),
        of(TermKind::Population),
        of(TermKind::Other),
    );
    if service_terms.is_empty() {
        return Err("no AIRS term gives a Waypoint service code".into());
    }
    let mut t = Tables::new();
    t.taxonomy_terms.add(&[
        ("id", "waypoint-flag-fictional"),
        ("code", "fictional"),
        ("name", "Fictional (generated test data)"),
        ("taxonomy", "waypoint-flags"),
    ]);

    let mut rng = Rng(options.seed);
    let mut out = HsdsExport::default();
    let mut used_terms: BTreeSet<(String, String)> = BTreeSet::new();
    let mut descriptions: Vec<String> = Vec::new();
    let mut applications: Vec<String> = Vec::new();
    let (mut n_loc, mut n_phone, mut n_sal, mut n_row) = (0usize, 0usize, 0usize, 0usize);
    let mut next_row = |prefix: &str| {
        n_row += 1;
        format!("fictional-{prefix}-{n_row}")
    };
    let mut made = 0;
    while made < options.services {
        let org_no = out.organizations;
        out.organizations += 1;
        let state = *rng.pick(&states);
        let city = *rng.pick(CITIES);
        let first = *rng.pick(NAME_FIRST);
        let org_name = format!("{first} {} of {city} (fictional)", rng.pick(NAME_KIND));
        let org_id = format!("fictional-org-{org_no}");
        let domain = format!(
            "{}-{org_no}.example.org",
            first.to_ascii_lowercase().replace(' ', "-")
        );
        let org_slots = Slots {
            what: "services",
            program: plain(&org_name),
            org: plain(&org_name),
            city,
            state: &state.name,
        };
        let org_description = if rng.chance(70) {
            let target = 100 + rng.below(200);
            fill(&mut rng, target, ORG_OPENERS, SENTENCES, &org_slots)
        } else {
            String::new()
        };
        let url = if rng.chance(75) {
            format!("https://www.{domain}")
        } else {
            String::new()
        };
        let email = if rng.chance(60) {
            format!("info@{domain}")
        } else {
            String::new()
        };
        let alternate = if rng.chance(15) {
            format!("{first} {}", rng.pick(NAME_KIND))
        } else {
            String::new()
        };
        t.organizations.add(&[
            ("id", &org_id),
            ("name", &org_name),
            ("alternate_name", &alternate),
            ("description", &org_description),
            ("email", &email),
            ("url", &url),
            ("tax_status", "501(c)(3)"),
            ("legal_status", "Nonprofit"),
        ]);
        t.attributes.add(&[
            ("id", &format!("fictional-flag-{org_no}")),
            ("link_id", &org_id),
            ("link_type", "organization"),
            ("link_entity", "organization"),
            ("taxonomy_term_id", "waypoint-flag-fictional"),
        ]);
        let org_phone = rng.chance(70);
        if org_phone {
            n_phone += 1;
            t.phones.add(&[
                ("id", &format!("fictional-phone-{n_phone}")),
                ("organization_id", &org_id),
                ("number", &phone(&mut rng)),
                ("type", "voice"),
                ("description", "Main"),
            ]);
        }

        // Sites: the office in the organisation's city, sometimes more.
        let sites: Vec<(String, &str)> = (0..match rng.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        })
            .map(|i| {
                let site_city = if i == 0 { city } else { *rng.pick(CITIES) };
                n_loc += 1;
                let id = format!("fictional-loc-{n_loc}");
                let name = if i == 0 {
                    format!("{} - Main Office", plain(&org_name))
                } else {
                    format!("{} - {site_city} Office", plain(&org_name))
                };
                add_location(
                    &mut t, &id, &org_id, &name, site_city, state, true, &mut rng,
                );
                if rng.chance(25) {
                    n_phone += 1;
                    t.phones.add(&[
                        ("id", &format!("fictional-phone-{n_phone}")),
                        ("location_id", &id),
                        ("number", &phone(&mut rng)),
                        ("type", "voice"),
                        ("description", "Front desk"),
                    ]);
                }
                (id, site_city)
            })
            .collect();

        let count = (1 + rng.below(5)).min(options.services - made);
        for _ in 0..count {
            let no = made;
            made += 1;
            let id = format!("fictional-{no}");
            // Classification: mostly a code that gives a Waypoint service,
            // some only codes that give none (other help), often a second
            // code, sometimes a target population.
            let other = !other_terms.is_empty() && rng.chance(8);
            let primary = if other {
                *rng.pick(&other_terms)
            } else {
                *rng.pick(&service_terms)
            };
            let mut codes = vec![primary];
            if rng.chance(30) {
                let pool = if other || (rng.chance(30) && !other_terms.is_empty()) {
                    &other_terms
                } else {
                    &service_terms
                };
                codes.push(*rng.pick(pool));
            }
            if !population_terms.is_empty() && rng.chance(20) {
                codes.push(*rng.pick(&population_terms));
            }
            codes.dedup_by(|a, b| a.code == b.code);
            let active = !rng.chance(1);
            let interpretation = if rng.chance(8) {
                "Interpreters available by phone."
            } else {
                ""
            };
            if !active {
                out.inactive += 1;
            } else if interpretation.is_empty() && codes.iter().all(|c| c.kind != TermKind::Service)
            {
                out.other_help += 1;
            }
            let name = format!("{first} {} (fictional)", primary.program);
            let slots = Slots {
                what: &primary.phrase,
                program: plain(&name),
                org: plain(&org_name),
                city,
                state: &state.name,
            };
            let description = description(&mut rng, &slots);
            let application = if rng.chance(92) {
                application_process(&mut rng, &slots)
            } else {
                String::new()
            };
            let (assured, last_modified) = if rng.chance(90) {
                let ago = verified_days_ago(&mut rng);
                let assured = date(days(created) - ago);
                out.assured = Some(match out.assured {
                    None => (assured, assured),
                    Some((a, b)) => (a.min(assured), b.max(assured)),
                });
                (
                    assured.to_string(),
                    date(days(created) - rng.below(ago as usize + 1) as i64).to_string(),
                )
            } else {
                out.undated += 1;
                let modified = if rng.chance(50) {
                    date(days(created) - rng.below(1095) as i64).to_string()
                } else {
                    String::new()
                };
                (String::new(), modified)
            };
            let fees = if rng.chance(50) { *rng.pick(FEES) } else { "" };
            let service_url = if !url.is_empty() && rng.chance(30) {
                format!("{url}/programs/{no}")
            } else {
                String::new()
            };
            t.services.add(&[
                ("id", &id),
                ("organization_id", &org_id),
                ("name", &name),
                ("description", &description),
                ("url", &service_url),
                ("email", if rng.chance(20) { email.as_str() } else { "" }),
                ("status", if active { "active" } else { "inactive" }),
                ("interpretation_services", interpretation),
                ("application_process", &application),
                ("wait_time", if rng.chance(20) { "Varies" } else { "" }),
                ("fees", fees),
                ("assured_date", &assured),
                ("last_modified", &last_modified),
            ]);
            descriptions.push(description);
            if !application.is_empty() {
                applications.push(application);
            }
            for (k, term) in codes.iter().enumerate() {
                t.services_taxonomy.add(&[
                    ("id", &format!("fictional-st-{no}-{k}")),
                    ("service_id", &id),
                    ("taxonomy_id", &term.code),
                    ("taxonomy_detail", &term.name),
                ]);
                used_terms.insert((term.code.clone(), term.name.clone()));
            }

            // Where: a confidential site of its own for a shelter for
            // people leaving abuse; otherwise one or two of the sites;
            // sometimes none (phone and online only).
            let confidential_shelter = primary.code == "BH-1800.1500";
            let mut at: Vec<&str> = Vec::new();
            let located = confidential_shelter || !rng.chance(5);
            if confidential_shelter {
                n_loc += 1;
                let loc_id = format!("fictional-loc-{n_loc}");
                add_location(
                    &mut t,
                    &loc_id,
                    &org_id,
                    "Confidential Location",
                    city,
                    state,
                    false,
                    &mut rng,
                );
                n_sal += 1;
                t.services_at_location.add(&[
                    ("id", &format!("fictional-sal-{n_sal}")),
                    ("service_id", &id),
                    ("location_id", &loc_id),
                ]);
            } else if located {
                let (loc, site_city) = rng.pick(&sites);
                at.push(site_city);
                n_sal += 1;
                t.services_at_location.add(&[
                    ("id", &format!("fictional-sal-{n_sal}")),
                    ("service_id", &id),
                    ("location_id", loc),
                ]);
                if sites.len() > 1 && rng.chance(15) {
                    let (other, other_city) = rng.pick(&sites);
                    if other != loc {
                        at.push(other_city);
                        n_sal += 1;
                        t.services_at_location.add(&[
                            ("id", &format!("fictional-sal-{n_sal}")),
                            ("service_id", &id),
                            ("location_id", other),
                        ]);
                    }
                }
            }

            // Phones: its own (one or two), else the organisation's.
            let own_phones = if !org_phone || rng.chance(95) {
                1 + usize::from(rng.chance(15))
            } else {
                0
            };
            for k in 0..own_phones {
                n_phone += 1;
                let (kind, description) = match (k, rng.below(10)) {
                    (0, _) => ("voice", "Intake"),
                    (_, 0..=5) => ("fax", "Fax"),
                    (_, 6..=7) => ("tty", "TTY"),
                    _ => ("text", "Text line"),
                };
                let extension = if kind == "voice" && rng.chance(10) {
                    (100 + rng.below(900)).to_string()
                } else {
                    String::new()
                };
                let number = match rng.below(3) {
                    0 => phone(&mut rng),
                    1 => {
                        let n = phone(&mut rng);
                        format!("({}) {}", &n[..3], &n[4..])
                    }
                    _ => phone(&mut rng).replace('-', "."),
                };
                t.phones.add(&[
                    ("id", &format!("fictional-phone-{n_phone}")),
                    ("service_id", &id),
                    ("number", &number),
                    ("extension", &extension),
                    ("type", kind),
                    ("description", description),
                ]);
            }

            // Languages, one a row as most 211s write them.
            let mut spoken = vec!["English"];
            if rng.chance(55) {
                spoken.push("Spanish");
            }
            if rng.chance(12) {
                spoken.push(if rng.chance(50) {
                    "Creole"
                } else {
                    "Haitian Creole"
                });
            }
            if rng.chance(6) {
                spoken.push(*rng.pick(&[
                    "Vietnamese",
                    "Portuguese",
                    "French",
                    "Chinese",
                    "Arabic",
                    "Russian",
                ]));
            }
            for l in spoken {
                t.languages.add(&[
                    ("id", &next_row("lang")),
                    ("service_id", &id),
                    ("language", l),
                ]);
            }

            // Hours.
            match rng.below(100) {
                0..=9 => {
                    for day in WEEKDAYS {
                        t.regular_schedules.add(&[
                            ("id", &next_row("hours")),
                            ("service_id", &id),
                            ("weekday", day),
                            ("opens_at", "00:00"),
                            ("closes_at", "23:59"),
                        ]);
                    }
                }
                10..=21 => {
                    t.regular_schedules.add(&[
                        ("id", &next_row("hours")),
                        ("service_id", &id),
                        ("description", *rng.pick(HOURS_TEXT)),
                    ]);
                }
                _ => {
                    let (opens, closes) = *rng.pick(HOURS);
                    let last = if rng.chance(15) { 4 } else { 5 };
                    for day in &WEEKDAYS[..last] {
                        t.regular_schedules.add(&[
                            ("id", &next_row("hours")),
                            ("service_id", &id),
                            ("weekday", day),
                            ("opens_at", opens),
                            ("closes_at", closes),
                        ]);
                    }
                    if rng.chance(20) {
                        t.regular_schedules.add(&[
                            ("id", &next_row("hours")),
                            ("service_id", &id),
                            ("weekday", "Saturday"),
                            ("opens_at", "09:00"),
                            ("closes_at", "12:00"),
                        ]);
                    }
                }
            }

            if rng.chance(60) {
                t.eligibility.add(&[
                    ("id", &next_row("elig")),
                    ("service_id", &id),
                    (
                        "eligibility",
                        &render(rng.word(ELIGIBILITY), &slots, &mut rng),
                    ),
                ]);
            }

            // Service areas: the state, or the cities it serves (a 211
            // writes counties; the generator has no county data).
            // One with no location (by phone and online) serves the state.
            let area_names: Vec<String> = match rng.below(100) {
                _ if !located => vec![state.name.clone()],
                0..=11 => vec![state.name.clone()],
                12..=39 => {
                    let mut list: Vec<&str> = at.clone();
                    list.push(city);
                    for _ in 0..rng.below(3) {
                        list.push(*rng.pick(CITIES));
                    }
                    list.sort_unstable();
                    list.dedup();
                    list.iter()
                        .map(|c| format!("{c}, {}", state.code))
                        .collect()
                }
                _ => Vec::new(),
            };
            if !area_names.is_empty() {
                out.with_areas += 1;
            }
            for a in &area_names {
                t.service_areas.add(&[
                    ("id", &next_row("area")),
                    ("service_id", &id),
                    ("service_area", a),
                ]);
            }
        }
    }
    for (code, name) in &used_terms {
        t.taxonomy
            .add(&[("id", code), ("name", name), ("vocabulary", "AIRS")]);
    }
    out.services = made;
    out.locations = n_loc;
    out.descriptions = Lengths::of(descriptions.iter().map(String::as_str));
    out.application_process = Lengths::of(applications.iter().map(String::as_str));

    let state_label = match &options.state {
        Some(_) => states[0].name.clone(),
        None => "all states".to_string(),
    };
    let resources: Vec<serde_json::Value> = t
        .all()
        .iter()
        .map(|table| {
            serde_json::json!({
                "name": table.name,
                "path": format!("{}.csv", table.name),
                "profile": "tabular-data-resource",
                "schema": { "fields": table.columns.iter().map(|c| serde_json::json!({ "name": c, "type": "string" })).collect::<Vec<_>>() },
            })
        })
        .collect();
    let package = serde_json::json!({
        "name": format!("fictional-211-export-{}", options.state.as_deref().unwrap_or("us").to_ascii_lowercase()),
        "title": format!("Fictional 211 export ({state_label}), generated by waypoint generate --seed {}", options.seed),
        "description": "Generated test data, not a real directory: every name says (fictional) and every phone number is in the 555-01xx range reserved for fiction.",
        "profile": "tabular-data-package",
        "version": "1.1",
        "created": format!("{created}T00:00:00Z"),
        "resources": resources,
    });
    out.files.push((
        "datapackage.json".into(),
        serde_json::to_vec_pretty(&package).expect("JSON serialises"),
    ));
    for table in t.all() {
        out.files.push((format!("{}.csv", table.name), table.csv()));
    }
    Ok(out)
}

/// A location and its physical address. A confidential one (`listed`
/// false) gives no street: a 211 keeps a shelter's address to itself.
#[allow(clippy::too_many_arguments)]
fn add_location(
    t: &mut Tables,
    id: &str,
    org_id: &str,
    name: &str,
    city: &str,
    state: &State,
    listed: bool,
    rng: &mut Rng,
) {
    let transportation = if listed && rng.chance(30) {
        "On a bus line."
    } else {
        ""
    };
    t.locations.add(&[
        ("id", id),
        ("organization_id", org_id),
        ("name", name),
        ("transportation", transportation),
    ]);
    let street = if listed {
        format!("{} {}", 100 + rng.below(9000), rng.pick(STREETS))
    } else {
        String::new()
    };
    let suite = if listed && rng.chance(20) {
        format!("Suite {}", 100 + rng.below(400))
    } else {
        String::new()
    };
    // Most write the code; some the state's name.
    let state_field = if rng.chance(90) {
        state.code.as_str()
    } else {
        state.name.as_str()
    };
    t.physical_addresses.add(&[
        ("id", &format!("{id}-address")),
        ("location_id", id),
        ("address_1", &street),
        ("address_2", &suite),
        ("city", city),
        ("state_province", state_field),
        ("postal_code", &zip_in(rng, &state.code)),
        ("country", "US"),
    ]);
}
