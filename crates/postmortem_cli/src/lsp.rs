//! `postmortem lsp`: the language server, over standard input and output. Diagnostics as the
//! document is edited, code actions for fixes and for turning a rule off, hover with the
//! rule's documentation, the sections as an outline.

mod actions;
mod configuration;
mod diagnostics;
mod documents;
mod hover;
mod positions;
mod server;
mod symbols;
mod transport;

use crate::Failure;
use crate::args::LspArgs;
use std::process::ExitCode;

pub(crate) fn run(args: &LspArgs) -> Result<ExitCode, Failure> {
    let (connection, threads) = transport::stdio()
        .map_err(|error| Failure(format!("cannot start the language server: {error}")))?;
    let served = server::serve(
        &connection,
        server::Options {
            test_panic_request: args.test_panic_request,
        },
    );
    // The writer ends once every reply queued before this is written.
    drop(connection);
    threads.join();
    match served {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(reason) => {
            eprintln!("postmortem lsp: {reason}");
            Ok(ExitCode::FAILURE)
        }
    }
}
