//! The postmortem validator for JavaScript. This crate only translates between JavaScript
//! values and the core: no logic lives here.

mod js_types;

use js_types::Validation;
use postmortem::Config;
use wasm_bindgen::prelude::*;

/// Validates a postmortem. `config` is the JSON configuration as an object, or undefined.
/// Throws on a bad configuration; findings are returned, never thrown.
#[wasm_bindgen]
pub fn validate(markdown: &str, config: &JsValue) -> Result<JsValue, JsError> {
    let config = read_config(config)?;
    let validation = Validation::new(markdown, postmortem::validate(markdown, &config));
    serde_wasm_bindgen::to_value(&validation).map_err(|error| JsError::new(&error.to_string()))
}

fn read_config(config: &JsValue) -> Result<Config, JsError> {
    if config.is_undefined() || config.is_null() {
        return Ok(Config::default());
    }
    let json = js_sys_stringify(config)?;
    Config::from_json(&json).map_err(|error| JsError::new(&error.to_string()))
}

/// `JSON.stringify`, so the configuration is read by the same serde code as everywhere else.
fn js_sys_stringify(value: &JsValue) -> Result<String, JsError> {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
        fn stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    }
    stringify(value)
        .ok()
        .and_then(|json| json.as_string())
        .ok_or_else(|| JsError::new("invalid configuration: not serialisable to JSON"))
}
