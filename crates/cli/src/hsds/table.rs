//! The tables of an HSDS package, as read from CSV or tabular JSON: rows of
//! text by column name, and the lookups the readers join them with.

use std::collections::HashMap;

use super::normalise::parse_bool;
use super::raw::{row_label, At, CONFIDENTIAL_COLUMNS};

/// One CSV file: its name as shipped, and its rows by column name.
#[derive(Debug, Default)]
pub struct Table {
    pub file: String,
    /// The canonical table name: "regular_schedules" for "regular_schedule.csv".
    pub name: String,
    pub(super) columns: HashMap<String, usize>,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct Row {
    /// As a spreadsheet numbers it: the header is row 1.
    pub number: usize,
    pub(super) values: Vec<String>,
}

impl Table {
    pub fn get<'a>(&self, row: &'a Row, column: &str) -> &'a str {
        let value = self
            .columns
            .get(column)
            .and_then(|&i| row.values.get(i))
            .map(|s| s.trim())
            .unwrap_or("");
        // Database dumps write a missing value as NULL or \N.
        if value.eq_ignore_ascii_case("null") || value == "\\N" {
            ""
        } else {
            value
        }
    }

    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    pub fn at(&self, row: &Row) -> At {
        At::new(&self.file, row_label(row.number, self.get(row, "id")))
    }

    /// Rows whose `column` holds `key`, via an index built once.
    pub fn index(&self, column: &str) -> HashMap<String, Vec<usize>> {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            let key = self.get(row, column);
            if !key.is_empty() {
                index.entry(key.to_string()).or_default().push(i);
            }
        }
        index
    }

    /// The first true boolean confidentiality column, if any.
    pub fn confidential(&self, row: &Row) -> Option<String> {
        CONFIDENTIAL_COLUMNS
            .iter()
            .find(|c| parse_bool(self.get(row, c)) == Some(true))
            .map(|c| format!("{c} is {:?}", self.get(row, c)))
    }
}

/// Table names as the spec versions spell them → one canonical name.
pub(super) fn canonical(file: &str) -> String {
    let base = file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file)
        .trim_end_matches(".csv")
        .to_ascii_lowercase();
    let name = match base.as_str() {
        "organization" => "organizations",
        "service" => "services",
        "location" => "locations",
        "services_at_location" | "service_at_locations" | "services_at_locations" => {
            "service_at_location"
        }
        "phone" => "phones",
        "address" => "addresses",
        "physical_address" => "physical_addresses",
        "postal_address" | "mail_addresses" => "postal_addresses",
        "schedule" => "schedules",
        "regular_schedule" => "regular_schedules",
        "holiday_schedule" => "holiday_schedules",
        "service_area" => "service_areas",
        "language" => "languages",
        "attribute" => "attributes",
        "taxonomy_term" => "taxonomy_terms",
        "service_taxonomy" => "services_taxonomy",
        "service_attribute" => "service_attributes",
        "eligibilities" => "eligibility",
        "contact" => "contacts",
        other => other,
    };
    name.to_string()
}
