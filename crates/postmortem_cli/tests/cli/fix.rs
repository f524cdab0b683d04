//! `--fix`: files fixed in place until no fix applies, standard input fixed onto stdout.

use crate::{
    CRAFTED, document_name, document_path, documents, postmortem, run, run_with_stdin, snapshot,
    snapshot_text,
};
use serde_json::Value;
use std::path::Path;

/// The fixes still on offer in `file`, checked again from scratch.
fn fixable_left(directory: &Path, file: &str) -> Vec<String> {
    let (_, stdout, _) = run(postmortem().current_dir(directory).args([
        "check",
        "--no-config",
        "--format",
        "json",
        file,
    ]));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|diagnostic| !diagnostic["fix"].is_null())
        .map(|diagnostic| diagnostic["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn fixing_the_documents_converges() {
    for path in documents() {
        let name = document_name(&path);
        let directory = tempfile::tempdir().unwrap();
        let original = std::fs::read_to_string(document_path(&path)).unwrap();
        std::fs::write(directory.path().join("incident.md"), &original).unwrap();

        snapshot!(
            format!("fix_{name}"),
            postmortem().current_dir(directory.path()).args([
                "check",
                "--no-config",
                "--fix",
                "incident.md"
            ])
        );
        let fixed = std::fs::read_to_string(directory.path().join("incident.md")).unwrap();
        snapshot_text!(format!("fix_{name}_text"), fixed.clone());

        // Nothing left to fix: a second run changes nothing and says so by saying nothing.
        assert!(
            fixable_left(directory.path(), "incident.md").is_empty(),
            "document {name}"
        );
        let (_, _, stderr) = run(postmortem().current_dir(directory.path()).args([
            "check",
            "--no-config",
            "--fix",
            "incident.md",
        ]));
        assert_eq!(stderr, "", "document {name}");
        assert_eq!(
            std::fs::read_to_string(directory.path().join("incident.md")).unwrap(),
            fixed
        );
    }
}

#[test]
fn fixing_standard_input_prints_the_fixed_text() {
    snapshot!(
        "fix_stdin",
        postmortem()
            .args(["check", "--no-config", "--fix", "-"])
            .pass_stdin(CRAFTED)
    );
    // The fixed text checks clean of fixable findings.
    let (_, fixed, _) = run_with_stdin(
        postmortem().args(["check", "--no-config", "--fix", "--format", "json", "-"]),
        CRAFTED,
    );
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("fixed.md"), &fixed).unwrap();
    assert!(fixable_left(directory.path(), "fixed.md").is_empty());
}

#[test]
fn fixes_that_meet_at_one_place_take_several_passes() {
    // Every required section is missing and appended at the same place, the end: one per
    // pass, each with the separator the text then needs, in the profile's order.
    let (code, stdout, stderr) = run_with_stdin(
        postmortem().args(["check", "--no-config", "--fix", "--format", "json", "-"]),
        "# Outage",
    );
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with(
            "# Outage\n\n## Issue Summary\n\n## Timeline\n\n## Root Cause and Resolution\n\n\
         ## Corrective and Preventative Measures\n"
        ),
        "{stdout}"
    );
    assert!(stderr.starts_with("Fixed <stdin> (4 fixes)\n"), "{stderr}");
    let report_start = stderr.find('{').unwrap();
    let report: Value = serde_json::from_str(&stderr[report_start..]).unwrap();
    assert_eq!(report["files"][0]["fixesApplied"], 4);
}

#[test]
fn several_files_are_fixed_and_reported_each() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("a.md"), CRAFTED).unwrap();
    std::fs::write(directory.path().join("b.md"), "# Outage\n").unwrap();
    let (code, stdout, stderr) = run(postmortem().current_dir(directory.path()).args([
        "check",
        "--no-config",
        "--fix",
        "--format",
        "json",
        "a.md",
        "b.md",
    ]));
    assert_eq!(code, 1);
    assert_eq!(stderr, "Fixed a.md (4 fixes)\nFixed b.md (4 fixes)\n");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["files"][0]["fixesApplied"], 4);
    assert_eq!(report["files"][1]["fixesApplied"], 4);
    // Without `--fix` there is no count.
    let (_, stdout, _) = run(postmortem().current_dir(directory.path()).args([
        "check",
        "--no-config",
        "--format",
        "json",
        "a.md",
    ]));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert!(report["files"][0].get("fixesApplied").is_none());
}
