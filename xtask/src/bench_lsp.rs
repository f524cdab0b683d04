//! `cargo xtask bench-lsp`: how long `postmortem lsp` (built with the `cli` profile, as it is
//! installed) takes from an edit to its diagnostics, measured over stdio as an editor sees it:
//! from writing a `didChange` to reading the `publishDiagnostics` of that version, on a
//! 600-word document and on a 50,000-word one. Then a panic in a request, to show the build
//! catches it. A measurement, not a test; it needs only the project's own documents.

use crate::shell::{Step, root};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// The targets the issue set: diagnostics after an edit within these.
const SMALL: (usize, Duration) = (600, Duration::from_millis(5));
const LARGE: (usize, Duration) = (50_000, Duration::from_millis(100));

pub(crate) fn run() -> Result<(), String> {
    Step::new("build the checker (cli profile)", "cargo")
        .args(["build", "--profile", "cli", "-p", "postmortem_cli"])
        .run()?;
    let binary = target_dir()
        .join("cli")
        .join(format!("postmortem{}", std::env::consts::EXE_SUFFIX));
    let headed =
        std::fs::read_to_string(root().join("crates/postmortem/tests/documents/headed.md"))
            .map_err(|error| format!("cannot read the headed document: {error}"))?;
    // With findings to publish and fixes to offer: a variant heading (PM106) and the
    // summary's times without their zone (PM202), both fixable.
    let seed = headed
        .replacen("## Issue Summary", "## Summary", 1)
        .replacen("15:25 UTC on", "15:25 on", 1);

    let mut failed = Vec::new();
    println!("\nfrom didChange to publishDiagnostics, `postmortem lsp` (cli profile):");
    for ((words, target), edits) in [(SMALL, 400), (LARGE, 40)] {
        let text = document(&seed, words);
        let found = postmortem::check(&text, &postmortem::Config::default());
        let fixable = found.iter().filter(|finding| finding.fix.is_some()).count();
        let (timings, code_actions) = measure(&binary, &text, edits)?;
        let median = timings[timings.len() / 2];
        let p95 = timings[timings.len() * 95 / 100];
        let max = timings[timings.len() - 1];
        let verdict = if p95 < target { "ok" } else { "OVER" };
        println!(
            "  {:>6} words, {} findings ({fixable} fixable), {edits} edits: median {:.3} ms, \
             p95 {:.3} ms, max {:.3} ms (target < {} ms at p95: {verdict})",
            text.split_whitespace().count(),
            found.len(),
            ms(median),
            ms(p95),
            ms(max),
            target.as_millis(),
        );
        println!(
            "  {:>6} then code actions over the whole document, \"fix all\" with its edit: \
             median {:.3} ms",
            "",
            ms(code_actions),
        );
        if p95 >= target {
            failed.push(format!("{words} words: p95 {:.3} ms", ms(p95)));
        }
    }
    println!("\n{}", panic_check(&binary)?);
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("over the target: {}", failed.join(", ")))
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The seed grown to at least `words` words: its sections repeated, then one sentence of
/// prose repeated in a last paragraph, so that the document stays a postmortem.
fn document(seed: &str, words: usize) -> String {
    let mut text = seed.to_owned();
    let body = &seed[seed.find("## Summary").unwrap_or(0)..];
    while text.split_whitespace().count() + body.split_whitespace().count() <= words {
        text.push_str("\n\n");
        text.push_str(body);
    }
    let filler = "The team kept notes during the incident so that this review could be exact.";
    if text.split_whitespace().count() < words {
        text.push('\n');
    }
    while text.split_whitespace().count() < words {
        text.push_str(filler);
        text.push(' ');
    }
    text
}

/// Each edit's time, sorted: alternately typing `x ` at the start of the summary's line and
/// deleting it; then the median time of a code action request over the whole text, whose
/// "fix all" runs the core's `fix_all` (this client does not resolve edits later).
fn measure(binary: &PathBuf, text: &str, edits: i64) -> Result<(Vec<Duration>, Duration), String> {
    let mut server = Server::start(binary, &[])?;
    server.initialize()?;
    let uri = "file:///bench/incident.md";
    server.send(&json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text,
        }},
    }))?;
    server.diagnostics(1)?;
    let line = text
        .lines()
        .position(|line| line.starts_with("From "))
        .unwrap_or(0);
    let mut timings = Vec::new();
    for version in 2..2 + edits {
        let (end, inserted) = if version % 2 == 0 { (0, "x ") } else { (2, "") };
        let change = json!({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{
                    "range": {
                        "start": { "line": line, "character": 0 },
                        "end": { "line": line, "character": end },
                    },
                    "text": inserted,
                }],
            },
        });
        let started = Instant::now();
        server.send(&change)?;
        server.diagnostics(version)?;
        timings.push(started.elapsed());
    }
    let mut code_actions = Vec::new();
    for id in 100..105 {
        let started = Instant::now();
        server.send(&json!({
            "jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction",
            "params": {
                "textDocument": { "uri": uri },
                "range": {
                    "start": { "line": 0, "character": 0 },
                    "end": { "line": text.lines().count(), "character": 0 },
                },
                "context": { "diagnostics": [] },
            },
        }))?;
        let reply = server.reply(id)?;
        code_actions.push(started.elapsed());
        if reply.get("error").is_some() {
            return Err(format!("code actions failed: {reply}"));
        }
    }
    server.shutdown()?;
    timings.sort();
    code_actions.sort();
    Ok((timings, code_actions[code_actions.len() / 2]))
}

/// Whether a panic in a request is answered as an error by this build and the server goes on.
fn panic_check(binary: &PathBuf) -> Result<String, String> {
    let mut server = Server::start(binary, &["--test-panic-request"])?;
    server.initialize()?;
    server.send(&json!({ "jsonrpc": "2.0", "id": 2, "method": "postmortem/testPanic" }))?;
    let reply = server.reply(2)?;
    server.send(&json!({ "jsonrpc": "2.0", "id": 3, "method": "no/such/method" }))?;
    let after = server.reply(3)?;
    server.shutdown()?;
    if reply["error"]["code"] == -32603 && after["error"]["code"] == -32601 {
        Ok(format!(
            "a panic in a request (cli profile): answered as error -32603 ({}), and the server \
             answered the next request",
            reply["error"]["message"].as_str().unwrap_or_default()
        ))
    } else {
        Err(format!(
            "a panic in a request was not caught: {reply} then {after}"
        ))
    }
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start(binary: &PathBuf, extra: &[&str]) -> Result<Server, String> {
        let mut child = Command::new(binary)
            .arg("lsp")
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        Ok(Server {
            child,
            stdin,
            stdout,
        })
    }

    fn initialize(&mut self) -> Result<(), String> {
        self.send(&json!({
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": { "processId": null, "rootUri": null, "capabilities": {} },
        }))?;
        self.reply(1)?;
        self.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }))
    }

    fn shutdown(mut self) -> Result<(), String> {
        self.send(&json!({ "jsonrpc": "2.0", "id": 99, "method": "shutdown" }))?;
        self.reply(99)?;
        self.send(&json!({ "jsonrpc": "2.0", "method": "exit" }))?;
        self.child
            .wait()
            .map_err(|error| format!("the server did not exit: {error}"))?;
        Ok(())
    }

    fn send(&mut self, message: &Value) -> Result<(), String> {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .map_err(|error| format!("cannot write to the server: {error}"))
    }

    fn diagnostics(&mut self, version: i64) -> Result<Value, String> {
        self.until(|message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["version"] == version
        })
    }

    fn reply(&mut self, id: i64) -> Result<Value, String> {
        self.until(|message| message["id"] == id && message.get("method").is_none())
    }

    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Result<Value, String> {
        loop {
            let message = self.read()?;
            if wanted(&message) {
                return Ok(message);
            }
        }
    }

    fn read(&mut self) -> Result<Value, String> {
        let mut length = None;
        loop {
            let mut line = String::new();
            let read = self
                .stdout
                .read_line(&mut line)
                .map_err(|error| format!("cannot read from the server: {error}"))?;
            if read == 0 {
                return Err("the server closed its output".to_owned());
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(": ")
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.ok_or("a message without Content-Length")?];
        self.stdout
            .read_exact(&mut body)
            .map_err(|error| format!("cannot read from the server: {error}"))?;
        serde_json::from_slice(&body).map_err(|error| format!("the server wrote bad JSON: {error}"))
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .filter(|value| !value.is_empty())
        .map_or_else(|| root().join("target"), PathBuf::from)
}
