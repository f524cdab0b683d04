//! Runs the enabled rules over a document, then applies the configuration and suppressions.

use crate::checklist::{Requirement, checklist};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::metrics::Metrics;
use crate::model::Document;
use crate::rule::Context;
use crate::rules;
use crate::stats::Statistics;

/// Everything the product says about one document.
#[derive(Clone, Debug)]
pub struct Validation {
    pub document: Document,
    /// Sorted by position, then code.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Statistics,
    /// The profile's requirements, met or not, judged by the same findings.
    pub checklist: Vec<Requirement>,
    /// When the incident started, was detected, escalated and resolved, and the times between.
    pub metrics: Metrics,
}

/// Parses and checks a document, with its statistics and requirement checklist.
pub fn validate(source: &str, config: &Config) -> Validation {
    let document = crate::parse(source);
    let diagnostics = check_document(source, &document, config);
    Validation {
        stats: Statistics::of(&document),
        checklist: checklist(config.profile, source, &document, &diagnostics),
        metrics: Metrics::of(&document),
        diagnostics,
        document,
    }
}

/// Checks a parsed document. Diagnostics come sorted by position, then code.
pub fn check_document(source: &str, document: &Document, config: &Config) -> Vec<Diagnostic> {
    let context = Context {
        source,
        document,
        profile: config.profile,
        word_range: config.word_range(),
    };
    let disabled = inline_disabled(source);
    let mut diagnostics = Vec::new();
    for rule in rules::ALL {
        let meta = rule.meta();
        let severity = match config.level(meta.code, meta.name) {
            Some(level) => level.severity(),
            None if meta.enabled_by_default && !meta.off_in.contains(&config.profile) => {
                Some(meta.default_severity)
            }
            None => None,
        };
        let Some(severity) = severity else { continue };
        if disabled
            .iter()
            .any(|name| name == meta.code || name == meta.name)
        {
            continue;
        }
        let start = diagnostics.len();
        rule.check(&context, &mut diagnostics);
        for diagnostic in &mut diagnostics[start..] {
            diagnostic.severity = severity;
        }
    }
    // By position, then code: `rules::ALL` is in code order, so a rule's place in it orders
    // codes as comparing them would.
    crate::sort::sort_by_key(&mut diagnostics, |diagnostic| {
        crate::sort::pair(diagnostic.span.start, code_rank(diagnostic.rule.code))
    });
    diagnostics
}

/// The place of the rule with this code in `rules::ALL`.
fn code_rank(code: &str) -> u32 {
    let rank = rules::ALL.iter().position(|rule| rule.meta().code == code);
    rank.and_then(|rank| u32::try_from(rank).ok())
        .unwrap_or(u32::MAX)
}

/// Codes and names turned off by `<!-- postmortem-disable PM307 missing-escalation -->`.
fn inline_disabled(source: &str) -> Vec<String> {
    const MARKER: &str = "postmortem-disable";
    let mut names = Vec::new();
    for (index, _) in source.match_indices(MARKER) {
        let before = source[..index].trim_end();
        if !before.ends_with("<!--") {
            continue;
        }
        let rest = &source[index + MARKER.len()..];
        let Some(end) = rest.find("-->") else {
            continue;
        };
        names.extend(
            rest[..end]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|name| !name.is_empty())
                .map(str::to_owned),
        );
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_names_from_disable_comments() {
        let source =
            "<!-- postmortem-disable PM307, missing-escalation -->\ntext postmortem-disable PM101";
        assert_eq!(inline_disabled(source), ["PM307", "missing-escalation"]);
    }
}
