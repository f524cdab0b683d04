//! The editor's reactive state: the source and what the core says about it.

mod analysis;

pub use analysis::{Analysis, DiagnosticView};

use leptos::prelude::*;
use postmortem::Config;

/// One draft being edited, and its analysis derived from it.
#[derive(Clone, Copy)]
pub struct EditorState {
    pub source: RwSignal<String>,
    pub config: RwSignal<Config>,
    pub analysis: Memo<Analysis>,
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
            storage_message: RwSignal::new(None),
        }
    }
}

pub fn provide_editor_state(state: EditorState) -> EditorState {
    provide_context(state);
    state
}

pub fn use_editor_state() -> EditorState {
    expect_context()
}
