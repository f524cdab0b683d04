//! The postmortem validator for JavaScript, built by `cargo xtask npm` into the `postmortem`
//! package. This crate only translates between JavaScript values and the core: no logic lives
//! here. Positions are converted to UTF-16 on the way out, configurations are read by the
//! core's own `Config::from_json`, and the TypeScript types are declared in `js_types.d.ts`.
//! Every argument is checked first (`arguments.rs`): a value of the wrong type throws a
//! `TypeError` naming the parameter.

mod arguments;
mod js_types;
mod utf16;

use postmortem::Config;
use serde::Serialize;
use utf16::{Utf16Offsets, Utf16Spans};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("js_types.d.ts");

/// Reports a panic on the console with its message (none is expected: every input is valid).
#[cfg(feature = "console_error_panic_hook")]
#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Validates a postmortem and returns its findings, statistics and requirement checklist.
/// Findings are returned, never thrown; a bad configuration throws an `Error`, an argument of
/// the wrong type a `TypeError`.
#[wasm_bindgen(
    unchecked_return_type = "Validation",
    return_description = "the diagnostics (sorted by position), the statistics and the profile's checklist"
)]
pub fn validate(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "the postmortem, in Markdown"
    )]
    markdown: &JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "Config | string | null",
        param_description = "a configuration object, or its JSON text as in `.postmortem.json`"
    )]
    config: &JsValue,
) -> Result<JsValue, JsValue> {
    let markdown = arguments::string("validate", "markdown", markdown)?;
    let config = read_config("validate", config)?;
    let validation = postmortem::validate(&markdown, &config);
    Ok(to_js(&js_types::Validation::new(&markdown, validation))?)
}

/// Parses a postmortem into the typed model that the rules read. Parsing never fails: missing
/// parts are `null` or empty. Spans are UTF-16 offsets into `markdown`.
#[wasm_bindgen(unchecked_return_type = "Postmortem")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string")] markdown: &JsValue,
) -> Result<JsValue, JsValue> {
    let markdown = arguments::string("parse", "markdown", markdown)?;
    let document = postmortem::parse(&markdown);
    let offsets = Utf16Offsets::new(&markdown);
    let mut json = Vec::new();
    document
        .serialize(Utf16Spans::new(
            &mut serde_json::Serializer::new(&mut json),
            &offsets,
        ))
        .map_err(|error| JsError::new(&error.to_string()))?;
    Ok(parse_json(&json)?)
}

/// Renders a postmortem in the canonical layout of the configuration's profile: its sections
/// in order under their canonical headings, the timeline as `- HH:MM TZ - text` bullets.
/// Nothing the model does not restructure is lost. Throws on a bad configuration.
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "the postmortem, in Markdown"
    )]
    markdown: &JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "Config | string | null",
        param_description = "chooses the profile; `standard` by default"
    )]
    config: &JsValue,
) -> Result<String, JsValue> {
    let markdown = arguments::string("render", "markdown", markdown)?;
    let config = read_config("render", config)?;
    Ok(postmortem::render::render_markdown(
        &markdown,
        config.profile,
    ))
}

/// Renders Markdown as HTML that is safe to insert with `innerHTML`: raw HTML is sanitised,
/// unsafe links are dropped, and nothing in the document can run. Images are placeholders
/// unless `options.images` is `"https"`. The HTML stops past 20 times the document's size
/// (at least 64 KiB) or 200,000 elements, ending with `<p class="truncated">`. Throws on bad
/// options.
#[wasm_bindgen(js_name = toHtml)]
pub fn to_html(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "the postmortem, in Markdown"
    )]
    markdown: &JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "HtmlOptions | null",
        param_description = "`{ images: \"https\" }` loads images from absolute `https:` addresses"
    )]
    options: &JsValue,
) -> Result<String, JsValue> {
    let markdown = arguments::string("toHtml", "markdown", markdown)?;
    arguments::optional_object("toHtml", "options", options)?;
    let images = read_images(options)?;
    Ok(postmortem::html::to_html_with(&markdown, images))
}

/// The rule catalogue, in code order, with each rule's documentation in Markdown.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsError> {
    let rules: Vec<js_types::Rule> = postmortem::rule_catalogue()
        .map(js_types::Rule::from)
        .collect();
    to_js(&rules)
}

/// Returns `markdown` with the mechanical fixes of its findings applied (each diagnostic's
/// `fix`, whole, checking again until none is left). Throws on a bad configuration.
#[wasm_bindgen(js_name = applyFixes)]
pub fn apply_fixes(
    #[wasm_bindgen(unchecked_param_type = "string")] markdown: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Config | string | null")] config: &JsValue,
) -> Result<String, JsValue> {
    let markdown = arguments::string("applyFixes", "markdown", markdown)?;
    let config = read_config("applyFixes", config)?;
    Ok(postmortem::fix::fix_all(&markdown, &config).source)
}

/// The version of the package and of the validator inside it.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A value as JSON text, then `JSON.parse`: `None` is `null` and maps are plain objects. The
/// JSON serializer is already in the package (configurations are JSON), and one
/// `JSON.parse` is cheaper, in code and in time, than building the object call by call.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_vec(value).map_err(|error| JsError::new(&error.to_string()))?;
    parse_json(&json)
}

/// `JSON.parse` of text that `serde_json` wrote.
fn parse_json(json: &[u8]) -> Result<JsValue, JsError> {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
        fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    }
    let text = std::str::from_utf8(json).map_err(|error| JsError::new(&error.to_string()))?;
    json_parse(text).map_err(|_| JsError::new("invalid JSON from the serializer"))
}

/// A configuration object, its JSON text, or nothing for the default. Read by the core's own
/// JSON reader, so unknown fields and rules are refused exactly as the CLI refuses them.
fn read_config(function: &str, config: &JsValue) -> Result<Config, JsValue> {
    arguments::optional_object_or_string(function, "config", config)?;
    if config.is_undefined() || config.is_null() {
        return Ok(Config::default());
    }
    let json = match config.as_string() {
        Some(json) => json,
        None => stringify(config)?,
    };
    Config::from_json(&json).map_err(|error| JsError::new(&error.to_string()).into())
}

/// `options.images` of `toHtml`: placeholders unless it is `"https"`.
fn read_images(options: &JsValue) -> Result<postmortem::html::Images, JsError> {
    #[wasm_bindgen]
    extern "C" {
        type HtmlOptions;
        #[wasm_bindgen(method, getter, structural)]
        fn images(this: &HtmlOptions) -> JsValue;
    }
    if options.is_undefined() || options.is_null() {
        return Ok(postmortem::html::Images::Placeholder);
    }
    let images = options.unchecked_ref::<HtmlOptions>().images();
    if images.is_undefined() {
        return Ok(postmortem::html::Images::Placeholder);
    }
    match images.as_string().as_deref() {
        Some("placeholder") => Ok(postmortem::html::Images::Placeholder),
        Some("https") => Ok(postmortem::html::Images::Https),
        _ => Err(JsError::new(
            "invalid options: `images` must be \"placeholder\" or \"https\"",
        )),
    }
}

/// `JSON.stringify`, so that an object is read by the same code as a file.
fn stringify(value: &JsValue) -> Result<String, JsError> {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
        fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    }
    json_stringify(value)
        .ok()
        .and_then(|json| json.as_string())
        .ok_or_else(|| JsError::new("invalid configuration: not an object or JSON text"))
}
