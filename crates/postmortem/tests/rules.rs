//! Fixture-driven rule tests. Each `fixtures/<rule_file>/*.md` marks the lines where its rule
//! must fire with `<!-- expect: PM102 -->` (or `<!-- expect: PM102 @line 12 -->` for a line that
//! cannot hold a marker); `<!-- expect: none -->` says it must not fire at all. A fixture may
//! set its configuration with `<!-- postmortem-config {"profile":"sre"} -->`. The fired
//! (code, line) set must equal the markers, and fixes must remove what they fix.

use postmortem::{Config, LineIndex, RuleLevel};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths = Vec::new();
    for directory in std::fs::read_dir(root).unwrap() {
        for file in std::fs::read_dir(directory.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|extension| extension == "md") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

/// The rule a fixture directory tests: `missing_section` → PM102.
fn rule_of(path: &Path) -> &'static postmortem::RuleMeta {
    let directory = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy();
    postmortem::rules::find(&directory.replace('_', "-"))
        .unwrap_or_else(|| panic!("fixture directory `{directory}` names no rule"))
}

/// (code, 1-based line) pairs the fixture expects, for its own rule.
fn expectations(source: &str, code: &str) -> BTreeSet<(String, u32)> {
    let mut expected = BTreeSet::new();
    for (number, line) in source.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("<!-- expect:") {
            let after = &rest[start + "<!-- expect:".len()..];
            let end = after.find("-->").expect("unclosed expect marker");
            let marker = after[..end].trim();
            rest = &after[end..];
            if marker == "none" {
                continue;
            }
            let (marked_code, at_line) = match marker.split_once("@line") {
                Some((marked_code, at_line)) => {
                    (marked_code.trim(), at_line.trim().parse().unwrap())
                }
                None => (marker, u32::try_from(number + 1).unwrap()),
            };
            if marked_code == code {
                expected.insert((marked_code.to_owned(), at_line));
            }
        }
    }
    expected
}

/// The fixture's configuration, with its rule turned on even if the rule ships off.
fn fixture_config(source: &str, rule: &postmortem::RuleMeta) -> Config {
    const MARKER: &str = "<!-- postmortem-config";
    let config = match source.find(MARKER) {
        Some(start) => {
            let json = &source[start + MARKER.len()..];
            Config::from_json(json[..json.find("-->").unwrap()].trim()).unwrap()
        }
        None => Config::default(),
    };
    config.enabling(rule)
}

/// The fixture's source with the fixes of `code`'s findings applied to a fixpoint, every
/// other rule off.
fn apply_fixes(source: &str, code: &str, config: &Config) -> String {
    let mut only = config.clone();
    for meta in postmortem::rule_catalogue().filter(|meta| meta.code != code) {
        only.rules.insert(meta.code.to_owned(), RuleLevel::Off);
    }
    postmortem::fix::fix_all(source, &only).source
}

#[test]
fn every_fixture_fires_exactly_where_marked() {
    let mut failures = Vec::new();
    for path in fixtures() {
        let source = std::fs::read_to_string(&path).unwrap();
        let rule = rule_of(&path);
        let code = rule.code;
        let config = fixture_config(&source, rule);
        let index = LineIndex::new(&source);
        let fired: BTreeSet<(String, u32)> = postmortem::check(&source, &config)
            .iter()
            .filter(|diagnostic| diagnostic.code() == code)
            .map(|diagnostic| {
                (
                    diagnostic.code().to_owned(),
                    index.line_column(&source, diagnostic.span.start).line,
                )
            })
            .collect();
        let expected = expectations(&source, code);
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("valid") {
            assert!(
                source.starts_with("<!-- expect: none -->"),
                "{name} must start with `<!-- expect: none -->`"
            );
        }
        if fired != expected {
            failures.push(format!(
                "{}: fired {fired:?}, expected {expected:?}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn fixes_remove_what_they_fix_and_converge() {
    for path in fixtures() {
        let source = std::fs::read_to_string(&path).unwrap();
        let rule = rule_of(&path);
        let code = rule.code;
        let config = fixture_config(&source, rule);
        let fixable = postmortem::check(&source, &config)
            .iter()
            .any(|diagnostic| diagnostic.code() == code && diagnostic.fix.is_some());
        if !fixable {
            continue;
        }
        let fixed = apply_fixes(&source, code, &config);
        let remaining: Vec<_> = postmortem::check(&fixed, &config)
            .into_iter()
            .filter(|diagnostic| diagnostic.code() == code && diagnostic.fix.is_some())
            .collect();
        assert!(
            remaining.is_empty(),
            "{}: fixing left {remaining:?} in:\n{fixed}",
            path.display()
        );
        assert_eq!(
            apply_fixes(&fixed, code, &config),
            fixed,
            "{}: fixes do not converge",
            path.display()
        );
    }
}
