//! `postmortem rules`, `postmortem rules CODE`, `postmortem new` and the help text.

use crate::{postmortem, run, snapshot};

#[test]
fn rules_lists_the_catalogue() {
    snapshot!("rules", postmortem().arg("rules"));
}

#[test]
fn rules_code_shows_one_rules_documentation() {
    snapshot!("rules_pm202", postmortem().args(["rules", "PM202"]));
    // A name works as well as a code.
    let by_code = run(postmortem().args(["rules", "PM202"]));
    let by_name = run(postmortem().args(["rules", "missing-timezone"]));
    assert_eq!(by_code, by_name);
}

#[test]
fn an_unknown_rule_cannot_run() {
    snapshot!("rules_pm999", postmortem().args(["rules", "PM999"]));
}

#[test]
fn new_prints_a_template_for_each_profile() {
    snapshot!("new_standard", postmortem().arg("new"));
    snapshot!("new_sre", postmortem().args(["new", "--profile", "sre"]));
}

#[test]
fn the_template_is_what_the_checker_expects() {
    // A fresh template has every required section: nothing is reported missing.
    for profile in ["standard", "sre"] {
        let (_, template, _) = run(postmortem().args(["new", "--profile", profile]));
        let (_, report, _) = crate::run_with_stdin(
            postmortem().args([
                "check",
                "--no-config",
                "--format",
                "json",
                "--profile",
                profile,
                "-",
            ]),
            &template,
        );
        let report: serde_json::Value = serde_json::from_str(&report).unwrap();
        let codes: Vec<&str> = report["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|diagnostic| diagnostic["code"].as_str().unwrap())
            .collect();
        assert!(!codes.contains(&"PM102"), "{profile}: {codes:?}");
        assert!(!codes.contains(&"PM101"), "{profile}: {codes:?}");
    }
}

#[test]
fn check_help_documents_paths_the_configuration_file_and_exit_codes() {
    // clap wraps help to the terminal it finds, so compare words, not layout.
    let (code, stdout, _) = run(postmortem().args(["check", "--help"]));
    assert_eq!(code, 0);
    let help = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "--format <FORMAT>",
        "sarif: SARIF 2.1.0",
        "github: GitHub Actions workflow commands",
        "looks for `.postmortem.json`, then `postmortem.json`",
        "--fix",
        "--include <GLOB>",
        "--exclude <GLOB>",
        "--no-ignore",
        "A directory means every Markdown file (.md, .markdown) under it",
        "`files` says which files are postmortems",
        "0 no errors (warnings and infos alone exit 0)",
    ] {
        assert!(
            help.contains(expected),
            "`check --help` lacks {expected:?}:\n{stdout}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run(postmortem().args(["check", "--no-config"]));
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: nothing to check: name files, directories or quoted globs"),
        "{stderr}"
    );
    let (code, _, stderr) = run(postmortem().args(["check", "--threads", "many", "a.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("--threads <N>"), "{stderr}");
    let (code, _, _) = run(postmortem().args(["check", "--format", "xml", "a.md"]));
    assert_eq!(code, 2);
}
