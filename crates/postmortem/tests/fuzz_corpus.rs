//! The fuzzers' corpus, re-checked on every `cargo test`: every input in `fuzz/corpus/` (the
//! seeds and each input the fuzzers found new behaviour with) goes through the same checks as
//! the fuzz targets, on stable and without libFuzzer. See `fuzz/README.md`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The fuzz targets' checks, shared as a file: the fuzz crate needs nightly and is not part of
/// the workspace, and its functions are not the core's API.
#[allow(unreachable_pub)]
#[path = "../../../fuzz/src/lib.rs"]
mod checks;

/// Runs `check` on every file of `fuzz/corpus/<target>/` and names the files it panics on.
fn check_corpus(target: &str, check: fn(&[u8])) {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("{}: {error}", directory.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{} is empty", directory.display());
    let failures: Vec<String> = paths
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).unwrap();
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed: {failures:#?}",
        failures.len(),
        paths.len()
    );
}

#[test]
fn the_validate_corpus_passes() {
    check_corpus("validate", checks::validate);
}

#[test]
fn the_html_corpus_passes() {
    check_corpus("html", checks::html);
}

#[test]
fn the_config_corpus_passes() {
    check_corpus("config", checks::config);
}

#[test]
fn the_form_corpus_passes() {
    check_corpus("form", checks::form);
}

#[test]
fn form_input_decodes_every_edit_and_both_profiles() {
    use postmortem::Profile;
    use postmortem::form::FormEdit;

    let input = checks::FormInput::decode(b"\x89\x02\xff# Title\0ten\0past\0ten");
    assert_eq!(input.profile, Profile::Sre);
    assert_eq!(input.source, "# Title");
    assert_eq!(
        input.edit,
        FormEdit::AddRow {
            index: 2,
            time: "ten".into(),
            text: "past\0ten".into()
        }
    );
    assert_eq!(
        checks::FormInput::decode(b"\x0b\xf0\xff").edit,
        FormEdit::MoveRow {
            from: usize::MAX - 15,
            to: usize::MAX
        }
    );
    assert_eq!(
        checks::FormInput::decode(b"").edit,
        FormEdit::SetTitle {
            text: String::new()
        }
    );
}
