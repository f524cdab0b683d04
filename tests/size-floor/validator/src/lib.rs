//! A validator reduced to what any validator built on this stack carries: pulldown-cmark's
//! parser with the options the core uses, findings with byte ranges, JSON out through
//! `serde_json`, and the wasm-bindgen glue and panic hook the package has. Its wasm size is the
//! floor under the package's (`cargo xtask size` prints both).

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One finding, shaped as the package's diagnostics are (fewer fields).
#[derive(Serialize, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Headings and the text blocks that mention blame: enough work that nothing is optimised away.
pub fn findings(markdown: &str) -> Vec<Finding> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut findings = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let message = match event {
            Event::Start(Tag::Heading { level, .. }) => format!("a heading of level {level}"),
            Event::Text(text) if text.to_lowercase().contains("blame") => text.into_string(),
            _ => continue,
        };
        findings.push(Finding {
            code: "PM000",
            message,
            start: range.start,
            end: range.end,
        });
    }
    findings
}

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The findings as JSON, as the package returns its own.
#[wasm_bindgen]
pub fn validate(markdown: &str) -> String {
    serde_json::to_string(&findings(markdown)).unwrap_or_default()
}
