//! The exports' arguments, checked before use: JavaScript may pass anything, and a value of
//! the wrong type must end in a `TypeError` naming the function and the parameter, never in
//! a trap from the glue code (which reads a number or an object as a string's address).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// JavaScript's own `TypeError`, so that `error instanceof TypeError` holds.
    #[wasm_bindgen(js_name = TypeError)]
    type JsTypeError;

    #[wasm_bindgen(constructor, js_class = "TypeError")]
    fn new(message: &str) -> JsTypeError;
}

/// A string argument: `markdown`.
pub(crate) fn string(function: &str, parameter: &str, value: &JsValue) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| type_error(function, parameter, "a string", value))
}

/// An optional object or JSON text (a configuration): `undefined`, `null`, a string or an
/// object; its content is the core's to judge.
pub(crate) fn optional_object_or_string(
    function: &str,
    parameter: &str,
    value: &JsValue,
) -> Result<(), JsValue> {
    if value.is_undefined() || value.is_null() || value.is_string() || is_object(value) {
        Ok(())
    } else {
        Err(type_error(
            function,
            parameter,
            "an object, a JSON string, null or undefined",
            value,
        ))
    }
}

/// An optional options object: `undefined`, `null` or an object.
pub(crate) fn optional_object(
    function: &str,
    parameter: &str,
    value: &JsValue,
) -> Result<(), JsValue> {
    if value.is_undefined() || value.is_null() || is_object(value) {
        Ok(())
    } else {
        Err(type_error(
            function,
            parameter,
            "an object, null or undefined",
            value,
        ))
    }
}

/// Objects, arrays included; a function is not a configuration.
fn is_object(value: &JsValue) -> bool {
    value.is_object() && !value.is_function()
}

/// "toHtml: `markdown` must be a string, got number".
fn type_error(function: &str, parameter: &str, expected: &str, value: &JsValue) -> JsValue {
    let got = if value.is_null() {
        "null".to_owned()
    } else if value.is_array() {
        "array".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    };
    JsTypeError::new(&format!(
        "{function}: `{parameter}` must be {expected}, got {got}"
    ))
    .into()
}
