//! The core's findings as protocol diagnostics: rule code linked to its documentation,
//! severity, message and help.

use super::positions::Positions;
use lsp_types::{CodeDescription, DiagnosticSeverity, NumberOrString, Url};
use postmortem::{Diagnostic, RuleMeta, Severity};
use std::path::PathBuf;
use std::sync::OnceLock;

/// What clients show as the diagnostics' origin.
pub(crate) const SOURCE: &str = "postmortem";

pub(crate) fn to_protocol(diagnostic: &Diagnostic, positions: &Positions) -> lsp_types::Diagnostic {
    // The protocol has no field for help: clients show the message's lines as written.
    let message = if diagnostic.help.is_empty() {
        diagnostic.message.clone()
    } else {
        format!("{}\nhelp: {}", diagnostic.message, diagnostic.help)
    };
    lsp_types::Diagnostic {
        range: positions.range(diagnostic.span),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code().to_owned())),
        code_description: doc_url(diagnostic.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The rule's page in the generated reference, `docs/rules/<name>.md`, as a `file://` URL into
/// the source tree the server was built from: the project has no public URL yet. `None` when
/// that tree is not there (a binary copied elsewhere): hover still shows the documentation.
pub(crate) fn doc_url(rule: &RuleMeta) -> Option<Url> {
    static DOCS_ROOT: OnceLock<Option<PathBuf>> = OnceLock::new();
    let root = DOCS_ROOT.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let root = root.canonicalize().ok()?;
        root.join("docs/rules").is_dir().then_some(root)
    });
    Url::from_file_path(root.as_ref()?.join(rule.doc_path())).ok()
}
