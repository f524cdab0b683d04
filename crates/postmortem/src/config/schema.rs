//! The configuration's JSON Schema (feature `schema`), derived from its types by schemars, with
//! every rule's code and name listed so that editors complete them.

use super::{Config, RuleLevel};
use crate::RuleMeta;
use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

/// The configuration's JSON Schema (draft 2020-12), pretty-printed, ending in a line break:
/// what `cargo xtask codegen` writes to `postmortem.schema.json`.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Config);
    schema.insert("title".to_owned(), "postmortem configuration".into());
    if let Some(fields) = schema.as_object_mut() {
        unwrap_descriptions(fields);
    }
    // Serialised as a `Schema`, which puts the keywords in their usual order.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `rules`: a level for each rule, named by its code or its name, and nothing else, since the
/// reader refuses a rule it does not know.
pub(super) fn rules(generator: &mut SchemaGenerator) -> Schema {
    let level = generator.subschema_for::<RuleLevel>().to_value();
    let mut properties = Map::new();
    for meta in crate::rules::ALL.iter().map(|rule| rule.meta()) {
        for key in [meta.code, meta.name] {
            let mut property = level.clone();
            if let Value::Object(fields) = &mut property {
                fields.insert("description".to_owned(), description(meta).into());
            }
            properties.insert(key.to_owned(), property);
        }
    }
    json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// `PM202 missing-timezone: ...`, with the documentation's first paragraph.
fn description(meta: &RuleMeta) -> String {
    let paragraph: Vec<&str> = meta
        .docs
        .lines()
        .map(str::trim)
        .take_while(|line| !line.is_empty())
        .collect();
    format!("{} `{}`: {}", meta.code, meta.name, paragraph.join(" "))
}

/// Joins the lines of each doc comment's paragraphs, which editors show as wrapped text.
fn unwrap_descriptions(fields: &mut Map<String, Value>) {
    for (key, field) in fields.iter_mut() {
        match field {
            Value::String(text) if key == "description" => {
                *text = text
                    .split("\n\n")
                    .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            Value::Object(nested) => unwrap_descriptions(nested),
            Value::Array(items) => {
                for item in items {
                    if let Value::Object(nested) = item {
                        unwrap_descriptions(nested);
                    }
                }
            }
            _ => {}
        }
    }
}
