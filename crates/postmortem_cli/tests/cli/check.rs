//! `postmortem check`: the project's documents in every format, standard input, columns, exit
//! codes, colour.

use crate::{
    CRAFTED, document, document_name, documents, postmortem, run, run_with_stdin, snapshot,
};
use serde_json::Value;

#[test]
fn documents_in_human_json_and_github_formats() {
    for path in documents() {
        let name = document_name(&path);
        snapshot!(
            format!("check_human_{name}"),
            postmortem().args(["check", "--no-config", &path])
        );
        snapshot!(
            format!("check_json_{name}"),
            postmortem().args(["check", "--no-config", "--format", "json", &path])
        );
        snapshot!(
            format!("check_github_{name}"),
            postmortem().args(["check", "--no-config", "--format", "github", &path])
        );
    }
}

#[test]
fn exit_codes_follow_the_worst_severity() {
    // The headed document is complete: no finding, exit 0.
    let complete = document("headed.md");
    let (code, stdout, _) = run(postmortem().args(["check", "--no-config", &complete]));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with("no problems found.\n"), "{stdout}");
    // With a relative image it has one warning, which alone exits 0.
    let directory = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(crate::document_path(&complete)).unwrap();
    text.push_str("\n![Query times during the outage](./latency.png)\n");
    std::fs::write(directory.path().join("incident.md"), text).unwrap();
    let (code, stdout, _) = run(postmortem().current_dir(directory.path()).args([
        "check",
        "--no-config",
        "incident.md",
    ]));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("warning[PM604]"), "{stdout}");
    assert!(
        stdout.ends_with("Checked 1 file: 0 errors, 1 warning, 0 info.\n"),
        "{stdout}"
    );
    // One file with errors among clean ones fails the whole check.
    let plain = document("plain_labels.txt");
    let (code, _, _) = run(postmortem().args(["check", "--no-config", &plain]));
    assert_eq!(code, 1);
    let (code, stdout, _) = run(postmortem().args(["check", "--no-config", &complete, &plain]));
    assert_eq!(code, 1);
    assert!(
        stdout.ends_with("Checked 2 files: 12 errors, 2 warnings, 3 info.\n"),
        "{stdout}"
    );
    // Turned down to warnings, the errors no longer fail it.
    let config = directory.path().join("lenient.json");
    std::fs::write(
        &config,
        r#"{ "rules": { "word-count": "warning", "missing-misleading-path": "warning", "missing-cause-detail": "warning" } }"#,
    )
    .unwrap();
    let table = document("table_timeline.md");
    let (code, _, _) = run(postmortem().args(["check", "--no-config", &table]));
    assert_eq!(code, 1);
    let (code, stdout, _) = run(postmortem()
        .args(["check", &table, "--config"])
        .arg(&config));
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn standard_input() {
    snapshot!(
        "check_stdin",
        postmortem()
            .args(["check", "--no-config", "-"])
            .pass_stdin(CRAFTED)
    );
    snapshot!(
        "check_stdin_filename_github",
        postmortem()
            .args([
                "check",
                "--no-config",
                "--format",
                "github",
                "--stdin-filename",
                "docs/incident.md",
                "-"
            ])
            .pass_stdin(CRAFTED)
    );
}

#[test]
fn columns_count_characters() {
    let (code, stdout, _) = run_with_stdin(
        postmortem().args(["check", "--no-config", "--format", "json", "-"]),
        CRAFTED,
    );
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let timezone = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|diagnostic| diagnostic["code"] == "PM202")
        .unwrap();
    // "Café checkout failed from " is 26 characters (27 bytes): "10:00 AM" starts at column 27.
    let line = CRAFTED.lines().nth(4).unwrap();
    let byte = line.find("10:00").unwrap();
    assert_eq!((byte, line[..byte].chars().count()), (27, 26));
    assert_eq!(timezone["line"], 5);
    assert_eq!(timezone["column"], 27);
    assert_eq!(timezone["endColumn"], 35);

    let (_, stdout, _) = run_with_stdin(
        postmortem().args(["check", "--no-config", "--format", "github", "-"]),
        CRAFTED,
    );
    assert!(
        stdout.contains("line=5,col=27,endLine=5,endColumn=35,title=PM202 missing-timezone::"),
        "{stdout}"
    );
    let (_, stdout, _) = run_with_stdin(postmortem().args(["check", "--no-config", "-"]), CRAFTED);
    assert!(stdout.contains(" --> <stdin>:5:27\n"), "{stdout}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let has_escapes = |args: &[&str], no_color: bool| {
        let mut command = postmortem();
        if !no_color {
            command.env_remove("NO_COLOR");
        }
        let (_, stdout, _) = run_with_stdin(command.args(args), CRAFTED);
        stdout.contains('\u{1b}')
    };
    // Not a terminal: no colour unless forced.
    assert!(!has_escapes(&["check", "--no-config", "-"], false));
    assert!(has_escapes(
        &["--color", "always", "check", "--no-config", "-"],
        false
    ));
    assert!(has_escapes(
        &["check", "--color", "always", "--no-config", "-"],
        true
    ));
    assert!(!has_escapes(
        &["check", "--color", "never", "--no-config", "-"],
        false
    ));
    // Machine formats are never coloured.
    assert!(!has_escapes(
        &[
            "check",
            "--color",
            "always",
            "--format",
            "json",
            "--no-config",
            "-"
        ],
        false
    ));
}
