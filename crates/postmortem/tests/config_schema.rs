//! The configuration's JSON Schema (postmortem.schema.json, written by `cargo xtask codegen`)
//! says what the configuration reader says: it accepts the configurations the tests and the
//! README use, refuses bad ones, and agrees with `Config::from_json` on every input the config
//! fuzzer found.

use jsonschema::Validator;
use postmortem::Config;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator() -> Validator {
    let path = workspace().join("postmortem.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The errors the schema finds in `json`, as text.
fn schema_errors(validator: &Validator, json: &str) -> Vec<String> {
    let instance: Value = serde_json::from_str(json).unwrap();
    validator
        .iter_errors(&instance)
        .map(|error| error.to_string())
        .collect()
}

/// The configurations the project's tests and examples use.
const VALID: &[&str] = &[
    "{}",
    r#"{"profile":"sre","rules":{"PM102":"warning","missing-section":"off"},"words":{"min":10,"max":20}}"#,
    r#"{ "rules": { "PM601": "off", "PM202": "warning" } }"#,
    r#"{ "profile": "standard", "rules": { "PM307": "off", "missing-section": "warning" }, "words": { "min": 300, "max": 800 } }"#,
    r#"{ "rules": { "word-count": "warning", "missing-misleading-path": "warning", "missing-cause-detail": "warning" } }"#,
    r#"{"profile":"sre","rules":{"PM206":"warning"}}"#,
    r#"{"rules":{"PM310":"info","PM603":"error"},"words":null}"#,
    r#"{"$schema":"./postmortem.schema.json","files":["postmortems/**/*.md","incidents/*.txt"]}"#,
];

#[test]
fn the_schema_accepts_the_configurations_the_tests_use() {
    let validator = validator();
    for json in VALID {
        assert!(Config::from_json(json).is_ok(), "the reader refuses {json}");
        let errors = schema_errors(&validator, json);
        assert!(errors.is_empty(), "{json}: {errors:?}");
    }
}

/// The README's configuration examples: its fenced `json` blocks.
fn readme_configurations() -> Vec<String> {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    readme
        .split("```json\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_schema_accepts_the_readmes_examples_which_name_it() {
    let validator = validator();
    let examples = readme_configurations();
    assert!(!examples.is_empty(), "README.md has no json block");
    for json in &examples {
        Config::from_json(json).unwrap_or_else(|error| panic!("{json}: {error}"));
        let errors = schema_errors(&validator, json);
        assert!(errors.is_empty(), "{json}: {errors:?}");
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            value["$schema"], "./postmortem.schema.json",
            "editors find the schema through `$schema`: {json}"
        );
    }
}

#[test]
fn the_schema_refuses_bad_configurations() {
    let validator = validator();
    for json in [
        r#"{"profile": 42}"#,
        r#"{"profile": "strict"}"#,
        r#"{"rules": {"PM202": "loud"}}"#,
        r#"{"rules": {"PM999": "off"}}"#,
        r#"{"rules": {"no-such-rule": "warning"}}"#,
        r#"{"profiles": "sre"}"#,
        r#"{"words": {"min": 300}}"#,
        r#"{"words": {"min": -1, "max": 800}}"#,
        r#"{"words": {"min": 1, "max": 2, "average": 1}}"#,
        r#"{"files": "postmortems/*.md"}"#,
        r#"{"files": [1]}"#,
        r#"{"$schema": 1}"#,
        "[]",
        r#"["sre"]"#,
        r#"{"words": [300, 800]}"#,
    ] {
        assert!(
            Config::from_json(json).is_err(),
            "the reader accepts {json}"
        );
        assert!(
            !schema_errors(&validator, json).is_empty(),
            "the schema accepts {json}"
        );
    }
}

/// What the reader checks beyond the types, which a schema cannot say: a range whose minimum
/// is greater than its maximum.
fn refused_beyond_the_schema(json: &Value) -> bool {
    let words = &json["words"];
    matches!(
        (words["min"].as_u64(), words["max"].as_u64()),
        (Some(min), Some(max)) if min > max
    )
}

#[test]
fn the_schema_and_the_reader_agree_on_every_fuzzed_configuration() {
    let validator = validator();
    let directory = workspace().join("fuzz/corpus/config");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&directory)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    let mut compared = 0;
    let mut disagreements = Vec::new();
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue; // Not JSON: the reader refuses it before any schema applies.
        };
        compared += 1;
        let reader = Config::from_json(&text).is_ok();
        let schema = validator.is_valid(&value);
        if reader != schema && !(schema && refused_beyond_the_schema(&value)) {
            disagreements.push(format!(
                "{}: reader {reader}, schema {schema}: {text}",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(compared > 50, "only {compared} JSON inputs");
    assert!(
        disagreements.is_empty(),
        "{} of {compared}:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
