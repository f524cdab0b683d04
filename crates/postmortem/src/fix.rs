//! Applying fixes: text edits that never overlap, applied from the end so offsets stay valid.

use crate::check::{Validation, validate};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Edit};
use crate::span::Span;

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

/// Passes before giving up on fixes that keep producing new ones.
pub const MAX_PASSES: usize = 10;

/// A source after [`fix_all`], with the findings left in it.
#[derive(Clone, Debug)]
pub struct Fixed {
    pub source: String,
    /// The fixed source's validation.
    pub validation: Validation,
    /// How many fixes were applied, over all passes.
    pub applied: usize,
    /// Whether the last pass found nothing left to fix.
    pub settled: bool,
}

/// Applies the mechanical fixes of `source`'s findings: each pass applies the whole fixes that
/// touch nothing an earlier one touches, then checks the result again, until no fix is left
/// or [`MAX_PASSES`] passes have run. A fix is applied whole or not at all.
pub fn fix_all(source: &str, config: &Config) -> Fixed {
    let mut source = source.to_owned();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let validation = validate(&source, config);
        let (edits, count) = compatible_fixes(&validation.diagnostics);
        let fixed = apply_edits(&source, &edits);
        if count == 0 || fixed == source {
            return Fixed {
                source,
                validation,
                applied,
                settled: true,
            };
        }
        source = fixed;
        applied += count;
    }
    let validation = validate(&source, config);
    let settled = validation
        .diagnostics
        .iter()
        .all(|diagnostic| diagnostic.fix.is_none());
    Fixed {
        source,
        validation,
        applied,
        settled,
    }
}

/// The edits of the fixes, in diagnostic order, that touch nothing an earlier fix touches,
/// and how many fixes they make. The others wait for the next pass, when they are computed
/// again on the fixed text: two insertions at the same place, say, would otherwise come out
/// in an arbitrary order with the wrong separators.
fn compatible_fixes(diagnostics: &[Diagnostic]) -> (Vec<Edit>, usize) {
    let mut taken: Vec<Edit> = Vec::new();
    let mut count = 0;
    for fix in diagnostics
        .iter()
        .filter_map(|diagnostic| diagnostic.fix.as_ref())
    {
        let collides = fix
            .edits
            .iter()
            .any(|edit| taken.iter().any(|other| collide(edit.span, other.span)));
        if !collides && !fix.edits.is_empty() {
            taken.extend(fix.edits.iter().cloned());
            count += 1;
        }
    }
    (taken, count)
}

/// Whether two edits overlap, start at the same place, or one inserts inside the other.
fn collide(a: Span, b: Span) -> bool {
    a.start == b.start
        || a.start.max(b.start) < a.end.min(b.end)
        || (a.is_empty() && b.start < a.start && a.start < b.end)
        || (b.is_empty() && a.start < b.start && b.start < a.end)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn edits_collide_when_they_overlap_or_share_a_start() {
        assert!(collide(Span::new(0, 4), Span::new(2, 6)));
        assert!(collide(Span::empty(3), Span::empty(3)));
        assert!(collide(Span::empty(2), Span::new(0, 4)));
        assert!(collide(Span::new(0, 4), Span::new(0, 2)));
        assert!(!collide(Span::new(0, 4), Span::new(4, 6)));
        assert!(!collide(Span::empty(4), Span::new(0, 4)));
        assert!(!collide(Span::empty(1), Span::empty(2)));
    }

    #[test]
    fn fixes_whole_fixes_until_none_is_left() {
        let source = "# Outage\n\n## Timeline\n\n- 14:05 - Deploy.\n- 14:10 - Alert fired.\n";
        let fixed = fix_all(source, &Config::default());
        assert!(fixed.settled);
        assert!(fixed.applied > 0);
        assert!(fixed.validation.diagnostics.iter().all(|d| d.fix.is_none()));
        let again = fix_all(&fixed.source, &Config::default());
        assert_eq!((again.source, again.applied), (fixed.source, 0));
    }
}
