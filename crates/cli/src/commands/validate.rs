//! `waypoint validate`: the directory's own data, or an HSDS import.

use std::path::Path;

use super::{print_problems, print_unmapped};
use crate::problem::Problems;
use crate::{check, compile, hsds, load, Args};

/// `waypoint validate [--data DIR] [--providers DIR]`
pub(crate) fn validate(data: &Path, args: &Args) -> i32 {
    let (bundle, problems) = check(data, args.providers.as_deref(), args.allow_fictional);
    print_problems(&problems);
    if let Some(b) = &bundle {
        println!(
            "{} organisations, {} services, {} languages",
            b.directory.organizations.len(),
            b.directory.services.len(),
            b.locales.len()
        );
    }
    i32::from(problems.has_errors() || bundle.is_none())
}

/// `waypoint validate <hsds path>`: the import's problems, then the
/// imported records checked against the model beside the directory's own
/// providers (so ids that clash, and the site's hotlines, are checked too).
pub(crate) fn validate_hsds(data: &Path, args: &Args) -> i32 {
    let input = args.path.clone().unwrap_or_default();
    let mut problems = Problems::default();
    let Some(options) = hsds::options(
        data,
        args.mapping.as_deref(),
        args.source_name.clone(),
        &mut problems,
    ) else {
        print_problems(&problems);
        return 1;
    };
    let imported = hsds::import_path(&input, &options);
    problems.list.extend(imported.problems.list.iter().cloned());
    let mut sources = load::load(data, args.providers.as_deref(), &mut problems);
    let label = |org: &str| format!("{} (imported {org})", input.display());
    sources.providers.extend(
        imported
            .providers
            .iter()
            .map(|p| (label(&p.organization.id), p.clone())),
    );
    let compile_options = compile::Options {
        today: options.today,
        allow_fictional: args.allow_fictional,
    };
    let bundle = compile::compile(&sources, compile_options, &mut problems);
    print_problems(&problems);
    print_unmapped(&imported.unmapped, &options.mapping.file);
    println!(
        "{}: {} services of {} organisations ({})",
        input.display(),
        imported.services(),
        imported.providers.len(),
        imported.format
    );
    println!("{}", imported.summary());
    i32::from(problems.has_errors() || bundle.is_none())
}
