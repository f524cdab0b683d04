//! PM105 `section-order`.

use crate::model::Profile;
use crate::model::Section;
use crate::rule::prelude::*;

declare_rule! {
    /// Reports required sections that are out of the profile's order.
    ///
    /// ## Why is this bad?
    /// Readers expect a postmortem to go from what happened (the summary), to how it unfolded
    /// (the timeline), to why (the root cause), to what changes (the measures). Out of order, the
    /// story is harder to follow and the sections are harder to find.
    ///
    /// The rule reports as few sections as possible: those that have to move for the rest to be
    /// in order. A section that appears twice is in order when one of its occurrences is (a
    /// short `Root Cause` in the summary does not count against the full root cause section
    /// after the timeline).
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users.
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ```
    pub SectionOrder {
        code: "PM105",
        name: "section-order",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for SectionOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let profile = context.profile();
        let required = profile.required_sections();
        // The required sections in document order, with their rank in the profile's order.
        let occurrences: Vec<(usize, &Section)> = context
            .document
            .sections
            .iter()
            .filter(|section| section.names_section)
            .filter_map(|section| {
                let rank = required.iter().position(|&kind| kind == section.kind)?;
                Some((rank, section))
            })
            .collect();
        let in_order = longest_ordered_chain(&occurrences);
        let mut reported = Vec::new();
        let kept: Vec<(usize, &Section)> = in_order.iter().map(|&kept| occurrences[kept]).collect();
        for &(rank, section) in &occurrences {
            if kept.iter().any(|&(kept_rank, _)| kept_rank == rank) || reported.contains(&rank) {
                continue;
            }
            reported.push(rank);
            report.push(out_of_order(profile, rank, section, &kept));
        }
    }
}

fn out_of_order(
    profile: Profile,
    rank: usize,
    section: &Section,
    kept: &[(usize, &Section)],
) -> Diagnostic {
    let name = profile.heading(section.kind);
    let start = section.heading.span.start;
    // A section it should follow that comes after it, else one it should precede that comes
    // before it.
    let should_follow = kept
        .iter()
        .filter(|(other, other_section)| *other < rank && other_section.heading.span.start > start)
        .min_by_key(|(other, _)| *other);
    let (message, help) = if let Some((_, later)) = should_follow {
        let later = profile.heading(later.kind);
        (
            format!("`{name}` comes before `{later}`"),
            format!("Move this section after `{later}`"),
        )
    } else {
        let earlier = kept
            .iter()
            .filter(|(other, other_section)| {
                *other > rank && other_section.heading.span.start < start
            })
            .min_by_key(|(other, _)| *other)
            .map_or("", |(_, earlier)| profile.heading(earlier.kind));
        (
            format!("`{name}` comes after `{earlier}`"),
            format!("Move this section before `{earlier}`"),
        )
    };
    Diagnostic::new(&SectionOrder::META, section.heading.span, message).with_help(help)
}

/// Indices of a longest run of occurrences whose ranks strictly increase: the sections that are
/// in order. Ties keep the latest occurrences, so the sections reported are the ones that come
/// too early.
fn longest_ordered_chain(occurrences: &[(usize, &Section)]) -> Vec<usize> {
    let count = occurrences.len();
    let mut length = vec![1_usize; count];
    let mut previous: Vec<Option<usize>> = vec![None; count];
    for current in 0..count {
        for earlier in 0..current {
            if occurrences[earlier].0 < occurrences[current].0
                && length[earlier] + 1 >= length[current]
            {
                length[current] = length[earlier] + 1;
                previous[current] = Some(earlier);
            }
        }
    }
    let Some(mut last) = (0..count).max_by_key(|&index| length[index]) else {
        return Vec::new();
    };
    let mut chain = vec![last];
    while let Some(earlier) = previous[last] {
        chain.push(earlier);
        last = earlier;
    }
    chain.reverse();
    chain
}
