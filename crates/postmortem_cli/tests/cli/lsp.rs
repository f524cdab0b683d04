//! `postmortem lsp`: the language server over stdio, driven by a test client as an editor
//! drives it, and once by Neovim's own client when `nvim` is installed.

mod client;

use client::{Client, Range, range_json, uri};
use serde_json::{Value, json};
use std::path::Path;

/// The fixture: a variant heading (`## Summary`), a bold label, and non-ASCII text (two
/// bytes, four bytes and two UTF-16 units) before a finding on line 5.
const HARBOUR: &str = include_str!("lsp/harbour_outage.md");

/// A folder with the fixture in it, and no configuration anywhere the server would find it
/// (unless the test writes one).
fn project() -> (tempfile::TempDir, String) {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("harbour.md");
    std::fs::write(&path, HARBOUR).unwrap();
    (root, uri(&path))
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap())
        .collect()
}

fn find<'d>(diagnostics: &'d [Value], code: &str) -> &'d Value {
    diagnostics
        .iter()
        .find(|diagnostic| diagnostic["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

/// A protocol range as numbers.
fn range(range: &Value) -> Range {
    let position = |key: &str| {
        let position = &range[key];
        (
            u32::try_from(position["line"].as_u64().unwrap()).unwrap(),
            u32::try_from(position["character"].as_u64().unwrap()).unwrap(),
        )
    };
    (position("start"), position("end"))
}

/// The byte offset of a UTF-16 position, computed here independently of the server.
fn offset_utf16(text: &str, line: u64, character: u64) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(usize::try_from(line).unwrap())
        .map(str::len)
        .sum();
    let mut units = 0;
    for (index, char) in text[line_start..].char_indices() {
        if units >= character || char == '\n' {
            return line_start + index;
        }
        units += u64::try_from(char.len_utf16()).unwrap();
    }
    text.len()
}

/// `text` with a workspace edit's text edits for `uri` applied, from the last.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .unwrap()
        .iter()
        .map(|edit| {
            let at = |key: &str| {
                let position = &edit["range"][key];
                offset_utf16(
                    text,
                    position["line"].as_u64().unwrap(),
                    position["character"].as_u64().unwrap(),
                )
            };
            (
                at("start"),
                at("end"),
                edit["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|&(start, end, _)| (start, end));
    let mut text = text.to_owned();
    for (start, end, replacement) in edits.into_iter().rev() {
        text.replace_range(start..end, &replacement);
    }
    text
}

/// The symbols as indented lines, with the heading as written when the name is canonical.
fn outline(symbols: &Value, depth: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for symbol in symbols.as_array().into_iter().flatten() {
        let name = symbol["name"].as_str().unwrap();
        let indent = "  ".repeat(depth);
        lines.push(match symbol["detail"].as_str() {
            Some(written) => format!("{indent}{name} (written `{written}`)"),
            None => format!("{indent}{name}"),
        });
        lines.extend(outline(&symbol["children"], depth + 1));
    }
    lines
}

fn action<'a>(actions: &'a Value, title_start: &str) -> &'a Value {
    actions
        .as_array()
        .unwrap()
        .iter()
        .find(|action| action["title"].as_str().unwrap().starts_with(title_start))
        .unwrap_or_else(|| panic!("no action `{title_start}…` in {actions:#?}"))
}

#[test]
#[allow(clippy::too_many_lines)] // One session from start to end, as an editor runs it.
fn a_session_checks_edits_fixes_explains_and_outlines() {
    let (root, uri) = project();
    let mut client = Client::start(root.path(), &[]);
    let server = client.initialize(&json!({}), root.path());
    let capabilities = &server["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll"])
    );
    assert_eq!(server["serverInfo"]["name"], "postmortem");

    // Opened: the core's findings, in UTF-16 columns, each linked to its rule's page.
    client.open(&uri, HARBOUR);
    let opened = client.diagnostics(&uri, 1);
    assert_eq!(
        codes(&opened),
        ["PM601", "PM106", "PM202", "PM401", "PM501"]
    );
    let timezone = find(&opened, "PM202");
    // `Für Kunden 😀 in the café app, ordering failed from ` is 51 characters, 52 UTF-16
    // units (the emoji is two) and 56 bytes.
    assert_eq!(range(&timezone["range"]), ((4, 52), (4, 57)));
    assert_eq!(timezone["severity"], 1);
    assert_eq!(timezone["source"], "postmortem");
    let message = timezone["message"].as_str().unwrap();
    assert!(
        message.starts_with("The summary's times have no timezone\nhelp: Add the timezone"),
        "{message}"
    );
    let href = timezone["codeDescription"]["href"].as_str().unwrap();
    let doc_page = href.strip_prefix("file://").unwrap();
    assert!(
        doc_page.ends_with("/docs/rules/missing-timezone.md"),
        "{href}"
    );
    assert!(Path::new(doc_page).is_file(), "{href}");

    // A ranged edit after the emoji: ` UTC` after `10:40` states the zone.
    let mut text = HARBOUR.replacen("10:40 on", "10:40 UTC on", 1);
    client.change(&uri, 2, ((4, 66), (4, 66)), " UTC");
    let edited = client.diagnostics(&uri, 2);
    assert_eq!(codes(&edited), ["PM601", "PM106", "PM401", "PM501"]);

    // The quick fix for the variant heading, its "turn off", and "fix all".
    let heading = find(&edited, "PM106");
    let actions = client.request(
        "textDocument/codeAction",
        &json!({
            "textDocument": { "uri": uri },
            "range": heading["range"],
            "context": { "diagnostics": [heading] },
        }),
    )["result"]
        .clone();
    let rename = action(&actions, "Rename to `Issue Summary`");
    assert_eq!(rename["kind"], "quickfix");
    assert_eq!(rename["diagnostics"][0]["code"], "PM106");
    assert!(
        apply(&text, &rename["edit"], &uri).contains("\n## Issue Summary\n"),
        "{rename:#}"
    );
    let fix_all = action(&actions, "Fix all postmortem problems");
    assert_eq!(fix_all["kind"], "source.fixAll");
    let config = postmortem::Config::default();
    assert_eq!(
        apply(&text, &fix_all["edit"], &uri),
        postmortem::fix::fix_all(&text, &config).source
    );
    let turn_off = action(
        &actions,
        "Turn off PM106 (noncanonical-heading) for this document",
    );

    // Applied as the editor applies it, a ranged change, the rule is off.
    let edit = &turn_off["edit"]["changes"][&uri][0];
    client.notify(
        "textDocument/didChange",
        &json!({
            "textDocument": { "uri": uri, "version": 3 },
            "contentChanges": [{ "range": edit["range"], "text": edit["newText"] }],
        }),
    );
    text = apply(&text, &turn_off["edit"], &uri);
    assert!(
        text.ends_with("\n\n<!-- postmortem-disable PM106 -->\n"),
        "{text}"
    );
    assert_eq!(
        codes(&client.diagnostics(&uri, 3)),
        ["PM601", "PM401", "PM501"]
    );

    // Hover on a finding: what is wrong, and the rule's documentation from the catalogue.
    let cause = find(&opened, "PM401");
    let hover = client.request(
        "textDocument/hover",
        &json!({ "textDocument": { "uri": uri }, "position": cause["range"]["start"] }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    let rule = postmortem::rules::find("PM401").unwrap();
    assert!(
        shown.starts_with("**PM401** `missing-cause-detail` (error)"),
        "{shown}"
    );
    assert!(shown.contains(rule.markdown().trim()), "{shown}");
    let nothing_here = client.request(
        "textDocument/hover",
        &json!({ "textDocument": { "uri": uri }, "position": { "line": 9, "character": 3 } }),
    );
    assert_eq!(nothing_here["result"], Value::Null);

    // The outline: the title holding the sections, by their canonical names.
    let symbols = client.request(
        "textDocument/documentSymbol",
        &json!({ "textDocument": { "uri": uri } }),
    )["result"]
        .clone();
    assert_eq!(
        outline(&symbols, 0),
        [
            "Harbour Café Ordering Outage",
            "  Issue Summary (written `Summary`)",
            // A label below a heading is a level below it, as the model's outline has it.
            "    Timeline",
            "  Root Cause and Resolution",
            "  Corrective and Preventative Measures",
        ]
    );
    assert_eq!(
        range(&symbols[0]["children"][0]["children"][0]["selectionRange"]),
        ((6, 0), (6, 13)),
        "the bold label `**Timeline:**` is the section's heading"
    );

    client.notify(
        "textDocument/didClose",
        &json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(
        client.diagnostics_without_version(&uri),
        Vec::<Value>::new()
    );
    let transcript = client.transcript.join("\n");
    assert_eq!(client.shutdown(), 0);
    #[allow(clippy::print_stdout)] // The transcript is the test's record of a real session.
    {
        println!("{transcript}");
    }
}

#[test]
fn positions_are_bytes_when_the_client_offers_utf8() {
    let (root, uri) = project();
    // `--stdio` as generic clients pass it: the only transport there is.
    let mut client = Client::start(root.path(), &["--stdio"]);
    let server = client.initialize(
        &json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
        root.path(),
    );
    assert_eq!(server["capabilities"]["positionEncoding"], "utf-8");
    client.open(&uri, HARBOUR);
    assert_eq!(
        range(&find(&client.diagnostics(&uri, 1), "PM202")["range"]),
        ((4, 56), (4, 61))
    );
    // ` UTC` after `10:40`, at its byte column.
    let column = u32::try_from(HARBOUR.lines().nth(4).unwrap().find("10:40").unwrap() + 5).unwrap();
    client.change(&uri, 2, ((4, column), (4, column)), " UTC");
    assert!(!codes(&client.diagnostics(&uri, 2)).contains(&"PM202"));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn fix_all_comes_without_its_edit_for_a_client_that_resolves_it() {
    let (root, uri) = project();
    let mut client = Client::start(root.path(), &[]);
    let server = client.initialize(
        &json!({ "textDocument": { "codeAction": {
            "resolveSupport": { "properties": ["edit"] },
        }}}),
        root.path(),
    );
    assert_eq!(
        server["capabilities"]["codeActionProvider"]["resolveProvider"],
        true
    );
    client.open(&uri, HARBOUR);
    client.diagnostics(&uri, 1);
    let actions = client.request(
        "textDocument/codeAction",
        &json!({
            "textDocument": { "uri": uri },
            "range": range_json(((0, 0), (0, 0))),
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    )["result"]
        .clone();
    assert_eq!(
        actions.as_array().unwrap().len(),
        1,
        "only source.fixAll: {actions:#}"
    );
    let fix_all = &actions[0];
    assert_eq!(fix_all["title"], "Fix all postmortem problems");
    assert_eq!(fix_all["edit"], Value::Null, "deferred: {fix_all:#}");
    let resolved = client.request("codeAction/resolve", fix_all)["result"].clone();
    let config = postmortem::Config::default();
    assert_eq!(
        apply(HARBOUR, &resolved["edit"], &uri),
        postmortem::fix::fix_all(HARBOUR, &config).source
    );
    let foreign = client.request("codeAction/resolve", &json!({ "title": "Someone else's" }));
    assert_eq!(foreign["error"]["code"], -32602, "{foreign}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn bad_input_is_answered_and_the_server_goes_on() {
    let (root, uri) = project();
    let mut client = Client::start(root.path(), &["--test-panic-request"]);
    client.initialize(&json!({}), root.path());

    // Not JSON, not a message, no length: each answered with the reason, no id to answer.
    client.send_raw(b"Content-Length: 9\r\n\r\n{\"id\": 1,");
    let not_json = client.wait_for(|message| message["error"]["code"] == -32700);
    assert_eq!(not_json["id"], Value::Null);
    assert!(
        not_json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not JSON")
    );
    client.send_raw(b"Content-Length: 6\r\n\r\n[1, 2]");
    let not_a_message = client.wait_for(|message| message["error"]["code"] == -32600);
    assert_eq!(not_a_message["id"], Value::Null);
    client.send_raw(b"Content-Type: nothing\r\n\r\n");
    let no_length = client.wait_for(|message| message["error"]["code"] == -32700);
    assert!(
        no_length["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no Content-Length"),
        "{no_length}"
    );

    let unknown = client.request("textDocument/rename", &json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let not_open = client.request(
        "textDocument/hover",
        &json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(not_open["error"]["code"], -32602, "{not_open}");
    let bad_params = client.request("textDocument/hover", &json!({ "position": 3 }));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");

    // An edit past the end is refused, said, and the text kept: the next edit applies to it.
    client.open(&uri, HARBOUR);
    let opened = codes(&client.diagnostics(&uri, 1)).len();
    client.change(&uri, 2, ((400, 0), (400, 1)), "x");
    let refused = client.shown_message();
    assert_eq!(refused["type"], 1);
    let refusal = refused["message"].as_str().unwrap();
    assert!(
        refusal.contains("past the end of the document"),
        "{refusal}"
    );
    assert_eq!(codes(&client.diagnostics(&uri, 2)).len(), opened);
    client.change(&uri, 3, ((4, 66), (4, 66)), " UTC");
    assert!(!codes(&client.diagnostics(&uri, 3)).contains(&"PM202"));

    // A panic in a request fails that request only.
    let panicked = client.request("postmortem/testPanic", &Value::Null);
    assert_eq!(panicked["error"]["code"], -32603, "{panicked}");
    let after = client.request(
        "textDocument/documentSymbol",
        &json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(after["result"][0]["name"], "Harbour Café Ordering Outage");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn before_a_good_initialize_requests_are_refused_and_bad_params_answered() {
    let (root, _) = project();
    let mut client = Client::start(root.path(), &[]);
    let early = client.request("textDocument/documentSymbol", &json!({}));
    assert_eq!(
        early["error"]["code"], -32002,
        "server not initialized: {early}"
    );
    let bad = client.request("initialize", &json!({ "capabilities": 7 }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    let server = client.initialize(&json!({}), root.path());
    assert_eq!(server["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_burst_of_changes_ends_with_the_last_version_checked() {
    let (root, uri) = project();
    let mut client = Client::start(root.path(), &[]);
    client.initialize(&json!({}), root.path());
    client.open(&uri, HARBOUR);
    client.diagnostics(&uri, 1);
    // Typing `Some context. ` at the start of line 10, a character per change, without
    // waiting: the server may skip checking the versions in between, never the last.
    let typed = "Some context. ";
    for (column, character) in typed.chars().enumerate() {
        let column = u32::try_from(column).unwrap();
        let version = i64::from(column) + 2;
        client.change(
            &uri,
            version,
            ((9, column), (9, column)),
            &character.to_string(),
        );
    }
    let last = i64::try_from(typed.len()).unwrap() + 1;
    let published = client.diagnostics(&uri, last);
    let mut lines: Vec<&str> = HARBOUR.split_inclusive('\n').collect();
    let typed_line = format!("{typed}{}", lines[9]);
    lines[9] = &typed_line;
    let text = lines.concat();
    let expected = postmortem::check(&text, &postmortem::Config::default());
    let expected: Vec<&str> = expected.iter().map(postmortem::Diagnostic::code).collect();
    assert_eq!(codes(&published), expected);
    // And what is asked next is answered from that text.
    let symbols = client.request(
        "textDocument/documentSymbol",
        &json!({ "textDocument": { "uri": uri } }),
    );
    let timeline = &symbols["result"][0]["children"][0]["children"][0];
    let end_line = timeline["range"]["end"]["line"].as_u64().unwrap();
    assert_eq!(end_line, 12, "{timeline:#}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn after_shutdown_requests_are_refused_until_exit() {
    let (root, _) = project();
    let mut client = Client::start(root.path(), &[]);
    client.initialize(&json!({}), root.path());
    let reply = client.request("shutdown", &Value::Null);
    assert_eq!(reply["result"], Value::Null, "{reply}");
    let refused = client.request("textDocument/documentSymbol", &json!({}));
    assert_eq!(refused["error"]["code"], -32600, "{refused}");
    client.notify("exit", &Value::Null);
    assert_eq!(client.exit_code(), 0);
}

#[test]
fn without_the_flag_the_panic_request_is_unknown_and_exit_without_shutdown_fails() {
    let (root, _) = project();
    let mut client = Client::start(root.path(), &[]);
    client.initialize(&json!({}), root.path());
    let unknown = client.request("postmortem/testPanic", &Value::Null);
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    client.notify("exit", &Value::Null);
    assert_eq!(client.exit_code(), 1);
}

#[test]
fn the_configuration_is_found_watched_and_a_bad_one_reported() {
    let root = tempfile::tempdir().unwrap();
    let incidents = root.path().join("incidents");
    std::fs::create_dir_all(&incidents).unwrap();
    let config_path = root.path().join(".postmortem.json");
    std::fs::write(
        &config_path,
        r#"{ "rules": { "PM601": "off" }, "files": ["incidents/*.md"] }"#,
    )
    .unwrap();
    let incident = uri(&incidents.join("harbour.md"));
    let notes = uri(&root.path().join("notes.md"));

    let mut client = Client::start(root.path(), &[]);
    client.initialize(
        &json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
        root.path(),
    );
    let registration = client.wait_for(|message| message["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/.postmortem.json");

    // The configuration's rules apply, and its `files` leave `notes.md` out.
    client.open(&incident, HARBOUR);
    let configured = client.diagnostics(&incident, 1);
    assert!(!codes(&configured).contains(&"PM601"), "{configured:#?}");
    assert!(codes(&configured).contains(&"PM202"));
    client.open(&notes, HARBOUR);
    assert_eq!(client.diagnostics(&notes, 1), Vec::<Value>::new());

    // Changed on disk and announced: every open document is checked again with it.
    std::fs::write(&config_path, r#"{ "files": ["**/*.md"] }"#).unwrap();
    let changed = json!({ "changes": [{ "uri": uri(&config_path), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", &changed);
    let rechecked = client.diagnostics(&incident, 1);
    assert!(codes(&rechecked).contains(&"PM601"), "{rechecked:#?}");
    assert!(codes(&client.diagnostics(&notes, 1)).contains(&"PM601"));

    // A bad one is shown once, and the documents are checked with the defaults.
    std::fs::write(&config_path, r#"{ "rules": { "PM999": "error" } }"#).unwrap();
    client.notify("workspace/didChangeWatchedFiles", &changed);
    let shown = client.shown_message();
    assert_eq!(shown["type"], 1);
    let message = shown["message"].as_str().unwrap();
    assert!(message.contains(".postmortem.json"), "{message}");
    assert!(message.contains("PM999"), "{message}");
    assert!(message.ends_with("checking with the default configuration until it is fixed"));
    assert!(codes(&client.diagnostics(&incident, 1)).contains(&"PM601"));

    // Saving reads it again: fixed, the message does not come back.
    std::fs::write(&config_path, r#"{ "rules": { "PM601": "off" } }"#).unwrap();
    client.notify(
        "textDocument/didSave",
        &json!({ "textDocument": { "uri": incident } }),
    );
    assert!(!codes(&client.diagnostics(&incident, 1)).contains(&"PM601"));
    assert_eq!(client.shutdown(), 0);
}

/// Neovim's built-in client (`vim.lsp.start_client`, Neovim 0.7 and later) opens the fixture
/// headless, waits for the diagnostics and prints them as Neovim holds them: 0-based lines and
/// byte columns, converted by Neovim from the server's UTF-16.
#[test]
fn neovim_shows_the_diagnostics() {
    let Some(nvim) = find_on_path("nvim") else {
        #[allow(clippy::print_stdout)] // The suite's convention for a test that cannot run.
        {
            println!("skipped: neovim: nvim is not on PATH (apt-get install neovim)");
        }
        return;
    };
    let (root, _) = project();
    let script = root.path().join("show_diagnostics.lua");
    std::fs::write(&script, include_str!("lsp/show_diagnostics.lua")).unwrap();
    let output = std::process::Command::new(nvim)
        .args(["--headless", "--clean", "-n", "-i", "NONE"])
        .arg("+luafile show_diagnostics.lua")
        .current_dir(root.path())
        .env("POSTMORTEM", insta_cmd::get_cargo_bin("postmortem"))
        .env("DOCUMENT", root.path().join("harbour.md"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    #[allow(clippy::print_stdout)] // What Neovim showed, for the record.
    {
        println!("{stdout}");
    }
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("diagnostic "))
        .collect();
    assert_eq!(lines.len(), 5, "{stdout}\n{stderr}");
    // Line 5 (0-based 4), byte column 56: Neovim turned the server's UTF-16 column 52 into
    // bytes past `ü`, `😀` and `é`.
    assert!(
        lines.contains(&"diagnostic 4:56 PM202 error The summary's times have no timezone"),
        "{stdout}"
    );
}

fn find_on_path(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|directory| Path::new(directory).join(program))
        .find(|path| path.is_file())
}
