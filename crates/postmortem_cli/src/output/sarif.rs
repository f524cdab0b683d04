//! `--format sarif`: SARIF 2.1.0, one run, the whole rule catalogue in `tool.driver.rules`.

use super::{Checked, Region};
use postmortem::{Diagnostic, LineIndex, RuleMeta, Severity};
use serde_json::{Value, json};
use std::fmt::Write as _;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A file's results.
pub(crate) fn results(file: &Checked) -> Vec<Value> {
    if file.validation.diagnostics.is_empty() {
        return Vec::new();
    }
    let catalogue: Vec<&RuleMeta> = postmortem::rule_catalogue().collect();
    let index = LineIndex::new(&file.source);
    let uri = uri(&file.path);
    file.validation
        .diagnostics
        .iter()
        .map(|diagnostic| result(&catalogue, &index, file, &uri, diagnostic))
        .collect()
}

/// The log: one run, the catalogue, and the files' results in order.
pub(crate) fn write_report<'a>(
    results: impl Iterator<Item = &'a Value>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let catalogue: Vec<&RuleMeta> = postmortem::rule_catalogue().collect();
    let results: Vec<&Value> = results.collect();
    let mut driver = json!({
        "name": "postmortem",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": catalogue.iter().map(|meta| rule(meta)).collect::<Vec<_>>(),
    });
    // The project's home, once the package names one (`repository` in Cargo.toml).
    if !env!("CARGO_PKG_REPOSITORY").is_empty() {
        driver["informationUri"] = json!(env!("CARGO_PKG_REPOSITORY"));
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

fn rule(meta: &RuleMeta) -> Value {
    let markdown = meta.markdown();
    let docs = markdown.trim();
    json!({
        "id": meta.code,
        "name": meta.name,
        "shortDescription": { "text": meta.summary() },
        "fullDescription": { "text": description(docs) },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": {
            "level": level(meta.default_severity),
            "enabled": meta.enabled_by_default,
        },
        "properties": { "fixable": meta.fixable },
    })
}

/// The documentation's opening paragraphs, before its first section heading.
fn description(docs: &str) -> String {
    let end = docs.find("\n## ").unwrap_or(docs.len());
    docs[..end].trim().to_owned()
}

fn result(
    catalogue: &[&RuleMeta],
    index: &LineIndex,
    file: &Checked,
    uri: &str,
    diagnostic: &Diagnostic,
) -> Value {
    let mut result = json!({
        "ruleId": diagnostic.code(),
        "level": level(diagnostic.severity),
        "message": { "text": diagnostic.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": region(Region::of(index, &file.source, diagnostic.span)),
            }
        }],
    });
    if let Some(rule_index) = catalogue
        .iter()
        .position(|meta| meta.code == diagnostic.code())
    {
        result["ruleIndex"] = json!(rule_index);
    }
    if let Some(fix) = &diagnostic.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                json!({
                    "deletedRegion": region(Region::of(index, &file.source, edit.span)),
                    "insertedContent": { "text": edit.replacement },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": replacements,
            }],
        }]);
    }
    result
}

fn region(region: Region) -> Value {
    json!({
        "startLine": region.start_line,
        "startColumn": region.start_column,
        "endLine": region.end_line,
        "endColumn": region.end_column,
    })
}

const fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: relative paths stay relative (with `/` separators), absolute
/// ones become `file://` URIs; everything outside the unreserved characters is
/// percent-encoded.
fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let encoded = percent_encode(&slashed);
    if slashed.starts_with('/') {
        format!("file://{encoded}")
    } else if slashed.as_bytes().get(1) == Some(&b':') {
        format!("file:///{encoded}")
    } else {
        encoded
    }
}

fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(char::from(byte));
        } else if byte == b':' && encoded.len() == 1 {
            encoded.push(':'); // A Windows drive letter.
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("docs/incident 1.md"), "docs/incident%201.md");
        assert_eq!(uri("/tmp/é.md"), "file:///tmp/%C3%A9.md");
        assert_eq!(uri(r"C:\pm\a.md"), "file:///C:/pm/a.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn the_description_stops_at_the_first_section() {
        assert_eq!(
            description("Finds things.\n\nMore.\n\n## Why is this bad?\nBecause."),
            "Finds things.\n\nMore."
        );
    }
}
