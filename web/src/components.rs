//! The page's components, one per file.

mod checklist_panel;
mod diagnostics_panel;
mod diagram_pane;
mod drafts_panel;
mod editor_pane;
mod form_pane;
mod metrics_panel;
mod notice_bar;
mod preview_pane;
mod side_panel;
mod tab;
mod toolbar;

pub(crate) use drafts_panel::DraftsPanel;
pub(crate) use editor_pane::EditorPane;
pub(crate) use notice_bar::NoticeBar;
pub(crate) use side_panel::SidePanel;
pub(crate) use tab::Tab;
pub(crate) use toolbar::Toolbar;
