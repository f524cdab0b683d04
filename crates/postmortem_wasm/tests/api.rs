//! The JavaScript API, called through real JavaScript values in headless Chromium.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn validate_reports_missing_sections_with_utf16_offsets() {
    let markdown = "# Ausfall 😀\n\n## Timeline\n\n- 10:00 UTC - alert\n";
    let result =
        postmortem_wasm::validate(&JsValue::from_str(markdown), &JsValue::UNDEFINED).unwrap();
    let diagnostics = js_sys::Array::from(&get(&result, "diagnostics"));
    let codes: Vec<String> = diagnostics
        .iter()
        .map(|diagnostic| get(&diagnostic, "code").as_string().unwrap())
        .collect();
    assert_eq!(codes.iter().filter(|code| *code == "PM102").count(), 3);
    let timeline = diagnostics
        .iter()
        .find(|diagnostic| {
            get(diagnostic, "message")
                .as_string()
                .unwrap()
                .contains("Issue Summary")
        })
        .unwrap();
    let offset = get(&timeline, "offset");
    let start = get(&offset, "start").as_f64().unwrap();
    let utf16: Vec<u16> = markdown.encode_utf16().collect();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let heading = String::from_utf16(&utf16[start as usize..start as usize + 11]).unwrap();
    assert_eq!(heading, "## Timeline");
}

#[wasm_bindgen_test]
fn a_bad_configuration_throws_a_clear_error() {
    let config = js_sys::JSON::parse(r#"{"rules":{"PM999":"off"}}"#).unwrap();
    let error = postmortem_wasm::validate(&JsValue::from_str("# T"), &config)
        .err()
        .unwrap();
    let message = js_sys::Error::from(error).message();
    assert_eq!(
        String::from(message),
        "invalid configuration: unknown rule `PM999` (see `postmortem rules` for codes and names)"
    );
}

#[wasm_bindgen_test]
fn a_profile_from_the_configuration_applies() {
    let config = js_sys::JSON::parse(r#"{"profile":"sre"}"#).unwrap();
    let result = postmortem_wasm::validate(&JsValue::from_str("# T\n"), &config).unwrap();
    let codes: Vec<String> = js_sys::Array::from(&get(&result, "diagnostics"))
        .iter()
        .map(|diagnostic| get(&diagnostic, "code").as_string().unwrap())
        .collect();
    let missing_sections = codes.iter().filter(|code| *code == "PM102").count();
    assert_eq!(missing_sections, 9, "sre requires nine sections: {codes:?}");
    assert!(
        codes.iter().any(|code| code == "PM107"),
        "sre requires metadata: {codes:?}"
    );
}

#[wasm_bindgen_test]
fn validate_returns_statistics_and_the_checklist() {
    let markdown = "# Outage\n\n## Timeline\n\n- 10:00 UTC - An alert fired.\n";
    let result =
        postmortem_wasm::validate(&JsValue::from_str(markdown), &JsValue::UNDEFINED).unwrap();
    let stats = get(&result, "stats");
    assert_eq!(get(&stats, "timelineEntries").as_f64(), Some(1.0));
    let checklist = js_sys::Array::from(&get(&result, "checklist"));
    let timeline = checklist
        .iter()
        .find(|requirement| {
            get(requirement, "id").as_string().as_deref() == Some("timeline.section")
        })
        .unwrap();
    assert_eq!(get(&timeline, "met").as_bool(), Some(true));
    let summary = checklist
        .iter()
        .find(|requirement| {
            get(requirement, "id").as_string().as_deref() == Some("summary.section")
        })
        .unwrap();
    assert_eq!(get(&summary, "met").as_bool(), Some(false));
    assert!(
        get(&summary, "reason")
            .as_string()
            .unwrap()
            .contains("Issue Summary")
    );
}

#[wasm_bindgen_test]
fn a_configuration_may_be_given_as_json_text() {
    let config = JsValue::from_str(r#"{"profile":"sre"}"#);
    let result = postmortem_wasm::validate(&JsValue::from_str("# T\n"), &config).unwrap();
    let count = js_sys::Array::from(&get(&result, "diagnostics"))
        .iter()
        .filter(|diagnostic| get(diagnostic, "code").as_string().as_deref() == Some("PM102"))
        .count();
    assert_eq!(count, 9);
    let error = postmortem_wasm::validate(&JsValue::from_str("# T"), &JsValue::from_str("{"))
        .err()
        .unwrap();
    let message = String::from(js_sys::Error::from(error).message());
    assert!(message.starts_with("invalid configuration: "), "{message}");
}

#[wasm_bindgen_test]
fn parse_returns_the_model_with_utf16_spans() {
    let markdown = "# Ausfall 😀\n\n## Timeline\n\n- 10:00 UTC - alert\n";
    let document = postmortem_wasm::parse(&JsValue::from_str(markdown)).unwrap();
    let utf16: Vec<u16> = markdown.encode_utf16().collect();
    let slice = |span: &JsValue| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let at = |key| get(span, key).as_f64().unwrap() as usize;
        String::from_utf16(&utf16[at("start")..at("end")]).unwrap()
    };
    let sections = js_sys::Array::from(&get(&document, "sections"));
    let heading = get(&sections.get(0), "heading");
    assert_eq!(slice(&get(&heading, "span")), "## Timeline");
    assert!(get(&document, "frontMatter").is_null());
    assert_eq!(
        get(&document, "len").as_f64(),
        Some(f64::from(u32::try_from(utf16.len()).unwrap()))
    );
}

#[wasm_bindgen_test]
fn render_to_html_and_rules_translate_the_core() {
    let canonical =
        postmortem_wasm::render(&JsValue::from_str("# T\n"), &JsValue::UNDEFINED).unwrap();
    assert!(canonical.contains("## Issue Summary"), "{canonical}");
    let sre = js_sys::JSON::parse(r#"{"profile":"sre"}"#).unwrap();
    let canonical = postmortem_wasm::render(&JsValue::from_str("# T\n"), &sre).unwrap();
    assert!(canonical.contains("## Lessons Learned"), "{canonical}");
    assert_eq!(
        postmortem_wasm::to_html(
            &JsValue::from_str("Hi<script>alert(1)</script>"),
            &JsValue::UNDEFINED
        )
        .unwrap(),
        "<p>Hi</p>\n"
    );
    let rules = js_sys::Array::from(&postmortem_wasm::rules().unwrap());
    assert_eq!(
        rules.length() as usize,
        postmortem::rule_catalogue().count()
    );
    let first = rules.get(0);
    assert_eq!(get(&first, "code").as_string().as_deref(), Some("PM101"));
    assert!(get(&first, "docs").as_string().unwrap().len() > 100);
    assert_eq!(postmortem_wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn arguments_of_the_wrong_type_throw_a_type_error_naming_them() {
    let error = postmortem_wasm::to_html(&JsValue::from(123), &JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(error.is_instance_of::<js_sys::TypeError>());
    assert_eq!(
        String::from(js_sys::Error::from(error).message()),
        "toHtml: `markdown` must be a string, got number"
    );
    let error = postmortem_wasm::validate(&JsValue::from_str("# T"), &JsValue::from(true))
        .err()
        .unwrap();
    assert_eq!(
        String::from(js_sys::Error::from(error).message()),
        "validate: `config` must be an object, a JSON string, null or undefined, got boolean"
    );
    assert!(postmortem_wasm::parse(&JsValue::NULL).is_err());
    assert!(postmortem_wasm::render(&JsValue::from_str("# T\n"), &JsValue::NULL).is_ok());
}
