//! Every rule's documentation has the required sections, and its examples hold: each
//! `markdown,invalid` block fires the rule exactly once, each `markdown` block never.

use postmortem::{Config, rule_catalogue};

/// The fenced examples of a doc comment: (whether it is invalid, its text).
fn examples(docs: &str) -> Vec<(bool, String)> {
    let mut examples = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for line in docs.lines() {
        let line = line.strip_prefix(' ').unwrap_or(line);
        match (&mut current, line.trim_end()) {
            (None, "```markdown,invalid") => current = Some((true, String::new())),
            (None, "```markdown") => current = Some((false, String::new())),
            (Some(_), "```") => examples.extend(current.take()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    examples
}

/// An example's configuration: `<!-- postmortem-config {...} -->` in it, as in the fixtures
/// (an `sre` rule's examples select their profile so), else the default.
fn example_config(text: &str) -> Config {
    const MARKER: &str = "<!-- postmortem-config";
    match text.find(MARKER) {
        Some(start) => {
            let json = &text[start + MARKER.len()..];
            Config::from_json(json[..json.find("-->").unwrap()].trim()).unwrap()
        }
        None => Config::default(),
    }
}

#[test]
fn every_rule_is_documented_with_examples_that_hold() {
    for meta in rule_catalogue() {
        for section in [
            "## Why is this bad?",
            "## Examples",
            "### Invalid",
            "### Valid",
        ] {
            assert!(
                meta.docs.contains(section),
                "{} docs lack `{section}`",
                meta.code
            );
        }
        assert!(
            !meta.summary().is_empty(),
            "{} has no summary line",
            meta.code
        );
        let examples = examples(meta.docs);
        assert!(
            examples.iter().any(|(invalid, _)| *invalid),
            "{} has no invalid example",
            meta.code
        );
        assert!(
            examples.iter().any(|(invalid, _)| !*invalid),
            "{} has no valid example",
            meta.code
        );
        for (invalid, text) in examples {
            let fired = postmortem::check(&text, &example_config(&text).enabling(meta))
                .iter()
                .filter(|diagnostic| diagnostic.code() == meta.code)
                .count();
            let expected = usize::from(invalid);
            assert_eq!(
                fired, expected,
                "{}: example fired {fired} times, expected {expected}:\n{text}",
                meta.code
            );
        }
    }
}

#[test]
fn a_summary_is_the_whole_first_paragraph_on_one_line() {
    for meta in rule_catalogue() {
        let summary = meta.summary();
        assert!(summary.ends_with('.'), "{}: {summary}", meta.code);
        assert!(!summary.contains('\n'), "{}: {summary}", meta.code);
        assert!(meta.docs.contains(summary.split(' ').next_back().unwrap()));
    }
}

#[test]
fn the_markdown_loses_the_doc_comment_indentation() {
    for meta in rule_catalogue() {
        let markdown = meta.markdown();
        assert!(
            markdown.starts_with(|c: char| !c.is_whitespace()),
            "{}",
            meta.code
        );
        assert!(
            markdown.contains("\n## Why is this bad?\n"),
            "{}",
            meta.code
        );
    }
}
