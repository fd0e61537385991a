//! `waypoint report`: the directory's health, printed.

use std::path::Path;

use crate::report::health;
use crate::{load_and_check, today};

/// `waypoint report [--data DIR] [--providers DIR]`
pub(crate) fn report(data: &Path, providers: Option<&Path>) -> i32 {
    let (sources, _, problems) = load_and_check(data, providers, true);
    let today = today();
    let errors = problems.errors();
    let dir = providers.map(Path::to_path_buf).unwrap_or_else(|| data.join("providers"));
    print!("{}", health(&sources, &dir, today, errors).render(today));
    0
}
