//! Plain Rust: what the page shows about a source, computed by the core. No reactive code.

use postmortem::checklist::Requirement;
use postmortem::span::Utf16Cursor;
use postmortem::{Config, Edit, LineIndex, Severity, WordRange};

/// Everything the page shows about one version of the source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Diagnostics in document order, grouped by the section they fall in.
    pub groups: Vec<DiagnosticGroup>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub checklist: Vec<Requirement>,
    pub words: u32,
    pub word_range: Option<(u32, u32)>,
    /// The document's title, if it has one.
    pub title: Option<String>,
    /// The length in bytes of the source analysed, so that the page (and its benchmark) can
    /// tell which version of the text the diagnostics describe.
    pub source_bytes: usize,
}

/// The diagnostics of one section (or of the text before any section).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosticGroup {
    pub section: String,
    pub diagnostics: Vec<DiagnosticView>,
}

/// A diagnostic as the page shows it, with the UTF-16 range an editor selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosticView {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub line: u32,
    pub column: u32,
    /// UTF-16 offsets: what `textarea.setSelectionRange` takes.
    pub utf16_start: u32,
    pub utf16_end: u32,
    pub fix: Option<FixView>,
    /// The rule's documentation.
    pub docs: &'static str,
}

/// A quick fix, ready to apply to the source it was computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixView {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Analysis {
    pub fn run(source: &str, config: &Config) -> Self {
        let validation = postmortem::validate(source, config);
        let index = LineIndex::new(source);
        let mut cursor = Utf16Cursor::new(source);
        let count = |severity| {
            validation
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.severity == severity)
                .count()
        };
        let (errors, warnings, infos) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        let mut groups: Vec<DiagnosticGroup> = Vec::new();
        for diagnostic in &validation.diagnostics {
            let section = validation
                .document
                .sections
                .iter()
                .rev()
                .find(|section| section.span.start <= diagnostic.span.start)
                .map_or_else(
                    || "Opening".to_owned(),
                    |section| section.heading.text.clone(),
                );
            let at = index.line_column(source, diagnostic.span.start);
            let view = DiagnosticView {
                code: diagnostic.code(),
                name: diagnostic.name(),
                severity: diagnostic.severity,
                message: diagnostic.message.clone(),
                help: diagnostic.help.clone(),
                line: at.line,
                column: at.column,
                utf16_start: cursor.offset(diagnostic.span.start),
                utf16_end: cursor.offset(diagnostic.span.end),
                fix: diagnostic.fix.as_ref().map(|fix| FixView {
                    title: fix.title.clone(),
                    edits: fix.edits.clone(),
                }),
                docs: diagnostic.rule.docs,
            };
            match groups.last_mut() {
                Some(group) if group.section == section => group.diagnostics.push(view),
                _ => groups.push(DiagnosticGroup {
                    section,
                    diagnostics: vec![view],
                }),
            }
        }
        let WordRange { min, max } = config.word_range();
        Self {
            groups,
            errors,
            warnings,
            infos,
            words: validation.stats.words,
            word_range: Some((min, max)),
            title: validation.document.title.map(|title| title.text),
            source_bytes: source.len(),
            checklist: validation.checklist,
        }
    }

    /// All diagnostics, in document order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &DiagnosticView> {
        self.groups.iter().flat_map(|group| &group.diagnostics)
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
    fn groups_findings_by_section_with_utf16_ranges() {
        let source = "# Ausfall 😀\n\n## Timeline\n\n- 10:00 - An alert fired.\n";
        let analysis = Analysis::run(source, &Config::default());
        let timeline = analysis
            .groups
            .iter()
            .find(|group| group.section == "Timeline")
            .unwrap();
        let missing_zone = timeline
            .diagnostics
            .iter()
            .find(|d| d.code == "PM202")
            .unwrap();
        let utf16: Vec<u16> = source.encode_utf16().collect();
        let flagged = String::from_utf16(
            &utf16[missing_zone.utf16_start as usize..missing_zone.utf16_end as usize],
        )
        .unwrap();
        assert_eq!(flagged, "10:00");
        assert_eq!(
            analysis.errors,
            analysis
                .diagnostics()
                .filter(|d| d.severity == Severity::Error)
                .count()
        );
    }

    #[test]
    fn reports_words_range_and_checklist() {
        let analysis = Analysis::run("# Outage\n\nTwo words.\n", &Config::default());
        assert_eq!(analysis.word_range, Some((400, 600)));
        assert_eq!(analysis.words, 3);
        assert!(
            analysis
                .checklist
                .iter()
                .any(|requirement| requirement.id == "timeline.section" && !requirement.met)
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
