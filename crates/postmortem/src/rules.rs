//! The rule registry: every rule, in code order. Adding a rule is one `mod` line and one
//! `ALL` line.

mod action_item_without_owner;
mod action_item_without_tracking;
mod action_item_without_type;
mod ambiguous_date;
mod blameful_language;
mod duplicate_section;
mod duplicate_task;
mod empty_section;
mod entry_outside_outage;
mod entry_without_time;
mod inconsistent_duration;
mod long_entry;
mod missing_actions;
mod missing_affected_share;
mod missing_cause_detail;
mod missing_detection;
mod missing_duration;
mod missing_escalation;
mod missing_fix_detail;
mod missing_impact;
mod missing_improvements;
mod missing_lessons_part;
mod missing_metadata;
mod missing_misleading_path;
mod missing_resolution_entry;
mod missing_root_cause_summary;
mod missing_section;
mod missing_task_list;
mod missing_timezone;
mod missing_title;
mod mixed_timezones;
mod named_individual;
mod noncanonical_heading;
mod placeholder_text;
mod section_order;
mod timeline_not_a_list;
mod timeline_out_of_order;
mod unresolvable_image;
mod vague_task;
mod word_count;

pub use action_item_without_owner::ActionItemWithoutOwner;
pub use action_item_without_tracking::ActionItemWithoutTracking;
pub use action_item_without_type::ActionItemWithoutType;
pub use ambiguous_date::AmbiguousDate;
pub use blameful_language::BlamefulLanguage;
pub use duplicate_section::DuplicateSection;
pub use duplicate_task::DuplicateTask;
pub use empty_section::EmptySection;
pub use entry_outside_outage::EntryOutsideOutage;
pub use entry_without_time::EntryWithoutTime;
pub use inconsistent_duration::InconsistentDuration;
pub use long_entry::LongEntry;
pub use missing_actions::MissingActions;
pub use missing_affected_share::MissingAffectedShare;
pub use missing_cause_detail::MissingCauseDetail;
pub use missing_detection::MissingDetection;
pub use missing_duration::MissingDuration;
pub use missing_escalation::MissingEscalation;
pub use missing_fix_detail::MissingFixDetail;
pub use missing_impact::MissingImpact;
pub use missing_improvements::MissingImprovements;
pub use missing_lessons_part::MissingLessonsPart;
pub use missing_metadata::MissingMetadata;
pub use missing_misleading_path::MissingMisleadingPath;
pub use missing_resolution_entry::MissingResolutionEntry;
pub use missing_root_cause_summary::MissingRootCauseSummary;
pub use missing_section::MissingSection;
pub use missing_task_list::MissingTaskList;
pub use missing_timezone::MissingTimezone;
pub use missing_title::MissingTitle;
pub use mixed_timezones::MixedTimezones;
pub use named_individual::NamedIndividual;
pub use noncanonical_heading::NoncanonicalHeading;
pub use placeholder_text::PlaceholderText;
pub use section_order::SectionOrder;
pub use timeline_not_a_list::TimelineNotAList;
pub use timeline_out_of_order::TimelineOutOfOrder;
pub use unresolvable_image::UnresolvableImage;
pub use vague_task::VagueTask;
pub use word_count::WordCount;

use crate::rule::{Rule, RuleMeta};

/// Every rule, ordered by code.
pub static ALL: &[&dyn Rule] = &[
    &MissingTitle,              // PM101
    &MissingSection,            // PM102
    &EmptySection,              // PM103
    &DuplicateSection,          // PM104
    &SectionOrder,              // PM105
    &NoncanonicalHeading,       // PM106
    &MissingMetadata,           // PM107
    &MissingDuration,           // PM201
    &MissingTimezone,           // PM202
    &InconsistentDuration,      // PM203
    &MissingImpact,             // PM204
    &MissingAffectedShare,      // PM205
    &MissingRootCauseSummary,   // PM206
    &TimelineNotAList,          // PM301
    &EntryWithoutTime,          // PM302
    &TimelineOutOfOrder,        // PM303
    &EntryOutsideOutage,        // PM304
    &MissingDetection,          // PM305
    &MissingActions,            // PM306
    &MissingMisleadingPath,     // PM307
    &MissingEscalation,         // PM308
    &MissingResolutionEntry,    // PM309
    &LongEntry,                 // PM310
    &MixedTimezones,            // PM311
    &MissingCauseDetail,        // PM401
    &MissingFixDetail,          // PM402
    &MissingImprovements,       // PM501
    &MissingTaskList,           // PM502
    &VagueTask,                 // PM503
    &DuplicateTask,             // PM504
    &ActionItemWithoutOwner,    // PM505
    &ActionItemWithoutType,     // PM506
    &ActionItemWithoutTracking, // PM507
    &MissingLessonsPart,        // PM508
    &WordCount,                 // PM601
    &PlaceholderText,           // PM602
    &BlamefulLanguage,          // PM603
    &UnresolvableImage,         // PM604
    &NamedIndividual,           // PM605
    &AmbiguousDate,             // PM606
];

/// The rule with this code (`PM102`) or name (`missing-section`).
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    ALL.iter()
        .map(|rule| rule.meta())
        .find(|meta| meta.code == code_or_name || meta.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_ordered() {
        let metas: Vec<_> = ALL.iter().map(|rule| rule.meta()).collect();
        let codes: HashSet<_> = metas.iter().map(|meta| meta.code).collect();
        let names: HashSet<_> = metas.iter().map(|meta| meta.name).collect();
        assert_eq!(codes.len(), metas.len());
        assert_eq!(names.len(), metas.len());
        assert!(metas.windows(2).all(|pair| pair[0].code < pair[1].code));
    }

    #[test]
    fn every_rule_file_is_registered() {
        let directory = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
        for entry in std::fs::read_dir(directory).unwrap() {
            let stem = entry
                .unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let name = stem.replace('_', "-");
            assert!(
                find(&name).is_some(),
                "rules/{stem}.rs is not in rules::ALL"
            );
        }
    }
}
