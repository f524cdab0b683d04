//! The editor's reactive state: the drafts, the one being edited, and what the core says of it.
//! The logic lives in plain modules (`analysis`, `library`, `session`, `history`, `import`);
//! this file binds them to signals and to storage.

mod analysis;
pub mod history;
pub mod import;
pub mod library;
pub mod session;
pub mod share;

pub use analysis::{Analysis, DiagnosticGroup, DiagnosticView, FixView, MetricRow, Parsed};

use crate::storage;
use history::{History, Kind};
use import::Imported;
use leptos::prelude::*;
use library::{Draft, Library};
use postmortem::form::{FieldId, FormEdit, Typed};
use postmortem::{Config, Profile};
use session::{Event, Session, Step};
use std::collections::HashMap;

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
    /// What the core says of the text, with the parsed document every view reads. It follows
    /// `analysed`, which `schedule_analysis` bumps as the text changes.
    pub analysis: Memo<Analysis>,
    /// Bumped to have the analysis describe the text as it is now.
    analysed: RwSignal<u64>,
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
    /// Whether the current draft has a step to undo and one to redo.
    pub undoable: RwSignal<(bool, bool)>,
    /// Kept in one stored value, which no view reads, so that `EditorState` stays small enough
    /// to pass by value (clippy's `large_types_passed_by_value`: 256 bytes).
    memory: StoredValue<Memory>,
}

/// What this tab remembers that no view shows: the changes made to the drafts' text (each
/// draft's undo history, where the last keystroke in a form field wrote it, what was saved),
/// and the stored values it could not read.
#[derive(Default)]
struct Memory {
    /// The text last written to storage for the current draft (or read from it).
    saved: Option<String>,
    /// Stored values this version could not read: carried into backups, never dropped.
    unreadable: Vec<String>,
    histories: HashMap<String, History>,
    /// The last keystroke typed into a form field, and the revision of the text it holds for.
    typing: Option<(Typed, u64)>,
    /// Counts the changes to the current text, so that a remembered position knows whether it
    /// still holds.
    revision: u64,
}

impl Memory {
    fn record(&mut self, id: &str, before: &str, after: &str, kind: Kind, now_ms: f64) {
        self.histories
            .entry(id.to_owned())
            .or_default()
            .record(before, after, kind, now_ms);
        self.revision += 1;
    }

    fn undo(&mut self, id: &str, current: &str, redo: bool) -> Option<history::Restored> {
        let history = self.histories.entry(id.to_owned()).or_default();
        let restored = if redo {
            history.redo(current)
        } else {
            history.undo(current)
        }?;
        self.revision += 1;
        Some(restored)
    }

    fn undoable(&self, id: &str) -> (bool, bool) {
        self.histories.get(id).map_or((false, false), |history| {
            (history.can_undo(), history.can_redo())
        })
    }

    fn remember_typed(&mut self, typed: Typed) {
        self.typing = Some((typed, self.revision));
    }

    /// The text changed wholesale (another draft opened): no keystroke's position holds.
    fn forget_typing(&mut self) {
        self.revision += 1;
    }

    fn typed(&self, field: FieldId) -> Option<Typed> {
        self.typing
            .as_ref()
            .filter(|(typed, at)| *at == self.revision && typed.field == field)
            .map(|(typed, _)| typed.clone())
    }

    /// The last keystroke, while it holds and was written before `offset`.
    fn typed_before(&self, offset: u32) -> Option<Typed> {
        self.typing
            .as_ref()
            .filter(|(typed, at)| *at == self.revision && typed.span.end <= offset)
            .map(|(typed, _)| typed.clone())
    }
}

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // A positive integer.
    let milliseconds = js_sys::Date::now() as u64;
    milliseconds
}

/// A name for a saved version of a draft: random, so that two tabs saving at once never
/// name their versions alike; never 0, which means "never saved".
fn new_revision() -> u64 {
    // Below 2^53, where a float holds every integer.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // A positive integer.
    let random = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    random.max(1)
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
        schedule_analysis(source, analysed, analysis);
        let state = Self {
            library: RwSignal::new(library),
            source,
            config,
            analysis,
            analysed,
            selection: RwSignal::new(None),
            side_tab: RwSignal::new(SideTab::Checks),
            editor_view: RwSignal::new(EditorView::Markdown),
            pane: RwSignal::new(Pane::Editor),
            drafts_open: RwSignal::new(true),
            storage_message: RwSignal::new(None),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            undoable: RwSignal::new((false, false)),
            memory: StoredValue::new(Memory {
                unreadable,
                ..Memory::default()
            }),
        };
        // A draft that exists only in memory (the first one) is saved right away.
        if current.revision == 0 {
            state.save_current();
        } else {
            state.set_saved(Some(current.text));
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
        if self.is_saved(&text) {
            return;
        }
        let id = self.current_id();
        self.library
            .update(|library| _ = library.set_text(&id, &text, now()));
        self.save_current();
    }

    /// Keeps an inserted Mermaid diagram in step with the timeline; `true` if it rewrote it.
    fn sync_diagram(&self) -> bool {
        if !self
            .source
            .with_untracked(|source| postmortem::diagram::has_block(source))
        {
            return false;
        }
        let parsed = self.parsed_now();
        let Some(edit) = postmortem::diagram::sync(parsed.text(), parsed.document()) else {
            return false;
        };
        let synced = self.source.with_untracked(|source| {
            postmortem::fix::apply_edits(source, std::slice::from_ref(&edit))
        });
        let typed_before = self
            .memory
            .with_value(|memory| memory.typed_before(edit.span.start));
        self.change_text(synced, Kind::FollowUp);
        // A form field being typed in before the diagram is still where it was written.
        if let Some(typed) = typed_before {
            self.memory
                .update_value(|memory| memory.remember_typed(typed));
        }
        true
    }

    /// Makes `text` the current draft's text, recording the change in its undo history.
    pub fn change_text(&self, text: String, kind: Kind) {
        if self.source.with_untracked(|source| *source == text) {
            return;
        }
        let id = self.current_id();
        self.source.with_untracked(|before| {
            self.memory.update_value(|memory| {
                memory.record(&id, before, &text, kind, js_sys::Date::now());
            });
        });
        self.source.set(text);
        self.refresh_undoable();
    }

    fn set_saved(&self, text: Option<String>) {
        self.memory.update_value(|memory| memory.saved = text);
    }

    fn is_saved(&self, text: &str) -> bool {
        self.memory
            .with_value(|memory| memory.saved.as_deref() == Some(text))
    }

    fn refresh_undoable(&self) {
        let id = self.current_id();
        let flags = self.memory.with_value(|memory| memory.undoable(&id));
        if self.undoable.get_untracked() != flags {
            self.undoable.set(flags);
        }
    }

    /// Undoes the current draft's last step (`redo`: makes the last undone one again), and
    /// selects the text it put back. `false` when there was nothing to do.
    pub fn undo(&self, redo: bool) -> bool {
        let id = self.current_id();
        let restored = self.source.with_untracked(|current| {
            self.memory
                .try_update_value(|memory| memory.undo(&id, current, redo))
                .flatten()
        });
        self.refresh_undoable();
        let Some(restored) = restored else {
            return false;
        };
        let mut cursor = postmortem::span::Utf16Cursor::new(&restored.text);
        let to_u32 = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        let selection = (
            cursor.offset(to_u32(restored.selection.0)),
            cursor.offset(to_u32(restored.selection.1)),
        );
        self.source.set(restored.text);
        if self.editor_view.get_untracked() == EditorView::Markdown {
            self.selection.set(Some(selection));
        }
        true
    }

    /// Writes every time of the summary and the timeline in the zone `target`.
    pub fn convert_times(&self, target: &str) {
        let parsed = self.parsed_now();
        let conversion = postmortem::convert::to_zone(parsed.text(), parsed.document(), target);
        let Some(conversion) = conversion else {
            self.notify(format!(
                "“{target}” is not a zone with a single offset: choose one such as UTC, EAT or UTC+05:30."
            ));
            return;
        };
        let converted = self
            .source
            .with_untracked(|source| postmortem::fix::apply_edits(source, &conversion.fix.edits));
        self.change_text(converted, Kind::Step);
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
        let parsed = self.parsed_now();
        match postmortem::diagram::insert(parsed.text(), parsed.document()) {
            Some(edit) => {
                let inserted = self
                    .source
                    .with_untracked(|source| postmortem::fix::apply_edits(source, &[edit]));
                self.change_text(inserted, Kind::Step);
                self.notify("Inserted the diagram at the end of the timeline, as a Mermaid block: it follows the timeline as you edit it.");
            }
            None => self.notify(
                "The Markdown already has the diagram, or the timeline has no timed entry to draw.",
            ),
        }
    }

    /// The text as it is now, with its document: the analysis's, once it has caught up
    /// with the text. A short draft's analysis is brought up to date here (and not made again
    /// when its turn comes). A long draft's waits for the next task so that typing is never held up
    /// (`schedule_analysis`); an action cannot wait for it, so the text is parsed once here.
    fn parsed_now(&self) -> Parsed {
        let current = || describes_now(self.analysis, self.source);
        let short = self
            .source
            .with_untracked(|source| source.len() <= ANALYSE_LATER_BYTES);
        if !current() && short {
            self.analysed.update(|revision| *revision += 1);
        }
        if current() {
            self.analysis.with_untracked(Analysis::parsed)
        } else {
            self.source.with_untracked(|source| Parsed::of(source))
        }
    }

    /// What to do about `event`, decided by `session` from what this tab holds.
    fn decide(&self, event: Event) -> Vec<Step> {
        self.library.with_untracked(|library| {
            self.source.with_untracked(|text| {
                self.conflict.with_untracked(|conflict| {
                    self.memory.with_value(|memory| {
                        let session = Session {
                            library,
                            text,
                            saved: memory.saved.as_deref(),
                            conflict: conflict.as_ref(),
                        };
                        session.decide(event)
                    })
                })
            })
        })
    }

    /// Takes the steps `session` decided on, in order.
    fn take(&self, steps: Vec<Step>) {
        for step in steps {
            match step {
                Step::Put(draft) => self.library.update(|library| library.put(draft)),
                Step::Remove(id) => self.library.update(|library| _ = library.remove(&id)),
                Step::Write(draft) => {
                    if let Err(problem) = storage::save_draft(&draft) {
                        self.storage_message.set(Some(problem));
                    }
                }
                Step::Save(version) => self.write_current(version),
                Step::Follow(theirs) => self.follow(theirs),
                Step::Ask(theirs) => self.conflict.set(Some(theirs)),
                Step::Settle => self.conflict.set(None),
                Step::Notify(text) => self.notify(text),
                Step::Unsaved => self.set_saved(None),
            }
        }
    }

    /// Writes the current draft, unless another tab's version waits for the user's choice.
    fn save_current(&self) {
        let steps = self.decide(Event::Save {
            revision: new_revision(),
        });
        self.take(steps);
    }

    /// Writes a new version of the current draft; once written, this tab holds it.
    fn write_current(&self, version: Draft) {
        match storage::save_draft(&version) {
            Ok(()) => {
                self.library.update_untracked(|library| {
                    if let Some(kept) = library.drafts.iter_mut().find(|d| d.id == version.id) {
                        kept.revision = version.revision;
                        kept.parent = version.parent;
                    }
                });
                storage::save_current(&version.id);
                self.set_saved(Some(version.text));
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
        self.set_saved(Some(draft.text.clone()));
        self.config.set(Config::with_profile(draft.profile()));
        self.selection.set(None);
        self.memory.update_value(Memory::forget_typing);
        self.source.set(draft.text);
        self.refresh_undoable();
        self.pane.set(Pane::Editor);
    }

    fn add_and_open(&self, draft: Draft) {
        let id = draft.id.clone();
        self.library.update(|library| library.add(draft));
        self.open(&id);
        self.set_saved(None);
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
            self.set_saved(None);
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
                self.set_saved(None);
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
            self.set_saved(None);
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
        let fixed = self
            .source
            .with_untracked(|source| postmortem::fix::apply_edits(source, &fix.edits));
        self.change_text(fixed, Kind::Step);
    }

    /// Applies an edit made in the form (a date picked, a row added, a task ticked) as one
    /// step: only the edited field's text changes. `false` when the core refused it (the value
    /// would change the document's structure) or it changed nothing.
    pub fn edit_form(&self, edit: &FormEdit) -> bool {
        let profile = self.config.with_untracked(|config| config.profile);
        let parsed = self.parsed_now();
        let edits = postmortem::form::edit(parsed.text(), parsed.document(), profile, edit);
        let edited = postmortem::fix::apply_edits(parsed.text(), &edits);
        let changed = self.source.with_untracked(|source| *source != edited);
        if changed {
            self.change_text(edited, Kind::Step);
        }
        changed
    }

    /// A keystroke in a form field: the field now holds `text`. The field's text is replaced
    /// where the last keystroke in it wrote it, so half-typed text is never written twice.
    /// `false` when the core refused it (the value would change the document's structure).
    pub fn type_into_field(&self, field: FieldId, text: &str) -> bool {
        let profile = self.config.with_untracked(|config| config.profile);
        let last = self.typed(field);
        let parsed = self.parsed_now();
        let keystroke = postmortem::form::type_into(
            parsed.text(),
            parsed.document(),
            profile,
            field,
            text,
            last.as_ref(),
        );
        let Some(keystroke) = keystroke else {
            return false;
        };
        let edited = self
            .source
            .with_untracked(|source| postmortem::fix::apply_edits(source, &keystroke.edits));
        self.change_text(edited, Kind::Typing);
        self.memory
            .update_value(|memory| memory.remember_typed(keystroke.typed));
        true
    }

    /// What was last typed into `field`, while the text still holds it where it was written.
    pub fn typed(&self, field: FieldId) -> Option<Typed> {
        self.memory.with_value(|memory| memory.typed(field))
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
        self.memory
            .with_value(|memory| library::encode_backup(&drafts, &memory.unreadable, now()))
    }

    /// Another tab wrote (or removed) a stored draft.
    pub fn stored_elsewhere(&self, key: &str, value: Option<&str>) {
        self.take(self.decide(Event::Stored { key, value }));
    }

    /// Takes another tab's version of the current draft, as a step this tab can undo.
    fn follow(&self, theirs: Draft) {
        self.set_saved(Some(theirs.text.clone()));
        self.config.set(Config::with_profile(theirs.profile()));
        self.change_text(theirs.text.clone(), Kind::Step);
        self.library.update(|library| library.put(theirs));
    }

    /// Resolves a conflict with another tab: keep this tab's text (saved over theirs), or take
    /// theirs after saving this tab's text as a separate draft.
    pub fn resolve_conflict(&self, keep_mine: bool) {
        let event = if keep_mine {
            Event::KeepMine {
                revision: new_revision(),
            }
        } else {
            Event::TakeTheirs { copy_id: new_id() }
        };
        self.take(self.decide(event));
    }
}

/// Drafts longer than this are analysed after the keystroke has been painted rather than in
/// the same task, and keystrokes typed meanwhile are analysed together.
const ANALYSE_LATER_BYTES: usize = 24 * 1024;

/// Bumps `analysed` whenever the source changes to a text the analysis does not describe yet:
/// at once for a draft of ordinary length, on the next task for a long one. The analysis may
/// describe it already: the text the page starts with (analysed when first read), or one an
/// action had analysed early (`EditorState::parsed_now`).
fn schedule_analysis(source: RwSignal<String>, analysed: RwSignal<u64>, analysis: Memo<Analysis>) {
    let pending = StoredValue::new(false);
    let analyse = move || {
        if !describes_now(analysis, source) {
            analysed.update(|revision| *revision += 1);
        }
    };
    Effect::new(move || {
        let long = source.with(|source| source.len() > ANALYSE_LATER_BYTES);
        if !long {
            analyse();
        } else if !pending.get_value() {
            pending.set_value(true);
            set_timeout(
                move || {
                    pending.set_value(false);
                    analyse();
                },
                std::time::Duration::ZERO,
            );
        }
    });
}

/// Whether the analysis describes the text as it is now.
fn describes_now(analysis: Memo<Analysis>, source: RwSignal<String>) -> bool {
    analysis.with_untracked(|analysis| source.with_untracked(|source| analysis.describes(source)))
}

pub fn provide_editor_state(state: EditorState) -> EditorState {
    provide_context(state);
    state
}

pub fn use_editor_state() -> EditorState {
    expect_context()
}
