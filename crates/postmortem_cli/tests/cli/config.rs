//! The configuration file: found in the current directory or a parent, `--config`,
//! `--no-config`, `--profile`.

use crate::{CRAFTED, postmortem, run, snapshot};
use serde_json::Value;
use std::path::Path;

fn codes(stdout: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(stdout).unwrap();
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap().to_owned())
        .collect()
}

/// A project with a configuration at its root and the document two directories down.
fn project(config_name: &str, config: &str) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let nested = root.path().join("docs/incidents");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(nested.join("checkout.md"), CRAFTED).unwrap();
    std::fs::write(root.path().join(config_name), config).unwrap();
    root
}

fn check_json(directory: &Path, extra: &[&str]) -> (i32, Vec<String>) {
    let (code, stdout, stderr) = run(postmortem()
        .current_dir(directory)
        .args(["check", "--format", "json", "checkout.md"])
        .args(extra));
    assert!(stderr.is_empty(), "{stderr}");
    (code, codes(&stdout))
}

#[test]
fn a_configuration_in_a_parent_directory_is_found() {
    for name in [".postmortem.json", "postmortem.json"] {
        let root = project(
            name,
            r#"{ "rules": { "PM601": "off", "PM202": "warning" } }"#,
        );
        let nested = root.path().join("docs/incidents");
        let (_, without) = check_json(&nested, &["--no-config"]);
        assert!(without.contains(&"PM601".to_owned()), "{without:?}");
        let (code, with) = check_json(&nested, &[]);
        assert!(!with.contains(&"PM601".to_owned()), "{name}: {with:?}");
        assert!(with.contains(&"PM202".to_owned()));
        assert_eq!(code, 1, "PM102 and the timeline rules are still errors");
    }
}

#[test]
fn the_dotted_name_wins_in_the_same_directory() {
    let root = project(".postmortem.json", r#"{ "rules": { "PM601": "off" } }"#);
    std::fs::write(root.path().join("postmortem.json"), "not json").unwrap();
    let (code, codes) = check_json(&root.path().join("docs/incidents"), &[]);
    assert_eq!(code, 1);
    assert!(!codes.contains(&"PM601".to_owned()));
}

#[test]
fn the_nearest_configuration_wins() {
    let root = project(".postmortem.json", r#"{ "rules": { "PM601": "off" } }"#);
    std::fs::write(
        root.path().join("docs/.postmortem.json"),
        r#"{ "rules": { "PM303": "off" } }"#,
    )
    .unwrap();
    let (_, codes) = check_json(&root.path().join("docs/incidents"), &[]);
    assert!(codes.contains(&"PM601".to_owned()), "{codes:?}");
    assert!(!codes.contains(&"PM303".to_owned()), "{codes:?}");
}

#[test]
fn config_flag_replaces_the_discovered_file_and_profile_overrides_it() {
    let root = project(".postmortem.json", r#"{ "rules": { "PM601": "off" } }"#);
    let nested = root.path().join("docs/incidents");
    std::fs::write(nested.join("sre.json"), r#"{ "profile": "sre" }"#).unwrap();
    let (_, codes) = check_json(&nested, &["--config", "sre.json"]);
    assert!(codes.contains(&"PM601".to_owned()), "{codes:?}");
    assert!(
        codes.contains(&"PM107".to_owned()),
        "the sre profile wants metadata: {codes:?}"
    );
    let (_, codes) = check_json(&nested, &["--config", "sre.json", "--profile", "standard"]);
    assert!(!codes.contains(&"PM107".to_owned()), "{codes:?}");
}

#[test]
fn a_bad_discovered_configuration_is_named_relative_to_here() {
    let root = project(".postmortem.json", r#"{ "profile": "strict" }"#);
    snapshot!(
        "error_config_discovered",
        postmortem()
            .current_dir(root.path().join("docs/incidents"))
            .args(["check", "checkout.md"])
    );
}
