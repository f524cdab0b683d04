//! Files at repository scale: directories, quoted globs, ignore files, `--include` and
//! `--exclude`, the configuration's `files`, and the same report on any number of threads.

use crate::{CRAFTED, document, document_path, postmortem, run};
use serde_json::Value;
use std::path::Path;

/// Writes `files` (path, text) under `root`, making their directories.
fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A repository's worth of Markdown: postmortems, other documents, a hidden folder, an
/// ignored build folder, and a postmortem in plain text.
fn repository() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        &[
            ("README.md", "# The service\n"),
            ("postmortems/2024-10-03-checkout.md", CRAFTED),
            ("postmortems/2024/11-queue.md", CRAFTED),
            ("postmortems/drafts/draft-login.md", CRAFTED),
            ("postmortems/notes.txt", "Checkout failed.\n"),
            ("postmortems/old.markdown", CRAFTED),
            ("docs/guide.md", "# Guide\n"),
            (".github/pull_request_template.md", "# Pull request\n"),
            ("build/copied.md", CRAFTED),
            (".gitignore", "build/\n*.bak.md\n"),
            ("postmortems/2024/12-dns.bak.md", CRAFTED),
        ],
    );
    root
}

/// Runs `check --format json` with `args` in `directory`, without a configuration unless
/// `args` names one, and returns the exit code, the paths checked in report order and stderr.
fn checked(directory: &Path, args: &[&str]) -> (i32, Vec<String>, String) {
    let mut command = postmortem();
    command
        .current_dir(directory)
        .args(["check", "--format", "json"])
        .args(args);
    let (code, stdout, stderr) = run(&mut command);
    let paths = serde_json::from_str::<Value>(&stdout).map_or_else(
        |_| Vec::new(),
        |report| {
            report["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|file| file["path"].as_str().unwrap().to_owned())
                .collect()
        },
    );
    (code, paths, stderr)
}

#[test]
fn a_directory_means_its_markdown_files_in_path_order() {
    let root = repository();
    let (code, paths, stderr) = checked(root.path(), &["--no-config", "postmortems"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        paths,
        [
            "postmortems/2024/11-queue.md",
            "postmortems/2024-10-03-checkout.md",
            "postmortems/drafts/draft-login.md",
            "postmortems/old.markdown",
        ],
        "the ignored *.bak.md and the plain text notes are left out"
    );
    // `.` is shown without `./`; hidden folders and ignored ones are not entered.
    let (_, paths, _) = checked(root.path(), &["--no-config", "."]);
    assert_eq!(
        paths,
        [
            "README.md",
            "docs/guide.md",
            "postmortems/2024/11-queue.md",
            "postmortems/2024-10-03-checkout.md",
            "postmortems/drafts/draft-login.md",
            "postmortems/old.markdown",
        ]
    );
}

#[test]
fn gitignore_counts_outside_a_git_repository_unless_no_ignore() {
    let root = repository();
    assert!(!root.path().join(".git").exists());
    let (_, paths, _) = checked(root.path(), &["--no-config", "--no-ignore", "."]);
    assert!(paths.contains(&"build/copied.md".to_owned()), "{paths:?}");
    assert!(
        paths.contains(&"postmortems/2024/12-dns.bak.md".to_owned()),
        "{paths:?}"
    );
    assert!(
        !paths.iter().any(|path| path.starts_with(".github")),
        "hidden files stay out: {paths:?}"
    );
    // `.ignore` counts as well.
    std::fs::write(root.path().join("postmortems/.ignore"), "drafts/\n").unwrap();
    let (_, paths, _) = checked(root.path(), &["--no-config", "postmortems"]);
    assert!(
        !paths.iter().any(|path| path.contains("drafts")),
        "{paths:?}"
    );
}

#[test]
fn a_file_named_is_checked_even_when_ignored_hidden_or_not_markdown() {
    let root = repository();
    let (code, paths, _) = checked(
        root.path(),
        &[
            "--no-config",
            "build/copied.md",
            ".github/pull_request_template.md",
            "postmortems/notes.txt",
            "--exclude",
            "*.md",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        paths,
        [
            "build/copied.md",
            ".github/pull_request_template.md",
            "postmortems/notes.txt",
        ]
    );
}

#[test]
fn a_quoted_glob_is_expanded_from_the_current_directory() {
    let root = repository();
    let (_, paths, _) = checked(root.path(), &["--no-config", "postmortems/**/*.md"]);
    assert_eq!(
        paths,
        [
            "postmortems/2024/11-queue.md",
            "postmortems/2024-10-03-checkout.md",
            "postmortems/drafts/draft-login.md",
        ]
    );
    // `*` stays inside one directory, and a glob takes any extension.
    let (_, paths, _) = checked(root.path(), &["--no-config", "./postmortems/*"]);
    assert_eq!(
        paths,
        [
            "postmortems/2024-10-03-checkout.md",
            "postmortems/notes.txt",
            "postmortems/old.markdown",
        ]
    );
    let (_, paths, _) = checked(
        &root.path().join("postmortems"),
        &["--no-config", "*.{txt,markdown}"],
    );
    assert_eq!(paths, ["notes.txt", "old.markdown"]);
}

#[test]
fn a_glob_matching_nothing_a_missing_path_and_a_bad_glob_cannot_run() {
    let root = repository();
    let (code, paths, stderr) = checked(root.path(), &["--no-config", "incidents/**/*.md"]);
    assert_eq!((code, paths.len()), (2, 0));
    assert_eq!(
        stderr,
        "error: no file matches `incidents/**/*.md` (hidden and ignored files are left out; \
         --no-ignore checks ignored ones)\n"
    );
    // Matching only ignored files is matching nothing; a directory the glob names is walked
    // even when ignored, as a directory named is.
    let (code, _, stderr) = checked(root.path(), &["--no-config", "postmortems/**/*.bak.md"]);
    assert_eq!(code, 2, "{stderr}");
    let (_, paths, _) = checked(root.path(), &["--no-config", "build/*.md"]);
    assert_eq!(paths, ["build/copied.md"]);
    let (_, paths, _) = checked(root.path(), &["--no-config", "build"]);
    assert_eq!(paths, ["build/copied.md"]);
    let (code, _, stderr) = checked(root.path(), &["--no-config", "postmortems/[2024.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: invalid glob `postmortems/[2024.md`: unclosed character class; missing ']'\n"
    );
    let (code, _, stderr) = checked(root.path(), &["--no-config", "postmortems", "gone.md"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: cannot read gone.md: No such file or directory"),
        "{stderr}"
    );
    let (code, _, stderr) = checked(root.path(), &["--no-config", "--exclude", "{a", "."]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: --exclude: invalid glob `{a`: unclosed alternate group"),
        "{stderr}"
    );
}

#[test]
fn include_and_exclude_choose_among_walked_files() {
    let root = repository();
    let (_, paths, _) = checked(
        root.path(),
        &[
            "--no-config",
            ".",
            "--include",
            "postmortems/**",
            "--exclude",
            "drafts",
        ],
    );
    assert_eq!(
        paths,
        [
            "postmortems/2024/11-queue.md",
            "postmortems/2024-10-03-checkout.md",
            "postmortems/old.markdown",
        ]
    );
    // Repeatable; a glob without `/` matches a name at any depth.
    let (_, paths, _) = checked(
        root.path(),
        &[
            "--no-config",
            "postmortems",
            "--include",
            "*.markdown",
            "--include",
            "draft-*",
        ],
    );
    assert_eq!(
        paths,
        [
            "postmortems/drafts/draft-login.md",
            "postmortems/old.markdown"
        ]
    );
}

#[test]
fn each_file_is_checked_once_in_the_order_the_arguments_name_it() {
    let root = repository();
    let (_, paths, _) = checked(
        root.path(),
        &[
            "--no-config",
            "docs/guide.md",
            "postmortems/2024",
            "README.md",
            "./docs/guide.md",
            "postmortems/**/11-*.md",
            ".",
        ],
    );
    assert_eq!(
        paths,
        [
            "docs/guide.md",
            "postmortems/2024/11-queue.md",
            "README.md",
            "postmortems/2024-10-03-checkout.md",
            "postmortems/drafts/draft-login.md",
            "postmortems/old.markdown",
        ]
    );
}

#[test]
fn the_configurations_files_say_which_files_are_postmortems() {
    let root = repository();
    write(
        root.path(),
        &[(
            ".postmortem.json",
            r#"{ "$schema": "./postmortem.schema.json", "files": ["postmortems/**/*.md", "postmortems/*.txt"] }"#,
        )],
    );
    // A directory walk checks only the configured files, plain text among them.
    let (_, paths, _) = checked(root.path(), &["."]);
    assert_eq!(
        paths,
        [
            "postmortems/2024/11-queue.md",
            "postmortems/2024-10-03-checkout.md",
            "postmortems/drafts/draft-login.md",
            "postmortems/notes.txt",
        ]
    );
    // With no path, the configured files; from a subdirectory they are shown from there.
    let (code, paths, stderr) = checked(root.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(paths.len(), 4, "{paths:?}");
    let (_, paths, _) = checked(&root.path().join("docs"), &["--exclude", "drafts"]);
    assert_eq!(
        paths,
        [
            "../postmortems/2024/11-queue.md",
            "../postmortems/2024-10-03-checkout.md",
            "../postmortems/notes.txt",
        ]
    );
    let (_, paths, _) = checked(root.path(), &["--include", "*.txt"]);
    assert_eq!(paths, ["postmortems/notes.txt"]);
    // Named files and globs are not held to it.
    let (_, paths, _) = checked(root.path(), &["README.md", "docs/*.md"]);
    assert_eq!(paths, ["README.md", "docs/guide.md"]);
    // A directory with none of them is nothing to check, which is not an error.
    let (code, paths, stderr) = checked(root.path(), &["docs"]);
    assert_eq!((code, paths.len()), (0, 0));
    assert_eq!(
        stderr,
        "warning: no file to check: in a directory, only the configuration's `files` are checked\n"
    );
}

#[test]
fn the_files_globs_are_relative_to_the_configurations_directory() {
    let root = repository();
    write(
        root.path(),
        &[(
            "config/postmortem.json",
            r#"{ "files": ["../postmortems/*.md"] }"#,
        )],
    );
    // `..` leaves the configuration's directory: those globs match nothing.
    let (code, paths, stderr) = checked(root.path(), &["--config", "config/postmortem.json"]);
    assert_eq!((code, paths.len()), (0, 0), "{paths:?}");
    assert_eq!(
        stderr,
        "warning: no file matches the configuration's `files`\n"
    );
    write(
        root.path(),
        &[(
            "postmortems/postmortem.json",
            r#"{ "files": ["2024/*.md"] }"#,
        )],
    );
    let (_, paths, _) = checked(root.path(), &["--config", "postmortems/postmortem.json"]);
    assert_eq!(paths, ["postmortems/2024/11-queue.md"]);
}

#[test]
fn a_bad_files_glob_is_a_configuration_error() {
    let root = repository();
    write(
        root.path(),
        &[(".postmortem.json", r#"{ "files": ["postmortems/[*.md"] }"#)],
    );
    let (code, _, stderr) = checked(&root.path().join("docs"), &["guide.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: ../.postmortem.json: invalid configuration: files: invalid glob \
         `postmortems/[*.md`: unclosed character class; missing ']'\n"
    );
    write(
        root.path(),
        &[(".postmortem.json", r#"{ "files": "postmortems/*.md" }"#)],
    );
    let (code, _, stderr) = checked(root.path(), &["README.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("expected a sequence"), "{stderr}");
}

#[test]
fn exit_codes_over_a_directory() {
    let root = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(document_path(&document("headed.md"))).unwrap();
    write(
        root.path(),
        &[("clean/a.md", &complete), ("clean/b/c.md", &complete)],
    );
    let (code, paths, _) = checked(root.path(), &["--no-config", "clean"]);
    assert_eq!((code, paths.len()), (0, 2));
    write(root.path(), &[("clean/b/d.md", CRAFTED)]);
    let (code, paths, _) = checked(root.path(), &["--no-config", "clean"]);
    assert_eq!((code, paths.len()), (1, 3));
    std::fs::create_dir(root.path().join("empty")).unwrap();
    let (code, _, stderr) = checked(root.path(), &["--no-config", "empty"]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr,
        "warning: no file to check: a directory is walked for .md and .markdown files\n"
    );
    let (code, stdout, _) =
        run(postmortem()
            .current_dir(root.path())
            .args(["check", "--no-config", "empty"]));
    assert_eq!(
        (code, stdout.as_str()),
        (0, "Checked 0 files: no problems found.\n")
    );
    let (code, stdout, _) = run(postmortem().current_dir(root.path()).args([
        "check",
        "--no-config",
        "--format",
        "json",
        "empty",
    ]));
    assert_eq!(code, 0);
    assert_eq!(stdout, "{\n  \"files\": []\n}\n");
    // A file in a walked directory that cannot be read stops the check.
    std::fs::write(root.path().join("clean/b/latin1.md"), b"# Caf\xe9\n").unwrap();
    let (code, _, stderr) = checked(root.path(), &["--no-config", "clean"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: clean/b/latin1.md is not UTF-8 text"),
        "{stderr}"
    );
}

/// Two hundred documents of a few shapes, some clean, in nested folders.
fn many_documents() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let own: Vec<String> = postmortem_testdata::own_documents()
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    for number in 0..200 {
        let text = if number % 5 == 4 {
            CRAFTED
        } else {
            &own[number % own.len()]
        };
        let path = root
            .path()
            .join(format!("team-{}/{:03}/incident.md", number % 7, number));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

#[test]
fn the_report_is_the_same_on_one_thread_and_on_many_in_every_format() {
    let root = many_documents();
    for format in ["human", "json", "sarif", "github"] {
        let report = |threads: &str| {
            run(postmortem().current_dir(root.path()).args([
                "check",
                "--no-config",
                "--format",
                format,
                "--threads",
                threads,
                ".",
            ]))
        };
        let sequential = report("1");
        assert_eq!(sequential.0, 1, "{format}");
        assert!(sequential.2.is_empty(), "{format}: {}", sequential.2);
        for threads in ["0", "2", "7"] {
            assert!(
                report(threads) == sequential,
                "{format} on {threads} threads differs from one thread"
            );
        }
    }
    // In path order: team-0/000, team-0/007, ..., team-6/...
    let (_, paths, _) = checked(root.path(), &["--no-config", "."]);
    assert_eq!(paths.len(), 200);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths[0], "team-0/000/incident.md");
    assert_eq!(paths[1], "team-0/007/incident.md");
}

#[test]
fn fixing_a_directory_on_many_threads_fixes_every_file() {
    let root = many_documents();
    let (code, _, stderr) = run(postmortem().current_dir(root.path()).args([
        "check",
        "--no-config",
        "--fix",
        "--format",
        "json",
        ".",
    ]));
    assert_eq!(code, 1, "{stderr}");
    // The crafted documents (every fifth) at least get their timezone fix; every fixed file
    // is reported, in path order.
    let fixed: Vec<&str> = stderr.lines().collect();
    assert!(fixed.len() >= 40, "{stderr}");
    assert!(
        fixed.iter().all(|line| line.starts_with("Fixed team-")),
        "{stderr}"
    );
    let mut sorted = fixed.clone();
    sorted.sort_unstable();
    assert_eq!(fixed, sorted);
    let again =
        run(postmortem()
            .current_dir(root.path())
            .args(["check", "--no-config", "--fix", "."]));
    assert!(again.2.is_empty(), "nothing is left to fix: {}", again.2);
}
