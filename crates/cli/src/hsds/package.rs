//! Reading an HSDS CSV package: the files of a folder or a zip, the
//! `version` of its `datapackage.json`, the CSV text (in whatever encoding
//! a spreadsheet wrote it) and tabular JSON, into tables.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::raw::row_label;
use super::table::{canonical, Row, Table};
use crate::problem::Problems;
use waypoint_core::model::Date;

/// The files of a package, from a folder, a zip or tabular JSON.
pub struct Package {
    pub label: String,
    pub files: Vec<(String, Vec<u8>)>,
    /// The newest modification date of a zip's data files, as the zip
    /// records them. A folder's file times are not used: copying or
    /// checking out a folder resets them to that day.
    pub zipped_on: Option<Date>,
}

/// When the export was made, and what says so: the datapackage's own
/// `created` / `lastModified` date, else the zip's file dates. `None` when
/// neither is known.
pub fn export_date(package: &Package) -> Option<(Date, String)> {
    let described = package.files.iter().find(|(name, _)| {
        name.rsplit(['/', '\\'])
            .next()
            .is_some_and(|b| b.eq_ignore_ascii_case("datapackage.json"))
    });
    let from_package = described
        .and_then(|(_, bytes)| serde_json::from_slice::<Value>(bytes).ok())
        .and_then(|v| {
            ["lastModified", "last_modified", "created"]
                .into_iter()
                .find_map(|key| {
                    v.get(key)
                        .and_then(Value::as_str)
                        .and_then(super::normalise::parse_date)
                        .map(|d| (d, format!("datapackage.json {key}")))
                })
        });
    from_package.or_else(|| {
        package
            .zipped_on
            .map(|d| (d, "the zip's file dates".to_string()))
    })
}

/// The CSV files and `datapackage.json` of a folder, in name order.
pub fn read_folder(label: &str, path: &Path, problems: &mut Problems) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    match fs::read_dir(path) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            paths.sort();
            for p in paths {
                let file = p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let wanted = file.to_ascii_lowercase().ends_with(".csv")
                    || file.eq_ignore_ascii_case("datapackage.json");
                if !wanted {
                    continue;
                }
                match fs::read(&p) {
                    Ok(bytes) => files.push((file, bytes)),
                    Err(e) => problems.error(&file, "-", "-", format!("cannot read: {e}")),
                }
            }
        }
        Err(e) => problems.error(label, "-", "-", format!("cannot read folder: {e}")),
    }
    files
}

/// Reads every file of a zip (any folder inside it), refusing entries that
/// would unpack to more than `MAX_UNPACKED` bytes.
pub fn unzip(label: &str, bytes: &[u8], problems: &mut Problems) -> Package {
    const MAX_UNPACKED: u64 = 512 * 1024 * 1024;
    let mut package = Package {
        label: label.to_string(),
        files: Vec::new(),
        zipped_on: None,
    };
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            problems.error(label, "-", "-", format!("not a readable zip file: {e}"));
            return package;
        }
    };
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.error(
                    label,
                    &format!("entry {}", i + 1),
                    "-",
                    format!("cannot read: {e}"),
                );
                continue;
            }
        };
        let name = entry.name().to_string();
        if entry.is_dir()
            || name.starts_with("__MACOSX/")
            || name.rsplit('/').next().is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        let mut data = Vec::new();
        let limit = MAX_UNPACKED.saturating_sub(total);
        match (&mut entry).take(limit + 1).read_to_end(&mut data) {
            Ok(_) if data.len() as u64 > limit => {
                problems.error(
                    label,
                    &name,
                    "-",
                    "the zip unpacks to more than 512 MB; stopped reading it",
                );
                break;
            }
            Ok(n) => {
                total += n as u64;
                let dated = entry.last_modified().and_then(|t| {
                    Date::parse(&format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day()))
                });
                if name.to_ascii_lowercase().ends_with(".csv") {
                    package.zipped_on = package.zipped_on.max(dated);
                }
                package.files.push((name, data));
            }
            Err(e) => problems.error(label, &name, "-", format!("cannot unpack: {e}")),
        }
    }
    package
}

/// Tabular JSON → CSV-like tables.
pub fn from_json_tables(label: &str, tables: super::json::JsonTables) -> Vec<Table> {
    tables
        .into_iter()
        .map(|(name, rows)| {
            let mut columns: HashMap<String, usize> = HashMap::new();
            for row in &rows {
                for key in row.keys() {
                    let n = columns.len();
                    columns.entry(key.to_ascii_lowercase()).or_insert(n);
                }
            }
            let rows = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let mut values = vec![String::new(); columns.len()];
                    for (k, v) in row {
                        values[columns[&k.to_ascii_lowercase()]] = match v {
                            Value::String(s) => s.clone(),
                            Value::Number(n) => n.to_string(),
                            Value::Bool(b) => b.to_string(),
                            _ => String::new(),
                        };
                    }
                    Row {
                        number: i + 1,
                        values,
                    }
                })
                .collect();
            Table {
                file: format!("{label} {name}"),
                name: canonical(&name),
                columns,
                rows,
            }
        })
        .collect()
}

/// Parses the CSV files of a package into tables, and says which HSDS
/// version it looks like.
pub fn tables(package: &Package, problems: &mut Problems) -> (Vec<Table>, String) {
    let mut version = String::new();
    let mut tables = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (name, bytes) in &package.files {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
        if base.eq_ignore_ascii_case("datapackage.json") {
            version = datapackage_version(&base, bytes, problems).unwrap_or_default();
            continue;
        }
        if !base.to_ascii_lowercase().ends_with(".csv") {
            continue;
        }
        let key = canonical(&base);
        if let Some(first) = names.get(&key) {
            problems.warning(
                &base,
                "-",
                "-",
                format!("a second file for the {key} table (the first was {first}); skipped"),
            );
            continue;
        }
        names.insert(key, base.clone());
        tables.push(parse_csv(&base, bytes, problems));
    }
    (tables, version)
}

/// The `version` of a datapackage.json. A missing or broken one is not
/// fatal: the CSV files are read by name.
fn datapackage_version(file: &str, bytes: &[u8], problems: &mut Problems) -> Option<String> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => v.get("version").and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| v.as_f64().map(|f| f.to_string()))
        }),
        Err(e) => {
            problems.warning(
                file,
                "-",
                "-",
                format!("not valid JSON ({e}); reading the CSV files by their names"),
            );
            None
        }
    }
}

/// One CSV file. Rows too short or too long are read as far as they go
/// and reported; text that is not UTF-8 is read as Windows-1252 (what
/// spreadsheet exports on Windows write) and reported once per file.
pub fn parse_csv(file: &str, bytes: &[u8], problems: &mut Problems) -> Table {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = Table {
        file: file.to_string(),
        name: canonical(file),
        ..Table::default()
    };
    let mut record = ::csv::ByteRecord::new();
    let mut header_len = 0;
    let mut reported_encoding = false;
    let mut number = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                problems.error(
                    file,
                    &format!("row {}", number + 1),
                    "-",
                    format!("cannot read the CSV: {e}; the rest of the file is skipped"),
                );
                break;
            }
        }
        number += 1;
        let mut values = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(s) => values.push(s.to_string()),
                Err(_) => {
                    if !reported_encoding {
                        reported_encoding = true;
                        let column = if number == 1 {
                            format!("column {}", i + 1)
                        } else {
                            header_name(&table, i)
                        };
                        problems.warning(
                            file,
                            &format!("row {number}"),
                            &column,
                            "not UTF-8; read as Windows-1252",
                        );
                    }
                    values.push(windows_1252(field));
                }
            }
        }
        if number == 1 {
            header_len = values.len();
            for (i, h) in values.iter().enumerate() {
                let name = h.trim().to_ascii_lowercase().replace(' ', "_");
                table.columns.entry(name).or_insert(i);
            }
            continue;
        }
        if values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if values.len() != header_len {
            let id = table
                .columns
                .get("id")
                .and_then(|&i| values.get(i))
                .cloned()
                .unwrap_or_default();
            problems.warning(
                file,
                &row_label(number, &id),
                "-",
                format!("has {} values; the header has {header_len}", values.len()),
            );
        }
        table.rows.push(Row { number, values });
    }
    table
}

fn header_name(table: &Table, i: usize) -> String {
    table
        .columns
        .iter()
        .find(|(_, &c)| c == i)
        .map(|(n, _)| n.clone())
        .unwrap_or_else(|| format!("column {}", i + 1))
}

fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| {
            if (0x80..0xA0).contains(&b) {
                HIGH[(b - 0x80) as usize]
            } else {
                b as char
            }
        })
        .collect()
}
