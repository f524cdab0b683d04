//! `--fix`: apply the mechanical fixes that do not collide, check again, repeat.

use postmortem::{Config, Diagnostic, Edit, Span, Validation};

/// Passes before giving up on fixes that keep producing new ones.
pub(crate) const MAX_PASSES: usize = 10;

/// A source after fixing, with the findings left in it.
pub(crate) struct Fixed {
    pub(crate) source: String,
    pub(crate) validation: Validation,
    /// How many fixes were applied, over all passes.
    pub(crate) applied: usize,
    /// Whether the last pass found nothing left to fix.
    pub(crate) settled: bool,
}

/// Fixes `source` until no fix applies, at most [`MAX_PASSES`] times.
pub(crate) fn fix(source: String, config: &Config) -> Fixed {
    let mut source = source;
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let validation = postmortem::validate(&source, config);
        let (edits, count) = compatible_fixes(&validation.diagnostics);
        let fixed = postmortem::fix::apply_edits(&source, &edits);
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
    let validation = postmortem::validate(&source, config);
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
    fn edits_collide_when_they_overlap_or_share_a_start() {
        assert!(collide(Span::new(0, 4), Span::new(2, 6)));
        assert!(collide(Span::empty(3), Span::empty(3)));
        assert!(collide(Span::empty(2), Span::new(0, 4)));
        assert!(collide(Span::new(0, 4), Span::new(0, 2)));
        assert!(!collide(Span::new(0, 4), Span::new(4, 6)));
        assert!(!collide(Span::empty(4), Span::new(0, 4)));
        assert!(!collide(Span::empty(1), Span::empty(2)));
    }
}
