//! Blocks → title, preamble and sections, whatever the author used as headings.

use crate::model::{Block, BlockKind, Document, Heading, HeadingStyle, Line, Section, SectionKind};
use crate::parse::exceeds_words;
use crate::span::Span;
use crate::text::strip_tags;

/// Labels longer than this are sentences, not headings.
const MAX_LABEL_WORDS: usize = 8;

/// Groups blocks into the document's title, preamble and sections.
pub(crate) fn sectionize(blocks: Vec<Block>, document: &mut Document) {
    let mut builder = SectionBuilder {
        document,
        heading_level: 0,
    };
    for block in blocks {
        if let Some(heading) = chapter_heading(&block, builder.document) {
            builder.heading(heading, None);
            continue;
        }
        split_labels(block, &mut |piece| match piece {
            Piece::Heading(heading) => {
                let kind = classify_heading(&heading.text);
                builder.heading(heading, kind);
            }
            Piece::Label(heading, kind) => builder.heading(heading, Some(kind)),
            Piece::Block(block) => builder.block(block),
        });
    }
}

/// A bold line standing alone after the opening prose of a document with no headings, such as
/// `**The Great Announcement:**`: the chapter heading of a postmortem told as a story. It ends
/// the opening, which is what a reader takes as the summary, though it names no section.
fn chapter_heading(block: &Block, document: &Document) -> Option<Heading> {
    let BlockKind::Paragraph { lines } = &block.kind else {
        return None;
    };
    let [line] = lines.as_slice() else {
        return None;
    };
    let text = line.text.trim();
    let opening_written = document
        .preamble
        .iter()
        .any(|block| matches!(block.kind, BlockKind::Paragraph { .. }));
    (line.bold
        && opening_written
        && document.sections.is_empty()
        && !text.ends_with(['.', '!', '?'])
        && !exceeds_words(text, MAX_LABEL_WORDS)
        && classify_heading(label_text(text)).is_none())
    .then(|| Heading {
        text: label_text(text).to_owned(),
        level: 0,
        style: HeadingStyle::Bold,
        span: line.span,
    })
}

/// Which canonical section a heading's text names, if any.
pub fn classify_heading(text: &str) -> Option<SectionKind> {
    // Short ASCII headings without apostrophes, nearly all, are lowercased on the stack: the
    // heading of every section and each line that may be a label comes here.
    let mut buffer = [0; 64];
    if let Some(lowered) = buffer
        .get_mut(..text.len())
        .filter(|_| text.is_ascii() && !text.contains('\''))
    {
        lowered.copy_from_slice(text.as_bytes());
        lowered.make_ascii_lowercase();
        return std::str::from_utf8(lowered).ok().and_then(kind_named_in);
    }
    let mut lowered = text.to_lowercase();
    if lowered.contains(['\'', '’']) {
        lowered = lowered.replace(['\'', '’'], "");
    }
    kind_named_in(&lowered)
}

/// The section a lowercased heading names. A heading that names several sections is the one
/// that comes first in `kind_named_at`'s order ("Root Cause and Resolution" is the root cause).
fn kind_named_in(lowered: &str) -> Option<SectionKind> {
    // `kind_named_at` reads at most three words, so they are carried along in a window rather
    // than collected.
    let mut words = normalized_words(lowered);
    let mut window = [""; 3];
    let mut len = 0;
    for word in words.by_ref().take(window.len()) {
        window[len] = word;
        len += 1;
    }
    let mut best: Option<(u8, SectionKind)> = None;
    while len > 0 {
        if let Some((rank, kind)) = kind_named_at(&window[..len])
            && best.is_none_or(|(best_rank, _)| rank < best_rank)
        {
            best = Some((rank, kind));
        }
        window.rotate_left(1);
        match words.next() {
            Some(word) => window[window.len() - 1] = word,
            None => len -= 1,
        }
    }
    best.map(|(_, kind)| kind)
}

/// The section that the words at the start of `words` name, if they name one, with its rank:
/// the lower, the stronger the claim.
fn kind_named_at(words: &[&str]) -> Option<(u8, SectionKind)> {
    Some(match words {
        ["timeline" | "chronology", ..]
        | ["time", "line", ..]
        | ["sequence", "of", "events", ..] => (0, SectionKind::Timeline),
        ["summary" | "overview" | "synopsis" | "tldr", ..] | ["tl", "dr", ..] => {
            (1, SectionKind::Summary)
        }
        ["cause" | "causes" | "rootcause" | "causing", ..]
        | ["contributing", "factor" | "factors", ..]
        // Security and incident reports explain what went wrong under "Details of the exploit".
        | [
            "details" | "detail",
            "of",
            "incident" | "exploit" | "vulnerability" | "attack" | "bug" | "failure" | "outage",
            ..,
        ]
        | ["exploit" | "vulnerability" | "failure", "details" | "analysis", ..] => {
            (2, SectionKind::RootCause)
        }
        [
            "corrective" | "preventative" | "preventive" | "prevention" | "measures"
            | "remediation",
            ..,
        ]
        | ["action", "items", ..]
        | ["next", "steps", ..]
        | ["follow", "up", ..] => (3, SectionKind::Measures),
        ["lessons", ..] | ["went", "well" | "wrong", ..] | ["got", "lucky", ..] => {
            (4, SectionKind::Lessons)
        }
        ["impact", ..] => (5, SectionKind::Impact),
        ["resolution" | "resolved" | "recovery", ..] | ["details" | "detail", "of", "fix" | "fixes", ..] => {
            (6, SectionKind::Resolution)
        }
        ["trigger", ..] => (7, SectionKind::Trigger),
        ["detection", ..] => (8, SectionKind::Detection),
        _ => return None,
    })
}

/// The alphanumeric words of a lowercased text; numbering such as `1.` or `II.` at the front
/// is dropped.
fn normalized_words(lowered: &str) -> impl Iterator<Item = &str> {
    lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .skip_while(|word| word.chars().all(|c| c.is_ascii_digit()) || is_roman_numeral(word))
        // No section's name turns on an article: "Details of the fix" is "Details of fix".
        .filter(|word| !matches!(*word, "the" | "a" | "an"))
}

/// Whether a heading's text reads as a section heading, and not as a sentence or a timeline
/// entry that happens to contain a section's word.
fn names_a_section(text: &str) -> bool {
    const MAX_WORDS: usize = 12;
    let text = text.trim();
    !exceeds_words(text, MAX_WORDS)
        && !text.ends_with(['.', ','])
        && !has_sentence_break(text)
        && !starts_with_clock_time(text)
}

/// A full stop inside the text, other than after numbering (`1. Timeline`, `IV. Impact`).
fn has_sentence_break(text: &str) -> bool {
    text.match_indices(". ").any(|(index, _)| {
        let word = text[..index]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        !(word.chars().all(|c| c.is_ascii_digit()) || is_roman_numeral(&word.to_lowercase()))
    })
}

/// `4:30 PM CAT - Outage resolved`, `10.15 - ...`.
fn starts_with_clock_time(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mut rest = text[digits..].chars();
    (1..=2).contains(&digits)
        && matches!(rest.next(), Some(':' | '.'))
        && rest.next().is_some_and(|c| c.is_ascii_digit())
}

fn is_roman_numeral(word: &str) -> bool {
    matches!(
        word,
        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
    )
}

enum Piece {
    Heading(Heading),
    /// A line used as a heading, and the section it names.
    Label(Heading, SectionKind),
    Block(Block),
}

/// Splits a paragraph at the lines that are section labels, and turns HTML headings into
/// headings; gives the pieces to `emit` in order.
fn split_labels(block: Block, emit: &mut impl FnMut(Piece)) {
    match block.kind {
        BlockKind::Heading { heading } => emit(Piece::Heading(heading)),
        BlockKind::Html { ref text } => match html_heading(text, block.span) {
            Some((heading, rest)) => {
                emit(Piece::Heading(heading));
                if let Some((rest_text, rest_span)) = rest {
                    split_labels(
                        Block {
                            kind: BlockKind::Html { text: rest_text },
                            span: rest_span,
                        },
                        emit,
                    );
                }
            }
            None => emit(Piece::Block(block)),
        },
        BlockKind::Paragraph { lines } => split_paragraph(lines, emit),
        _ => emit(Piece::Block(block)),
    }
}

fn split_paragraph(lines: Vec<Line>, emit: &mut impl FnMut(Piece)) {
    let alone = lines.len() == 1;
    let one_thing_per_line = is_one_thing_per_line(&lines);
    let label = |index: usize, line: &Line| {
        let standing =
            alone || ((index == 0 || one_thing_per_line) && reads_as_heading(&line.text));
        label_style(line, standing)
    };
    // Most paragraphs have no label: they stay whole, their lines where they are.
    let Some((first_label, first_style)) = lines
        .iter()
        .enumerate()
        .find_map(|(index, line)| Some((index, label(index, line)?)))
    else {
        let mut run = lines;
        flush(&mut run, emit);
        return;
    };
    let mut run: Vec<Line> = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        let style = match index.cmp(&first_label) {
            std::cmp::Ordering::Less => None,
            std::cmp::Ordering::Equal => Some(first_style),
            std::cmp::Ordering::Greater => label(index, &line),
        };
        if let Some((style, kind)) = style {
            flush(&mut run, emit);
            let heading = Heading {
                text: label_text(&line.text).to_owned(),
                level: 0,
                style,
                span: line.span,
            };
            emit(Piece::Label(heading, kind));
        } else {
            run.push(line);
        }
    }
    flush(&mut run, emit);
}

/// Emits the lines of `run` as a paragraph, if there are any, and empties it.
fn flush(run: &mut Vec<Line>, emit: &mut impl FnMut(Piece)) {
    if run.is_empty() {
        return;
    }
    let lines = std::mem::take(run);
    let span = lines
        .iter()
        .map(|line| line.span)
        .reduce(Span::cover)
        .unwrap_or_default();
    emit(Piece::Block(Block {
        kind: BlockKind::Paragraph { lines },
        span,
    }));
}

/// A line is a label when it names a section and stands as a heading would: bold, ending in a
/// colon, alone in its paragraph, or heading-like at the top of one ("Timeline" then entries).
/// A line that starts with a digit is a timeline entry ("4:30 PM - Outage resolved"), not a label.
/// Returns how the label is written and the section it names.
fn label_style(line: &Line, standing: bool) -> Option<(HeadingStyle, SectionKind)> {
    let text = line.text.trim();
    let is_labelish = line.bold || text.ends_with(':') || standing;
    // The cheap checks first: counting words reads the whole line.
    if !is_labelish
        || text.ends_with('.')
        || text.starts_with(|c: char| c.is_ascii_digit())
        || exceeds_words(text, MAX_LABEL_WORDS)
    {
        return None;
    }
    let kind = classify_heading(label_text(text))?;
    let style = if line.bold {
        HeadingStyle::Bold
    } else {
        HeadingStyle::Plain
    };
    Some((style, kind))
}

/// Whether a paragraph puts one thing on each line, as plain text pasted without blank lines
/// does ("Issue Summary", a sentence, "Timeline", "10:05 AM Deploy", ...): every line starts
/// as a sentence or an entry starts. Wrapped prose continues sentences on its lines, so most
/// of them start in lower case, and a short line in it is not a heading.
fn is_one_thing_per_line(lines: &[Line]) -> bool {
    const MIN_LINES: usize = 3;
    lines.len() >= MIN_LINES
        && lines.iter().all(|line| {
            line.text
                .trim_start()
                .starts_with(|c: char| !c.is_lowercase())
        })
}

/// A short capitalised line with no sentence punctuation: "Root Cause and Resolution".
fn reads_as_heading(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(|c: char| c.is_uppercase())
        && !exceeds_words(text, 5)
        && !text.contains(['.', ',', ';'])
}

fn label_text(text: &str) -> &str {
    text.trim().trim_end_matches(':').trim_end()
}

/// `<h2>Timeline</h2>` (with any attributes) at the start of an HTML block, as a heading, and
/// the rest of the block (`<ul>...` after the heading) as HTML of its own.
fn html_heading(html: &str, span: Span) -> Option<(Heading, Option<(String, Span)>)> {
    let leading = html.len() - html.trim_start().len();
    let trimmed = html.trim_start();
    let rest = trimmed.strip_prefix('<')?;
    let mut chars = rest.chars();
    if !matches!(chars.next(), Some('h' | 'H')) {
        return None;
    }
    let level = chars.next()?.to_digit(10)?;
    if !(1..=6).contains(&level) || !matches!(chars.next(), Some('>' | ' ' | '\t' | '\n' | '/')) {
        return None;
    }
    let closing = format!("</h{level}>");
    let close_start = trimmed.to_ascii_lowercase().find(&closing)?;
    let heading_end = close_start + closing.len();
    let text = strip_tags(&trimmed[..heading_end]);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    let heading_end_offset = span.start + Span::from_range(0..leading + heading_end).end;
    let remainder = &trimmed[heading_end..];
    // Text after the heading in the same HTML block is HTML content; it stays HTML on its own
    // only when it starts with a tag (`<ul>...`), so anything else keeps the block whole.
    if !remainder.trim().is_empty() && !remainder.trim_start().starts_with('<') {
        return None;
    }
    let rest = (!remainder.trim().is_empty()).then(|| {
        let skipped = remainder.len() - remainder.trim_start().len();
        let start = heading_end_offset + Span::from_range(0..skipped).end;
        (
            remainder.trim().to_owned(),
            Span::new(start.min(span.end), span.end),
        )
    });
    let heading = Heading {
        text,
        level: u8::try_from(level).unwrap_or(6),
        style: HeadingStyle::Html,
        span: Span::new(
            span.start + Span::from_range(0..leading).end,
            heading_end_offset,
        ),
    };
    Some((heading, rest))
}

struct SectionBuilder<'d> {
    document: &'d mut Document,
    /// The level of the last heading written as one (not a label), which places labels in
    /// the outline.
    heading_level: u8,
}

impl SectionBuilder<'_> {
    /// Starts a section at `heading`, which names `kind`, or keeps it inside the current one.
    fn heading(&mut self, mut heading: Heading, kind: Option<SectionKind>) {
        let is_label = matches!(heading.style, HeadingStyle::Bold | HeadingStyle::Plain);
        if let Some(current) = self.document.sections.last_mut() {
            if is_label {
                heading.level = current.heading.level.saturating_add(1);
            }
            let deeper = heading.level > current.heading.level;
            let stays_inside = match kind {
                Some(kind) => deeper && current.kind.admits_label(kind),
                None => deeper,
            };
            if stays_inside {
                push_block(
                    current,
                    Block {
                        span: heading.span,
                        kind: BlockKind::Heading { heading },
                    },
                );
                return;
            }
        } else if is_label {
            heading.level = 2;
        }
        if kind.is_none()
            && self.document.sections.is_empty()
            && self.document.title.is_none()
            && !is_label
        {
            self.document.title = Some(heading);
            return;
        }
        let depth = if is_label {
            self.heading_level + 1
        } else {
            self.heading_level = heading.level;
            heading.level
        };
        let sections = &self.document.sections;
        let parent = sections.iter().rposition(|earlier| earlier.depth < depth);
        self.document.sections.push(Section {
            kind: kind.unwrap_or(SectionKind::Other),
            span: heading.span,
            depth,
            parent,
            names_section: names_a_section(&heading.text),
            heading,
            blocks: Vec::new(),
            sentences: Vec::new(),
        });
    }

    fn block(&mut self, block: Block) {
        match self.document.sections.last_mut() {
            Some(section) => push_block(section, block),
            None => self.document.preamble.push(block),
        }
    }
}

fn push_block(section: &mut Section, block: Block) {
    section.span = section.span.cover(block.span);
    section.blocks.push(block);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_each_section_in_the_outline() {
        let document = crate::parse(
            "# Outage\n\n## Lessons learned\n\n### What went well\n\nThe alert.\n\n**Impact:**\n\nSlow pages.\n\n## Timeline\n\n- 14:05 UTC - Deploy.\n",
        );
        let places: Vec<(&str, u8, Option<usize>)> = document
            .sections
            .iter()
            .map(|section| (section.heading.text.as_str(), section.depth, section.parent))
            .collect();
        assert_eq!(
            places,
            [
                ("Lessons learned", 2, None),
                ("What went well", 3, Some(0)),
                ("Impact", 4, Some(1)),
                ("Timeline", 2, None),
            ]
        );
    }

    #[test]
    fn tells_a_section_name_from_a_sentence_that_contains_one() {
        for name in [
            "Timeline",
            "1. Timeline (all times EAT)",
            "IV. Impact",
            "Root cause",
        ] {
            assert!(names_a_section(name), "{name}");
        }
        for sentence in [
            "4:30 PM CAT - Outage resolved",
            "The impact was large.",
            "Impact. Users could not log in",
            "Impact on the users of the checkout page who tried to pay during the outage window",
        ] {
            assert!(!names_a_section(sentence), "{sentence}");
        }
    }

    #[test]
    fn recognises_the_variants_real_documents_use() {
        let cases = [
            ("Issue Summary", Some(SectionKind::Summary)),
            ("Postmortem: Issue Summary", Some(SectionKind::Summary)),
            ("1. Timeline (all times EAT)", Some(SectionKind::Timeline)),
            ("Root Cause & Resolution", Some(SectionKind::RootCause)),
            ("Root cause and resolution", Some(SectionKind::RootCause)),
            (
                "Measures against such problem in future",
                Some(SectionKind::Measures),
            ),
            (
                "Corrective and Preventive Measures",
                Some(SectionKind::Measures),
            ),
            ("Lessons learned", Some(SectionKind::Lessons)),
            ("Impact", Some(SectionKind::Impact)),
            ("Contributing factors", Some(SectionKind::RootCause)),
            ("Details of the exploit", Some(SectionKind::RootCause)),
            ("Vulnerability analysis", Some(SectionKind::RootCause)),
            ("Details of Fix", Some(SectionKind::Resolution)),
            ("Incident details", None),
            ("Details of the team", None),
            ("BooktifuL requests failure report", None),
            ("Introduction", None),
        ];
        for (text, expected) in cases {
            assert_eq!(classify_heading(text), expected, "{text}");
        }
    }

    #[test]
    fn classifies_as_reading_every_word_of_the_whole_lowercased_text_does() {
        let by_all_words = |text: &str| {
            let mut lowered = text.to_lowercase();
            if lowered.contains(['\'', '’']) {
                lowered = lowered.replace(['\'', '’'], "");
            }
            let words: Vec<&str> = normalized_words(&lowered).collect();
            (0..words.len())
                .filter_map(|index| kind_named_at(&words[index..]))
                .min_by_key(|&(rank, _)| rank)
                .map(|(_, kind)| kind)
        };
        let long = format!("{} timeline", "word ".repeat(20));
        for text in [
            "",
            "Timeline",
            "II. Root Cause and Resolution",
            "Impact and Resolution",
            "Sequence of Events",
            "Sequence of",
            "Time line",
            "What Went Wrong",
            "Root cause's impact",
            "Root cause’s timeline",
            "TL;DR",
            "Follow-up Action Items",
            "Next steps and lessons",
            "Résumé of the summary",
            "İmpact",
            "Lessons Learned from the Timeline",
            "Details of the fix",
            "A summary",
            long.as_str(),
            "1. 2. 3.",
        ] {
            assert_eq!(classify_heading(text), by_all_words(text), "{text:?}");
        }
    }

    #[test]
    fn html_headings_are_headings() {
        let html = "<h2 align=\"center\">Time<b>line</b></h2>";
        let (heading, rest) = html_heading(html, Span::new(0, 41)).unwrap();
        assert_eq!(
            (heading.text.as_str(), heading.level, rest),
            ("Timeline", 2, None)
        );
        assert!(html_heading("<p>Timeline</p>", Span::new(0, 15)).is_none());
        assert!(html_heading("<hr>", Span::new(0, 4)).is_none());
        assert!(html_heading("<h2>Timeline</h2>\n# Not HTML", Span::new(0, 29)).is_none());
    }

    #[test]
    fn html_after_a_heading_stays_html() {
        let html = "<h3>Timeline</h3>\n<ul><li>10:00 UTC alert</li></ul>";
        let (heading, rest) = html_heading(html, Span::new(0, 50)).unwrap();
        assert_eq!(heading.span, Span::new(0, 17));
        let (rest_text, rest_span) = rest.unwrap();
        assert_eq!(rest_text, "<ul><li>10:00 UTC alert</li></ul>");
        assert_eq!(rest_span, Span::new(18, 50));
    }

    fn outline(source: &str) -> Vec<(String, SectionKind)> {
        crate::parse(source)
            .sections
            .into_iter()
            .map(|section| (section.heading.text, section.kind))
            .collect()
    }

    #[test]
    fn plain_text_with_one_thing_per_line_has_its_headings() {
        let source = "Checkout outage\nSummary\nPayments failed for 20 minutes.\nTimeline\n09:12 UTC Page fired\n09:32 UTC Rolled back\nRoot Cause\nA bad feature flag.\n";
        assert_eq!(
            outline(source),
            [
                ("Summary".to_owned(), SectionKind::Summary),
                ("Timeline".to_owned(), SectionKind::Timeline),
                ("Root Cause".to_owned(), SectionKind::RootCause),
            ]
        );
    }

    #[test]
    fn a_short_line_in_wrapped_prose_is_not_a_heading() {
        let source = "# Checkout outage\n\nWe rebuilt the whole\nTimeline\nfrom the load balancer logs\nbecause the pager lost its history.\n";
        assert!(outline(source).is_empty(), "{:?}", outline(source));
    }

    #[test]
    fn text_under_an_html_heading_belongs_to_its_section() {
        let source = "<h3>Impact</h3>\nAbout a third of sign-ins failed.\n<h3>Timeline</h3>\n- 09:12 UTC page\n- 09:40 UTC fixed\n";
        let document = crate::parse(source);
        let kinds: Vec<_> = document
            .sections
            .iter()
            .map(|section| section.kind)
            .collect();
        assert_eq!(kinds, [SectionKind::Impact, SectionKind::Timeline]);
        assert!(matches!(
            document.sections[0].blocks.as_slice(),
            [Block {
                kind: BlockKind::Paragraph { .. },
                ..
            }]
        ));
        assert!(matches!(
            document.sections[1].blocks.as_slice(),
            [Block { kind: BlockKind::List { items, .. }, .. }] if items.len() == 2
        ));
    }

    #[test]
    fn a_bold_line_after_the_opening_starts_a_chapter() {
        let source = "**A night with the load balancer**\n\nThis is the tale of our worst night.\n\n**The Great Announcement:**\n\nIt began at 00:34 UTC with a vendor's blog post.\n";
        let document = crate::parse(source);
        assert_eq!(
            outline(source),
            [("The Great Announcement".to_owned(), SectionKind::Other)]
        );
        // The bold line above the opening prose is not a chapter: it is a title.
        assert_eq!(document.preamble.len(), 2);
        let headed = "# Outage\n\n## Background\n\nText.\n\n**Phase one:**\n\nMore text.\n";
        assert_eq!(
            outline(headed),
            [("Background".to_owned(), SectionKind::Other)]
        );
    }
}
