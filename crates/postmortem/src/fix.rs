//! Applying fixes: text edits that never overlap, applied from the end so offsets stay valid.

use crate::diagnostic::{Diagnostic, Edit};

/// `source` with `edits` applied. Edits that overlap an earlier-applied one, or fall outside
/// the source or inside a character, are skipped rather than corrupting the text.
pub fn apply_edits(source: &str, edits: &[Edit]) -> String {
    // From the end of the text; insertions at one offset go in reverse of their given order,
    // so that they come out in the order they were given.
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |edit| {
        crate::sort::pair(edit.span.start, edit.span.end)
    });
    let mut text = source.to_owned();
    let mut floor = u32::MAX;
    for edit in sorted.into_iter().rev() {
        let range = edit.span.range();
        let fits = edit.span.end <= floor
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
            && range.end <= text.len();
        if fits {
            text.replace_range(range, &edit.replacement);
            floor = edit.span.start;
        }
    }
    text
}

/// `source` with every mechanical fix among `diagnostics` applied.
pub fn apply_fixes(source: &str, diagnostics: &[Diagnostic]) -> String {
    let edits: Vec<Edit> = diagnostics
        .iter()
        .filter_map(|diagnostic| diagnostic.fix.as_ref())
        .flat_map(|fix| fix.edits.iter().cloned())
        .collect();
    apply_edits(source, &edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn applies_edits_from_the_end() {
        let edits = [
            Edit::insert(0, "# "),
            Edit::replace(Span::new(6, 11), "world"),
        ];
        assert_eq!(apply_edits("Hello there", &edits), "# Hello world");
    }

    #[test]
    fn of_two_overlapping_edits_keeps_the_later_one() {
        let edits = [
            Edit::replace(Span::new(6, 11), "world"),
            Edit::replace(Span::new(8, 10), "XY"),
        ];
        assert_eq!(apply_edits("Hello there", &edits), "Hello thXYe");
    }

    #[test]
    fn insertions_at_one_offset_keep_their_order() {
        let edits = [Edit::insert(3, "first "), Edit::insert(3, "second ")];
        assert_eq!(apply_edits("at end", &edits), "at first second end");
    }

    #[test]
    fn skips_edits_outside_the_source() {
        assert_eq!(
            apply_edits("Hi", &[Edit::replace(Span::new(1, 9), "x")]),
            "Hi"
        );
    }

    #[test]
    fn never_splits_a_character() {
        assert_eq!(apply_edits("é", &[Edit::insert(1, "x")]), "é");
    }
}
