//! `--format sarif`: the required fields of SARIF 2.1.0, checked by hand, and snapshots.

use crate::{CRAFTED, document_name, documents, postmortem, run, run_with_stdin, snapshot_text};
use serde_json::{Value, json};

/// A positive integer: SARIF lines and columns are 1-based.
fn one_based(value: &Value, what: &str) -> u64 {
    let number = value
        .as_u64()
        .unwrap_or_else(|| panic!("{what} is not an integer: {value}"));
    assert!(number >= 1, "{what} is {number}");
    number
}

fn check_region(region: &Value, what: &str) {
    let start_line = one_based(&region["startLine"], &format!("{what}.startLine"));
    let start_column = one_based(&region["startColumn"], &format!("{what}.startColumn"));
    let end_line = one_based(&region["endLine"], &format!("{what}.endLine"));
    let end_column = one_based(&region["endColumn"], &format!("{what}.endColumn"));
    assert!(
        (start_line, start_column) <= (end_line, end_column),
        "{what} ends before it starts: {region}"
    );
}

fn check_message(message: &Value, what: &str) {
    let text = message["text"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}.text is required: {message}"));
    assert!(!text.is_empty(), "{what}.text is empty");
}

/// The SARIF 2.1.0 schema's requirements, and what this tool promises on top of them.
fn check_sarif(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"].as_str().unwrap().contains("sarif-2.1.0"),
        "{}",
        log["$schema"]
    );
    let runs = log["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "postmortem");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // Optional in SARIF; when given, a web address.
    assert!(
        driver
            .get("informationUri")
            .is_none_or(|uri| uri.as_str().is_some_and(|uri| uri.starts_with("https://")))
    );
    let rules = driver["rules"]
        .as_array()
        .expect("driver.rules is an array");
    assert!(rules.len() >= 35, "the whole catalogue");
    for rule in rules {
        let id = rule["id"].as_str().expect("rules[].id is required");
        assert!(id.starts_with("PM") && id.len() == 5, "{id}");
        assert!(rule["name"].is_string(), "{id}");
        check_message(&rule["shortDescription"], &format!("{id}.shortDescription"));
        check_message(&rule["fullDescription"], &format!("{id}.fullDescription"));
        check_message(&rule["help"], &format!("{id}.help"));
        assert!(rule["help"]["markdown"].is_string(), "{id}");
        let level = &rule["defaultConfiguration"]["level"];
        assert!(
            ["error", "warning", "note"].contains(&level.as_str().unwrap()),
            "{id}: {level}"
        );
    }
    let results = run["results"].as_array().expect("results is an array");
    for (number, result) in results.iter().enumerate() {
        let what = format!("results[{number}]");
        let rule_id = result["ruleId"].as_str().expect("ruleId");
        let rule_index = usize::try_from(result["ruleIndex"].as_u64().expect("ruleIndex")).unwrap();
        assert_eq!(rules[rule_index]["id"], rule_id, "{what}: ruleIndex");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        check_message(&result["message"], &format!("{what}.message"));
        let locations = result["locations"].as_array().expect("locations");
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(
            !uri.is_empty() && !uri.contains(' ') && !uri.contains('\\'),
            "{uri}"
        );
        check_region(&physical["region"], &format!("{what}.region"));
        if let Some(fixes) = result.get("fixes") {
            for fix in fixes.as_array().unwrap() {
                check_message(&fix["description"], &format!("{what}.fixes[].description"));
                let changes = fix["artifactChanges"].as_array().unwrap();
                assert!(!changes.is_empty(), "artifactChanges needs an item");
                for change in changes {
                    assert_eq!(change["artifactLocation"]["uri"], uri);
                    let replacements = change["replacements"].as_array().unwrap();
                    assert!(!replacements.is_empty(), "replacements needs an item");
                    for replacement in replacements {
                        check_region(
                            &replacement["deletedRegion"],
                            &format!("{what}.deletedRegion"),
                        );
                        assert!(replacement["insertedContent"]["text"].is_string());
                    }
                }
            }
        }
    }
}

/// The log with the catalogue cut down to what identifies each rule, so that snapshots show
/// the results and do not churn with the rules' documentation.
fn summarised(mut log: Value) -> Value {
    let rules = &mut log["runs"][0]["tool"]["driver"]["rules"];
    let summary: Vec<Value> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| {
            json!(format!(
                "{} {} {} {}",
                rule["id"].as_str().unwrap(),
                rule["name"].as_str().unwrap(),
                rule["defaultConfiguration"]["level"].as_str().unwrap(),
                if rule["defaultConfiguration"]["enabled"] == true {
                    "on"
                } else {
                    "off"
                },
            ))
        })
        .collect();
    *rules = Value::Array(summary);
    log["runs"][0]["tool"]["driver"]["version"] = json!("[version]");
    log
}

#[test]
fn documents_as_sarif() {
    for path in documents() {
        let (code, stdout, stderr) =
            run(postmortem().args(["check", "--no-config", "--format", "sarif", &path]));
        assert!(stderr.is_empty(), "{stderr}");
        let log: Value = serde_json::from_str(&stdout).unwrap();
        check_sarif(&log);
        let errors = log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|result| result["level"] == "error");
        assert_eq!(code, i32::from(errors), "exit code of {path}");
        let name = document_name(&path);
        snapshot_text!(
            format!("check_sarif_{name}"),
            format!(
                "exit_code: {code}\n{}",
                serde_json::to_string_pretty(&summarised(log)).unwrap()
            )
        );
    }
}

#[test]
fn crafted_input_with_fixes_as_sarif() {
    let (code, stdout, _) = run_with_stdin(
        postmortem().args([
            "check",
            "--no-config",
            "--format",
            "sarif",
            "--stdin-filename",
            "docs/checkout outage.md",
            "-",
        ]),
        CRAFTED,
    );
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    check_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|result| result.get("fixes").is_some()));
    // Columns count characters: "Café checkout failed from " is 26 characters, 27 bytes.
    let timezone = results
        .iter()
        .find(|result| result["ruleId"] == "PM202")
        .unwrap();
    let location = &timezone["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "docs/checkout%20outage.md"
    );
    assert_eq!(location["region"]["startColumn"], 27);
    let full = &log["runs"][0]["tool"]["driver"]["rules"];
    let pm202 = full
        .as_array()
        .unwrap()
        .iter()
        .find(|rule| rule["id"] == "PM202")
        .unwrap();
    assert!(
        pm202["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?")
    );
    snapshot_text!(
        "check_sarif_crafted",
        serde_json::to_string_pretty(&summarised(log)).unwrap()
    );
}
