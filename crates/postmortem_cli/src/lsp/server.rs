//! The server loop: the handshake, then each message handled in turn on this thread, every
//! request and notification inside `catch_unwind`, so that a panic is answered as an error and
//! the server goes on.

use super::actions;
use super::configuration::{self, Configurations};
use super::diagnostics::to_protocol;
use super::documents::{Document, Documents};
use super::hover;
use super::positions::{Encoding, Positions};
use super::symbols;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, LogMessage, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, CodeActionResolveRequest, DocumentSymbolRequest, HoverRequest,
    RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, DocumentSymbolResponse, FileSystemWatcher,
    GlobPattern, HoverProviderCapability, InitializeParams, MessageType, OneOf,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use serde_json::Value;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

/// A request only `postmortem lsp --test-panic-request` answers, by panicking: the tests and
/// `cargo xtask bench-lsp` show with it that a panic is caught in the binary as built.
pub(crate) const PANIC_REQUEST: &str = "postmortem/testPanic";

/// How the server was started.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Options {
    pub(crate) test_panic_request: bool,
}

/// A request's failure, answered as a JSON-RPC error.
struct Failed {
    code: ErrorCode,
    message: String,
}

impl Failed {
    fn invalid(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidParams,
            message: message.into(),
        }
    }
}

struct Server<'c> {
    connection: &'c Connection,
    options: Options,
    encoding: Encoding,
    /// Whether the client can ask for a code action's edit later (`codeAction/resolve`).
    client_resolves_edits: bool,
    documents: Documents,
    configurations: Configurations,
    /// Messages taken from the connection to see what comes next, in order.
    read_ahead: VecDeque<Message>,
}

/// Serves `connection` until the client shuts the server down and says `exit` (`Ok`), or
/// leaves without shutting it down (`Err`, exit code 1 as the protocol asks).
pub(crate) fn serve(connection: &Connection, options: Options) -> Result<(), String> {
    // Until an `initialize` that can be read: `initialize_start` answers other requests with
    // "not initialized", and one with bad params is answered here and waited past.
    let (id, params) = loop {
        let (id, params) = connection
            .initialize_start()
            .map_err(|error| format!("before initialize: {error}"))?;
        match serde_json::from_value::<InitializeParams>(params) {
            Ok(params) => break (id, params),
            Err(error) => {
                let reply = Response::new_err(
                    id,
                    ErrorCode::InvalidParams as i32,
                    format!("initialize: invalid params: {error}"),
                );
                drop(connection.sender.send(reply.into()));
            }
        }
    };
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref()),
    );
    let initialize_result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "postmortem".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    // Answered here rather than by `initialize_finish`, which fails unless the very next
    // message is `initialized`: the loop below takes that notification like any other.
    drop(
        connection
            .sender
            .send(Response::new_ok(id, initialize_result).into()),
    );

    let client_resolves_edits = params
        .capabilities
        .text_document
        .as_ref()
        .and_then(|text_document| text_document.code_action.as_ref())
        .and_then(|code_action| code_action.resolve_support.as_ref())
        .is_some_and(|support| support.properties.iter().any(|property| property == "edit"));
    let mut server = Server {
        connection,
        options,
        encoding,
        client_resolves_edits,
        documents: Documents::default(),
        configurations: Configurations::new(workspace_root(&params)),
        read_ahead: VecDeque::new(),
    };
    server.watch_configurations(&params);
    if cfg!(panic = "abort") {
        server.log(
            MessageType::WARNING,
            "postmortem lsp was built with panic=abort: a bug would end the server instead of \
             failing one request; install it with `cargo install --profile cli`",
        );
    }
    server.run()
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            resolve_provider: Some(true),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// The first workspace folder, else the root URI: where a document that is not a file looks
/// for its configuration.
fn workspace_root(params: &InitializeParams) -> Option<std::path::PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| &folder.uri);
    #[allow(deprecated)] // Older clients send only `rootUri`.
    let uri = folder.or(params.root_uri.as_ref())?;
    uri.to_file_path().ok()
}

/// Whatever a handler panicked with, as text.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|message| (*message).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with no message".to_owned())
}

impl Server<'_> {
    /// The next message: one read ahead first, else the next to come.
    fn next_message(&mut self) -> Option<Message> {
        self.read_ahead
            .pop_front()
            .or_else(|| self.connection.receiver.recv().ok())
    }

    fn run(&mut self) -> Result<(), String> {
        let mut shut_down = false;
        while let Some(message) = self.next_message() {
            match message {
                Message::Notification(notification) if notification.method == "exit" => {
                    return if shut_down {
                        Ok(())
                    } else {
                        Err("the client said exit without shutting the server down".to_owned())
                    };
                }
                Message::Request(request) if request.method == Shutdown::METHOD => {
                    shut_down = true;
                    self.send(Response::new_ok(request.id, ()).into());
                }
                // After `shutdown` only `exit` is expected, as the protocol says.
                Message::Request(request) if shut_down => {
                    let reply = Response::new_err(
                        request.id,
                        ErrorCode::InvalidRequest as i32,
                        "postmortem lsp is shutting down".to_owned(),
                    );
                    self.send(reply.into());
                }
                Message::Notification(_) if shut_down => {}
                Message::Request(request) => {
                    let id = request.id.clone();
                    let method = request.method.clone();
                    let reply = match catch_unwind(AssertUnwindSafe(|| self.request(request))) {
                        Ok(Ok(value)) => Response::new_ok(id, value),
                        Ok(Err(failed)) => {
                            Response::new_err(id, failed.code as i32, failed.message)
                        }
                        Err(payload) => Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!(
                                "postmortem lsp failed on {method} (a bug: {}); the server goes on",
                                panic_message(payload.as_ref())
                            ),
                        ),
                    };
                    self.send(reply.into());
                }
                Message::Notification(notification) => {
                    let method = notification.method.clone();
                    if let Err(payload) =
                        catch_unwind(AssertUnwindSafe(|| self.notification(notification)))
                    {
                        self.show(
                            MessageType::ERROR,
                            &format!(
                                "postmortem lsp failed on {method} (a bug: {}); the server goes on",
                                panic_message(payload.as_ref())
                            ),
                        );
                    }
                }
                // The client's answers to our requests (the watcher registration) need nothing.
                Message::Response(_) => {}
            }
        }
        Err("the client closed the connection without shutting the server down".to_owned())
    }

    fn request(&mut self, request: Request) -> Result<Value, Failed> {
        let method = request.method.as_str();
        match method {
            CodeActionRequest::METHOD => {
                let params: lsp_types::CodeActionParams = params(request)?;
                let uri = &params.text_document.uri;
                let document = self.document(uri)?;
                let Some(settings) = &document.settings else {
                    return Ok(Value::Array(Vec::new()));
                };
                let positions = Positions::new(&document.text, self.encoding);
                let asked = actions::Asked {
                    range: params.range,
                    only: params.context.only.as_deref(),
                    defer_fix_all: self.client_resolves_edits,
                };
                let actions = actions::actions(uri, document, &settings.config, &positions, &asked)
                    .map_err(Failed::invalid)?;
                Ok(serde_json::to_value(actions).unwrap_or_default())
            }
            CodeActionResolveRequest::METHOD => {
                let mut action: lsp_types::CodeAction = params(request)?;
                let uri = action
                    .data
                    .as_ref()
                    .and_then(|data| data.get("uri"))
                    .and_then(|uri| serde_json::from_value::<Url>(uri.clone()).ok())
                    .ok_or_else(|| Failed::invalid("codeAction/resolve: not an action of ours"))?;
                let document = self.document(&uri)?;
                if action.edit.is_none()
                    && action.title == actions::FIX_ALL_TITLE
                    && let Some(settings) = &document.settings
                {
                    let positions = Positions::new(&document.text, self.encoding);
                    // The edit is made for the text as it is now, which is the client's too.
                    action.edit =
                        actions::fix_all_edit(&uri, document, &settings.config, &positions);
                }
                Ok(serde_json::to_value(action).unwrap_or_default())
            }
            HoverRequest::METHOD => {
                let params: lsp_types::HoverParams = params(request)?;
                let position = params.text_document_position_params;
                let document = self.document(&position.text_document.uri)?;
                let positions = Positions::new(&document.text, self.encoding);
                let hover = hover::hover(document, &positions, position.position)
                    .map_err(Failed::invalid)?;
                Ok(serde_json::to_value(hover).unwrap_or_default())
            }
            DocumentSymbolRequest::METHOD => {
                let params: lsp_types::DocumentSymbolParams = params(request)?;
                let document = self.document(&params.text_document.uri)?;
                let Some(settings) = &document.settings else {
                    return Ok(Value::Array(Vec::new()));
                };
                let positions = Positions::new(&document.text, self.encoding);
                let outline = symbols::outline(&document.text, settings.config.profile, &positions);
                Ok(
                    serde_json::to_value(DocumentSymbolResponse::Nested(outline))
                        .unwrap_or_default(),
                )
            }
            PANIC_REQUEST if self.options.test_panic_request => {
                panic!("{PANIC_REQUEST} was asked for")
            }
            _ => Err(Failed {
                code: ErrorCode::MethodNotFound,
                message: format!("postmortem lsp does not answer {method}"),
            }),
        }
    }

    fn document(&self, uri: &Url) -> Result<&Document, Failed> {
        self.documents
            .get(uri)
            .ok_or_else(|| Failed::invalid(format!("{uri} is not open: send didOpen first")))
    }

    fn notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        if let Err(message) = self.handle_notification(notification) {
            self.show(
                MessageType::ERROR,
                &format!("postmortem: {method}: {message}"),
            );
        }
    }

    fn handle_notification(&mut self, notification: Notification) -> Result<(), String> {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let params: lsp_types::DidOpenTextDocumentParams =
                    notification_params(notification)?;
                let item = params.text_document;
                let settings = self.settings_for(&item.uri);
                self.documents.open(
                    item.uri.clone(),
                    Document {
                        text: item.text,
                        version: item.version,
                        settings,
                        diagnostics: Vec::new(),
                    },
                );
                self.check(&item.uri);
            }
            DidChangeTextDocument::METHOD => {
                let params: lsp_types::DidChangeTextDocumentParams =
                    notification_params(notification)?;
                let uri = params.text_document.uri;
                let encoding = self.encoding;
                let Some(document) = self.documents.get_mut(&uri) else {
                    return Err(format!("{uri} is not open: send didOpen first"));
                };
                let applied = document.apply(params.content_changes, encoding);
                document.version = params.text_document.version;
                // When the next message is another change to this document (typing faster than
                // a long document is checked), only the last of them is checked: nothing can
                // ask about the text in between.
                if !self.next_is_change_to(&uri) {
                    self.check(&uri);
                }
                applied.map_err(|reason| {
                    format!(
                        "an edit to {uri} was refused ({reason}); close and reopen the document"
                    )
                })?;
            }
            DidSaveTextDocument::METHOD => {
                // Saving re-reads the configuration: a change to it may not have been watched.
                let _: lsp_types::DidSaveTextDocumentParams = notification_params(notification)?;
                self.reload_configurations();
            }
            DidCloseTextDocument::METHOD => {
                let params: lsp_types::DidCloseTextDocumentParams =
                    notification_params(notification)?;
                self.documents.close(&params.text_document.uri);
                self.publish(params.text_document.uri, Vec::new(), None);
            }
            DidChangeWatchedFiles::METHOD => {
                let params: lsp_types::DidChangeWatchedFilesParams =
                    notification_params(notification)?;
                let configuration_changed = params.changes.iter().any(|change| {
                    change
                        .uri
                        .to_file_path()
                        .is_ok_and(|path| configuration::is_configuration(&path))
                });
                if configuration_changed {
                    self.reload_configurations();
                }
            }
            // `initialized`, `$/cancelRequest` (requests are answered in order, at once),
            // `$/setTrace` and whatever else a client sends need nothing.
            _ => {}
        }
        Ok(())
    }

    /// Whether the message after this one, if it has come already, changes `uri` too.
    fn next_is_change_to(&mut self, uri: &Url) -> bool {
        if self.read_ahead.is_empty() {
            self.read_ahead.extend(self.connection.receiver.try_recv());
        }
        matches!(
            self.read_ahead.front(),
            Some(Message::Notification(next))
                if next.method == DidChangeTextDocument::METHOD
                    && next.params["textDocument"]["uri"].as_str() == Some(uri.as_str())
        )
    }

    /// Reads every configuration again, and checks every open document with its own.
    fn reload_configurations(&mut self) {
        self.configurations.forget();
        for uri in self.documents.uris() {
            let settings = self.settings_for(&uri);
            if let Some(document) = self.documents.get_mut(&uri) {
                document.settings = settings;
            }
            self.check(&uri);
        }
    }

    /// The document's configuration, telling the user when it cannot be read.
    fn settings_for(&mut self, uri: &Url) -> Option<Arc<configuration::Settings>> {
        let resolved = self.configurations.resolve(uri);
        if let Some(error) = resolved.error {
            self.show(MessageType::ERROR, &error);
        }
        resolved.settings
    }

    /// Checks the document's text as it is now and publishes what was found.
    fn check(&mut self, uri: &Url) {
        let encoding = self.encoding;
        let Some(document) = self.documents.get_mut(uri) else {
            return;
        };
        document.diagnostics = match &document.settings {
            Some(settings) => postmortem::check(&document.text, &settings.config),
            None => Vec::new(),
        };
        let positions = Positions::new(&document.text, encoding);
        let diagnostics = document
            .diagnostics
            .iter()
            .map(|diagnostic| to_protocol(diagnostic, &positions))
            .collect();
        let version = Some(document.version);
        self.publish(uri.clone(), diagnostics, version);
    }

    fn publish(&self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// Asks the client to say when a configuration file changes, if it can be asked.
    fn watch_configurations(&mut self, params: &InitializeParams) {
        let can_register = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|workspace| workspace.did_change_watched_files.as_ref())
            .and_then(|watched| watched.dynamic_registration)
            .unwrap_or(false);
        if !can_register {
            return;
        }
        let watchers = crate::config_file::NAMES
            .iter()
            .map(|name| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let registration = Registration {
            id: "postmortem-configuration".to_owned(),
            method: DidChangeWatchedFiles::METHOD.to_owned(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        let request = Request::new(
            RequestId::from("postmortem-watch-configuration".to_owned()),
            RegisterCapability::METHOD.to_owned(),
            RegistrationParams {
                registrations: vec![registration],
            },
        );
        self.send(request.into());
    }

    fn show(&self, typ: MessageType, message: &str) {
        self.notify::<ShowMessage>(ShowMessageParams {
            typ,
            message: message.to_owned(),
        });
    }

    fn log(&self, typ: MessageType, message: &str) {
        self.notify::<LogMessage>(lsp_types::LogMessageParams {
            typ,
            message: message.to_owned(),
        });
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params).into());
    }

    /// Sends to the writer thread; if it is gone, the client is too, and the loop ends when
    /// the reader sees the input close.
    fn send(&self, message: Message) {
        drop(self.connection.sender.send(message));
    }
}

fn params<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, Failed> {
    serde_json::from_value(request.params)
        .map_err(|error| Failed::invalid(format!("{}: invalid params: {error}", request.method)))
}

fn notification_params<P: serde::de::DeserializeOwned>(
    notification: Notification,
) -> Result<P, String> {
    serde_json::from_value(notification.params).map_err(|error| format!("invalid params: {error}"))
}
