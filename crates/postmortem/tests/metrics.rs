//! Incident metrics on the project's own documents and on each seed: the instants, the
//! durations between them, and which source each came from. Reviewed by hand: a change in
//! judgement shows here.

use postmortem::metrics::Metrics;
use std::path::PathBuf;

/// The metrics of each document, keyed by `name`, as pretty JSON.
fn report(paths: Vec<PathBuf>, name: impl Fn(&str) -> String) -> String {
    let mut report = serde_json::Map::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let metrics = Metrics::of(&postmortem::parse(&source));
        report.insert(
            name(&path.file_stem().unwrap().to_string_lossy()),
            serde_json::to_value(metrics).unwrap(),
        );
    }
    serde_json::to_string_pretty(&report).unwrap()
}

#[test]
fn metrics_of_each_own_document() {
    insta::assert_snapshot!(report(postmortem_testdata::own_documents(), str::to_owned));
}

#[test]
fn metrics_of_each_seed() {
    let Some(paths) = postmortem_testdata::shared_files("seeds", "seed metrics") else {
        return;
    };
    insta::assert_snapshot!(report(paths, |stem| stem[..3].to_owned()));
}
