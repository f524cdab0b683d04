//! PM102 `missing-section`.

use crate::model::Profile;
use crate::model::{Document, HeadingStyle};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports each section the profile requires that the document does not have.
    ///
    /// ## Why is this bad?
    /// Readers look for the summary, the timeline, the root cause and the corrective measures
    /// under headings they recognise. A missing section is usually missing content; an opening
    /// paragraph with no heading is content that readers skimming the headings never find.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users. A bad deploy was the cause.
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ## Root Cause and Resolution
    /// A bad deploy; we rolled it back.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users. A bad deploy was the cause.
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ## Root Cause and Resolution
    /// A bad deploy; we rolled it back.
    /// ## Corrective and Preventative Measures
    /// - [ ] Add a canary stage to the deploy pipeline.
    /// ```
    ///
    /// ## Fix
    /// Inserts the missing heading where the profile's order puts it.
    pub MissingSection {
        code: "PM102",
        name: "missing-section",
        severity: Severity::Error,
        fixable: true,
    }
}

impl Rule for MissingSection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let profile = context.profile();
        let required = profile.required_sections();
        let level = heading_level(document);
        for (position, &kind) in required.iter().enumerate() {
            if document.section(kind).is_some() {
                continue;
            }
            let heading = format!(
                "{} {}",
                "#".repeat(usize::from(level)),
                profile.heading(kind)
            );
            let requirement = requirement_of(profile, kind);
            if kind == SectionKind::Summary
                && let Some(opening) = document.unlabelled_summary()
            {
                report.push(
                    unlabelled_summary(context.source, opening, &heading)
                        .with_requirement(requirement),
                );
                continue;
            }
            let next = required[position + 1..]
                .iter()
                .find_map(|&later| document.section(later));
            let diagnostic = match next {
                Some(next) => missing_before(profile, kind, next.heading.span, &heading),
                None => missing_at_end(context.source, profile, kind, &heading),
            };
            report.push(diagnostic.with_requirement(requirement));
        }
    }
}

fn unlabelled_summary(source: &str, opening: Span, heading: &str) -> Diagnostic {
    let first_line = first_line(source, opening);
    let at = line_start(source, opening.start);
    let previous_line_blank = source
        .get(..at as usize)
        .is_none_or(|before| before.is_empty() || before.ends_with("\n\n"));
    let separator = if previous_line_blank { "" } else { "\n" };
    Diagnostic::new(
        &MissingSection::META,
        first_line,
        "The issue summary has no heading",
    )
    .with_help(format!("Add `{heading}` above the opening paragraph"))
    .with_fix(
        format!("Insert `{heading}`"),
        vec![Edit::insert(at, format!("{separator}{heading}\n\n"))],
    )
}

/// The start of the line holding `offset`: a heading inserted there is not indented by the
/// paragraph's own leading spaces.
fn line_start(source: &str, offset: u32) -> u32 {
    let before = source.get(..offset as usize).unwrap_or_default();
    Span::from_range(0..before.rfind('\n').map_or(0, |index| index + 1)).end
}

fn missing_before(profile: Profile, kind: SectionKind, next: Span, heading: &str) -> Diagnostic {
    Diagnostic::new(
        &MissingSection::META,
        next,
        format!("No `{}` section", profile.heading(kind)),
    )
    .with_help(format!("Add a `{heading}` section before this one"))
    .with_fix(
        format!("Insert `{heading}`"),
        vec![Edit::insert(next.start, format!("{heading}\n\n"))],
    )
}

fn missing_at_end(source: &str, profile: Profile, kind: SectionKind, heading: &str) -> Diagnostic {
    let end = Span::from_range(0..source.len()).end;
    let separator = match source.len() - source.trim_end_matches('\n').len() {
        _ if source.is_empty() => "",
        0 => "\n\n",
        1 => "\n",
        _ => "",
    };
    let last_line = Span::new(
        Span::from_range(0..source.trim_end().rfind('\n').map_or(0, |index| index + 1)).end,
        Span::from_range(0..source.trim_end().len()).end,
    );
    Diagnostic::new(
        &MissingSection::META,
        last_line,
        format!("No `{}` section", profile.heading(kind)),
    )
    .with_help(format!("Add a `{heading}` section at the end"))
    .with_fix(
        format!("Append `{heading}`"),
        vec![Edit::insert(end, format!("{separator}{heading}\n"))],
    )
}

/// The checklist requirement a missing section of `kind` breaks.
fn requirement_of(profile: Profile, kind: SectionKind) -> &'static str {
    match (profile, kind) {
        (Profile::Standard, SectionKind::Summary) => "summary.section",
        (Profile::Standard, SectionKind::Timeline) => "timeline.section",
        (Profile::Standard, SectionKind::RootCause) => "root-cause.section",
        (Profile::Standard, _) => "measures.section",
        (Profile::Sre, SectionKind::Summary) => "sre.summary",
        (Profile::Sre, SectionKind::Impact) => "sre.impact",
        (Profile::Sre, SectionKind::RootCause) => "sre.root-causes",
        (Profile::Sre, SectionKind::Trigger) => "sre.trigger",
        (Profile::Sre, SectionKind::Resolution) => "sre.resolution",
        (Profile::Sre, SectionKind::Detection) => "sre.detection",
        (Profile::Sre, SectionKind::Measures) => "sre.action-items",
        (Profile::Sre, SectionKind::Lessons) => "sre.lessons",
        (Profile::Sre, _) => "sre.timeline",
    }
}

/// The level the document's recognised sections use, so an inserted heading matches them.
fn heading_level(document: &Document) -> u8 {
    document
        .sections
        .iter()
        .find(|section| {
            section.kind != SectionKind::Other
                && matches!(
                    section.heading.style,
                    HeadingStyle::Atx | HeadingStyle::Setext
                )
        })
        .map_or(2, |section| section.heading.level)
}

fn first_line(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let length = text.find('\n').unwrap_or(text.len());
    Span::new(span.start, span.start + Span::from_range(0..length).end)
}
