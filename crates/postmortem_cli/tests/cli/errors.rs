//! Exit code 2 with a clear message: what cannot be read, what is not UTF-8, bad configuration.

use crate::{postmortem, snapshot};

#[test]
fn a_missing_file() {
    snapshot!(
        "error_missing_file",
        postmortem().args(["check", "--no-config", "no-such-incident.md"])
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    // A link to itself cannot be read (and permissions do not stop root, which CI may be).
    let directory = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("incident.md", directory.path().join("incident.md")).unwrap();
    snapshot!(
        "error_unreadable_file",
        postmortem()
            .current_dir(directory.path())
            .args(["check", "--no-config", "incident.md"])
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("latin1.md"),
        b"# Outage\n\n## Issue Summary\n\nThe caf\xe9 was down.\n",
    )
    .unwrap();
    snapshot!(
        "error_not_utf8",
        postmortem()
            .current_dir(directory.path())
            .args(["check", "--no-config", "latin1.md"])
    );
}

#[test]
fn standard_input_that_is_not_utf8() {
    let mut command = postmortem();
    command.args(["check", "--no-config", "-"]);
    let output = {
        use std::io::Write as _;
        use std::process::Stdio;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"\xff\xfe#").unwrap();
        child.wait_with_output().unwrap()
    };
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: standard input is not UTF-8 text"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn standard_input_twice() {
    snapshot!(
        "error_stdin_twice",
        postmortem()
            .args(["check", "--no-config", "-", "-"])
            .pass_stdin("# Outage\n")
    );
}

#[test]
fn a_bad_configuration() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("incident.md"), crate::CRAFTED).unwrap();
    std::fs::write(directory.path().join("syntax.json"), "{ \"rules\": ").unwrap();
    std::fs::write(
        directory.path().join("unknown-rule.json"),
        r#"{ "rules": { "PM999": "off" } }"#,
    )
    .unwrap();
    std::fs::write(
        directory.path().join("bad-level.json"),
        r#"{ "rules": { "PM202": "loud" } }"#,
    )
    .unwrap();
    std::fs::write(
        directory.path().join("words.json"),
        r#"{ "words": { "min": 600, "max": 400 } }"#,
    )
    .unwrap();
    for name in ["syntax", "unknown-rule", "bad-level", "words", "missing"] {
        snapshot!(
            format!("error_config_{name}"),
            postmortem().current_dir(directory.path()).args([
                "check",
                "--config",
                &format!("{name}.json"),
                "incident.md"
            ])
        );
    }
}
