//! STUB (replaced by branch hours)
use crate::model::Hours; use crate::locale::Strings;
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment { pub weekday: u8, pub minutes: u16, pub days_ahead: u8 }
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OpenStatus { AlwaysOpen, Open { closes: Option<Moment> }, Closed { opens: Option<Moment> }, NotListed }
pub fn status(h: &Hours, _ms: i64) -> OpenStatus { if h.always_open { OpenStatus::AlwaysOpen } else { OpenStatus::NotListed } }
pub fn is_open_now(h: &Hours, ms: i64) -> bool { matches!(status(h, ms), OpenStatus::AlwaysOpen | OpenStatus::Open{..}) }
pub fn describe(_s: &OpenStatus, _st: &Strings) -> String { String::new() }
pub fn weekly_summary(_h: &Hours, _s: &Strings) -> Vec<String> { Vec::new() }
