//! The profile's requirement checklist, derived from the same diagnostics the rules report, so
//! the two can never disagree.

mod evidence;

use crate::config::Profile;
use crate::diagnostic::Diagnostic;
use crate::model::{Document, SectionKind};
use serde::Serialize;

/// One requirement of a profile and whether the document meets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// A stable id such as `summary.timezone`.
    pub id: &'static str,
    /// What the requirement asks, for people.
    pub label: &'static str,
    pub met: bool,
    /// Why it is not met (the finding's message), or what was found that meets it ("start
    /// 14:05 UTC, end 15:20 UTC"); empty when there is nothing to show.
    pub reason: String,
}

/// The requirement ids of each profile with their labels (SPEC section 1).
const STANDARD: &[(&str, &str)] = &[
    ("summary.section", "An issue summary section"),
    ("summary.duration", "The outage's start and end"),
    ("summary.timezone", "The timezone of those times"),
    (
        "summary.impact",
        "What was affected, what users experienced",
    ),
    ("summary.affected-share", "The share of users affected"),
    ("summary.root-cause", "The root cause, in the summary"),
    ("timeline.section", "A timeline section"),
    ("timeline.list", "The timeline as a list of entries"),
    ("timeline.times", "A time on every entry"),
    ("timeline.order", "Entries in chronological order"),
    ("timeline.detection", "When and how it was detected"),
    ("timeline.actions", "What was investigated or assumed"),
    (
        "timeline.misleading-path",
        "A misleading investigation path",
    ),
    ("timeline.escalation", "Who it was escalated to"),
    ("timeline.resolution", "How it was resolved"),
    ("root-cause.section", "A root cause and resolution section"),
    ("root-cause.cause", "What caused it, in detail"),
    ("root-cause.fix", "How it was fixed, in detail"),
    (
        "measures.section",
        "A corrective and preventative measures section",
    ),
    ("measures.improvements", "What can be improved, broadly"),
    ("measures.tasks", "A list of specific tasks"),
    ("document.length", "The right length"),
];

const SRE: &[(&str, &str)] = &[
    ("sre.title", "A title"),
    ("sre.metadata", "The date, authors and status"),
    ("sre.summary", "A summary"),
    ("sre.impact", "The impact"),
    ("sre.root-causes", "The root causes"),
    ("sre.trigger", "The trigger"),
    ("sre.resolution", "The resolution"),
    ("sre.detection", "How it was detected"),
    ("sre.action-items", "Action items"),
    ("sre.lessons", "Lessons learned"),
    ("sre.timeline", "A timeline"),
    ("document.length", "The right length"),
];

/// The requirements of `profile`, in order.
pub fn requirements(profile: Profile) -> &'static [(&'static str, &'static str)] {
    match profile {
        Profile::Standard => STANDARD,
        Profile::Sre => SRE,
    }
}

/// The checklist of `profile` for a document with these findings. A requirement on a
/// section's content is unmet when the section is missing or empty (its content rules have
/// nothing to read, so their silence shows nothing), with the missing or empty section as the
/// reason: a blank template meets none of them.
pub fn checklist(
    profile: Profile,
    source: &str,
    document: &Document,
    diagnostics: &[Diagnostic],
) -> Vec<Requirement> {
    let reason_for = |id: &str| {
        diagnostics
            .iter()
            .find(|diagnostic| diagnostic.requirement == Some(id))
            .map(|diagnostic| diagnostic.message.clone())
    };
    requirements(profile)
        .iter()
        .map(|&(id, label)| {
            let reason = reason_for(id)
                .or_else(|| without_what_it_is_about(id, document))
                .or_else(|| {
                    let (part, _) = id.split_once('.')?;
                    let section = format!("{part}.section");
                    if id == section {
                        return None;
                    }
                    match content(document, part) {
                        Content::Written => None,
                        Content::Missing => reason_for(&section),
                        Content::Empty(heading) => {
                            Some(format!("The `{heading}` section is empty"))
                        }
                    }
                });
            let met = reason.is_none();
            Requirement {
                id,
                label,
                met,
                reason: reason
                    .or_else(|| evidence::found(id, source, document))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Why a requirement about another one's facts is unmet when they are not there: "the
/// timezone of those times" cannot be met by a summary that gives no times.
fn without_what_it_is_about(id: &str, document: &Document) -> Option<String> {
    let summary = &document.summary;
    (id == "summary.timezone" && summary.anchor.is_some() && summary.start.is_none())
        .then(|| "The summary gives no times to carry a timezone".to_owned())
}

/// What a checklist part's content rules had to read.
enum Content<'d> {
    Written,
    Missing,
    /// The section is there with nothing under it: its heading.
    Empty(&'d str),
}

fn content<'d>(document: &'d Document, part: &str) -> Content<'d> {
    let kind = match part {
        "summary" if document.summary.anchor.is_none() => return Content::Missing,
        "summary" => SectionKind::Summary,
        "timeline" => SectionKind::Timeline,
        "root-cause" => SectionKind::RootCause,
        "measures" => SectionKind::Measures,
        _ => return Content::Written,
    };
    let written = match kind {
        SectionKind::Summary => !document.summary.runs.is_empty(),
        SectionKind::Timeline => !document.timeline.entries.is_empty(),
        SectionKind::Measures => {
            !document.measures.tasks.is_empty() || !document.measures.improvements.is_empty()
        }
        _ => false,
    };
    let Some(first) = document
        .sections
        .iter()
        .find(|section| section.kind == kind)
    else {
        // An unlabelled opening stands in for the summary section.
        return if kind == SectionKind::Summary {
            Content::Written
        } else {
            Content::Missing
        };
    };
    let any_body = document
        .sections
        .iter()
        .any(|section| section.kind == kind && !section.is_empty());
    if written || any_body {
        Content::Written
    } else {
        Content::Empty(&first.heading.text)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, validate};

    fn unmet(source: &str) -> Vec<&'static str> {
        let validation = validate(source, &Config::default());
        validation
            .checklist
            .iter()
            .filter(|requirement| !requirement.met)
            .map(|requirement| requirement.id)
            .collect()
    }

    #[test]
    fn a_missing_section_leaves_its_content_requirements_unmet() {
        let unmet = unmet("# Outage\n\n## Timeline\n\n- 10:00 UTC - An alert fired.\n");
        for id in [
            "summary.section",
            "summary.duration",
            "summary.root-cause",
            "measures.tasks",
            "root-cause.fix",
        ] {
            assert!(unmet.contains(&id), "{id} should be unmet: {unmet:?}");
        }
    }

    #[test]
    fn a_blank_template_meets_only_its_headings() {
        let profile = crate::Profile::Standard;
        let unmet = unmet(crate::template(profile));
        for &(id, _) in super::requirements(profile) {
            assert_eq!(
                unmet.contains(&id),
                !id.ends_with(".section"),
                "{id} in the blank template: unmet {unmet:?}"
            );
        }
    }

    #[test]
    fn an_empty_section_says_so() {
        let source = "# Outage\n\n## Issue Summary\n\nFrom 10:00 to 11:00 UTC checkout failed for \
                      all users because a deploy broke it.\n\n## Timeline\n\n<!-- later -->\n";
        let validation = validate(source, &Config::default());
        let detection = validation
            .checklist
            .iter()
            .find(|requirement| requirement.id == "timeline.detection")
            .unwrap();
        assert!(!detection.met);
        assert_eq!(detection.reason, "The `Timeline` section is empty");
    }

    #[test]
    fn a_met_requirement_says_what_was_found() {
        let source = "# Outage\n\n## Issue Summary\n\nFrom 10:00 to 11:00 UTC checkout failed for \
                      all users because a deploy broke it.\n\n## Timeline\n\n\
                      - 10:00 UTC - An alert fired.\n- 10:20 UTC - Escalated to the payments team.\n";
        let validation = validate(source, &Config::default());
        let reason = |id: &str| {
            let requirement = validation
                .checklist
                .iter()
                .find(|requirement| requirement.id == id)
                .unwrap();
            assert!(requirement.met, "{id}: {}", requirement.reason);
            requirement.reason.clone()
        };
        assert_eq!(reason("summary.duration"), "start 10:00, end 11:00");
        assert_eq!(reason("summary.timezone"), "zone UTC");
        assert_eq!(
            reason("summary.affected-share"),
            "“all users because a deploy broke it.”"
        );
        assert_eq!(
            reason("timeline.escalation"),
            "escalated: “10:20 UTC - Escalated to the payments team.”"
        );
    }

    #[test]
    fn met_requirements_follow_the_findings() {
        let unmet = unmet(include_str!("../tests/documents/headed.md"));
        assert!(
            unmet.is_empty(),
            "the headed document meets every requirement, but {unmet:?}"
        );
    }
}
