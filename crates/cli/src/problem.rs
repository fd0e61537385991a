//! Problems found in the sources, each naming the file, the record and the
//! field, so a data steward can go straight to it.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// The record id, or "-" for file-level problems.
    pub record: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{level}: {}: {}: {}: {}",
            self.file, self.record, self.field, self.message
        )
    }
}

/// Collects problems while the sources are read and compiled.
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<Problem>,
}

impl Problems {
    pub fn error(&mut self, file: &str, record: &str, field: &str, message: impl Into<String>) {
        self.push(Severity::Error, file, record, field, message.into());
    }

    pub fn warning(&mut self, file: &str, record: &str, field: &str, message: impl Into<String>) {
        self.push(Severity::Warning, file, record, field, message.into());
    }

    fn push(&mut self, severity: Severity, file: &str, record: &str, field: &str, message: String) {
        self.list.push(Problem {
            severity,
            file: file.into(),
            record: record.into(),
            field: field.into(),
            message,
        });
    }

    pub fn errors(&self) -> usize {
        self.list
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.list.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }
}
