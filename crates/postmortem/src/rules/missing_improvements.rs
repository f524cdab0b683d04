//! PM501 `missing-improvements`.

use crate::model::Profile;
use crate::model::Section;
use crate::rule::prelude::*;

declare_rule! {
    /// Checks that the corrective and preventative measures say broadly what can be improved.
    ///
    /// ## Why is this bad?
    /// A list of tasks says what will be done next week; the broad improvements say what the
    /// organisation learned and where it is weak (monitoring, review, capacity planning). The
    /// `standard` profile asks for both. The rule fires when a measures section has content
    /// but none of it reads as a broad improvement: only a task checklist, or nothing but
    /// labels. A lessons learned section counts as the broad view. It does not fire when the
    /// section is missing (`missing-section`) or empty (`empty-section`), nor in the `sre`
    /// profile, whose action items stand alone.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - [ ] Add an alert on database memory above 80 %.
    /// - [ ] Raise the connection pool limit to 100.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Corrective and Preventative Measures
    /// We will improve our monitoring of database resources and review capacity before launches.
    ///
    /// - [ ] Add an alert on database memory above 80 %.
    /// - [ ] Raise the connection pool limit to 100.
    /// ```
    pub MissingImprovements {
        code: "PM501",
        name: "missing-improvements",
        severity: Severity::Error,
        fixable: false,
        requirement: "measures.improvements",
    }
}

impl Rule for MissingImprovements {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if context.profile() != Profile::Standard {
            return;
        }
        let document = context.document;
        let mut sections = document.sections_of(SectionKind::Measures).peekable();
        let Some(first) = sections.peek().copied() else {
            return;
        };
        if sections.all(Section::is_empty) {
            return;
        }
        // Lessons learned ("what went wrong") give the broad view the measures would.
        let has_lessons = document
            .sections_of(SectionKind::Lessons)
            .any(|section| !section.is_empty());
        if document.measures.improvements.is_empty() && !has_lessons {
            report.push(missing_improvements(first.heading.span));
        }
    }
}

fn missing_improvements(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingImprovements::META,
        heading,
        "The measures do not say broadly what can be improved",
    )
    .with_help(
        "Add a sentence or list of broad improvements above the tasks, e.g. `Improve monitoring of database resources`",
    )
}
