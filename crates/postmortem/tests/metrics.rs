//! Incident metrics on each seed: the instants, the durations between them, and which source
//! each came from. Reviewed by hand: a change in judgement shows here.

use postmortem::metrics::Metrics;
use std::path::Path;

#[test]
fn metrics_of_each_seed() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("{}: {error}", directory.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    let mut report = serde_json::Map::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy()[..3].to_owned();
        let metrics = Metrics::of(&postmortem::parse(&source));
        report.insert(name, serde_json::to_value(metrics).unwrap());
    }
    let pretty = serde_json::to_string_pretty(&report).unwrap();
    insta::assert_snapshot!(pretty);
}
