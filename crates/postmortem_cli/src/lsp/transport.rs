//! JSON-RPC over standard input and output with `Content-Length` framing, as
//! `lsp_server::Connection::stdio` does, except that a message that cannot be read is answered
//! with a JSON-RPC error and the next one read: the scaffold's reader stops at the first.

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{Connection, ErrorCode, Message};
use std::io::{self, BufRead, Read as _, Write};
use std::thread::{self, JoinHandle};

/// The threads behind a connection; the writer is joined so that every reply is written.
pub(crate) struct Threads {
    writer: JoinHandle<()>,
}

impl Threads {
    pub(crate) fn join(self) {
        drop(self.writer.join());
    }
}

/// A connection over this process's standard input and output.
pub(crate) fn stdio() -> io::Result<(Connection, Threads)> {
    let (to_server, from_client) = unbounded::<Message>();
    let (to_client, outgoing) = unbounded::<Message>();
    let writer = thread::Builder::new()
        .name("lsp-writer".to_owned())
        .spawn(move || write_messages(&outgoing))?;
    thread::Builder::new()
        .name("lsp-reader".to_owned())
        .spawn(move || read_messages(&mut io::stdin().lock(), &to_server))?;
    Ok((
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Threads { writer },
    ))
}

fn write_messages(outgoing: &Receiver<Message>) {
    for message in outgoing {
        // Standard output is locked per message: the reader writes its error replies too.
        if message.write(&mut io::stdout().lock()).is_err() {
            return;
        }
    }
}

/// Reads messages until the input ends or the client says `exit`.
fn read_messages(input: &mut impl BufRead, to_server: &Sender<Message>) {
    loop {
        let body = match read_body(input) {
            Ok(Some(body)) => body,
            Ok(None) | Err(Unreadable::Io) => return,
            Err(Unreadable::Framing(reason)) => {
                reply_error(None, ErrorCode::ParseError, &reason);
                continue;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(message) => {
                let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || is_exit {
                    return;
                }
            }
            Err(error) => match serde_json::from_slice::<serde_json::Value>(&body) {
                Err(_) => reply_error(
                    None,
                    ErrorCode::ParseError,
                    &format!("the message is not JSON: {error}"),
                ),
                Ok(value) => reply_error(
                    value.get("id").cloned(),
                    ErrorCode::InvalidRequest,
                    &format!(
                        "the message is not a JSON-RPC request, response or notification: {error}"
                    ),
                ),
            },
        }
    }
}

enum Unreadable {
    /// Standard input failed or ended inside a message: nothing more can come.
    Io,
    /// The headers were wrong: this message is skipped.
    Framing(String),
}

/// The next message's body, after its headers; `None` at the end of the input.
fn read_body(input: &mut impl BufRead) -> Result<Option<Vec<u8>>, Unreadable> {
    let mut length = None;
    let mut bad_header = None;
    let mut line = Vec::new();
    let mut read_any = false;
    loop {
        line.clear();
        if input
            .read_until(b'\n', &mut line)
            .map_err(|_| Unreadable::Io)?
            == 0
        {
            return if read_any {
                Err(Unreadable::Io)
            } else {
                Ok(None)
            };
        }
        let header = String::from_utf8_lossy(&line);
        let header = header.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if read_any {
                break;
            }
            // Blank lines between messages are noise, not a message.
            continue;
        }
        read_any = true;
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(value) => length = Some(value),
                    Err(_) => bad_header = Some(format!("bad Content-Length header `{header}`")),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("malformed header line `{header}`")),
        }
    }
    let Some(length) = length else {
        return Err(Unreadable::Framing(bad_header.unwrap_or_else(|| {
            "a message has no Content-Length header".to_owned()
        })));
    };
    if length > MAX_MESSAGE {
        // Skipped without holding it, so that the next message is read from its start.
        let skipped = io::copy(&mut input.take(length as u64), &mut io::sink())
            .map_err(|_| Unreadable::Io)?;
        if skipped < length as u64 {
            return Err(Unreadable::Io);
        }
        return Err(Unreadable::Framing(format!(
            "a message of {length} bytes is larger than the {MAX_MESSAGE} bytes this server reads"
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body).map_err(|_| Unreadable::Io)?;
    Ok(Some(body))
}

/// The largest message read: far above any postmortem, and far below the 4 GiB the core's
/// `u32` offsets can address.
const MAX_MESSAGE: usize = 64 << 20;

/// Writes a JSON-RPC error reply with the request's id, or `null` when it could not be read:
/// `lsp_server`'s `RequestId` has no null.
fn reply_error(id: Option<serde_json::Value>, code: ErrorCode, message: &str) {
    let reply = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id.unwrap_or(serde_json::Value::Null),
        "error": { "code": code as i32, "message": message },
    })
    .to_string();
    let mut stdout = io::stdout().lock();
    drop(write!(
        stdout,
        "Content-Length: {}\r\n\r\n{reply}",
        reply.len()
    ));
    drop(stdout.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_framed_bodies_and_refuses_a_message_without_a_length() {
        // Another header beside the length is ignored; blank lines between messages too.
        let input = format!(
            "{}\r\nContent-Type: application/vscode-jsonrpc\r\n{}",
            framed("{\"a\":1}"),
            framed("{\"b\":2}")
        );
        let mut input = input.as_bytes();
        assert_eq!(read_body(&mut input).ok().flatten().unwrap(), b"{\"a\":1}");
        assert_eq!(read_body(&mut input).ok().flatten().unwrap(), b"{\"b\":2}");
        assert!(matches!(read_body(&mut input), Ok(None)));

        let mut no_length = "X-Other: 1\r\n\r\n".as_bytes();
        assert!(matches!(
            read_body(&mut no_length),
            Err(Unreadable::Framing(_))
        ));
        let too_large = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1);
        let body = io::repeat(b' ').take(MAX_MESSAGE as u64 + 1);
        let mut too_large = io::BufReader::new(too_large.as_bytes().chain(body));
        assert!(matches!(
            read_body(&mut too_large),
            Err(Unreadable::Framing(reason)) if reason.contains("larger than")
        ));
        let mut cut_short = "Content-Length: 10\r\n\r\n{}".as_bytes();
        assert!(matches!(read_body(&mut cut_short), Err(Unreadable::Io)));
    }
}
