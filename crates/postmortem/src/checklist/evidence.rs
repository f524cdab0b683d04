//! What the checker found for a requirement it counts as met, in a few words and quotes
//! ("start 14:05 UTC, end 15:20 UTC"; "escalated: 14:40 UTC Paged the database team"), so that
//! a writer sees why a requirement is ticked and can tell when the checker misread them.

use crate::model::{Document, Milestones, SectionKind, document_words};
use crate::span::Span;

/// The longest quote, in characters, before it is cut with an ellipsis.
const QUOTE_CHARS: usize = 60;

/// What was found for requirement `id` in `document` (parsed from `source`), when the model
/// holds it; `None` for requirements it has nothing to show for.
pub(super) fn found(id: &str, source: &str, document: &Document) -> Option<String> {
    let summary = &document.summary;
    let timeline = &document.timeline;
    let quote_span = |span: Span| quote(span.text(source));
    Some(match id {
        "summary.section" | "sre.summary" => match document.section(SectionKind::Summary) {
            Some(section) => format!("`{}`", section.heading.text),
            None => "the opening text".to_owned(),
        },
        "summary.duration" => {
            let start = summary.start.as_ref()?.span.text(source);
            match (&summary.end, summary.stated_minutes) {
                (Some(end), _) => format!("start {start}, end {}", end.span.text(source)),
                (None, Some((_, length))) => {
                    format!("start {start}, lasting {}", length.text(source))
                }
                (None, None) => format!("start {start}"),
            }
        }
        "summary.timezone" => {
            let zone = summary
                .zone
                .as_ref()
                .or(summary.start.as_ref().and_then(|start| start.zone.as_ref()))?;
            format!("zone {}", zone.text)
        }
        "summary.impact" | "sre.impact" => quote_span(summary.experience.or(summary.impact)?),
        "summary.affected-share" => {
            let share = summary.affected_share.as_ref()?.span;
            quote_span(share_in_its_sentence(source, share))
        }
        "summary.root-cause" => quote_span(summary.root_cause_sentence.or(summary.root_cause)?),
        "timeline.section" | "sre.timeline" => {
            let section = document.section(SectionKind::Timeline)?;
            format!(
                "`{}`: {}",
                section.heading.text,
                entries(timeline.entries.len())
            )
        }
        "timeline.list" => entries(timeline.entries.len()),
        "timeline.times" => format!("{} with a time", entries(timeline.timed_entries().count())),
        "timeline.order" => {
            let mut times = timeline.timed_entries();
            let (_, first) = times.next()?;
            let (_, last) = times.last()?;
            format!(
                "from {} to {}",
                first.span.text(source),
                last.span.text(source)
            )
        }
        "timeline.detection" => milestone("detected", document, |m| m.detection)?,
        "timeline.actions" => milestone("investigated", document, |m| m.action)?,
        "timeline.misleading-path" => milestone("misleading", document, |m| m.misleading)?,
        "timeline.escalation" => milestone("escalated", document, |m| m.escalation)?,
        "timeline.resolution" => milestone("resolved", document, |m| m.resolution)?,
        "root-cause.section" | "sre.root-causes" => {
            format!(
                "`{}`",
                document.section(SectionKind::RootCause)?.heading.text
            )
        }
        "root-cause.cause" | "root-cause.fix" => {
            let sentences: usize = document
                .sections
                .iter()
                .filter(|section| {
                    matches!(
                        section.kind,
                        SectionKind::RootCause | SectionKind::Resolution
                    )
                })
                .map(|section| section.sentences.len())
                .sum();
            match sentences {
                0 => return None,
                1 => "1 sentence".to_owned(),
                count => format!("{count} sentences"),
            }
        }
        "measures.section" | "sre.action-items" => {
            format!(
                "`{}`",
                document.section(SectionKind::Measures)?.heading.text
            )
        }
        "measures.improvements" => quote(&document.measures.improvements.first()?.text),
        "measures.tasks" => {
            let tasks = &document.measures.tasks;
            let first = quote(&tasks.first()?.text);
            match tasks.len() {
                1 => format!("1 task: {first}"),
                count => format!("{count} tasks, the first {first}"),
            }
        }
        "document.length" => format!("{} words", document_words(document)),
        _ => return None,
    })
}

/// "escalated: “14:40 UTC Paged the database team”", from the first entry that records it.
fn milestone(
    what: &str,
    document: &Document,
    records: impl Fn(&Milestones) -> bool,
) -> Option<String> {
    let entry = document
        .timeline
        .entries
        .iter()
        .find(|entry| records(&entry.milestones))?;
    Some(format!("{what}: {}", quote(&entry.text)))
}

/// The words from `share` ("55%") to the end of its sentence: "55% of label requests failed".
fn share_in_its_sentence(source: &str, share: Span) -> Span {
    let rest = &source[share.start as usize..];
    let sentence = crate::text::sentence_around(rest, 0);
    Span::from_range(share.start as usize..share.start as usize + sentence.end)
}

fn entries(count: usize) -> String {
    if count == 1 {
        "1 entry".to_owned()
    } else {
        format!("{count} entries")
    }
}

/// `text` with its whitespace collapsed, in quotes, cut at a word near [`QUOTE_CHARS`].
fn quote(text: &str) -> String {
    let mut quoted = String::new();
    for word in text.split_whitespace() {
        if quoted.chars().count() + word.chars().count() > QUOTE_CHARS && !quoted.is_empty() {
            quoted.push('…');
            return format!("“{quoted}”");
        }
        if !quoted.is_empty() {
            quoted.push(' ');
        }
        quoted.push_str(word);
    }
    format!("“{quoted}”")
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_are_short_and_on_one_line() {
        assert_eq!(
            quote("Checkout  failed\nfor all users"),
            "“Checkout failed for all users”"
        );
        let long = "word ".repeat(40);
        let quoted = quote(&long);
        assert!(quoted.ends_with("…”") && quoted.chars().count() <= super::QUOTE_CHARS + 4);
    }
}
