//! Plain Rust: what the page shows about a source, computed by the core.

use postmortem::{Config, LineIndex, Severity};

/// The diagnostics of one version of the source, ready to display.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub diagnostics: Vec<DiagnosticView>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The document's title, if it has one.
    pub title: Option<String>,
}

/// A diagnostic with its position as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosticView {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub line: u32,
    pub column: u32,
}

impl Analysis {
    pub fn run(source: &str, config: &Config) -> Self {
        let document = postmortem::parse(source);
        let diagnostics = postmortem::check_document(source, &document, config);
        let index = LineIndex::new(source);
        let count = |severity| {
            diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.severity == severity)
                .count()
        };
        Self {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            title: document.title.map(|title| title.text),
            diagnostics: diagnostics
                .iter()
                .map(|diagnostic| {
                    let at = index.line_column(source, diagnostic.span.start);
                    DiagnosticView {
                        code: diagnostic.code(),
                        name: diagnostic.name(),
                        severity: diagnostic.severity,
                        message: diagnostic.message.clone(),
                        help: diagnostic.help.clone(),
                        line: at.line,
                        column: at.column,
                    }
                })
                .collect(),
        }
    }

    /// A file name for downloading the draft, from its title.
    pub fn file_name(&self) -> String {
        let slug = self.title.as_deref().map(slugify).unwrap_or_default();
        if slug.is_empty() {
            "postmortem.md".to_owned()
        } else {
            format!("{slug}.md")
        }
    }
}

fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for character in title.chars().flat_map(char::to_lowercase) {
        if character.is_alphanumeric() {
            slug.push(character);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_findings_and_positions_them() {
        let analysis = Analysis::run("# Outage\n\n## Timeline\n", &Config::default());
        assert_eq!(analysis.errors, 3);
        let summary = &analysis.diagnostics[0];
        assert_eq!(
            (summary.code, summary.line, summary.column),
            ("PM102", 3, 1)
        );
    }

    #[test]
    fn names_downloads_after_the_title() {
        let analysis = Analysis::run("# Checkout: 502s on Black Friday!\n", &Config::default());
        assert_eq!(analysis.file_name(), "checkout-502s-on-black-friday.md");
        assert_eq!(
            Analysis::run("no title", &Config::default()).file_name(),
            "postmortem.md"
        );
    }
}
