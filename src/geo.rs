//! STUB (replaced by branch geo)
use crate::model::Service;
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point { pub lat: f32, pub lon: f32 }
pub fn miles_between(a: Point, b: Point) -> f32 { ((a.lat-b.lat).powi(2)+(a.lon-b.lon).powi(2)).sqrt()*69.0 }
#[derive(Debug, Clone, PartialEq)]
pub enum PlaceInput { Zip(String), City { city: String, state: String }, State(String) }
pub fn parse_place(input: &str, _t: &crate::taxonomy::Taxonomy) -> Option<PlaceInput> { let s=input.trim(); (s.len()==5 && s.bytes().all(|b| b.is_ascii_digit())).then(|| PlaceInput::Zip(s.into())) }
pub fn split_zip(query: &str) -> (String, Option<String>) {
  let mut zip=None; let rest: Vec<&str> = query.split_whitespace().filter(|w| if w.len()==5 && w.bytes().all(|b| b.is_ascii_digit()) { zip=Some(w.to_string()); false } else { true }).collect(); (rest.join(" "), zip) }
pub fn zip_file(zip: &str) -> String { format!("geo/zip/{}.txt", &zip[..3]) }
pub fn city_file(state: &str) -> String { format!("geo/city/{state}.txt") }
pub const PREFIX_FILE: &str = "geo/prefixes.txt";
#[derive(Debug, Clone, PartialEq)]
pub struct Place { pub label: String, pub point: Point, pub state: String, pub city: Option<String>, pub county: Option<String>, pub zip: Option<String> }
pub fn find_zip(_f: &str, _zip: &str) -> Option<Place> { None }
pub fn find_city(_f: &str, _s: &str, _c: &str) -> Option<Place> { None }
pub fn nearest_prefix(_f: &str, _p: Point) -> Option<String> { None }
pub fn nearest_zip(_f: &str, _p: Point) -> Option<Place> { None }
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reach { Distance(f32), Area(AreaKind) }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind { Local, Statewide, Nationwide }
pub fn reach(_s: &Service, _p: &Place, _r: Option<f32>) -> Option<Reach> { None }
