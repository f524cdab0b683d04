//! PM508 `missing-lessons-part`.

use crate::model::Profile;
use crate::model::{BlockKind, Document, HeadingStyle, Section};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports each missing or empty part of the lessons learned (`sre` profile).
    ///
    /// ## Why is this bad?
    /// The SRE postmortem template splits the lessons learned into what went well, what went
    /// wrong and where we got lucky. The three questions make the lessons honest. What went well is worth keeping, what went
    /// wrong is worth fixing, and where the team got lucky is a risk that only looked handled:
    /// next time the luck may not hold. A lessons section that answers only one of them loses
    /// the other two. The parts are read from sub-headings (`### What went well`), labels
    /// (`**What went poorly:**`) or labelled list items, under their common names ("went
    /// right", "could have gone better", "fortunately"...). There is one finding per part; a
    /// missing section is `missing-section`'s to report. It runs only under the `sre` profile.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Lessons Learned
    /// ### What went well
    /// - The rollback took two minutes.
    /// ### What went wrong
    /// - The alert fired 20 minutes late.
    /// ```
    ///
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Lessons Learned
    /// - **What went well:** the rollback took two minutes.
    /// - **What went wrong:**
    /// - **Where we got lucky:** the on-call engineer was awake.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Lessons Learned
    /// ### What went well
    /// - The rollback took two minutes.
    /// ### What went wrong
    /// - The alert fired 20 minutes late.
    /// ### Where we got lucky
    /// - The on-call engineer was awake.
    /// ```
    ///
    /// ## Fix
    /// Inserts the heading of a missing part, at the level of the other parts.
    pub MissingLessonsPart {
        code: "PM508",
        name: "missing-lessons-part",
        severity: Severity::Error,
        fixable: true,
        requirement: "sre.lessons",
    }
}

impl Rule for MissingLessonsPart {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if context.profile() != Profile::Sre {
            return;
        }
        let document = context.document;
        let region = lessons_region(document);
        let Some(lessons) = region
            .iter()
            .find(|section| section.kind == SectionKind::Lessons)
        else {
            return;
        };
        let elements = elements(context.source, &region);
        let markers: Vec<Option<&Element>> = Part::ALL
            .iter()
            .map(|&part| elements.iter().find(|element| element.part == Some(part)))
            .collect();
        // In reverse, so that the headings of several missing parts, inserted at one place,
        // come out in the template's order.
        for (index, &part) in Part::ALL.iter().enumerate().rev() {
            match markers[index] {
                Some(marker) if !has_content(&elements, part) => {
                    report.push(empty_part(part, marker.span));
                }
                Some(_) => {}
                None => {
                    let later = markers[index + 1..].iter().flatten().next().copied();
                    let fix = insertion(context.source, &region, later, part);
                    report.push(missing_part(part, lessons.heading.span, fix));
                }
            }
        }
    }
}

fn missing_part(part: Part, lessons: Span, fix: Option<Edit>) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        &MissingLessonsPart::META,
        lessons,
        format!("The lessons learned do not say {}", part.question()),
    )
    .with_help(format!(
        "Add a `{}` part to the lessons learned",
        part.heading()
    ));
    match fix {
        Some(edit) => diagnostic.with_fix(format!("Insert `{}`", part.heading()), vec![edit]),
        None => diagnostic,
    }
}

fn empty_part(part: Part, span: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingLessonsPart::META,
        span,
        format!("`{}` has nothing under it", part.heading()),
    )
    .with_help(format!("Write {} under it", part.question()))
}

/// The three parts of the lessons learned, in the template's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    WentWell,
    WentWrong,
    GotLucky,
}

impl Part {
    const ALL: [Part; 3] = [Part::WentWell, Part::WentWrong, Part::GotLucky];

    fn heading(self) -> &'static str {
        match self {
            Part::WentWell => "What went well",
            Part::WentWrong => "What went wrong",
            Part::GotLucky => "Where we got lucky",
        }
    }

    /// The question the part answers, as a sentence says it: its heading in lowercase.
    fn question(self) -> String {
        self.heading().to_lowercase()
    }

    /// The part a heading or label names, if any.
    fn named(text: &str) -> Option<Part> {
        let text = format!(" {} ", normalized(text));
        let names = |phrases: &[&str]| {
            phrases
                .iter()
                .any(|phrase| text.contains(&format!(" {phrase} ")))
        };
        if names(WENT_WRONG) {
            Some(Part::WentWrong)
        } else if names(WENT_WELL) {
            Some(Part::WentWell)
        } else if names(GOT_LUCKY) {
            Some(Part::GotLucky)
        } else {
            None
        }
    }
}

/// How people name each part (lowercase, apostrophes dropped).
const WENT_WELL: &[&str] = &[
    "went well",
    "went right",
    "worked well",
    "what worked",
    "went smoothly",
    "positives",
    "the good",
    "successes",
];
const WENT_WRONG: &[&str] = &[
    "went wrong",
    "went poorly",
    "went badly",
    "went less well",
    "did not go well",
    "didnt go well",
    "could have gone better",
    "could have been better",
    "could be improved",
    "could be better",
    "what didnt work",
    "what did not work",
    "negatives",
    "the bad",
    "needs improvement",
];
const GOT_LUCKY: &[&str] = &["lucky", "luck", "fortunate", "fortunately"];

/// A heading, label or line of the lessons learned.
struct Element {
    /// The part a heading or label names.
    part: Option<Part>,
    span: Span,
    /// Heading level; labels and content lines are below every heading.
    level: u8,
    is_heading: bool,
    /// Content on the label's own line (`**What went well:** the rollback`), or content.
    has_text: bool,
}

/// The lessons sections with the sections that continue them: deeper unrecognised headings
/// (`### What went poorly`) and sibling parts.
fn lessons_region(document: &Document) -> Vec<&Section> {
    let mut region = Vec::new();
    let mut top: Option<u8> = None;
    for section in &document.sections {
        let belongs = match section.kind {
            SectionKind::Lessons => true,
            SectionKind::Other => {
                Part::named(&section.heading.text).is_some()
                    || top.is_some_and(|top| section.heading.level > top)
            }
            _ => false,
        };
        if belongs {
            top.get_or_insert(section.heading.level);
            region.push(section);
        } else {
            top = None;
        }
    }
    if region
        .iter()
        .any(|section| section.kind == SectionKind::Lessons)
    {
        region
    } else {
        Vec::new()
    }
}

/// The region's headings, labels and content, in order.
fn elements(source: &str, region: &[&Section]) -> Vec<Element> {
    let mut elements = Vec::new();
    for section in region {
        let (part, rest) = label(&section.heading.text, true);
        elements.push(Element {
            part: part.or_else(|| Part::named(&section.heading.text)),
            span: section.heading.span,
            level: section.heading.level,
            is_heading: true,
            has_text: !rest.is_empty(),
        });
        for block in &section.blocks {
            let content = |span: Span| Element {
                part: None,
                span,
                level: u8::MAX,
                is_heading: false,
                has_text: true,
            };
            match &block.kind {
                BlockKind::Heading { heading } => elements.push(Element {
                    part: Part::named(&heading.text),
                    span: heading.span,
                    level: heading.level,
                    is_heading: true,
                    has_text: false,
                }),
                BlockKind::Paragraph { lines } => {
                    for line in lines {
                        elements.push(match label(&line.text, line.bold) {
                            (Some(part), rest) => Element {
                                part: Some(part),
                                span: line.span,
                                level: u8::MAX,
                                is_heading: false,
                                has_text: !rest.is_empty(),
                            },
                            (None, _) => content(line.span),
                        });
                    }
                }
                BlockKind::List { items, .. } => {
                    for item in items {
                        let (line, nested) = item.text.split_once('\n').unwrap_or((&item.text, ""));
                        let short = line.split_whitespace().count() <= 5;
                        elements.push(match label(line, short && !nested.trim().is_empty()) {
                            (Some(part), rest) => Element {
                                part: Some(part),
                                span: first_line(source, item.span),
                                level: u8::MAX,
                                is_heading: false,
                                has_text: !rest.is_empty() || !nested.trim().is_empty(),
                            },
                            (None, _) => content(item.span),
                        });
                    }
                }
                _ if block.is_blank() => {}
                _ => elements.push(content(block.span)),
            }
        }
    }
    elements
}

/// The part a label names and the text after it: `What went well: the rollback`, or, when
/// `bare` labels are allowed (headings, bold lines), `What went poorly`.
fn label(text: &str, bare: bool) -> (Option<Part>, &str) {
    let text = text.trim();
    let (name, rest) = match text.split_once(':') {
        Some((name, rest)) => (name, rest.trim()),
        None if bare && !text.ends_with('.') => (text, ""),
        None => return (None, text),
    };
    if name.split_whitespace().count() > 8 {
        return (None, text);
    }
    match Part::named(name) {
        Some(part) => (Some(part), rest),
        None => (None, text),
    }
}

/// Whether anything is written under a heading or label of `part`, before the next other
/// part or an enclosing heading.
fn has_content(elements: &[Element], part: Part) -> bool {
    elements
        .iter()
        .enumerate()
        .filter(|(_, marker)| marker.part == Some(part))
        .any(|(position, marker)| {
            marker.has_text
                || elements[position + 1..]
                    .iter()
                    .take_while(|element| {
                        element.part.is_none()
                            && !(element.is_heading && element.level <= marker.level)
                    })
                    .any(|element| !element.is_heading)
        })
}

/// Where the heading of a missing part goes: before the next part's heading, or after the
/// lessons learned. None when the parts are not headings.
fn insertion(
    source: &str,
    region: &[&Section],
    later: Option<&Element>,
    part: Part,
) -> Option<Edit> {
    let top = region.first()?;
    if !matches!(
        top.heading.style,
        HeadingStyle::Atx | HeadingStyle::Setext | HeadingStyle::Html
    ) {
        return None;
    }
    let level = if Part::named(&top.heading.text).is_some() {
        top.heading.level
    } else {
        top.heading.level + 1
    };
    let heading = format!(
        "{} {}",
        "#".repeat(usize::from(level.min(6))),
        part.heading()
    );
    match later {
        Some(later) if later.is_heading => {
            Some(Edit::insert(later.span.start, format!("{heading}\n\n")))
        }
        Some(_) => None,
        None => {
            let end = region.last()?.span.end;
            let before = &source[..end as usize];
            let separator = if before.ends_with("\n\n") {
                ""
            } else if before.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Some(Edit::insert(end, format!("{separator}{heading}")))
        }
    }
}

/// Lowercase words separated by single spaces, apostrophes dropped ("didn't" → "didnt").
fn normalized(text: &str) -> String {
    text.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_line(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let length = text.find('\n').unwrap_or(text.len());
    Span::new(span.start, span.start + Span::from_range(0..length).end)
}
