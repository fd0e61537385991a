//! The command front-ends: each reads its arguments, calls the library
//! (`compile`, `hsds`, `report`, `generate`, `load`) and prints what it
//! found.

mod build;
mod dump;
mod export;
mod generate;
mod gzip;
mod import;
mod report;
mod validate;

pub(crate) use build::build;
pub(crate) use dump::dump;
pub(crate) use export::export;
pub(crate) use generate::generate;
pub(crate) use gzip::gzip;
pub(crate) use import::import;
pub(crate) use report::report;
pub(crate) use validate::{validate, validate_hsds};

use std::collections::BTreeMap;

use crate::problem::Problems;

/// Every problem, one a line, then the counts.
pub(super) fn print_problems(problems: &Problems) {
    for p in &problems.list {
        println!("{p}");
    }
    println!(
        "{} errors, {} warnings",
        problems.errors(),
        problems.warnings()
    );
}

pub(super) fn print_unmapped(unmapped: &BTreeMap<String, usize>, mapping_file: &str) {
    if unmapped.is_empty() {
        return;
    }
    let mut list: Vec<(&String, &usize)> = unmapped.iter().collect();
    list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "unmapped taxonomy terms ({}; add them to {mapping_file}):",
        list.len()
    );
    for (term, count) in list {
        println!("  {count:>5}  {term}");
    }
}
