//! The editor's reactive state: the source, the configuration and what the core says.

mod analysis;

pub use analysis::{Analysis, DiagnosticGroup, DiagnosticView, FixView};

use leptos::prelude::*;
use postmortem::{Config, Profile};

/// Which tab the side panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    Checks,
    Preview,
}

/// One draft being edited, and its analysis derived from it.
#[derive(Clone, Copy)]
pub struct EditorState {
    pub source: RwSignal<String>,
    pub config: RwSignal<Config>,
    pub analysis: Memo<Analysis>,
    /// A range (UTF-16) the editor should select, set by clicking a diagnostic.
    pub selection: RwSignal<Option<(u32, u32)>>,
    pub side_tab: RwSignal<SideTab>,
    /// Why the draft could not be loaded or saved, if it could not.
    pub storage_message: RwSignal<Option<String>>,
}

impl EditorState {
    pub fn new(text: String) -> Self {
        let source = RwSignal::new(text);
        let config = RwSignal::new(Config::default());
        let analysis = Memo::new(move |_| {
            source.with(|source| config.with(|config| Analysis::run(source, config)))
        });
        Self {
            source,
            config,
            analysis,
            selection: RwSignal::new(None),
            side_tab: RwSignal::new(SideTab::Checks),
            storage_message: RwSignal::new(None),
        }
    }

    pub fn set_profile(&self, profile: Profile) {
        self.config.update(|config| config.profile = profile);
    }

    /// Applies a quick fix computed for the current source.
    pub fn apply_fix(&self, fix: &FixView) {
        self.source
            .update(|source| *source = postmortem::fix::apply_edits(source, &fix.edits));
    }
}

pub fn provide_editor_state(state: EditorState) -> EditorState {
    provide_context(state);
    state
}

pub fn use_editor_state() -> EditorState {
    expect_context()
}
