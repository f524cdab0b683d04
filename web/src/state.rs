//! The editor's reactive state: the drafts, the one being edited, and what the core says of it.
//! The logic lives in plain modules (`analysis`, `library`, `import`); this file binds them to
//! signals and to storage.

mod analysis;
pub mod import;
pub mod library;
pub mod share;

pub use analysis::{Analysis, DiagnosticGroup, DiagnosticView, FixView, MetricRow};

use crate::storage;
use import::Imported;
use leptos::prelude::*;
use library::{Draft, Library, StoredDraft};
use postmortem::form::FormEdit;
use postmortem::{Config, Profile};

/// Which tab the side panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    Checks,
    Preview,
    Diagram,
}

/// Which view of the draft the editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorView {
    Form,
    Markdown,
}

/// On a phone only one pane fits: the one shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Drafts,
    Editor,
    Checks,
}

/// A passing message, with the action it offers, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// What a notice's button does.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    /// Bring back a deleted draft, where it was.
    Undo(usize, Draft),
    /// Open a draft that came in a shared link.
    OpenShared(String),
}

/// Every draft, the one being edited, and its analysis derived from it.
#[derive(Clone, Copy)]
pub struct EditorState {
    pub library: RwSignal<Library>,
    /// The current draft's text: what the editor and the form show.
    pub source: RwSignal<String>,
    pub config: RwSignal<Config>,
    pub analysis: Memo<Analysis>,
    /// A range (UTF-16) the editor should select, set by clicking a diagnostic.
    pub selection: RwSignal<Option<(u32, u32)>>,
    pub side_tab: RwSignal<SideTab>,
    pub editor_view: RwSignal<EditorView>,
    pub pane: RwSignal<Pane>,
    pub drafts_open: RwSignal<bool>,
    /// Why drafts cannot be loaded or saved right now, if they cannot.
    pub storage_message: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Another tab's version of the current draft, when both changed it.
    pub conflict: RwSignal<Option<Draft>>,
    /// A new version of the app has been downloaded and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// Stored values this version could not read: carried into backups, never dropped.
    unreadable: StoredValue<Vec<String>>,
    /// The text last written to storage for the current draft (or read from it).
    saved_text: StoredValue<Option<String>>,
}

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // A positive integer.
    let milliseconds = js_sys::Date::now() as u64;
    milliseconds
}

/// A fresh draft id: time and randomness, unique across tabs.
pub fn new_id() -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // A positive integer.
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{:x}-{random:x}", now())
}

impl EditorState {
    /// Opens the stored drafts (or a first one from the template) and saves as they change.
    pub fn load() -> Self {
        let loaded = storage::load(now(), new_id);
        let state = Self::new(loaded.library, loaded.unreadable);
        if !loaded.problems.is_empty() {
            state.storage_message.set(Some(loaded.problems.join(" ")));
        }
        state
    }

    pub fn new(mut library: Library, unreadable: Vec<String>) -> Self {
        if library.current().is_none() {
            let template = postmortem::template(Profile::Standard).to_owned();
            library.add(Draft::new(new_id(), template, now()));
        }
        let current = library.current().cloned().unwrap_or_else(|| {
            // `add` above guarantees a current draft; this keeps the page alive regardless.
            Draft::new(new_id(), String::new(), now())
        });
        let source = RwSignal::new(current.text.clone());
        let config = RwSignal::new(Config::with_profile(current.profile()));
        let analysed = RwSignal::new(0_u64);
        let analysis = Memo::new(move |_| {
            analysed.track();
            source.with_untracked(|source| config.with(|config| Analysis::run(source, config)))
        });
        schedule_analysis(source, analysed);
        let state = Self {
            library: RwSignal::new(library),
            source,
            config,
            analysis,
            selection: RwSignal::new(None),
            side_tab: RwSignal::new(SideTab::Checks),
            editor_view: RwSignal::new(EditorView::Markdown),
            pane: RwSignal::new(Pane::Editor),
            drafts_open: RwSignal::new(true),
            storage_message: RwSignal::new(None),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            unreadable: StoredValue::new(unreadable),
            saved_text: StoredValue::new(None),
        };
        // A draft that exists only in memory (the first one) is saved right away.
        if current.revision == 0 {
            state.save_current();
        } else {
            state.saved_text.set_value(Some(current.text));
        }
        state
    }

    fn current_id(&self) -> String {
        self.library
            .with_untracked(|library| library.current.clone())
    }

    /// Called when the editor's text changed: records it in the list and saves it.
    pub fn text_changed(&self) {
        if self.sync_diagram() {
            // The source changed again: this runs once more for the synced text.
            return;
        }
        let text = self.source.get_untracked();
        if self
            .saved_text
            .with_value(|saved| saved.as_deref() == Some(text.as_str()))
        {
            return;
        }
        let id = self.current_id();
        self.library
            .update(|library| _ = library.set_text(&id, &text, now()));
        self.save_current();
    }

    /// Keeps an inserted Mermaid diagram in step with the timeline; `true` if it rewrote it.
    fn sync_diagram(&self) -> bool {
        let edit = self.source.with_untracked(|source| {
            postmortem::diagram::has_block(source)
                .then(|| postmortem::diagram::sync(source, &postmortem::parse(source)))
                .flatten()
        });
        let Some(edit) = edit else {
            return false;
        };
        self.source
            .update(|source| *source = postmortem::fix::apply_edits(source, &[edit]));
        true
    }

    /// Writes every time of the summary and the timeline in the zone `target`.
    pub fn convert_times(&self, target: &str) {
        let conversion = self.source.with_untracked(|source| {
            postmortem::convert::to_zone(source, &postmortem::parse(source), target)
        });
        let Some(conversion) = conversion else {
            self.notify(format!(
                "“{target}” is not a zone with a single offset: choose one such as UTC, EAT or UTC+05:30."
            ));
            return;
        };
        self.source.update(|source| {
            *source = postmortem::fix::apply_edits(source, &conversion.fix.edits);
        });
        let skipped = match conversion.skipped {
            0 => String::new(),
            n => format!(" {n} dated times are left as written: their date would change."),
        };
        self.notify(format!(
            "Wrote {} times in {}.{skipped}",
            conversion.converted,
            target.trim()
        ));
    }

    /// Puts the timeline's Mermaid diagram into the Markdown, where it then stays in sync.
    pub fn insert_diagram(&self) {
        let edit = self.source.with_untracked(|source| {
            postmortem::diagram::insert(source, &postmortem::parse(source))
        });
        match edit {
            Some(edit) => {
                self.source
                    .update(|source| *source = postmortem::fix::apply_edits(source, &[edit]));
                self.notify("Inserted the diagram at the end of the timeline, as a Mermaid block: it follows the timeline as you edit it.");
            }
            None => self.notify(
                "The Markdown already has the diagram, or the timeline has no timed entry to draw.",
            ),
        }
    }

    /// Writes the current draft, unless another tab's version waits for the user's choice.
    fn save_current(&self) {
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let Some(mut draft) = self
            .library
            .with_untracked(|library| library.current().cloned())
        else {
            return;
        };
        draft.revision += 1;
        match storage::save_draft(&draft) {
            Ok(()) => {
                self.library.update_untracked(|library| {
                    if let Some(kept) = library.drafts.iter_mut().find(|d| d.id == draft.id) {
                        kept.revision = draft.revision;
                    }
                });
                self.saved_text.set_value(Some(draft.text));
                storage::save_current(&draft.id);
                if self.storage_message.with_untracked(Option::is_some) {
                    self.storage_message.set(None);
                }
            }
            Err(problem) => self.storage_message.set(Some(problem)),
        }
    }

    /// Switches the editor to another draft.
    pub fn open(&self, id: &str) {
        let Some(draft) = self
            .library
            .with_untracked(|library| library.get(id).cloned())
        else {
            return;
        };
        self.conflict.set(None);
        self.library
            .update(|library| library.current.clone_from(&draft.id));
        storage::save_current(&draft.id);
        self.saved_text.set_value(Some(draft.text.clone()));
        self.config.set(Config::with_profile(draft.profile()));
        self.selection.set(None);
        self.source.set(draft.text);
        self.pane.set(Pane::Editor);
    }

    fn add_and_open(&self, draft: Draft) {
        let id = draft.id.clone();
        self.library.update(|library| library.add(draft));
        self.open(&id);
        self.saved_text.set_value(None);
        self.save_current();
    }

    /// A new draft, from the profile's template or blank.
    pub fn new_draft(&self, from_template: bool) {
        let profile = self.config.with_untracked(|config| config.profile);
        let text = if from_template {
            postmortem::template(profile).to_owned()
        } else {
            String::new()
        };
        let mut draft = Draft::new(new_id(), text, now());
        profile.name().clone_into(&mut draft.profile);
        self.add_and_open(draft);
    }

    pub fn rename(&self, id: &str, name: &str) {
        let changed = self
            .library
            .try_update(|library| library.rename(id, name, now()))
            .unwrap_or(false);
        if changed {
            self.save(id);
        }
    }

    pub fn duplicate(&self, id: &str) {
        let copy = self
            .library
            .try_update(|library| library.duplicate(id, new_id(), now()).cloned())
            .flatten();
        if let Some(copy) = copy {
            self.open(&copy.id);
            self.saved_text.set_value(None);
            self.save_current();
        }
    }

    /// Deletes a draft; the notice offers to undo it.
    pub fn delete(&self, id: &str) {
        let was_current = self.current_id() == id;
        let Some((index, draft)) = self
            .library
            .try_update(|library| library.remove(id))
            .flatten()
        else {
            return;
        };
        storage::remove_draft(id);
        self.notice.set(Some(Notice {
            text: format!("Deleted “{}”.", draft.display_name()),
            action: Some(NoticeAction::Undo(index, draft)),
        }));
        if self
            .library
            .with_untracked(|library| library.drafts.is_empty())
        {
            self.new_draft(true);
        } else if was_current {
            self.open(&self.current_id());
        }
    }

    /// Does what the notice offers: undo a deletion, or open a shared draft.
    pub fn notice_action(&self) {
        let Some(Notice {
            action: Some(action),
            ..
        }) = self.notice.get_untracked()
        else {
            return;
        };
        self.notice.set(None);
        match action {
            NoticeAction::Undo(index, draft) => {
                let id = draft.id.clone();
                self.library.update(|library| library.restore(index, draft));
                self.open(&id);
                self.saved_text.set_value(None);
                self.save_current();
            }
            NoticeAction::OpenShared(text) => {
                let mut draft = Draft::new(new_id(), text, now());
                draft.profile = self.config.with_untracked(|c| c.profile.name().to_owned());
                self.add_and_open(draft);
            }
        }
    }

    /// A link carried a draft: offer it, without touching the drafts until asked.
    pub fn offer_shared(&self, text: String) {
        let title = library::title_of(&text).unwrap_or_else(|| "Untitled draft".to_owned());
        self.notice.set(Some(Notice {
            text: format!("This link carries a draft, “{title}”. Open it as a new draft?"),
            action: Some(NoticeAction::OpenShared(text)),
        }));
    }

    fn save(&self, id: &str) {
        if id == self.current_id() {
            self.saved_text.set_value(None);
            self.save_current();
            return;
        }
        let draft = self
            .library
            .with_untracked(|library| library.get(id).cloned());
        if let Some(Err(problem)) = draft.as_ref().map(storage::save_draft) {
            self.storage_message.set(Some(problem));
        }
    }

    pub fn set_profile(&self, profile: Profile) {
        self.config.update(|config| config.profile = profile);
        let id = self.current_id();
        let changed = self
            .library
            .try_update(|library| library.set_profile(&id, profile, now()))
            .unwrap_or(false);
        if changed {
            self.save(&id);
        }
    }

    /// Applies a quick fix computed for the current source.
    pub fn apply_fix(&self, fix: &FixView) {
        self.source
            .update(|source| *source = postmortem::fix::apply_edits(source, &fix.edits));
    }

    /// Applies an edit made in the form: only the edited field's text changes. `false` when the
    /// core refused it (the value would change the document's structure) or it changed nothing.
    pub fn edit_form(&self, edit: &FormEdit) -> bool {
        let profile = self.config.with_untracked(|config| config.profile);
        let edited = self
            .source
            .with_untracked(|source| postmortem::form::apply(source, profile, edit));
        let changed = self.source.with_untracked(|source| *source != edited);
        if changed {
            self.source.set(edited);
        }
        changed
    }

    /// Opens an imported file: a postmortem becomes a new draft; a backup adds its drafts.
    pub fn import(&self, file_name: &str, imported: Imported) {
        match imported {
            Imported::Markdown(text) => {
                let mut draft = Draft::new(new_id(), text, now());
                draft.profile = self.config.with_untracked(|c| c.profile.name().to_owned());
                self.add_and_open(draft);
                self.notify(format!("Imported “{file_name}” as a new draft."));
            }
            Imported::Backup(drafts) => {
                let added = self
                    .library
                    .try_update(|library| library.merge(drafts, new_id))
                    .unwrap_or(0);
                let new_drafts: Vec<Draft> = self.library.with_untracked(|library| {
                    library
                        .drafts
                        .iter()
                        .filter(|draft| draft.revision == 0)
                        .cloned()
                        .collect()
                });
                for draft in &new_drafts {
                    self.save(&draft.id);
                }
                self.notify(match added {
                    0 => format!("Every draft in “{file_name}” is already here."),
                    1 => format!("Imported 1 draft from “{file_name}”."),
                    n => format!("Imported {n} drafts from “{file_name}”."),
                });
            }
        }
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            action: None,
        }));
    }

    /// Every draft as one backup file, with any stored value this version could not read.
    pub fn backup(&self) -> String {
        let drafts = self
            .library
            .with_untracked(|library| library.drafts.clone());
        self.unreadable
            .with_value(|unreadable| library::encode_backup(&drafts, unreadable, now()))
    }

    /// Another tab wrote (or removed) a stored draft.
    pub fn stored_elsewhere(&self, key: &str, value: Option<String>) {
        let Some(id) = storage::draft_id(key) else {
            return;
        };
        let is_current = id == self.current_id();
        let Some(raw) = value else {
            if is_current {
                self.notify("This draft was deleted in another tab. It stays open here; editing it saves it again.");
                self.saved_text.set_value(None);
            } else {
                self.library.update(|library| _ = library.remove(id));
            }
            return;
        };
        let StoredDraft::Readable(theirs) = library::decode_draft(&raw) else {
            return;
        };
        if !is_current {
            self.library.update(|library| {
                match library
                    .drafts
                    .iter_mut()
                    .find(|draft| draft.id == theirs.id)
                {
                    Some(kept) => *kept = theirs,
                    None => library.drafts.push(theirs),
                }
            });
            return;
        }
        let text = self.source.get_untracked();
        let unsaved = self
            .saved_text
            .with_value(|saved| saved.as_deref() != Some(&text));
        if unsaved && text != theirs.text {
            self.conflict.set(Some(theirs));
            return;
        }
        // Nothing here is unsaved: follow the other tab.
        self.saved_text.set_value(Some(theirs.text.clone()));
        self.config.set(Config::with_profile(theirs.profile()));
        self.source.set(theirs.text.clone());
        self.library.update(|library| {
            if let Some(kept) = library
                .drafts
                .iter_mut()
                .find(|draft| draft.id == theirs.id)
            {
                *kept = theirs;
            }
        });
    }

    /// Resolves a conflict with another tab: keep this tab's text (saved over theirs), or take
    /// theirs after saving this tab's text as a separate draft.
    pub fn resolve_conflict(&self, keep_mine: bool) {
        let Some(theirs) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        let id = self.current_id();
        if keep_mine {
            self.library.update_untracked(|library| {
                if let Some(kept) = library.drafts.iter_mut().find(|draft| draft.id == id) {
                    kept.revision = kept.revision.max(theirs.revision);
                }
            });
            self.saved_text.set_value(None);
            self.save_current();
            return;
        }
        let mine = self
            .library
            .with_untracked(|library| library.current().cloned());
        if let Some(mine) = mine {
            let copy = Draft {
                id: new_id(),
                name: format!("{} (this tab's version)", mine.display_name()),
                revision: 0,
                ..mine
            };
            self.library
                .update(|library| library.drafts.push(copy.clone()));
            if let Err(problem) = storage::save_draft(&copy) {
                self.storage_message.set(Some(problem));
            }
        }
        // This tab's text is safe in its copy: the editor may now follow the other tab.
        self.saved_text.set_value(Some(self.source.get_untracked()));
        self.stored_elsewhere(
            &storage::draft_key(&theirs.id),
            Some(library::encode_draft(&theirs)),
        );
    }
}

/// Drafts longer than this are analysed after the keystroke has been painted rather than in
/// the same task, and keystrokes typed meanwhile are analysed together.
const ANALYSE_LATER_BYTES: usize = 24 * 1024;

/// Bumps `analysed` whenever the source changes: at once for a draft of ordinary length, on
/// the next task for a long one.
fn schedule_analysis(source: RwSignal<String>, analysed: RwSignal<u64>) {
    let pending = StoredValue::new(false);
    // The memo analyses the text it starts with when first read; the effect's first run can
    // come after a change (an input event right after mounting), so it compares.
    let initial = StoredValue::new(Some(source.get_untracked()));
    Effect::new(move || {
        let long = source.with(|source| source.len() > ANALYSE_LATER_BYTES);
        let unchanged = initial
            .try_update_value(Option::take)
            .flatten()
            .is_some_and(|initial| source.with_untracked(|source| *source == initial));
        if unchanged {
            return;
        }
        if !long {
            analysed.update(|revision| *revision += 1);
        } else if !pending.get_value() {
            pending.set_value(true);
            set_timeout(
                move || {
                    pending.set_value(false);
                    analysed.update(|revision| *revision += 1);
                },
                std::time::Duration::ZERO,
            );
        }
    });
}

pub fn provide_editor_state(state: EditorState) -> EditorState {
    provide_context(state);
    state
}

pub fn use_editor_state() -> EditorState {
    expect_context()
}
