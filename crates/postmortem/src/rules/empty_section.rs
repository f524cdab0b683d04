//! PM103 `empty-section`.

use crate::model::{HeadingStyle, Section};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports a recognised section that has a heading and nothing under it.
    ///
    /// ## Why is this bad?
    /// An empty section promises content that is not there: a reader skimming the headings
    /// believes the timeline or the root cause is covered, and finds nothing. It is usually a
    /// template heading left in place, or content that ended up under the wrong heading.
    ///
    /// A heading whose content is split into subsections (`## Lessons learned` over
    /// `### What went well`, `**Timeline:**` over `**Detection:**` and `**Resolution:**`) is not
    /// empty.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users.
    /// ## Lessons Learned
    /// ### What went well
    /// - The alert fired within a minute.
    /// ```
    pub EmptySection {
        code: "PM103",
        name: "empty-section",
        severity: Severity::Error,
        fixable: false,
    }
}

impl Rule for EmptySection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let profile = context.profile();
        let sections = &context.document.sections;
        for (index, section) in sections.iter().enumerate() {
            if section.kind == SectionKind::Other
                || !section.is_empty()
                || !section.names_section
                || sections
                    .get(index + 1)
                    .is_some_and(|next| is_part_of(section, next))
            {
                continue;
            }
            report.push(
                Diagnostic::new(
                    &EmptySection::META,
                    section.heading.span,
                    format!("The `{}` section is empty", section.heading.text),
                )
                .with_help(format!(
                    "Write the {} under this heading, or remove the heading",
                    what_goes_in(profile.heading(section.kind))
                )),
            );
        }
    }
}

/// Whether `next`, which directly follows the empty `section`, holds its content as a
/// subsection.
fn is_part_of(section: &Section, next: &Section) -> bool {
    let is_heading = |section: &Section| {
        matches!(
            section.heading.style,
            HeadingStyle::Atx | HeadingStyle::Setext | HeadingStyle::Html
        )
    };
    match (is_heading(section), is_heading(next)) {
        // A deeper heading, or a label (labels sit below the heading before them).
        (true, true) if next.heading.level > section.heading.level => true,
        (true, false) => true,
        // A label over a heading introduces it when the heading is a part of its topic.
        (false, true) if next.kind == SectionKind::Other => true,
        _ => contains_kind(section.kind, next.kind),
    }
}

/// Whether a section of kind `whole` commonly has a part of kind `part`.
fn contains_kind(whole: SectionKind, part: SectionKind) -> bool {
    whole == part
        || whole.admits_label(part)
        || matches!(
            (whole, part),
            (
                SectionKind::Timeline,
                SectionKind::Detection | SectionKind::Resolution
            )
        )
}

/// `Timeline` → "timeline", for the help text.
fn what_goes_in(heading: &str) -> String {
    heading.to_lowercase()
}
