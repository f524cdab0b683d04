//! The ways the checker is installed, as the repository declares them: the root package that
//! `cargo install --path .` builds, the pre-commit hook and the GitHub Action. Their real runs
//! need the network (pre-commit, GitHub); these hold the files to what those runs rely on.

use crate::{postmortem, run};
use std::path::Path;

/// A file at the repository's root.
fn root_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The value of `key: value` lines in a YAML or TOML text, in order.
fn values<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches("- ");
            let value = line.strip_prefix(key)?.trim_start();
            Some(value.strip_prefix([':', '='])?.trim())
        })
        .collect()
}

/// The lines of a TOML text from `[header]` to the next header.
fn toml_section<'a>(text: &'a str, header: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|line| *line != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .collect()
}

#[test]
fn the_root_package_installs_the_postmortem_binary_alone() {
    let manifest = root_file("Cargo.toml");
    let package = toml_section(&manifest, "[package]").join("\n");
    assert_eq!(
        values(&package, "autobins"),
        ["false"],
        "no other binary is found"
    );
    assert_eq!(manifest.matches("[[bin]]").count(), 1);
    let bin = toml_section(&manifest, "[[bin]]").join("\n");
    assert_eq!(values(&bin, "name"), ["\"postmortem\""]);
    // Its binary is built for neither tests nor docs, so that it never collides with the CLI
    // crate's own `postmortem` in a workspace-wide run.
    assert_eq!(values(&bin, "test"), ["false"]);
    assert_eq!(values(&bin, "doc"), ["false"]);
    let dependencies = toml_section(&manifest, "[dependencies]");
    assert_eq!(
        dependencies.len(),
        2,
        "the CLI crate alone: {dependencies:?}"
    );
    assert!(dependencies[0].starts_with("postmortem_cli = { path = \"crates/postmortem_cli\""));
    let main = root_file(values(&bin, "path")[0].trim_matches('"'));
    assert!(main.contains("postmortem_cli::run()"), "{main}");
    let default_members = values(&manifest, "default-members");
    assert_eq!(default_members.len(), 1);
    assert!(!default_members[0].contains("\".\""), "{default_members:?}");
}

#[test]
fn the_pre_commit_hook_runs_the_binary_on_markdown_files() {
    let hooks = root_file(".pre-commit-hooks.yaml");
    assert_eq!(values(&hooks, "id"), ["postmortem"]);
    assert_eq!(
        values(&hooks, "language"),
        ["rust"],
        "installed from the root package"
    );
    assert_eq!(values(&hooks, "types"), ["[markdown]"]);
    let entry = values(&hooks, "entry");
    assert_eq!(entry, ["postmortem check"]);
    // pre-commit appends the staged files to the entry: the binary takes them, and fails on
    // errors.
    let document = crate::document("table_timeline.md");
    let mut words = entry[0].split_whitespace();
    assert_eq!(words.next(), Some("postmortem"), "the binary's name");
    let (code, stdout, _) = run(postmortem().args(words).args(["--no-config", &document]));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("table_timeline.md:"), "{stdout}");
    let readme = root_file("README.md");
    assert!(
        readme.contains("      - id: postmortem\n        files: "),
        "the README's snippet"
    );
}

#[test]
fn the_action_installs_the_cli_profile_and_reports_as_annotations() {
    let action = root_file("action.yml");
    assert_eq!(values(&action, "using"), ["composite"]);
    let install = "cargo install --locked --profile cli --path \"$GITHUB_ACTION_PATH\"";
    assert!(action.contains(install), "{action}");
    assert!(action.contains("postmortem \"${arguments[@]}\" --format github"));
    assert!(action.contains("--format sarif > \"$POSTMORTEM_SARIF\""));
    // An input is text from the workflow: expanded into a script it could run commands.
    let scripts: Vec<&str> = action.split("run: |").skip(1).collect();
    assert_eq!(scripts.len(), 2);
    for script in scripts {
        let body = script.split("\n    - ").next().unwrap();
        assert!(
            !body.contains("${{"),
            "an expression inside a script: {body}"
        );
    }
    for input in ["paths", "config", "sarif-file"] {
        assert!(action.contains(&format!("  {input}:\n")), "input {input}");
        assert!(
            action.contains(&format!("${{{{ inputs.{input} }}}}")),
            "input {input} is used"
        );
    }
}
