//! A language client for the tests: the real `postmortem lsp` binary driven over its standard
//! input and output with `Content-Length` framing, every exchange kept as a transcript.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long any one reply may take before the test fails instead of hanging.
const PATIENCE: Duration = Duration::from_secs(20);

pub(crate) struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for another, in order.
    backlog: Vec<Value>,
    next_id: i64,
    pub(crate) transcript: Vec<String>,
}

impl Client {
    /// Starts `postmortem lsp` (with `extra` arguments) in `directory`.
    pub(crate) fn start(directory: &Path, extra: &[&str]) -> Client {
        let mut child = Command::new(insta_cmd::get_cargo_bin("postmortem"))
            .arg("lsp")
            .args(extra)
            .current_dir(directory)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            while let Some(message) = read_message(&mut stdout) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
            next_id: 0,
            transcript: Vec::new(),
        }
    }

    /// `initialize` with these client capabilities, then `initialized`; the server's result.
    pub(crate) fn initialize(&mut self, capabilities: &Value, root: &Path) -> Value {
        let root_uri = uri(root);
        let reply = self.request(
            "initialize",
            &json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": capabilities,
            }),
        );
        self.notify("initialized", &json!({}));
        reply["result"].clone()
    }

    /// Sends a request and waits for its reply (the whole message: `result` or `error`).
    pub(crate) fn request(&mut self, method: &str, params: &Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|message| message["id"] == id && message.get("method").is_none())
    }

    pub(crate) fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.transcript.push(format!("--> {}", summary(message)));
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Writes bytes as they are, framing and all: for the tests of malformed input.
    pub(crate) fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The first message, in the order they came, that `wanted` accepts; the others stay for
    /// later waits.
    pub(crate) fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(index);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) => {
                    self.transcript.push(format!("<-- {}", summary(&message)));
                    if wanted(&message) {
                        return message;
                    }
                    self.backlog.push(message);
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "no awaited message in {PATIENCE:?}; got {:#?}",
                        self.backlog
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output; got {:#?}", self.backlog)
                }
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub(crate) fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        self.published(uri, &json!(version))
    }

    /// The diagnostics published for `uri` with no version: those of a closed document.
    pub(crate) fn diagnostics_without_version(&mut self, uri: &str) -> Vec<Value> {
        self.published(uri, &Value::Null)
    }

    fn published(&mut self, uri: &str, version: &Value) -> Vec<Value> {
        let published = self.wait_for(|message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && &message["params"]["version"] == version
        });
        published["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .clone()
    }

    /// The next `window/showMessage`.
    pub(crate) fn shown_message(&mut self) -> Value {
        self.wait_for(|message| message["method"] == "window/showMessage")["params"].clone()
    }

    pub(crate) fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            &json!({ "textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": text,
            }}),
        );
    }

    /// One ranged change: `((line, character), (line, character))` replaced by `text`.
    pub(crate) fn change(&mut self, uri: &str, version: i64, range: Range, text: &str) {
        self.notify(
            "textDocument/didChange",
            &json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": range_json(range), "text": text }],
            }),
        );
    }

    /// `shutdown`, then `exit`; the server's exit code.
    pub(crate) fn shutdown(mut self) -> i32 {
        let reply = self.request("shutdown", &Value::Null);
        assert_eq!(reply["result"], Value::Null, "{reply}");
        self.notify("exit", &Value::Null);
        self.exit_code()
    }

    /// Waits for the process to end by itself.
    pub(crate) fn exit_code(mut self) -> i32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap();
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave the server running.
        drop(self.child.kill());
        drop(self.child.wait());
    }
}

pub(crate) type Range = ((u32, u32), (u32, u32));

pub(crate) fn range_json(((start_line, start), (end_line, end)): Range) -> Value {
    json!({
        "start": { "line": start_line, "character": start },
        "end": { "line": end_line, "character": end },
    })
}

pub(crate) fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// One line of the transcript: diagnostics and edits as code and place, anything else as its
/// JSON, cut short.
fn summary(message: &Value) -> String {
    let params = &message["params"];
    match message["method"].as_str() {
        Some("textDocument/publishDiagnostics") => {
            let found: Vec<String> = params["diagnostics"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|diagnostic| {
                    let place = &diagnostic["range"]["start"];
                    format!(
                        "{} at {}:{}",
                        diagnostic["code"].as_str().unwrap_or("?"),
                        place["line"],
                        place["character"]
                    )
                })
                .collect();
            return format!(
                "publishDiagnostics version {}: [{}]",
                params["version"],
                found.join(", ")
            );
        }
        Some("textDocument/didChange") => {
            let changes: Vec<String> = params["contentChanges"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|change| {
                    let range = &change["range"];
                    format!(
                        "{}:{}-{}:{} -> {}",
                        range["start"]["line"],
                        range["start"]["character"],
                        range["end"]["line"],
                        range["end"]["character"],
                        change["text"]
                    )
                })
                .collect();
            return format!(
                "didChange version {}: {}",
                params["textDocument"]["version"],
                changes.join(", ")
            );
        }
        _ => {}
    }
    let mut text = message.to_string();
    if text.len() > 200 {
        let mut cut = 197;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push_str("...");
    }
    text
}

fn read_message(stdout: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if stdout.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(": ")?;
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    stdout.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("the server wrote JSON"))
}
