//! `<FormPane/>`: the draft as a form. Every field is read from the Markdown by the core, and
//! every edit goes back through the core as a change to that field's text only, so the
//! Markdown the form does not model stays as the author wrote it.

use crate::components::editor_pane::{undo_input, undo_keys};
use crate::state::{Analysis, EditorView, use_editor_state};
use leptos::ev;
use leptos::prelude::*;
use postmortem::form::{FieldId, Form, FormEdit, Moment};

/// Zones offered by the zone field; any zone the core knows can be typed.
const ZONES: &[&str] = &[
    "UTC", "GMT", "WAT", "CAT", "EAT", "SAST", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST",
    "CDT", "MST", "MDT", "PST", "PDT", "JST", "AEST", "GMT+1", "GMT+3", "UTC+5:30",
];

/// The structured view of the current draft.
#[component]
pub(crate) fn FormPane() -> impl IntoView {
    let state = use_editor_state();
    // Read from the analysis's document, and only while the form is shown: the Markdown view
    // never pays for it.
    let form = Memo::new(move |_| {
        (state.editor_view.get() == EditorView::Form).then(|| state.analysis.with(Analysis::form))
    });
    let field = move |read: fn(&Form) -> String| {
        Memo::new(move |_| form.with(|form| form.as_ref().map(read).unwrap_or_default()))
    };
    // A field being typed in shows what was typed: half-typed text (`4` of `40%`) may not
    // read back as the field yet.
    let text_field = move |id: FieldId| {
        Memo::new(move |_| {
            form.with(|form| {
                let read = form
                    .as_ref()
                    .and_then(|form| id.read(form))
                    .map(|field| field.value.clone())
                    .unwrap_or_default();
                state.typed(id).map_or(read, |typed| typed.value)
            })
        })
    };
    let rows = Memo::new(move |_| {
        form.with(|form| {
            form.as_ref().map_or_else(Vec::new, |form| {
                form.timeline
                    .iter()
                    .map(|row| (row.time.value.clone(), row.text.value.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let tasks = Memo::new(move |_| {
        form.with(|form| {
            form.as_ref().map_or_else(Vec::new, |form| {
                form.tasks
                    .iter()
                    .map(|task| (task.text.value.clone(), task.done.unwrap_or(false)))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <form class="form-pane" data-testid="form" on:submit=|event| event.prevent_default()
            on:keydown=move |event: ev::KeyboardEvent| undo_keys(state, &event)
            on:beforeinput=move |event: ev::InputEvent| undo_input(state, &event)>
            <TextField label="Title" test_id="form-title" field=FieldId::Title value=text_field(FieldId::Title) />
            <fieldset>
                <legend>"Issue summary"</legend>
                <div class="field-row">
                    <MomentField label="Start" test_id="form-start" value=field(|f| moment_value(&f.summary.start))
                        edit=|date, time| FormEdit::SetStart { date, time } />
                    <MomentField label="End" test_id="form-end" value=field(|f| moment_value(&f.summary.end))
                        edit=|date, time| FormEdit::SetEnd { date, time } />
                    <ZoneField value=field(|f| f.summary.zone.value.clone()) />
                </div>
                <TextField label="Impact: what users experienced" test_id="form-impact"
                    field=FieldId::Impact value=text_field(FieldId::Impact) />
                <TextField label="Share of users affected" test_id="form-share"
                    field=FieldId::AffectedShare value=text_field(FieldId::AffectedShare) />
                <TextField label="Root cause, in a sentence" test_id="form-root-cause"
                    field=FieldId::RootCause value=text_field(FieldId::RootCause) />
            </fieldset>
            <TimelineTable rows />
            <TextField label="Root cause and resolution" test_id="form-resolution" multiline=true
                field=FieldId::RootCauseAndResolution value=text_field(FieldId::RootCauseAndResolution) />
            <TextField label="Improvements" test_id="form-improvements" multiline=true
                field=FieldId::Improvements value=text_field(FieldId::Improvements) />
            <TaskList tasks />
            <p class="hint">
                "The form edits the Markdown in place: anything it does not show stays as you wrote it."
            </p>
        </form>
    }
}

fn moment_value(moment: &Moment) -> String {
    moment
        .datetime_local()
        .unwrap_or_else(|| moment.time.clone())
}

/// A text field bound to one field of the form, edited key by key. A value the core refuses
/// (one that would change the document's structure, or an empty title) stays in the field,
/// marked, and the Markdown keeps its last good value.
#[component]
fn TextField(
    label: &'static str,
    test_id: &'static str,
    field: FieldId,
    value: Memo<String>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let state = use_editor_state();
    let refused = RwSignal::new(false);
    let on_input = move |text: String| {
        let unchanged = value.with_untracked(|value| *value == text);
        refused.set(!unchanged && !state.type_into_field(field, &text));
    };
    let input = if multiline {
        view! {
            <textarea rows="5" data-testid=test_id prop:value=move || value.get()
                on:input:target=move |event| on_input(event.target().value())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" data-testid=test_id prop:value=move || value.get()
                on:input:target=move |event| on_input(event.target().value()) />
        }
        .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            {input}
            <RefusedHint refused />
        </label>
    }
}

#[component]
fn RefusedHint(refused: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || refused.get()>
            <span class="field-hint" role="status">
                "Not written: this value would leave the field empty or change the document's structure. Edit it in Markdown."
            </span>
        </Show>
    }
}

/// A date and time picker for one end of the outage window.
#[component]
fn MomentField(
    label: &'static str,
    test_id: &'static str,
    value: Memo<String>,
    edit: fn(String, String) -> FormEdit,
) -> impl IntoView {
    let state = use_editor_state();
    let refused = RwSignal::new(false);
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type="datetime-local"
                data-testid=test_id
                prop:value=move || value.get()
                on:change:target=move |event| {
                    let picked = event.target().value();
                    if let Some((date, time)) = picked.split_once('T') {
                        let time = time.get(..5).unwrap_or(time).to_owned();
                        refused.set(!state.edit_form(&edit(date.to_owned(), time)));
                    }
                }
            />
            <RefusedHint refused />
        </label>
    }
}

/// The zone of the outage window's times, with the common ones offered, and the action that
/// writes every time in one zone.
#[component]
fn ZoneField(value: Memo<String>) -> impl IntoView {
    let state = use_editor_state();
    let refused = RwSignal::new(false);
    let target = RwSignal::new("UTC".to_owned());
    view! {
        <label class="field zone">
            <span class="field-label">"Timezone"</span>
            <input
                type="text"
                list="zones"
                data-testid="form-zone"
                prop:value=move || value.get()
                on:change:target=move |event| {
                    let text = event.target().value();
                    if value.with_untracked(|value| *value != text) {
                        refused.set(!state.edit_form(&FormEdit::SetZone { text }));
                    }
                }
            />
            <span class="convert-times">
                <input
                    type="text"
                    list="zones"
                    class="convert-target"
                    aria-label="Zone to write every time in"
                    data-testid="convert-target"
                    bind:value=target
                />
                <button type="button" class="small" data-testid="convert-times"
                    title="Rewrite every time of the summary and the timeline in this zone"
                    on:click=move |_| state.convert_times(&target.get_untracked())>
                    "Convert all times"
                </button>
            </span>
            <datalist id="zones">
                {ZONES.iter().map(|zone| view! { <option value=*zone></option> }).collect_view()}
            </datalist>
            <RefusedHint refused />
        </label>
    }
}

/// The timeline as a table: edit a row's time or text, move it, remove it, add one.
#[component]
fn TimelineTable(rows: Memo<Vec<(String, String)>>) -> impl IntoView {
    let state = use_editor_state();
    let new_time = RwSignal::new(String::new());
    let new_text = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let add = move || {
        let index = rows.with_untracked(Vec::len);
        let edit = FormEdit::AddRow {
            index,
            time: new_time.get_untracked(),
            text: new_text.get_untracked(),
        };
        let added = state.edit_form(&edit);
        refused.set(!added);
        if added {
            new_time.set(String::new());
            new_text.set(String::new());
        }
    };
    // Rows are rebuilt only when their number changes, so a row being typed in keeps focus.
    let count = Memo::new(move |_| rows.with(Vec::len));
    let row_view = move |index: usize| {
        let count = count.get_untracked();
        let time = Memo::new(move |_| {
            rows.with(|rows| rows.get(index).map(|row| row.0.clone()).unwrap_or_default())
        });
        let text = Memo::new(move |_| {
            let read =
                rows.with(|rows| rows.get(index).map(|row| row.1.clone()).unwrap_or_default());
            state
                .typed(FieldId::RowText(index))
                .map_or(read, |typed| typed.value)
        });
        let position = index + 1;
        view! {
            <tr data-testid="form-row">
                <td>
                    <input type="text" class="time" aria-label=format!("Time of entry {position}")
                        prop:value=move || time.get()
                        on:change:target=move |event| {
                            state.edit_form(&FormEdit::SetRowTime { index, time: event.target().value() });
                        } />
                </td>
                <td>
                    <input type="text" aria-label=format!("What happened, entry {position}")
                        prop:value=move || text.get()
                        on:input:target=move |event| {
                            state.type_into_field(FieldId::RowText(index), &event.target().value());
                        } />
                </td>
                <td class="row-actions">
                    <button type="button" class="small" aria-label=format!("Move entry {position} up")
                        disabled={index == 0}
                        on:click=move |_| { state.edit_form(&FormEdit::MoveRow { from: index, to: index - 1 }); }>"↑"</button>
                    <button type="button" class="small" aria-label=format!("Move entry {position} down")
                        disabled={index + 1 >= count}
                        on:click=move |_| { state.edit_form(&FormEdit::MoveRow { from: index, to: index + 1 }); }>"↓"</button>
                    <button type="button" class="small" aria-label=format!("Remove entry {position}")
                        on:click=move |_| { state.edit_form(&FormEdit::RemoveRow { index }); }>"✕"</button>
                </td>
            </tr>
        }
    };
    view! {
        <fieldset>
            <legend>"Timeline"</legend>
            <table class="form-timeline">
                <thead>
                    <tr><th scope="col">"Time"</th><th scope="col">"What happened"</th><th><span class="visually-hidden">"Actions"</span></th></tr>
                </thead>
                <tbody>
                    {move || (0..count.get()).map(row_view).collect_view()}
                    <tr class="new-row">
                        <td><input type="text" class="time" placeholder="14:05 UTC" aria-label="Time of the new entry"
                            data-testid="form-new-time" bind:value=new_time /></td>
                        <td><input type="text" placeholder="What happened, who did what" aria-label="What happened, new entry"
                            data-testid="form-new-text" bind:value=new_text
                            on:keydown=move |event| if event.key() == "Enter" { event.prevent_default(); add(); } /></td>
                        <td><button type="button" class="small" data-testid="form-add-row" on:click=move |_| add()>"Add"</button></td>
                    </tr>
                </tbody>
            </table>
            <RefusedHint refused />
        </fieldset>
    }
}

/// The tasks as a checklist: tick, edit, remove, add.
#[component]
fn TaskList(tasks: Memo<Vec<(String, bool)>>) -> impl IntoView {
    let state = use_editor_state();
    let new_task = RwSignal::new(String::new());
    let add = move || {
        let index = tasks.with_untracked(Vec::len);
        let text = new_task.get_untracked();
        if state.edit_form(&FormEdit::AddTask {
            index,
            text,
            done: false,
        }) {
            new_task.set(String::new());
        }
    };
    let count = Memo::new(move |_| tasks.with(Vec::len));
    let task_view = move |index: usize| {
        let text = Memo::new(move |_| {
            let read = tasks.with(|tasks| {
                tasks
                    .get(index)
                    .map(|task| task.0.clone())
                    .unwrap_or_default()
            });
            state
                .typed(FieldId::TaskText(index))
                .map_or(read, |typed| typed.value)
        });
        let done =
            Memo::new(move |_| tasks.with(|tasks| tasks.get(index).is_some_and(|task| task.1)));
        let position = index + 1;
        view! {
            <li class="form-task" data-testid="form-task">
                <input type="checkbox" aria-label=format!("Task {position} done")
                    prop:checked=move || done.get()
                    on:change:target=move |event| {
                        state.edit_form(&FormEdit::SetTaskDone { index, done: event.target().checked() });
                    } />
                <input type="text" aria-label=format!("Task {position}")
                    prop:value=move || text.get()
                    on:input:target=move |event| {
                        state.type_into_field(FieldId::TaskText(index), &event.target().value());
                    } />
                <button type="button" class="small" aria-label=format!("Remove task {position}")
                    on:click=move |_| { state.edit_form(&FormEdit::RemoveTask { index }); }>"✕"</button>
            </li>
        }
    };
    view! {
        <fieldset>
            <legend>"Tasks"</legend>
            <ul class="form-tasks">
                {move || (0..count.get()).map(task_view).collect_view()}
            </ul>
            <div class="new-task">
                <input type="text" placeholder="A specific task: owner, what, by when" aria-label="New task"
                    data-testid="form-new-task" bind:value=new_task
                    on:keydown=move |event| if event.key() == "Enter" { event.prevent_default(); add(); } />
                <button type="button" class="small" data-testid="form-add-task" on:click=move |_| add()>"Add task"</button>
            </div>
        </fieldset>
    }
}
