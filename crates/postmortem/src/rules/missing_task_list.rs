//! PM502 `missing-task-list`.

use crate::model::Section;
use crate::rule::prelude::*;

declare_rule! {
    /// Checks that the corrective and preventative measures include a list of specific tasks.
    ///
    /// ## Why is this bad?
    /// Broad intentions ("improve monitoring", "strengthen our processes") are rarely done
    /// unless someone turns them into tasks that can be ticked off: patch the Nginx server,
    /// add monitoring on server memory. The rule fires when a measures section has content
    /// but no list (or table) of specific tasks: a checklist, a list under a `Tasks:` or
    /// `TODO:` label, or a list whose items (or lines, one task each) start with verbs of
    /// action. A single task is not a list: what else the incident calls for is missing. It
    /// does not fire when the section is missing (`missing-section`) or empty
    /// (`empty-section`).
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - Improve our monitoring capabilities.
    /// - Establish clearer escalation protocols.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Corrective and Preventative Measures
    /// - Improve our monitoring capabilities.
    ///
    /// Tasks:
    /// - [ ] Add monitoring on server memory.
    /// - [ ] Patch the Nginx server to 1.25.
    /// ```
    ///
    /// A list with no label is a task list when most of its items name something to do, even
    /// generic actions:
    /// ```markdown
    /// ## Corrective and Preventative Measures
    /// 1. Alerting: Monitor queue depth per region.
    /// 2. Implement a retry budget in the export client.
    /// 3. Strengthen our release process.
    /// ```
    pub MissingTaskList {
        code: "PM502",
        name: "missing-task-list",
        severity: Severity::Error,
        fixable: false,
        requirement: "measures.tasks",
    }
}

impl Rule for MissingTaskList {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let mut sections = document.sections_of(SectionKind::Measures).peekable();
        let Some(first) = sections.peek().copied() else {
            return;
        };
        // An empty measures section is `empty-section`'s to report, unless the measures are
        // written under sub-headings of their own ("### Tasks to Address the Issue").
        let measures = &document.measures;
        if sections.all(Section::is_empty)
            && measures.tasks.is_empty()
            && measures.improvements.is_empty()
        {
            return;
        }
        match document.measures.tasks.as_slice() {
            [] => report.push(missing_task_list(
                first.heading.span,
                "The measures list no specific tasks",
            )),
            [only] if only.actions < 2 => report.push(missing_task_list(
                only.line,
                "The measures name a single task: a task list has two or more",
            )),
            _ => {}
        }
    }
}

fn missing_task_list(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(&MissingTaskList::META, span, message).with_help(
        "Add a checklist of concrete tasks, e.g. `- [ ] Add monitoring on server memory`",
    )
}
