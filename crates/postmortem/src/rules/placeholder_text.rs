//! PM602 `placeholder-text`.

use crate::model::Profile;
use crate::model::{Block, BlockKind, Document};
use crate::rule::prelude::*;
use crate::template::template;
use crate::text::{Patterns, comment_ranges, match_starts, without_enclosed};
use std::sync::LazyLock;

declare_rule! {
    /// Reports template text left in the document.
    ///
    /// Placeholders are `TODO`, `TBD`, `TBA`, `FIXME`, lorem ipsum, `XX:XX`, `HH:MM`,
    /// `YYYY-MM-DD`, `XX%`, `[insert ...]`, `<your ...>`, the template's own title, a line
    /// telling the writer what to put "here" (`Include the diagram here:`) and an image from a
    /// placeholder-image service such as dummyimage.com, an image with no address
    /// (`![Architecture diagram]` alone, which Markdown shows as text) and the template's note
    /// calling its own text a sample ("These are only sample subheadings").
    ///
    /// ## Why is this bad?
    /// A placeholder is content the author meant to write and did not: a time, a link, a
    /// paragraph. Readers stop at it, and a published postmortem with `TBD` in it looks
    /// unfinished.
    ///
    /// A `TODO:` label over a list of tasks is a heading, not a placeholder, and text in
    /// comments or code is not read, so neither is reported.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Timeline
    /// - XX:XX UTC - An alert fired.
    /// ```
    ///
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Appendix
    /// TODO: link the incident channel
    /// ```
    ///
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Appendix
    /// Add the architecture diagram here, with the failing component marked.
    /// ```
    ///
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Appendix
    /// ![Architecture](https://dummyimage.com/800x400/ccc/000&text=Diagram)
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Corrective and Preventative Measures
    /// TODO:
    /// - [ ] Add a canary stage to the deploy pipeline.
    /// - [ ] Add a retry here, in the export client.
    ///
    /// Add the quota to the runbook, as [described here](https://docs.example.com/quota).
    /// ```
    ///
    /// ```markdown
    /// # Checkout outage
    /// ## Appendix
    /// The architecture diagram marks the failing component:
    ///
    /// ![Architecture](https://diagrams.example.com/checkout.png)
    /// ```
    pub PlaceholderText {
        code: "PM602",
        name: "placeholder-text",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for PlaceholderText {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let (source, document) = (context.source, context.document);
        if let Some(title) = &document.title
            && is_template_title(&title.text)
        {
            report.push(
                Diagnostic::new(
                    &PlaceholderText::META,
                    title.span,
                    "The title is the template's placeholder",
                )
                .with_help("Name what broke, in a few words"),
            );
        }
        for image in &document.images {
            if is_stand_in_image(&image.url) {
                report.push(
                    Diagnostic::new(
                        &PlaceholderText::META,
                        image.span,
                        format!(
                            "Image `{}` is a stand-in from a placeholder-image service",
                            image.url
                        ),
                    )
                    .with_help("Put the real diagram or screenshot in its place, or remove it"),
                );
            }
        }
        for region in regions(document) {
            check_region(source, document, &region, report);
        }
    }
}

/// The findings in one region's text: instructions and notes to the writer, image slots and
/// placeholders.
fn check_region(source: &str, document: &Document, region: &Region, report: &mut Vec<Diagnostic>) {
    let text = region.span.text(source);
    let span_of = |local: usize, len: usize| {
        let start = region.span.start + Span::from_range(0..local).end;
        Span::new(start, start + Span::from_range(0..len).end)
    };
    let mut push = |span: Span, message: String, help: &'static str| {
        report.push(Diagnostic::new(&PlaceholderText::META, span, message).with_help(help));
    };
    for (local, len) in instructions_to_the_writer(text) {
        let span = span_of(local, len);
        push(
            span,
            format!(
                "The template's instruction `{}` is left in the text",
                span.text(source)
            ),
            "Do what it asks, then remove the instruction",
        );
    }
    for (local, len) in notes_about_the_template(text) {
        let span = span_of(local, len);
        push(
            span,
            format!(
                "The template's note `{}` is left in the text",
                span.text(source)
            ),
            "Remove it, and keep or rename the parts it calls samples",
        );
    }
    let found = find_placeholders(text);
    let slots = image_slots(text);
    if found.is_empty() && slots.is_empty() {
        return;
    }
    let hidden = hidden_ranges(text);
    let is_hidden = |local: usize| hidden.iter().any(|range| range.contains(&local));
    for (local, len) in slots {
        let span = span_of(local, len);
        // `![Diagram]` with `[Diagram]: diagram.png` defined elsewhere is an image.
        let is_image = document
            .images
            .iter()
            .any(|image| image.span.start < span.end && span.start < image.span.end);
        if !is_image && !is_hidden(local) {
            push(
                span,
                format!(
                    "Image `{}` has no address: its picture was never added",
                    span.text(source)
                ),
                "Add the image's address after it, `(diagram.png)`, or remove it",
            );
        }
    }
    for found in found {
        if is_hidden(found.start)
            || (found.is_label_word && is_todo_label(text, found.start, region.next_is_list))
        {
            continue;
        }
        let span = span_of(found.start, found.len);
        push(
            span,
            format!("Placeholder `{}` left in the text", span.text(source)),
            "Write the missing content, or remove the placeholder",
        );
    }
}

/// Whether a title is one of the templates' placeholder titles.
fn is_template_title(title: &str) -> bool {
    Profile::ALL.into_iter().any(|profile| {
        template(profile)
            .lines()
            .find_map(|line| line.strip_prefix("# "))
            .is_some_and(|placeholder| placeholder.trim().eq_ignore_ascii_case(title.trim()))
    })
}

/// A piece of the source read as text, and whether a list follows it in its section.
struct Region {
    span: Span,
    next_is_list: bool,
}

/// The title, the headings and every block except code, in order.
fn regions(document: &Document) -> Vec<Region> {
    let mut regions = Vec::new();
    if let Some(title) = &document.title {
        regions.push(Region {
            span: title.span,
            next_is_list: false,
        });
    }
    push_blocks(&document.preamble, &mut regions);
    for section in &document.sections {
        regions.push(Region {
            span: section.heading.span,
            next_is_list: first_is_list(&section.blocks),
        });
        push_blocks(&section.blocks, &mut regions);
    }
    regions
}

fn push_blocks(blocks: &[Block], regions: &mut Vec<Region>) {
    for (index, block) in blocks.iter().enumerate() {
        if block.is_blank() || matches!(block.kind, BlockKind::Code { .. }) {
            continue;
        }
        regions.push(Region {
            span: block.span,
            next_is_list: first_is_list(&blocks[index + 1..]),
        });
    }
}

fn first_is_list(blocks: &[Block]) -> bool {
    blocks.iter().find(|block| !block.is_blank()).is_some_and(
        |block| matches!(&block.kind, BlockKind::List { items, .. } if !items.is_empty()),
    )
}

/// A placeholder found in a region's text: its byte range, and whether it is a word such as
/// `TODO` that also serves as a label.
struct Found {
    start: usize,
    len: usize,
    is_label_word: bool,
}

/// Words that stand for missing content, matched whole and in capitals.
const PLACEHOLDER_WORDS: &[&str] = &["TODO", "TBD", "TBA", "FIXME"];

/// Placeholder times, dates and figures, matched whole and in any case (`XX:XX`, `HH:MM`).
const PLACEHOLDER_TOKENS: &[&str] = &[
    "xx:xx",
    "hh:mm",
    "yyyy-mm-dd",
    "dd/mm/yyyy",
    "mm/dd/yyyy",
    "xx%",
    "lorem ipsum",
];

/// How bracketed (`[insert ...]`) and angled (`<your ...>`) placeholders start.
const PLACEHOLDER_OPENINGS: &[&str] = &[
    "insert ",
    "insert]",
    "enter ",
    "your ",
    "add your ",
    "fill in",
    "describe ",
    "placeholder]",
    "replace with",
];

/// The placeholders of a text, in order: the words, matched in capitals; the tokens, "Lorem"
/// (not "Lorem ipsum", a token) and the bracketed openings, in any case.
fn find_placeholders(text: &str) -> Vec<Found> {
    let lowered = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut push = |start: usize, len: usize, is_label_word: bool| {
        found.push(Found {
            start,
            len,
            is_label_word,
        });
    };
    for word in PLACEHOLDER_WORDS {
        for start in match_starts(text, word) {
            if is_whole(text, start, word.len()) {
                push(start, word.len(), *word == "TODO");
            }
        }
    }
    for token in PLACEHOLDER_TOKENS {
        for start in match_starts(&lowered, token) {
            if is_whole(text, start, token.len()) {
                push(start, token.len(), false);
            }
        }
    }
    for start in match_starts(text, "Lorem") {
        if !lowered[start..].starts_with("lorem ipsum") && is_whole(text, start, "Lorem".len()) {
            push(start, "Lorem".len(), false);
        }
    }
    for (open, close) in [('[', ']'), ('<', '>')] {
        for (start, _) in text.match_indices(open) {
            let rest = &lowered[start + 1..];
            let Some(end) = rest.find(close) else {
                continue;
            };
            let inner = &rest[..end];
            // Link text (`[placeholder pods](https://...)`) is only a placeholder when it asks
            // for an insertion.
            let is_link = open == '[' && rest[end + 1..].starts_with(['(', '[']);
            if inner.len() <= 80
                && !inner.contains(['\n', '[', '<', '=', '"'])
                && (!is_link || inner.trim_start().starts_with("insert"))
                && PLACEHOLDER_OPENINGS
                    .iter()
                    .any(|opening| rest[..=end].trim_start().starts_with(opening))
            {
                push(start, end + 2, false);
            }
        }
    }
    crate::sort::sort_by_key(&mut found, |found| crate::sort::offset(found.start));
    found.dedup_by_key(|found| found.start);
    found
}

/// Services that serve a grey box with a caption, used for a diagram not yet drawn.
const PLACEHOLDER_IMAGE_HOSTS: &[&str] = &[
    "dummyimage.com",
    "placehold.co",
    "placehold.it",
    "placeholder.com",
    "placekitten.com",
    "placeimg.com",
    "fakeimg.pl",
    "lorempixel.com",
    "picsum.photos",
];

/// Whether an image comes from a placeholder-image service (`https://dummyimage.com/600x400`).
fn is_stand_in_image(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    PLACEHOLDER_IMAGE_HOSTS.iter().any(|service| {
        host == *service
            || host
                .strip_suffix(service)
                .is_some_and(|subdomain| subdomain.ends_with('.'))
    })
}

/// Verbs a template uses to tell its writer what to put in a place.
const INSTRUCTING: &[&str] = &[
    "include",
    "insert",
    "add",
    "describe",
    "paste",
    "put",
    "write",
    "list",
    "provide",
    "attach",
    "explain",
    "summarize",
    "summarise",
    "fill",
    "enter",
    "place",
];

/// The lines that tell the writer what to put "here" ("Include relevant diagrams here:"): a
/// template's guidance, addressed to its writer, which a finished postmortem does not keep.
/// A task in a list ("- Add a retry here") is the document's own action, not guidance.
fn instructions_to_the_writer(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let trimmed = line.trim_end();
        let indent = trimmed.len() - trimmed.trim_start().len();
        let sentence = trimmed
            .trim_start()
            .trim_start_matches(['*', '_', '>'])
            .trim_start();
        if trimmed.trim_start().starts_with(['-', '+', '|', '#'])
            || sentence.split_whitespace().count() > 25
        {
            continue;
        }
        // "[see here](...)" is a link's text: the place it means is elsewhere.
        let lowered = without_enclosed(sentence, '[', ']').to_ascii_lowercase();
        let mut words = lowered
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty());
        let instructs = words.next().is_some_and(|verb| INSTRUCTING.contains(&verb));
        if instructs && words.any(|word| word == "here") {
            found.push((start + indent, trimmed.len() - indent));
        }
    }
    found
}

/// What a template says of its own text: "These are only sample subheadings."
const TEMPLATE_NOTES: &[&str] = &[
    "only sample",
    "sample subheading",
    "sample heading",
    "sample section",
    "sample text",
    "example text",
];

/// The lines in which the text calls itself a sample: the template's note to its writer,
/// which a finished postmortem does not keep.
fn notes_about_the_template(text: &str) -> Vec<(usize, usize)> {
    static NOTES: LazyLock<Patterns<()>> = LazyLock::new(|| Patterns::of(TEMPLATE_NOTES));
    let mut found = Vec::new();
    // Every note holds "sample" or "example": most texts hold neither, and are not lowered.
    if !text.contains("ample") {
        return found;
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() && NOTES.any_in(&trimmed.to_ascii_lowercase()) {
            let indent = line.len() - line.trim_start().len();
            found.push((start + indent, trimmed.len()));
        }
    }
    found
}

/// Images written without an address, `![Architecture diagram]` alone: the slot a template
/// or a draft leaves for a picture that was never added. Markdown shows them as plain text.
fn image_slots(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find("![").map(|index| from + index) {
        let alt_start = start + 2;
        let line_end = text[alt_start..]
            .find('\n')
            .map_or(text.len(), |index| alt_start + index);
        let Some(close) = text[alt_start..line_end]
            .find(']')
            .map(|index| alt_start + index)
        else {
            from = alt_start;
            continue;
        };
        let followed_by_address = text[close + 1..].starts_with(['(', '[']);
        if !followed_by_address && !text[alt_start..close].contains('[') {
            found.push((start, close + 1 - start));
        }
        from = close + 1;
    }
    found
}

/// Whether `text[start..start + len]` is not part of a longer word.
fn is_whole(text: &str, start: usize, len: usize) -> bool {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    let before = text[..start].chars().next_back();
    let after = text[start + len..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// A `TODO` that is the whole of its line (`TODO:`, `**TODO list**`, `## TODO`) and has a list
/// after it: a label over tasks, not a placeholder.
fn is_todo_label(text: &str, start: usize, next_is_list: bool) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |index| index + 1);
    let line_end = text[start..]
        .find('\n')
        .map_or(text.len(), |index| start + index);
    let label = text[line_start..line_end]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '_' | ':'))
        .to_ascii_lowercase();
    let is_label = matches!(
        label.as_str(),
        "todo" | "todos" | "todo list" | "todo items" | "todo tasks"
    );
    let is_last_line = text[line_end..].trim().is_empty();
    is_label && is_last_line && next_is_list
}

/// Byte ranges a reader does not see as text: comments, inline code and URLs.
fn hidden_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = comment_ranges(text).collect();
    let mut from = 0;
    while let Some(start) = text[from..].find('`').map(|index| from + index) {
        let ticks = text[start..].chars().take_while(|&c| c == '`').count();
        let fence = &text[start..start + ticks];
        let Some(close) = text[start + ticks..].find(fence) else {
            break;
        };
        let end = start + ticks + close + ticks;
        ranges.push(start..end);
        from = end;
    }
    let mut offset = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        if token.contains("://") {
            ranges.push(offset..offset + token.len());
        }
        offset += token.len();
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_placeholders_a_reader_sees() {
        for (text, expected) in [
            ("", &[][..]),
            ("TODO: link the incident channel", &["TODO"]),
            (
                "TODOTODO TODO_x xTODO TBD, TBA; FIXME!",
                &["TBD", "TBA", "FIXME"],
            ),
            (
                "At XX:XX UTC, hh:MM, Xx%, yyyy-mm-dd and DD/MM/YYYY or mm/dd/yyyy.",
                &[
                    "XX:XX",
                    "hh:MM",
                    "Xx%",
                    "yyyy-mm-dd",
                    "DD/MM/YYYY",
                    "mm/dd/yyyy",
                ],
            ),
            (
                "Lorem ipsum dolor. LOREM IPSUM. Lorem, Loremipsum, Lorem\nipsum",
                &["Lorem ipsum", "LOREM IPSUM", "Lorem", "Lorem"],
            ),
            (
                "[Insert link] [ insert ] [placeholder pods](https://x) [insert here](https://x)",
                &["[Insert link]", "[ insert ]", "[insert here]"],
            ),
            (
                "<Your name> <your\nname> <b>bold</b> [a [insert b] <enter x=1>",
                &["<Your name>", "[insert b]"],
            ),
            (
                "[   ] [describe the impact] <fill in> [replace with the graph]",
                &[
                    "[describe the impact]",
                    "<fill in>",
                    "[replace with the graph]",
                ],
            ),
            (
                "Ünïcödé TODO ünd XX:XX — [insert ä] <your ß> İ\u{212a}",
                &["TODO", "XX:XX", "[insert ä]", "<your ß>"],
            ),
            ("]]] <<< [[[ >>> <", &[]),
        ] {
            let found: Vec<&str> = find_placeholders(text)
                .iter()
                .map(|found| &text[found.start..found.start + found.len])
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
        let labels: Vec<bool> = find_placeholders("TODO and TBD")
            .iter()
            .map(|found| found.is_label_word)
            .collect();
        assert_eq!(labels, [true, false]);
    }
}
