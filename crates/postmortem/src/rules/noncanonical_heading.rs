//! PM106 `noncanonical-heading`.

use crate::model::Profile;
use crate::model::{BlockKind, Document, Heading, HeadingStyle, Section, find_ignore_ascii_case};
use crate::parse::classify_heading;
use crate::rule::prelude::*;
use crate::text::without_enclosed;
use std::sync::LazyLock;

declare_rule! {
    /// Reports a recognised section whose heading does not use the profile's name for it.
    ///
    /// ## Why is this bad?
    /// Readers and tools find sections by their names. "Measures against such problem in
    /// future" is the corrective and preventative measures section, but a reader looking for
    /// that heading, or a script collecting action items, does not find it.
    ///
    /// Only the name counts: case, punctuation, numbering, emoji, `&` for "and", "preventive"
    /// for "preventative", a subtitle (`Timeline: The Rollercoaster Ride`) or a note in
    /// parentheses (`Timeline (all times EAT)`) around the canonical name are fine. Only the
    /// sections the profile requires are checked, once each: not when another section of the
    /// same kind already has the canonical name (a `Root Cause` line in the summary next to
    /// `Root Cause and Resolution`), not for subsections (`### What went well`), and not when two
    /// sections could be the one to rename.
    ///
    /// The rule ships on, at info, although it is a matter of style: tuned this way it fires at
    /// most once per required section and only where the name itself differs, which is where a
    /// reviewer asks for a rename, so a document that uses the canonical headings gets nothing
    /// from it.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Measures against such problem in future
    /// - [ ] Add a canary stage to the deploy pipeline.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## 4. Corrective & preventive measures:
    /// - [ ] Add a canary stage to the deploy pipeline.
    /// ```
    ///
    /// ## Fix
    /// Replaces the heading's name with the canonical one, keeping its level, its markup and
    /// anything around the name (numbering, a colon, a note in parentheses).
    pub NoncanonicalHeading {
        code: "PM106",
        name: "noncanonical-heading",
        severity: Severity::Info,
        fixable: true,
    }
}

impl Rule for NoncanonicalHeading {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let profile = context.profile();
        let sections = &context.document.sections;
        for (kind, canonical, canonical_words) in canonical_names(profile) {
            let (kind, canonical) = (*kind, *canonical);
            if context
                .document
                .sections_of(kind)
                .any(|section| contains_phrase(&name_words(&section.heading.text), canonical_words))
                || names_only_the_cause(context.document, kind)
            {
                continue;
            }
            // Subsections of a section of the same kind (`### What went well` under
            // `## Lessons learned`) keep their own names.
            let mut candidates = sections.iter().filter(|section| {
                section.kind == kind
                    && section.names_section
                    && section
                        .parent
                        .is_none_or(|parent| sections[parent].kind != kind)
            });
            // With two candidates and neither named canonically, which one to rename is the
            // author's call. The lines are read last: with no candidate, there is nothing to
            // report whatever they say.
            if let (Some(section), None) = (candidates.next(), candidates.next())
                && !has_canonical_line(context.document, canonical_words)
            {
                report.push(noncanonical(context.source, section, canonical));
            }
        }
    }
}

/// A required section, its canonical name and the words of that name.
type CanonicalName = (SectionKind, &'static str, Vec<String>);

/// A profile's required sections with their canonical names: worked out once, not for every
/// document.
fn canonical_names(profile: Profile) -> &'static [CanonicalName] {
    static NAMES: LazyLock<Vec<Vec<CanonicalName>>> = LazyLock::new(|| {
        Profile::ALL
            .iter()
            .map(|&profile| {
                profile
                    .required_sections()
                    .iter()
                    .map(|&kind| {
                        let canonical = profile.heading(kind);
                        (kind, canonical, name_words(canonical))
                    })
                    .collect()
            })
            .collect()
    });
    let index = Profile::ALL.iter().position(|&listed| listed == profile);
    index
        .and_then(|index| NAMES.get(index))
        .map_or(&[], Vec::as_slice)
}

/// `Root Cause` is the right name for a root cause section when the resolution has a section or
/// a label of its own (`Root Cause:` then `Resolution:`), even though the profile's heading is
/// `Root Cause and Resolution`.
fn names_only_the_cause(document: &Document, kind: SectionKind) -> bool {
    kind == SectionKind::RootCause
        && (document.section(SectionKind::Resolution).is_some()
            || document.sections_of(kind).any(|section| {
                section.blocks.iter().any(|block| {
                    matches!(&block.kind, BlockKind::Heading { heading }
                        if classify_heading(&heading.text) == Some(SectionKind::Resolution))
                })
            }))
}

/// Whether a line of the text is the canonical name on its own: a heading the parser could not
/// tell from the paragraph around it, so the section is there under its canonical name.
fn has_canonical_line(document: &Document, canonical_words: &[String]) -> bool {
    // Every word of a line that names the section shows the first letters of a canonical word
    // (a plural or a variant spelling only changes its end), so lines without those letters
    // are passed over without being split into words.
    let probe = canonical_words
        .iter()
        .max_by_key(|word| word.len())
        .map(|word| {
            word.char_indices()
                .nth(5)
                .map_or(word.as_str(), |(end, _)| &word[..end])
        });
    let blocks = document
        .preamble
        .iter()
        .chain(document.sections.iter().flat_map(|section| &section.blocks));
    blocks
        .filter_map(|block| match &block.kind {
            BlockKind::Paragraph { lines } => Some(lines),
            _ => None,
        })
        .flatten()
        .any(|line| {
            ascii_name_word_count(&line.text, canonical_words.len())
                .is_none_or(|count| count == canonical_words.len())
                && probe.is_none_or(|probe| may_show(&line.text, probe))
                && name_words(&line.text) == canonical_words
        })
}

/// How many words [`name_words`] gives for an ASCII `text`, counted no further than `limit + 1`:
/// most lines are sentences, far longer than any section name. `None` for other text, whose
/// lowercase can split words where the text does not, unless more than `limit` words come
/// before its first other character (words the rest can only add to).
fn ascii_name_word_count(text: &str, limit: usize) -> Option<usize> {
    let mut counter = WordCounter {
        count: 0,
        numbering: true,
    };
    // The current word's length, whether it is all digits, and its first letters in lowercase:
    // enough to tell a numeral (no Roman numeral up to ten is longer than four letters).
    let mut length = 0_usize;
    let mut all_digits = true;
    let mut first_letters = [0_u8; 4];
    let mut depth = 0_usize;
    // A space after the text closes its last word.
    for byte in text.bytes().chain([b' ']) {
        match byte {
            _ if !byte.is_ascii() => return None,
            // Notes in parentheses are left out, joining what is around them.
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if byte.is_ascii_alphanumeric() => {
                if let Some(letter) = first_letters.get_mut(length) {
                    *letter = byte.to_ascii_lowercase();
                }
                length += 1;
                all_digits &= byte.is_ascii_digit();
            }
            _ => {
                if length > 0 {
                    // Only numbering at the front is dropped, so later words need no check.
                    let numeral = counter.numbering
                        && (all_digits
                            || first_letters
                                .get(..length)
                                .and_then(|word| std::str::from_utf8(word).ok())
                                .is_some_and(is_roman_numeral));
                    counter.add(numeral);
                    length = 0;
                    all_digits = true;
                }
                // `&` is read as the word "and".
                if byte == b'&' {
                    counter.add(false);
                }
                if counter.count > limit {
                    break;
                }
            }
        }
    }
    Some(counter.count)
}

/// Counts words as [`name_words`] keeps them: numbering at the front is dropped.
struct WordCounter {
    count: usize,
    numbering: bool,
}

impl WordCounter {
    fn add(&mut self, numeral: bool) {
        self.numbering = self.numbering && numeral;
        if !self.numbering {
            self.count += 1;
        }
    }
}

/// Whether `text` may have a word that begins with `probe` (lowercase ASCII) once lowercased
/// and without its notes in parentheses.
fn may_show(text: &str, probe: &str) -> bool {
    let text = without_enclosed(text, '(', ')');
    if text.is_ascii() {
        find_ignore_ascii_case(&text, probe).is_some()
    } else {
        text.to_lowercase().contains(probe)
    }
}

fn noncanonical(source: &str, section: &Section, canonical: &str) -> Diagnostic {
    let heading = &section.heading;
    let diagnostic = Diagnostic::new(
        &NoncanonicalHeading::META,
        heading.span,
        format!(
            "`{}` is the `{canonical}` section under another name",
            heading.text.trim_end_matches([':', ';']).trim_end()
        ),
    )
    .with_help(format!("Rename the heading `{canonical}`"));
    match rename(source, section, canonical) {
        Some(edit) => diagnostic.with_fix(format!("Rename to `{canonical}`"), vec![edit]),
        None => diagnostic,
    }
}

/// The words of a heading's name, normalised: lowercase, without numbering, emoji, punctuation
/// or notes in parentheses, with spelling variants merged.
fn name_words(text: &str) -> Vec<String> {
    let mut lowered = without_enclosed(text, '(', ')').to_lowercase();
    if lowered.contains('&') {
        lowered = lowered.replace('&', " and ");
    }
    let mut words: Vec<String> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| match word {
            "preventive" => "preventative".to_owned(),
            "learnt" => "learned".to_owned(),
            // Singular and plural name the same section (`Root Cause`, `Root Causes`).
            _ => match word.strip_suffix('s') {
                Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_owned(),
                _ => word.to_owned(),
            },
        })
        .collect();
    while words
        .first()
        .is_some_and(|word| word.chars().all(|c| c.is_ascii_digit()) || is_roman_numeral(word))
    {
        words.remove(0);
    }
    words
}

fn is_roman_numeral(word: &str) -> bool {
    matches!(
        word,
        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
    )
}

fn contains_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|window| window == phrase)
}

/// An edit that puts `canonical` in place of the heading's name, or `None` when the heading's
/// source is not simple enough to edit safely.
fn rename(source: &str, section: &Section, canonical: &str) -> Option<Edit> {
    let heading = &section.heading;
    let (content_start, content) = content(source, heading)?;
    if content.contains(['*', '_', '`', '[', ']', '<', '>', '!', '|', '\\', '\n']) {
        return None;
    }
    let (name_start, name) = name_part(content, section.kind)?;
    let start = content_start + name_start;
    let renamed = format!(
        "{}{canonical}{}",
        &content[..name_start],
        &content[name_start + name.len()..]
    );
    if classify_heading(&renamed) != Some(section.kind) {
        return None;
    }
    let span = Span::from_range(start..start + name.len());
    Some(Edit::replace(span, canonical))
}

/// The heading's text as written, without its Markdown syntax, and where it starts.
fn content<'s>(source: &'s str, heading: &Heading) -> Option<(usize, &'s str)> {
    let start = heading.span.start as usize;
    let written = heading.span.text(source);
    let first_line = written.lines().next().unwrap_or_default();
    let (offset, text) = match heading.style {
        HeadingStyle::Atx => {
            let after_hashes = first_line.trim_start().trim_start_matches('#');
            let text = after_hashes.trim();
            let text = match text.trim_end_matches('#') {
                stripped if stripped.ends_with(' ') || stripped.is_empty() => stripped.trim_end(),
                _ => text,
            };
            (offset_in(first_line, text)?, text)
        }
        HeadingStyle::Setext if written.lines().count() == 2 => {
            (offset_in(first_line, first_line.trim())?, first_line.trim())
        }
        HeadingStyle::Html => {
            let inner_start = first_line.find('>')? + 1;
            let inner_end = first_line.rfind("</")?;
            let inner = first_line.get(inner_start..inner_end)?.trim();
            (offset_in(first_line, inner)?, inner)
        }
        HeadingStyle::Bold => {
            let line = first_line.trim().trim_end_matches(':').trim_end();
            let inner = ["**", "__"].iter().find_map(|marker| {
                line.strip_prefix(marker)
                    .and_then(|rest| rest.strip_suffix(marker))
            })?;
            (offset_in(first_line, inner)?, inner)
        }
        HeadingStyle::Plain => (offset_in(first_line, first_line.trim())?, first_line.trim()),
        HeadingStyle::Setext => return None,
    };
    let text = strip_emphasis(text);
    Some((start + offset + offset_in_str(text.0, text.1), text.1))
}

/// `**Issue Summary**` inside an ATX heading: the text within the markers, and its offset.
fn strip_emphasis(text: &str) -> (&str, &str) {
    let inner = ["**", "__"].iter().find_map(|marker| {
        text.strip_prefix(marker)
            .and_then(|rest| rest.strip_suffix(marker))
    });
    (text, inner.unwrap_or(text))
}

/// Where the section's name sits in the heading's text: after numbering and emoji, before a
/// trailing colon, a note in parentheses or a subtitle.
fn name_part(content: &str, kind: SectionKind) -> Option<(usize, &str)> {
    let leading = content
        .char_indices()
        .find(|&(_, c)| c.is_alphabetic())
        .map(|(index, _)| index)?;
    let mut name = &content[leading..];
    // Numbering such as `IV. ` (arabic numerals were skipped with the other non-letters).
    if let Some((numeral, rest)) = name.split_once(". ")
        && is_roman_numeral(&numeral.to_ascii_lowercase())
    {
        name = rest.trim_start();
    }
    if let Some(open) = name.find('(') {
        name = &name[..open];
    }
    name = name.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ';' | '.'));
    for separator in [": ", " - ", " – ", " — "] {
        if let Some((before, after)) = name.split_once(separator) {
            name = if classify_heading(before) == Some(kind) {
                before.trim_end()
            } else {
                after.trim_start()
            };
            break;
        }
    }
    (!name.is_empty()).then(|| (offset_in_str(content, name), name))
}

/// Byte offset of `part` (a subslice) in `whole`.
fn offset_in_str(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let offset = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (offset + part.len() <= whole.len()).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_words_name_words_keeps() {
        for text in [
            "Issue Summary",
            "1. Timeline (all times EAT)",
            "IV. Root Cause & Resolution:",
            "Time(s)line",
            "2 3 ii Lessons learnt",
            "Corrective and Preventive Measures",
            "(only a note)",
            "",
            "a&b",
            "v(note)i Timeline",
            "viiii x Impact",
            "12a Summary",
            "IX. X. Lessons",
            "The outage began at 10:00 and lasted for two hours, then the site came back.",
        ] {
            assert_eq!(
                ascii_name_word_count(text, usize::MAX - 1),
                Some(name_words(text).len()),
                "{text:?}"
            );
        }
        assert_eq!(ascii_name_word_count("one two three four", 2), Some(3));
        assert_eq!(ascii_name_word_count("Café", 5), None);
        assert_eq!(ascii_name_word_count("one two Café", 2), None);
        assert_eq!(ascii_name_word_count("one two three Café", 2), Some(3));
    }
}
