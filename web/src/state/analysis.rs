//! Plain Rust: what the page shows about a source, computed by the core once per version of
//! the text and shared by every view. No reactive code.

use postmortem::checklist::Requirement;
use postmortem::form::Form;
use postmortem::metrics::{Instant, Metrics, Source};
use postmortem::span::Utf16Cursor;
use postmortem::{Config, Document, Edit, LineIndex, Profile, Severity, Validation, WordRange};
use std::sync::Arc;

/// Everything the page shows about one version of the source. Cloning it shares, not copies,
/// the parsed document.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Diagnostics in document order, grouped by the section they fall in.
    pub groups: Vec<DiagnosticGroup>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub words: u32,
    pub word_range: Option<(u32, u32)>,
    /// The length in bytes of the source analysed, so that the page (and its benchmark) can
    /// tell which version of the text the diagnostics describe.
    pub source_bytes: usize,
    /// The incident at a glance: its key instants and the durations between them.
    pub metrics: Vec<MetricRow>,
    validated: Arc<Validated>,
}

/// The text analysed, the profile it was analysed with and the core's validation of it (the
/// parsed document among it): what the form and the diagram read.
#[derive(Debug)]
struct Validated {
    text: String,
    profile: Profile,
    validation: Validation,
}

/// A text with its document, as an action needs them: the analysis's, shared, or parsed for
/// the action when the analysis has not caught up with the text yet.
pub struct Parsed(Origin);

enum Origin {
    Analysed(Arc<Validated>),
    Parsed {
        text: String,
        document: Box<Document>,
    },
}

impl Parsed {
    /// Parses `text`.
    pub fn of(text: &str) -> Self {
        Self(Origin::Parsed {
            text: text.to_owned(),
            document: Box::new(postmortem::parse(text)),
        })
    }

    pub fn text(&self) -> &str {
        match &self.0 {
            Origin::Analysed(validated) => &validated.text,
            Origin::Parsed { text, .. } => text,
        }
    }

    pub fn document(&self) -> &Document {
        match &self.0 {
            Origin::Analysed(validated) => &validated.validation.document,
            Origin::Parsed { document, .. } => document,
        }
    }
}

/// Two analyses are equal when they are the same one: every field is derived from the shared
/// validation, and comparing that by address costs nothing whatever the draft's length.
impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.validated, &other.validated)
    }
}

impl Eq for Analysis {}

/// One line of the incident's metrics, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricRow {
    pub label: &'static str,
    /// "2024-10-03 14:05 UTC" or "1 h 15 min"; "unknown" when the document does not tell.
    pub value: String,
    /// Where it was read: "summary" or "timeline".
    pub source: Option<&'static str>,
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
            source_bytes: source.len(),
            metrics: metric_rows(&validation.metrics, source),
            validated: Arc::new(Validated {
                text: source.to_owned(),
                profile: config.profile,
                validation,
            }),
        }
    }

    /// Whether this is the analysis of `source`.
    pub fn describes(&self, source: &str) -> bool {
        self.validated.text == source
    }

    /// The text analysed with its document, shared.
    pub fn parsed(&self) -> Parsed {
        Parsed(Origin::Analysed(Arc::clone(&self.validated)))
    }

    /// The profile's requirements, met or not.
    pub fn checklist(&self) -> &[Requirement] {
        &self.validated.validation.checklist
    }

    /// The document's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        self.document()
            .title
            .as_ref()
            .map(|title| title.text.as_str())
    }

    /// The text analysed.
    pub fn text(&self) -> &str {
        &self.validated.text
    }

    /// The text analysed, parsed.
    pub fn document(&self) -> &Document {
        &self.validated.validation.document
    }

    /// The form's fields, read from the text analysed.
    pub fn form(&self) -> Form {
        Form::read(self.text(), self.document(), self.validated.profile)
    }

    /// The timeline drawn as SVG (`standalone`: as a file of its own), if it has timed entries.
    pub fn diagram(&self, standalone: bool) -> Option<String> {
        postmortem::diagram::svg(self.text(), self.document(), standalone)
    }

    /// All diagnostics, in document order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &DiagnosticView> {
        self.groups.iter().flat_map(|group| &group.diagnostics)
    }

    /// A file name for downloading the draft, from its title.
    pub fn file_name(&self) -> String {
        let slug = self.title().map(slugify).unwrap_or_default();
        if slug.is_empty() {
            "postmortem.md".to_owned()
        } else {
            format!("{slug}.md")
        }
    }
}

fn metric_rows(metrics: &Metrics, text: &str) -> Vec<MetricRow> {
    let source = |source: Option<Source>| {
        source.map(|source| match source {
            Source::Summary => "summary",
            Source::Timeline => "timeline",
        })
    };
    let instant = |label, instant: Option<Instant>| MetricRow {
        label,
        value: instant.map_or_else(
            || "unknown".to_owned(),
            |instant| shown_instant(instant, text),
        ),
        source: source(instant.map(|instant| instant.source)),
    };
    let duration = |label, seconds: Option<i64>| MetricRow {
        label,
        value: seconds.map_or_else(|| "unknown".to_owned(), readable_duration),
        source: None,
    };
    vec![
        instant("Started", metrics.start),
        instant("Detected", metrics.detected),
        instant("Escalated", metrics.escalated),
        instant("Resolved", metrics.resolved),
        duration("Time to detect", metrics.time_to_detect_seconds),
        duration("Time to escalate", metrics.time_to_escalate_seconds),
        duration("Time to resolve", metrics.time_to_resolve_seconds),
    ]
}

/// An instant with its date and zone known, readably; else as the document writes it (a
/// timeline's `14:05` or `T+5`), which still places it against the other entries.
fn shown_instant(instant: Instant, text: &str) -> String {
    instant.rfc3339().map_or_else(
        || {
            text.get(instant.span.range())
                .map_or_else(|| "unknown".to_owned(), |written| written.trim().to_owned())
        },
        |rfc3339| readable_instant(&rfc3339),
    )
}

/// `2024-10-03T14:05:00+03:00` as `2024-10-03 14:05 UTC+03:00` (`Z` as `UTC`).
fn readable_instant(rfc3339: &str) -> String {
    let (date, rest) = rfc3339.split_once('T').unwrap_or((rfc3339, ""));
    let clock = rest.get(..5).unwrap_or(rest);
    let offset = rest.get(8..).unwrap_or("");
    let zone = if offset == "Z" {
        "UTC".to_owned()
    } else {
        format!("UTC{offset}")
    };
    format!("{date} {clock} {zone}")
}

/// `4500` as `1 h 15 min`.
fn readable_duration(seconds: i64) -> String {
    let minutes = seconds / 60;
    match (minutes / 1440, minutes % 1440 / 60, minutes % 60) {
        (0, 0, minutes) => format!("{minutes} min"),
        (0, hours, 0) => format!("{hours} h"),
        (0, hours, minutes) => format!("{hours} h {minutes} min"),
        (days, hours, _) => format!("{days} d {hours} h"),
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
                .checklist()
                .iter()
                .any(|requirement| requirement.id == "timeline.section" && !requirement.met)
        );
    }

    #[test]
    fn shows_the_metrics_readably() {
        let source = "# Outage\n\n## Issue Summary\n\nFrom 14:05 to 15:20 EAT on October 3, 2024, checkout failed.\n\n## Timeline\n\n- 14:08 EAT - An alert fired.\n";
        let rows = Analysis::run(source, &Config::default()).metrics;
        let shown: Vec<(&str, &str, Option<&str>)> = rows
            .iter()
            .map(|row| (row.label, row.value.as_str(), row.source))
            .collect();
        assert_eq!(
            shown,
            [
                ("Started", "2024-10-03 14:05 UTC+03:00", Some("summary")),
                ("Detected", "2024-10-03 14:08 UTC+03:00", Some("timeline")),
                ("Escalated", "unknown", None),
                ("Resolved", "2024-10-03 15:20 UTC+03:00", Some("summary")),
                ("Time to detect", "3 min", None),
                ("Time to escalate", "unknown", None),
                ("Time to resolve", "1 h 15 min", None),
            ]
        );
        assert_eq!(readable_duration(3 * 3600), "3 h");
        assert_eq!(readable_duration(30 * 3600 + 60), "1 d 6 h");
        assert_eq!(
            readable_instant("2024-10-03T14:05:00Z"),
            "2024-10-03 14:05 UTC"
        );
    }

    #[test]
    fn shows_a_time_as_written_when_its_date_is_not() {
        let source = "# Outage\n\n## Timeline\n\n- 14:05 - A deploy went out.\n- 14:12 - An alert fired.\n- 14:55 - Rolled back; checkout recovered.\n";
        let rows = Analysis::run(source, &Config::default()).metrics;
        let value = |label| {
            rows.iter()
                .find(|row| row.label == label)
                .map(|row| row.value.as_str())
        };
        assert_eq!(value("Started"), Some("14:05"));
        assert_eq!(value("Detected"), Some("14:12"));
        assert_eq!(value("Time to resolve"), Some("50 min"));
    }

    #[test]
    fn copies_share_the_analysis_and_know_the_text_it_describes() {
        let source = "# Outage\n\n## Timeline\n\n- 14:05 UTC - A deploy went out.\n";
        let analysis = Analysis::run(source, &Config::default());
        let copy = analysis.clone();
        assert!(Arc::ptr_eq(&analysis.validated, &copy.validated));
        assert_eq!(analysis, copy);
        assert_eq!(copy.parsed().text(), source);

        let edited = format!("{source}- 14:12 UTC - An alert fired.\n");
        assert!(analysis.describes(source) && !analysis.describes(&edited));
        assert_ne!(
            Analysis::run(source, &Config::default()),
            analysis,
            "another analysis"
        );
        let parsed = Parsed::of(&edited);
        assert_eq!(parsed.text(), edited);
        assert_eq!(parsed.document().timeline.entries.len(), 2);
    }

    #[test]
    fn the_form_and_the_diagram_read_the_document_analysed() {
        let source = "# Outage\n\n## Timeline\n\n- 14:05 UTC - A deploy went out.\n- 14:12 UTC - An alert fired.\n";
        let analysis = Analysis::run(source, &Config::default());
        let document = postmortem::parse(source);
        assert_eq!(
            analysis.form(),
            Form::read(source, &document, postmortem::Profile::Standard)
        );
        assert_eq!(
            analysis.diagram(true),
            postmortem::diagram::svg(source, &document, true)
        );
        assert!(analysis.diagram(false).is_some());
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
