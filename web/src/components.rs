//! The page's components, one per file.

mod diagnostics_panel;
mod editor_pane;
mod toolbar;

pub(crate) use diagnostics_panel::DiagnosticsPanel;
pub(crate) use editor_pane::EditorPane;
pub(crate) use toolbar::Toolbar;
