//! The rule registry: every rule, in code order. Adding a rule is one `mod` line and one
//! `ALL` line.

mod missing_section;

pub use missing_section::MissingSection;

use crate::rule::{Rule, RuleMeta};

/// Every rule, ordered by code.
pub static ALL: &[&dyn Rule] = &[
    &MissingSection, // PM102
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
