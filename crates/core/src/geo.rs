//! "Near me, without giving away where": a ZIP code, "City, ST" or a state
//! typed by the person searching is resolved on the device, from static
//! files the site ships (written by `scripts/geo-data.mjs` into
//! `site-data/geo/`, fetched lazily, a few KB per lookup), and services are
//! then ranked by distance or by the area they serve. Nothing here talks to
//! the network or stores anything: the UI fetches the file named by
//! [`zip_file`], [`city_file`] or [`PREFIX_FILE`] and hands its text in.
//!
//! File formats (UTF-8, one record a line, fields separated by `,`,
//! coordinates in degrees with 4 decimals; data: GeoNames, CC-BY 4.0):
//!
//! - `geo/zip/<first 3 digits>.txt`: `zip5,lat,lon,city,ST,county`, e.g.
//!   `92101,32.7185,-117.1593,San Diego,CA,San Diego` (county may be empty).
//! - `geo/prefixes.txt`: `prefix,lat,lon,miles`, the mean of the prefix's
//!   ZIPs and the distance from it to the farthest of them, rounded up.
//! - `geo/city/<ST>/<letter>.txt`: `city,lat,lon,county`, one line per
//!   (city, county) pair, the centroid the mean of the city's ZIPs; sorted
//!   by city, then by number of ZIPs (most first). `<letter>` is the first
//!   letter a-z of the folded city name, `_` if it has none (see [`city_file`]).
//!
//! Plain Rust, no browser types, tested natively.

use crate::model::{Service, ServiceArea};
use crate::taxonomy::Taxonomy;
use crate::text;

/// Mean radius of the Earth in miles.
pub const EARTH_RADIUS_MILES: f32 = 3958.8;

/// Relative URL (under `site-data/`) of the ZIP-prefix centroids.
pub const PREFIX_FILE: &str = "geo/prefixes.txt";

/// A point on Earth, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f32,
    pub lon: f32,
}

/// Distance in miles, by the equirectangular approximation on a sphere:
/// within 0.1% of the great circle over the few hundred miles that a
/// radius or "nearest first" compares, about 1% off across the country.
/// Written without `sin`/`asin` and in `f32` so the wasm carries no
/// trigonometry library (haversine in `f64` cost about 7 KB compressed).
pub fn miles_between(a: Point, b: Point) -> f32 {
    const RADIANS: f32 = std::f32::consts::PI / 180.0;
    let mut dlon = b.lon - a.lon;
    // The short way round across the antimeridian (the Aleutians).
    if dlon > 180.0 {
        dlon -= 360.0;
    } else if dlon < -180.0 {
        dlon += 360.0;
    }
    let x = dlon * RADIANS * cos_small((a.lat + b.lat) / 2.0 * RADIANS);
    let y = (b.lat - a.lat) * RADIANS;
    EARTH_RADIUS_MILES * (x * x + y * y).sqrt()
}

/// Cosine for |x| <= pi/2 (any latitude), by its Taylor series to x^10:
/// the error is under 5e-7.
fn cos_small(x: f32) -> f32 {
    let x2 = x * x;
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))))
}

/// "-117.1593" as degrees, without the float parser (about 3 KB
/// compressed in the wasm): the geo files' coordinates have at most six
/// decimals.
fn parse_degrees(s: &str) -> Option<f32> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || whole.len() > 3
        || fraction.len() > 6
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (mut scaled, mut scale) = (0u32, 1u32);
    for b in whole.bytes() {
        scaled = scaled * 10 + u32::from(b - b'0');
    }
    for b in fraction.bytes() {
        scaled = scaled * 10 + u32::from(b - b'0');
        scale *= 10;
    }
    let degrees = scaled as f32 / scale as f32;
    Some(if negative { -degrees } else { degrees })
}

/// What the person typed in the place box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceInput {
    /// Five digits (a ZIP+4 is cut to its ZIP).
    Zip(String),
    /// The city as typed (trimmed), and a USPS state code.
    City { city: String, state: String },
    /// A USPS state code.
    State(String),
}

/// Reads the place box: `92101`, `92101-1234`, `San Diego, CA`,
/// `san diego ca`, `Kansas City, Missouri`, `California`, `CA`, `Calif.`.
/// A ZIP anywhere in the text wins (`San Diego, CA 92101`). States are the
/// taxonomy's; a city needs its state. `None` for anything else.
pub fn parse_place(input: &str, taxonomy: &Taxonomy) -> Option<PlaceInput> {
    let (rest, zip) = split_zip(input);
    if let Some(zip) = zip {
        return Some(PlaceInput::Zip(zip));
    }
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.'));
    if rest.is_empty() || rest.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some((city, state)) = rest.rsplit_once(',') {
        let state = state_code(state, taxonomy)?;
        let city = collapse(city);
        return Some(if city.is_empty() {
            PlaceInput::State(state)
        } else {
            PlaceInput::City { city, state }
        });
    }
    if let Some(state) = state_code(rest, taxonomy) {
        return Some(PlaceInput::State(state));
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    for k in (1..=3.min(words.len().saturating_sub(1))).rev() {
        let tail = &words[words.len() - k..];
        // Without a comma, "shelter near me" is not in Maine: a code that is
        // also an English word counts only in capitals ("Bangor ME").
        if k == 1 && ENGLISH_CODES.contains(&tail[0]) {
            continue;
        }
        if let Some(state) = state_code(&tail.join(" "), taxonomy) {
            return Some(PlaceInput::City {
                city: words[..words.len() - k].join(" "),
                state,
            });
        }
    }
    None
}

/// The USPS code of a state written as its code, name or a common
/// abbreviation ("ca", "California", "Calif.", "N.Y.", "W. Va."), if the
/// taxonomy lists it.
pub fn state_code(input: &str, taxonomy: &Taxonomy) -> Option<String> {
    let key: String = text::words(input).collect();
    if key.is_empty() {
        return None;
    }
    let found = taxonomy
        .states
        .iter()
        .find(|s| {
            s.code.eq_ignore_ascii_case(&key) || text::words(&s.name).collect::<String>() == key
        })
        .map(|s| s.code.clone())
        .or_else(|| {
            ABBREVIATIONS
                .iter()
                .find(|(_, a)| a.split(' ').any(|a| a == key))
                .map(|(code, _)| code.to_string())
        })?;
    taxonomy.state(&found).map(|s| s.code.clone())
}

/// State codes that are also English words, as typed in lower or title case.
const ENGLISH_CODES: &[&str] = &[
    "me", "Me", "in", "In", "or", "Or", "oh", "Oh", "hi", "Hi", "ok", "Ok", "ma", "Ma", "pa", "Pa",
    "la", "La", "de", "De",
];

/// Common (AP and older postal) abbreviations of state names, folded,
/// without dots or spaces.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("AL", "ala"),
    ("AZ", "ariz"),
    ("AR", "ark"),
    ("CA", "cal calif"),
    ("CO", "colo col"),
    ("CT", "conn"),
    ("DE", "del"),
    ("FL", "fla flor"),
    ("IL", "ill ills"),
    ("IN", "ind"),
    ("KS", "kan kans"),
    ("MA", "mass"),
    ("MI", "mich"),
    ("MN", "minn"),
    ("MS", "miss"),
    ("MT", "mont"),
    ("NE", "neb nebr"),
    ("NV", "nev"),
    ("NM", "nmex newmex"),
    ("ND", "ndak"),
    ("SD", "sdak"),
    ("OK", "okla"),
    ("OR", "ore oreg"),
    ("PA", "penn penna"),
    ("TN", "tenn"),
    ("TX", "tex"),
    ("WA", "wash"),
    ("WV", "wva wvirg"),
    ("WI", "wis wisc"),
    ("WY", "wyo"),
];

/// A ZIP code typed inside the search query (`shelter 92101`): returns the
/// query without it (spaces collapsed) and the five-digit ZIP. Only a word
/// of exactly five digits, or a ZIP+4, counts; phone numbers and years do not.
pub fn split_zip(query: &str) -> (String, Option<String>) {
    let mut zip = None;
    let mut rest = Vec::new();
    for word in query.split_whitespace() {
        let bare = word
            .trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"' | '\''));
        if zip.is_none() {
            if let Some(z) = as_zip(bare) {
                zip = Some(z);
                continue;
            }
        }
        rest.push(word);
    }
    (rest.join(" "), zip)
}

fn as_zip(word: &str) -> Option<String> {
    let (five, plus4) = match word.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (word, None),
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    (digits(five, 5) && plus4.is_none_or(|p| digits(p, 4))).then(|| five.to_string())
}

/// Relative URL (under `site-data/`) of the file holding a ZIP, e.g.
/// `geo/zip/921.txt`. Expects five digits (see [`parse_place`]).
pub fn zip_file(zip: &str) -> String {
    let prefix: String = zip.chars().filter(char::is_ascii_digit).take(3).collect();
    format!("geo/zip/{prefix}.txt")
}

/// Relative URL (under `site-data/`) of the file that may hold a city of a
/// state: `geo/city/MO/s.txt` for "St. Louis" or "Saint Louis". The letter
/// is the first a-z of the folded name (`_` when the name starts with a
/// digit or has no Latin letter); `scripts/geo-data.mjs` uses the same rule.
pub fn city_file(state: &str, city: &str) -> String {
    let letter = city
        .chars()
        .filter_map(text::fold_char)
        .find(char::is_ascii_alphanumeric);
    let letter = letter.filter(char::is_ascii_lowercase).unwrap_or('_');
    format!("geo/city/{}/{letter}.txt", state.to_ascii_uppercase())
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// "92101 San Diego, CA" or "San Diego, CA".
    pub label: String,
    pub point: Point,
    /// USPS code.
    pub state: String,
    pub city: Option<String>,
    /// Without "County"/"Parish": "San Diego".
    pub county: Option<String>,
    pub zip: Option<String>,
}

struct ZipRow<'a> {
    zip: &'a str,
    point: Point,
    city: &'a str,
    state: &'a str,
    county: &'a str,
}

fn zip_rows(file_text: &str) -> impl Iterator<Item = ZipRow<'_>> {
    file_text.lines().filter_map(|line| {
        let mut f = line.trim_end_matches('\r').split(',');
        let zip = f.next()?;
        let point = Point {
            lat: parse_degrees(f.next()?)?,
            lon: parse_degrees(f.next()?)?,
        };
        let (city, state) = (f.next()?, f.next()?);
        Some(ZipRow {
            zip,
            point,
            city,
            state,
            county: f.next().unwrap_or(""),
        })
    })
}

impl ZipRow<'_> {
    fn place(&self) -> Place {
        let label = if self.city.is_empty() {
            format!("{} {}", self.zip, self.state)
        } else {
            format!("{} {}, {}", self.zip, self.city, self.state)
        };
        Place {
            label,
            point: self.point,
            state: self.state.to_string(),
            city: non_empty(self.city),
            county: non_empty(self.county),
            zip: Some(self.zip.to_string()),
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The ZIP's place, from the text of its [`zip_file`].
pub fn find_zip(file_text: &str, zip: &str) -> Option<Place> {
    let zip = as_zip(zip.trim())?;
    zip_rows(file_text)
        .find(|r| r.zip == zip)
        .map(|r| r.place())
}

/// The ZIP nearest a point, from the text of one [`zip_file`] or of several
/// joined with `\n`.
pub fn nearest_zip(file_text: &str, p: Point) -> Option<Place> {
    zip_rows(file_text)
        .min_by(|a, b| miles_between(a.point, p).total_cmp(&miles_between(b.point, p)))
        .map(|r| r.place())
}

/// The city in a state, from the text of its [`city_file`]. Ignores case,
/// accents, punctuation and spacing, and reads St/Ste/Ft/Mt as
/// Saint/Sainte/Fort/Mount ("st. louis" finds "Saint Louis"). Where a name is
/// in several counties, the part with the most ZIP codes.
pub fn find_city(file_text: &str, state: &str, city: &str) -> Option<Place> {
    let want = place_key(city);
    if want.is_empty() {
        return None;
    }
    file_text.lines().find_map(|line| {
        let mut f = line.trim_end_matches('\r').split(',');
        let name = f.next()?;
        if place_key(name) != want {
            return None;
        }
        let point = Point {
            lat: parse_degrees(f.next()?)?,
            lon: parse_degrees(f.next()?)?,
        };
        let state = state.to_ascii_uppercase();
        Some(Place {
            label: format!("{name}, {state}"),
            point,
            state,
            city: Some(name.to_string()),
            county: f.next().and_then(non_empty),
            zip: None,
        })
    })
}

/// The ZIP prefix (3 digits) whose centroid is nearest a point, from
/// [`PREFIX_FILE`]. Its [`zip_file`] often, not always, holds the nearest
/// ZIP (in Manhattan the nearest centroid is 102's, a prefix of PO-box
/// ZIPs): for the nearest ZIP use [`NearestZipSearch`].
pub fn nearest_prefix(prefixes_text: &str, p: Point) -> Option<String> {
    nearest_prefixes(prefixes_text, p, 1).pop()
}

/// The `n` ZIP prefixes whose centroids are nearest a point, nearest first.
pub fn nearest_prefixes(prefixes_text: &str, p: Point, n: usize) -> Vec<String> {
    let mut all: Vec<(f32, String)> = prefix_rows(prefixes_text)
        .map(|r| (miles_between(r.point, p), r.prefix))
        .collect();
    crate::sort::sort_by_key(&mut all, |a| crate::sort::distance_key(a.0));
    all.into_iter().take(n).map(|(_, prefix)| prefix).collect()
}

struct PrefixRow {
    prefix: String,
    point: Point,
    /// From the centroid to the prefix's farthest ZIP; infinite if unknown.
    spread: f32,
}

fn prefix_rows(prefixes_text: &str) -> impl Iterator<Item = PrefixRow> + '_ {
    prefixes_text.lines().filter_map(|line| {
        let mut f = line.trim_end_matches('\r').split(',');
        let prefix = f.next()?.to_string();
        let point = Point {
            lat: parse_degrees(f.next()?)?,
            lon: parse_degrees(f.next()?)?,
        };
        let spread = f
            .next()
            .and_then(|m| m.parse::<u32>().ok())
            .map_or(f32::INFINITY, |m| m as f32);
        Some(PrefixRow {
            prefix,
            point,
            spread,
        })
    })
}

/// Finds the ZIP nearest a point (after a geolocation tap) fetching as few
/// [`zip_file`]s as it can: it orders the prefixes by how near their ZIPs
/// can be (distance to the centroid less the prefix's spread) and stops
/// once no unread file can hold a nearer ZIP than the best so far. The
/// answer is exact; typically 3 files (about 2 KB gzip), rarely 10.
///
/// ```
/// # use waypoint_core::geo::{NearestZipSearch, Point};
/// let prefixes = "921,32.78,-117.10,20\n900,34.05,-118.26,30\n";
/// let mut search = NearestZipSearch::new(prefixes, Point { lat: 32.711, lon: -117.16 });
/// while let Some(file) = search.next_file() {
///     assert_eq!(file, "geo/zip/921.txt"); // the UI fetches site-data/<file>
///     search.add("92101,32.7185,-117.1593,San Diego,CA,San Diego\n");
/// }
/// assert_eq!(search.best().unwrap().zip.as_deref(), Some("92101"));
/// ```
#[derive(Debug, Clone)]
pub struct NearestZipSearch {
    point: Point,
    /// (prefix, the least distance a ZIP of it can be), least first.
    order: Vec<(String, f32)>,
    next: usize,
    best: Option<(f32, Place)>,
}

impl NearestZipSearch {
    /// From the text of [`PREFIX_FILE`].
    pub fn new(prefixes_text: &str, point: Point) -> NearestZipSearch {
        let mut order: Vec<(String, f32)> = prefix_rows(prefixes_text)
            .map(|r| {
                (
                    r.prefix,
                    (miles_between(r.point, point) - r.spread).max(0.0),
                )
            })
            .collect();
        crate::sort::sort_by_key(&mut order, |a| crate::sort::distance_key(a.1));
        NearestZipSearch {
            point,
            order,
            next: 0,
            best: None,
        }
    }

    /// The next file to fetch and [`add`](Self::add), or `None` when the
    /// best so far is the nearest (or there is nothing left to read).
    pub fn next_file(&mut self) -> Option<String> {
        let (prefix, least) = self.order.get(self.next)?;
        if self.best.as_ref().is_some_and(|(miles, _)| *least > *miles) {
            return None;
        }
        self.next += 1;
        Some(zip_file(prefix))
    }

    /// The text of the file [`next_file`](Self::next_file) named (a failed
    /// fetch can be skipped: the answer is then the best of what was read).
    pub fn add(&mut self, file_text: &str) {
        if let Some(place) = nearest_zip(file_text, self.point) {
            let miles = miles_between(place.point, self.point);
            if self.best.as_ref().is_none_or(|(best, _)| miles < *best) {
                self.best = Some((miles, place));
            }
        }
    }

    /// The nearest ZIP read so far.
    pub fn best(&self) -> Option<&Place> {
        self.best.as_ref().map(|(_, place)| place)
    }

    /// How many files it has asked for.
    pub fn files_read(&self) -> usize {
        self.next
    }
}

/// How a service reaches a place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reach {
    /// Miles to its nearest located location (for a confidential location,
    /// whose coordinates are rounded to 0.1°, an approximate figure).
    Distance(f32),
    /// It serves an area that covers the place.
    Area(AreaKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind {
    /// The county or city it serves (or, without coordinates, is in).
    Local,
    Statewide,
    Nationwide,
}

/// How a service reaches a place, or `None` when it is neither within
/// `radius` miles nor serving the place's area.
///
/// A located service (one with a location that has coordinates) within the
/// radius gives [`Reach::Distance`]; one whose service area covers the place
/// gives [`Reach::Area`], the narrowest that applies (a service with both:
/// Distance if within the radius, else Area). With `radius` `None` every
/// located service gives Distance. A location without coordinates in the
/// place's city counts as a local area. Remote-only services with no service
/// area reach no place.
pub fn reach(service: &Service, place: &Place, radius: Option<f32>) -> Option<Reach> {
    let nearest = service
        .locations
        .iter()
        .filter_map(|l| {
            Some(Point {
                lat: l.latitude?,
                lon: l.longitude?,
            })
        })
        .map(|p| miles_between(p, place.point))
        .min_by(f32::total_cmp);
    if let Some(miles) = nearest {
        if radius.is_none_or(|r| miles <= r) {
            return Some(Reach::Distance(miles));
        }
    }
    area_reach(service, place).map(Reach::Area)
}

/// The narrowest of a service's areas that covers the place.
pub fn area_reach(service: &Service, place: &Place) -> Option<AreaKind> {
    let county = place.county.as_deref().map(area_key);
    let city = place.city.as_deref().map(area_key);
    let local_name = |name: &str| {
        let key = area_key(name);
        !key.is_empty()
            && (county.as_deref() == Some(key.as_str()) || city.as_deref() == Some(key.as_str()))
    };
    let mut best: Option<AreaKind> = None;
    let mut consider = |kind: AreaKind| {
        let rank = |k: AreaKind| match k {
            AreaKind::Local => 0,
            AreaKind::Statewide => 1,
            AreaKind::Nationwide => 2,
        };
        if best.is_none_or(|b| rank(kind) < rank(b)) {
            best = Some(kind);
        }
    };
    for area in &service.service_areas {
        match area {
            ServiceArea::Nationwide => consider(AreaKind::Nationwide),
            ServiceArea::State(s) if s == &place.state => consider(AreaKind::Statewide),
            ServiceArea::Local { state, name } if state == &place.state && local_name(name) => {
                consider(AreaKind::Local)
            }
            _ => {}
        }
    }
    let unlocated_here = service.locations.iter().any(|l| {
        (l.latitude.is_none() || l.longitude.is_none())
            && l.state() == Some(place.state.as_str())
            && l.city()
                .is_some_and(|c| city.as_deref() == Some(area_key(c).as_str()))
    });
    if unlocated_here {
        consider(AreaKind::Local);
    }
    best
}

/// A place name folded for comparison: lowercase ASCII words run together,
/// St/Ste/Ft/Mt spelled out.
fn place_key(name: &str) -> String {
    text::words(name)
        .map(|w| match w.as_str() {
            "st" => "saint".to_string(),
            "ste" => "sainte".to_string(),
            "ft" => "fort".to_string(),
            "mt" => "mount".to_string(),
            _ => w,
        })
        .collect()
}

/// A service-area, county or city name folded for comparison: as
/// [`place_key`], less anything in parentheses, a leading "City of"/"Town
/// of" and a trailing County/Parish/Borough/Census Area/Municipality, so
/// "San Diego County" and GeoNames' county "San Diego" agree.
fn area_key(name: &str) -> String {
    let mut bare = String::with_capacity(name.len());
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let mut key = place_key(&bare);
    for prefix in ["cityof", "townof", "countyof"] {
        if key.len() > prefix.len() && key.starts_with(prefix) {
            key = key[prefix.len()..].to_string();
        }
    }
    for suffix in [
        "cityandborough",
        "censusarea",
        "municipality",
        "county",
        "parish",
        "borough",
    ] {
        if key.len() > suffix.len() && key.ends_with(suffix) {
            key.truncate(key.len() - suffix.len());
            break;
        }
    }
    key
}

/// Rounds a coordinate to 0.1° (about 7 miles of latitude), the precision
/// published for a confidential location.
pub fn coarse(degrees: f32) -> f32 {
    (degrees * 10.0).round() / 10.0
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_parse_without_the_float_parser() {
        assert_eq!(parse_degrees("-117.1593"), Some(-117.1593));
        assert_eq!(parse_degrees("32.7"), Some(32.7));
        assert_eq!(parse_degrees("45"), Some(45.0));
        for bad in ["", "-", "1e5", "12.3.4", "1234.5", "4.1234567", " 45"] {
            assert!(parse_degrees(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn the_approximation_stays_close_to_the_great_circle() {
        // Haversine figures for the same pairs.
        let p = |lat, lon| Point { lat, lon };
        for (a, b, great_circle) in [
            (p(32.7157, -117.1611), p(34.0522, -118.2437), 111.5),
            (p(40.7128, -74.0060), p(42.3601, -71.0589), 190.2),
            (p(32.7157, -117.1611), p(40.7128, -74.0060), 2430.0),
        ] {
            let miles = miles_between(a, b);
            assert!(
                (miles - great_circle).abs() / great_circle < 0.015,
                "{miles} vs {great_circle}"
            );
        }
    }
    use crate::taxonomy::State;

    fn taxonomy() -> Taxonomy {
        let states = [
            ("CA", "California"),
            ("NY", "New York"),
            ("MO", "Missouri"),
            ("WV", "West Virginia"),
            ("DC", "District of Columbia"),
            ("OR", "Oregon"),
            ("ME", "Maine"),
        ];
        Taxonomy {
            states: states
                .iter()
                .map(|(c, n)| State {
                    code: c.to_string(),
                    name: n.to_string(),
                })
                .collect(),
            ..Taxonomy::default()
        }
    }

    fn city(city: &str, state: &str) -> Option<PlaceInput> {
        Some(PlaceInput::City {
            city: city.to_string(),
            state: state.to_string(),
        })
    }

    #[test]
    fn parses_places() {
        let t = taxonomy();
        let zip = |z: &str| Some(PlaceInput::Zip(z.to_string()));
        let state = |s: &str| Some(PlaceInput::State(s.to_string()));
        let cases: &[(&str, Option<PlaceInput>)] = &[
            ("92101", zip("92101")),
            (" 92101-1234 ", zip("92101")),
            ("San Diego, CA 92101", zip("92101")),
            ("San Diego, CA", city("San Diego", "CA")),
            ("san diego ca", city("san diego", "CA")),
            ("San  Diego ,  california", city("San Diego", "CA")),
            ("St. Louis, Mo.", city("St. Louis", "MO")),
            ("new york new york", city("new york", "NY")),
            ("Charleston W. Va.", city("Charleston", "WV")),
            ("Washington DC", city("Washington", "DC")),
            ("Portland OR", city("Portland", "OR")),
            ("Portland or", None),
            ("Portland, or", city("Portland", "OR")),
            ("help for me", None),
            ("Bangor Maine", city("Bangor", "ME")),
            ("California", state("CA")),
            ("ca", state("CA")),
            ("Calif.", state("CA")),
            ("N.Y.", state("NY")),
            ("new york", state("NY")),
            ("district of columbia", state("DC")),
            (", CA", state("CA")),
            ("", None),
            ("   ", None),
            ("9210", None),
            ("921011", None),
            ("shelter", None),
            ("San Diego", None),
            ("San Diego, XX", None),
            ("Austin, TX", None), // not in this taxonomy
            ("Springfield 12", None),
        ];
        for (input, want) in cases {
            assert_eq!(&parse_place(input, &t), want, "{input:?}");
        }
    }

    #[test]
    fn splits_a_zip_out_of_a_query() {
        assert_eq!(
            split_zip("shelter 92101"),
            ("shelter".to_string(), Some("92101".to_string()))
        );
        assert_eq!(
            split_zip("92101-1234, legal  aid"),
            ("legal aid".to_string(), Some("92101".to_string()))
        );
        assert_eq!(
            split_zip("call 1-888-373-7888"),
            ("call 1-888-373-7888".to_string(), None)
        );
        assert_eq!(
            split_zip("visa 2024 help"),
            ("visa 2024 help".to_string(), None)
        );
        assert_eq!(
            split_zip("10001 or 92101"),
            ("or 92101".to_string(), Some("10001".to_string()))
        );
        assert_eq!(split_zip("123456"), ("123456".to_string(), None));
    }

    #[test]
    fn names_the_files() {
        assert_eq!(zip_file("92101"), "geo/zip/921.txt");
        assert_eq!(zip_file("00501"), "geo/zip/005.txt");
        assert_eq!(city_file("MO", "St. Louis"), "geo/city/MO/s.txt");
        assert_eq!(city_file("nm", "Ñambé"), "geo/city/NM/n.txt");
        assert_eq!(city_file("CA", "29 Palms"), "geo/city/CA/_.txt");
    }

    #[test]
    fn keys_fold_names() {
        assert_eq!(place_key("St. Louis"), place_key("Saint Louis"));
        assert_eq!(place_key("Cañon City"), place_key("canon city"));
        assert_eq!(area_key("San Diego County"), area_key("San Diego"));
        assert_eq!(area_key("St. Louis (city)"), area_key("Saint Louis"));
        assert_eq!(area_key("City of Houston"), area_key("Houston"));
        assert_eq!(area_key("County"), "county");
    }

    #[test]
    fn rounds_coarsely() {
        assert_eq!(coarse(32.7185), 32.7);
        assert_eq!(coarse(-117.1593), -117.2);
    }
}
