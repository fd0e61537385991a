//! The coverage page: one HTML document rendered from `Coverage`, the
//! same structs the JSON is, with no script. Every number links to the
//! list of services behind it, further down the same page.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Cell, Coverage, Row, Table};

/// The page's styles; inlined in a standalone page, a file beside the site's.
pub const STYLESHEET: &str = include_str!("coverage.css");

/// How the page gets its styles.
#[derive(Debug, Clone, Copy)]
pub enum Stylesheet<'a> {
    /// In a `<style>` element: one file to send or print, with nothing beside it.
    Inline,
    /// A file beside the page (the site's CSP allows only its own files).
    Link(&'a str),
}

pub fn render_html(c: &Coverage, style: Stylesheet) -> String {
    let mut r = Renderer {
        c,
        lists: Vec::new(),
        index: HashMap::new(),
    };
    let body = r.body();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>Coverage and gaps</title>\n"
    );
    match style {
        Stylesheet::Inline => {
            let _ = writeln!(out, "<style>\n{STYLESHEET}</style>");
        }
        Stylesheet::Link(href) => {
            let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"{}\">", esc(href));
        }
    }
    let _ = write!(
        out,
        "</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    );
    out
}

struct Renderer<'a> {
    c: &'a Coverage,
    /// (anchor, heading, service ids) of every list a number links to.
    lists: Vec<(String, String, Vec<String>)>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Renderer<'a> {
    fn body(&mut self) -> String {
        let c = self.c;
        for (i, s) in c.services.iter().enumerate() {
            self.index.insert(s.id.as_str(), i);
        }
        let mut o = String::new();
        let dates = match (&c.data.newest_check, &c.data.oldest_check) {
            (Some(new), Some(old)) if new == old => {
                format!("Every dated record was last checked on {new}.")
            }
            (Some(new), Some(old)) => format!("Records were last checked between {old} and {new}."),
            _ => "No record carries a date.".into(),
        };
        let undated = if c.data.undated > 0 {
            format!(" {} records are undated.", c.data.undated)
        } else {
            String::new()
        };
        let scope = match c.scope.kind.as_str() {
            "regional" => format!(
                "A regional directory: its home region is {} ({}), so the region tables count by county or place.",
                esc(&c.scope.region.join(", ")),
                if c.scope.region_from == "inferred" { "inferred: the state holding half its local services" } else { "set in site.toml" }
            ),
            _ => "A national directory: the region tables count by state.".into(),
        };
        let _ = write!(
            o,
            "<header>\n<h1>Coverage and gaps</h1>\n<p class=\"lede\">What this directory lists, and where it lists nothing: {} services from {} organisations, as the site publishes them on {}. {}{}</p>\n<p>{}</p>\n<p>This page is for partners and coalitions. It stores nothing and sends nothing; it needs no script. It is in English only.</p>\n</header>\n",
            c.totals.services, c.totals.organizations, c.generated, dates, undated, scope
        );
        o.push_str("<section class=\"limits\" aria-labelledby=\"limits\">\n<h2 id=\"limits\">What these figures cannot show</h2>\n<ul>\n");
        for l in &c.limits {
            let _ = writeln!(o, "<li>{}</li>", esc(l));
        }
        o.push_str("</ul>\n</section>\n");
        o.push_str(
            "<nav class=\"toc\" aria-label=\"On this page\">\n<ol>\n<li><a href=\"#heat\">Domains and populations</a></li>\n<li><a href=\"#codes\">Types of help and populations</a></li>\n<li><a href=\"#regions\">By region</a></li>\n<li><a href=\"#languages\">Languages</a></li>\n<li><a href=\"#reach\">Reachability</a></li>\n<li><a href=\"#fresh\">Freshness</a></li>\n<li><a href=\"#import\">Import</a></li>\n<li><a href=\"#lists\">The services behind each number</a></li>\n</ol>\n</nav>\n",
        );

        // The heat map.
        let max = c
            .domains
            .rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .map(|x| x.count)
            .max()
            .unwrap_or(0);
        o.push_str("<h2 id=\"heat\">Domains and populations</h2>\n<p>Each cell counts the services in a domain whose records name a population. The darker the cell, the more services; a hatched cell marked <strong>gap</strong> has none. A service counts once per domain, however many of its types of help fall in it.</p>\n");
        o.push_str("<ul class=\"legend\" aria-label=\"Key\">\n<li><span class=\"swatch gap\" aria-hidden=\"true\"></span> 0: gap</li>\n");
        for (level, text) in legend(max) {
            let _ = writeln!(
                o,
                "<li><span class=\"swatch h{level}\" aria-hidden=\"true\"></span> {text}</li>"
            );
        }
        o.push_str("</ul>\n");
        let heat = self.table(&c.domains, "heat", Some(max), "Domain");
        o.push_str(&heat);

        let _ = write!(o, "<h2 id=\"codes\">Types of help and populations</h2>\n<p>The same count for each type of help, grouped by domain. The total column counts every service of that type, including those whose records name no population.</p>\n");
        let codes = self.table(&c.codes, "matrix", None, "Type of help");
        o.push_str(&codes);

        // Regions.
        o.push_str("<h2 id=\"regions\">By region</h2>\n");
        let nationwide = self.number(
            &c.totals.nationwide,
            "Services that serve the whole country",
        );
        let _ = write!(o, "<p>{nationwide} services serve the whole country (hotlines, national programmes): they are counted in the tables above and in no row below.");
        if c.totals.outside_region.count > 0 {
            let outside = self.number(&c.totals.outside_region, "Services outside the home region");
            let _ = write!(
                o,
                " {outside} services are outside the home region and are not in the rows below."
            );
        }
        o.push_str("</p>\n");
        let row_head = if c.scope.rows == "county" {
            "County or place"
        } else {
            "State"
        };
        for t in &c.regions {
            let _ = writeln!(o, "<h3>{}</h3>", esc(&t.title));
            let table = self.table(t, "matrix", None, row_head);
            o.push_str(&table);
        }

        // Languages.
        o.push_str("<h2 id=\"languages\">Languages</h2>\n<p>Services in each domain by the languages their records say they are offered in; the columns are the languages at least one service in this directory offers.");
        if c.languages.unstated.count > 0 {
            let n = self.number(
                &c.languages.unstated,
                "Services whose records name no language",
            );
            let _ = write!(o, " {n} services name no language and are in no column.");
        }
        o.push_str("</p>\n");
        let langs = self.table(&c.languages.table, "matrix", None, "Domain");
        o.push_str(&langs);
        o.push_str("<h3>Domains with no service in a language offered elsewhere</h3>\n");
        if c.languages.gaps.is_empty() {
            o.push_str(
                "<p>None: every domain with a service has one in each language offered.</p>\n",
            );
        } else {
            let label = |code: &str, list: &[super::Label]| {
                list.iter()
                    .find(|l| l.code == code)
                    .map(|l| l.label.clone())
                    .unwrap_or_else(|| code.to_string())
            };
            let mut by_domain: Vec<(String, Vec<String>)> = Vec::new();
            for g in &c.languages.gaps {
                let d = label(
                    &g.domain,
                    &c.domains
                        .rows
                        .iter()
                        .map(|r| super::Label {
                            code: r.code.clone(),
                            label: r.label.clone(),
                        })
                        .collect::<Vec<_>>(),
                );
                let l = label(&g.language, &c.languages.offered);
                match by_domain.iter_mut().find(|(x, _)| *x == d) {
                    Some((_, ls)) => ls.push(l),
                    None => by_domain.push((d, vec![l])),
                }
            }
            o.push_str("<ul class=\"gaps\">\n");
            for (d, ls) in by_domain {
                let _ = writeln!(
                    o,
                    "<li><strong>{}</strong>: none in {}</li>",
                    esc(&d),
                    esc(&ls.join(", "))
                );
            }
            o.push_str("</ul>\n");
        }

        // Reachability.
        o.push_str("<h2 id=\"reach\">Reachability</h2>\n<ul class=\"figures\">\n");
        let r = &c.reachability;
        let items = [
            (
                &r.no_phone_text_or_website,
                "No phone, text, website or chat",
                "Services with no phone, text, website or chat",
            ),
            (
                &r.email_only,
                "Of those, reachable by email only",
                "Services reachable by email only",
            ),
            (
                &r.hotline_only,
                "Reachable only through a hotline",
                "Services reachable only through a hotline",
            ),
            (
                &r.hours_unknown,
                "No opening hours listed",
                "Services with no opening hours listed",
            ),
        ];
        for (cell, text, title) in items {
            let n = self.number(cell, title);
            let _ = writeln!(o, "<li><span class=\"n\">{n}</span> {text}</li>");
        }
        o.push_str("</ul>\n");

        // Freshness.
        o.push_str("<h2 id=\"fresh\">Freshness</h2>\n<p>Records by how long ago they were last checked. A record not checked in 12 months, or undated, is stale: the site tells a visitor to call first.</p>\n<ul class=\"figures\">\n");
        for band in &c.freshness.by_age {
            let n = self.number(&band.cell, &band.label);
            let _ = writeln!(
                o,
                "<li><span class=\"n\">{n}</span> {}</li>",
                esc(&band.label)
            );
        }
        let stale = self.number(&c.freshness.stale, "Stale records");
        let _ = writeln!(
            o,
            "<li><span class=\"n\">{stale}</span> Stale in all</li>\n</ul>"
        );
        if !c.freshness.stale_by_organization.is_empty() {
            o.push_str("<div class=\"scroll\" role=\"region\" aria-label=\"Stale records by organisation\" tabindex=\"0\">\n<table>\n<caption>Stale records by organisation</caption>\n<thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Stale records</th></tr></thead>\n<tbody>\n");
            for row in &c.freshness.stale_by_organization {
                let n = self.number(&row.total, &format!("Stale records of {}", row.label));
                let _ = writeln!(
                    o,
                    "<tr><th scope=\"row\">{}</th><td>{n}</td></tr>",
                    esc(&row.label)
                );
            }
            o.push_str("</tbody>\n</table>\n</div>\n");
        }

        // Import.
        o.push_str("<h2 id=\"import\">Import</h2>\n");
        match &c.import {
            None => o.push_str("<p>Not an import: these records were written by hand, not read from another directory's export, so nothing fell into \"other help\" and there are no unmapped terms.</p>\n"),
            Some(i) => {
                let n = self.number(&i.other_help, "Services under \"other help\"");
                let _ = writeln!(
                    o,
                    "<p>Imported from {} ({}) on {}. {n} services came in under \"other help\": none of their source terms maps to a type of help this directory uses. Add the terms to the mapping file and import again.</p>",
                    esc(&i.source),
                    esc(&i.format),
                    esc(&i.imported)
                );
                for (terms, caption) in [(&i.other_help_terms, "Source terms of the services under \"other help\""), (&i.unmapped, "Source terms no mapping covers")] {
                    if terms.is_empty() {
                        let _ = writeln!(o, "<p>{caption}: none.</p>");
                        continue;
                    }
                    let _ = write!(o, "<div class=\"scroll\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\">\n<table>\n<caption>{caption} ({})</caption>\n<thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Services</th></tr></thead>\n<tbody>\n", terms.len());
                    for t in terms {
                        let _ = writeln!(o, "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(&t.term), t.count);
                    }
                    o.push_str("</tbody>\n</table>\n</div>\n");
                }
            }
        }

        // The lists.
        o.push_str("<section class=\"lists\" aria-labelledby=\"lists\">\n<h2 id=\"lists\">The services behind each number</h2>\n");
        let lists = std::mem::take(&mut self.lists);
        for (anchor, heading, ids) in &lists {
            let _ = write!(
                o,
                "<section id=\"{anchor}\">\n<h3>{} ({})</h3>\n<ul>\n",
                esc(heading),
                ids.len()
            );
            for id in ids {
                match self.index.get(id.as_str()).map(|&i| &c.services[i]) {
                    Some(s) => {
                        let checked = s
                            .last_checked
                            .as_deref()
                            .map(|d| format!("checked {d}"))
                            .unwrap_or_else(|| "undated".into());
                        let _ = writeln!(
                            o,
                            "<li>{} <span class=\"muted\">({}; {}; {})</span></li>",
                            esc(&s.name),
                            esc(&s.organization),
                            checked,
                            esc(&s.id)
                        );
                    }
                    None => {
                        let _ = writeln!(o, "<li>{}</li>", esc(id));
                    }
                }
            }
            o.push_str("</ul>\n</section>\n");
        }
        o.push_str("</section>\n");
        let _ = write!(
            o,
            "<footer>\n<p>Made by <code>waypoint report</code> on {} from the directory as the site publishes it (schema {}; the same figures are in <code>waypoint report --format json</code>).</p>\n</footer>\n",
            c.generated, c.schema
        );
        o
    }

    /// A count as a link to its list, or a plain 0.
    fn number(&mut self, cell: &Cell, heading: &str) -> String {
        if cell.count == 0 {
            return "0".into();
        }
        let anchor = format!("list-{}", self.lists.len() + 1);
        self.lists
            .push((anchor.clone(), heading.to_string(), cell.services.clone()));
        format!("<a href=\"#{anchor}\">{}</a>", cell.count)
    }

    fn cell(&mut self, cell: &Cell, heading: &str, class: &str, heat: Option<usize>) -> String {
        if cell.count == 0 {
            let gap = if cell.gap { " gap" } else { "" };
            return format!(
                "<td class=\"{class}{gap}\">0{}</td>",
                if cell.gap {
                    "<span class=\"tag\">gap</span>"
                } else {
                    ""
                }
            );
        }
        let level = heat
            .map(|max| format!(" h{}", level(cell.count, max)))
            .unwrap_or_default();
        let n = self.number(cell, heading);
        format!("<td class=\"{class}{level}\">{n}</td>")
    }

    fn table(&mut self, t: &Table, class: &str, heat: Option<usize>, row_head: &str) -> String {
        let mut o = String::new();
        let _ = write!(
            o,
            "<div class=\"scroll\" role=\"region\" aria-label=\"{title}\" tabindex=\"0\">\n<table class=\"{class}\" id=\"t-{id}\">\n<caption>{title}</caption>\n<thead><tr><th scope=\"col\">{row_head}</th><th scope=\"col\">All</th>",
            title = esc(&t.title),
            id = esc(&t.id)
        );
        for col in &t.columns {
            let _ = write!(o, "<th scope=\"col\">{}</th>", esc(&col.label));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        let mut group: Option<&str> = None;
        for row in &t.rows {
            if let Some(g) = row.group.as_deref() {
                if group != Some(g) {
                    if group.is_some() {
                        o.push_str("</tbody>\n<tbody>\n");
                    }
                    group = Some(g);
                    let name = self
                        .c
                        .domains
                        .rows
                        .iter()
                        .find(|r| r.code == g)
                        .map(|r| r.label.clone())
                        .unwrap_or_else(|| g.to_string());
                    let _ = writeln!(
                        o,
                        "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                        t.columns.len() + 2,
                        esc(&name)
                    );
                }
            }
            o.push_str(&self.row(t, row, heat));
        }
        o.push_str("</tbody>\n</table>\n</div>\n");
        o
    }

    fn row(&mut self, t: &Table, row: &Row, heat: Option<usize>) -> String {
        let mut o = format!("<tr><th scope=\"row\">{}</th>", esc(&row.label));
        o.push_str(&self.cell(
            &row.total,
            &format!("{}: {}", t.title, row.label),
            "total",
            None,
        ));
        for (cell, col) in row.cells.iter().zip(&t.columns) {
            o.push_str(&self.cell(
                cell,
                &format!("{}: {}, {}", t.title, row.label, col.label),
                "n",
                heat,
            ));
        }
        o.push_str("</tr>\n");
        o
    }
}

/// The shade of a non-zero count: 1 (lightest) to 4, by quarters of the largest.
fn level(count: usize, max: usize) -> usize {
    (count * 4).div_ceil(max.max(1)).clamp(1, 4)
}

/// The legend's ranges for each shade, for the largest count.
fn legend(max: usize) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for n in 1..=max {
        let l = level(n, max);
        match out.last_mut() {
            Some((lv, _, hi)) if *lv == l => *hi = n,
            _ => out.push((l, n, n)),
        }
    }
    out.into_iter()
        .map(|(l, lo, hi)| {
            (
                l,
                if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo} to {hi}")
                },
            )
        })
        .collect()
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_by_quarters_of_the_largest() {
        assert_eq!(level(1, 8), 1);
        assert_eq!(level(2, 8), 1);
        assert_eq!(level(3, 8), 2);
        assert_eq!(level(8, 8), 4);
        assert_eq!(legend(2), vec![(2, "1".to_string()), (4, "2".to_string())]);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
