//! The structured form: every field read from every document (the project's own, and the
//! seeds and the corpus when ../shared is there) writes back
//! without changing a byte; each edit changes its field and nothing outside its span; a draft
//! built in the form comes out canonical; nothing panics and the result always parses.

use postmortem::form::{self, Form, FormEdit};
use postmortem::{Document, Edit, Profile, SectionKind};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn documents(paths: Vec<PathBuf>) -> Vec<(PathBuf, String)> {
    paths
        .into_iter()
        .map(|path| {
            let source = std::fs::read_to_string(&path).unwrap();
            (path, source)
        })
        .collect()
}

/// The project's own documents, then the seeds when ../shared is there.
fn seeds() -> Vec<(PathBuf, String)> {
    let mut paths = postmortem_testdata::own_documents();
    paths.extend(
        postmortem_testdata::shared_files("seeds", "form over the seeds and the corpus")
            .unwrap_or_default(),
    );
    documents(paths)
}

fn corpus() -> Vec<(PathBuf, String)> {
    documents(
        postmortem_testdata::shared_files("corpus/docs", "form over the seeds and the corpus")
            .unwrap_or_default(),
    )
}

fn read(source: &str) -> Form {
    Form::read(source, &postmortem::parse(source), Profile::Standard)
}

fn apply(source: &str, edit: &FormEdit) -> String {
    form::apply(source, Profile::Standard, edit)
}

fn edits_of(source: &str, edit: &FormEdit) -> Vec<Edit> {
    form::edit(source, &postmortem::parse(source), Profile::Standard, edit)
}

/// An edit that writes back each field's current value.
fn identity_edits(form: &Form) -> Vec<FormEdit> {
    let summary = &form.summary;
    let mut edits = vec![
        FormEdit::SetTitle {
            text: form.title.value.clone(),
        },
        FormEdit::SetStart {
            date: summary.start.date.clone(),
            time: summary.start.time.clone(),
        },
        FormEdit::SetEnd {
            date: summary.end.date.clone(),
            time: summary.end.time.clone(),
        },
        FormEdit::SetZone {
            text: summary.zone.value.clone(),
        },
        FormEdit::SetImpact {
            text: summary.impact.value.clone(),
        },
        FormEdit::SetAffectedShare {
            text: summary.affected_share.value.clone(),
        },
        FormEdit::SetRootCause {
            text: summary.root_cause.value.clone(),
        },
        FormEdit::SetRootCauseAndResolution {
            markdown: form.root_cause_and_resolution.value.clone(),
        },
        FormEdit::SetImprovements {
            markdown: form.improvements.value.clone(),
        },
    ];
    for (index, row) in form.timeline.iter().enumerate() {
        edits.push(FormEdit::SetRowTime {
            index,
            time: row.time.value.clone(),
        });
        edits.push(FormEdit::SetRowText {
            index,
            text: row.text.value.clone(),
        });
        edits.push(FormEdit::MoveRow {
            from: index,
            to: index,
        });
    }
    for (index, task) in form.tasks.iter().enumerate() {
        edits.push(FormEdit::SetTaskText {
            index,
            text: task.text.value.clone(),
        });
        edits.push(FormEdit::SetTaskDone {
            index,
            done: task.done.unwrap_or(false),
        });
    }
    edits
}

#[test]
fn every_document_survives_a_round_trip_through_the_form() {
    let documents: Vec<_> = seeds().into_iter().chain(corpus()).collect();
    assert!(!documents.is_empty(), "no seeds or corpus found");
    for (path, source) in &documents {
        let form = read(source);
        for edit in identity_edits(&form) {
            assert_eq!(
                edits_of(source, &edit),
                Vec::new(),
                "{}: {edit:?} changed the text",
                path.display()
            );
        }
    }
}

#[test]
fn every_field_span_lies_on_character_boundaries() {
    for (path, source) in seeds().into_iter().chain(corpus()) {
        let form = read(&source);
        let mut spans = vec![
            form.title.span,
            form.summary.start.span,
            form.summary.end.span,
            form.summary.zone.span,
            form.summary.impact.span,
            form.summary.affected_share.span,
            form.summary.root_cause.span,
            form.root_cause_and_resolution.span,
            form.improvements.span,
        ];
        for row in &form.timeline {
            spans.extend([row.span, row.time.span, row.text.span]);
        }
        for task in &form.tasks {
            spans.extend([task.span, task.text.span]);
        }
        for span in spans {
            assert!(
                span.start <= span.end
                    && source.is_char_boundary(span.start as usize)
                    && source.is_char_boundary(span.end as usize),
                "{}: {span:?}",
                path.display()
            );
        }
    }
}

/// Applies `edit`, checks that only the text between the first and last edited offsets
/// changed, and returns the form read from the result.
fn apply_checked(path: &Path, source: &str, edit: &FormEdit) -> (String, Form) {
    let edits = edits_of(source, edit);
    assert!(
        !edits.is_empty(),
        "{}: {edit:?} made no edit",
        path.display()
    );
    let start = edits.iter().map(|edit| edit.span.start).min().unwrap() as usize;
    let end = edits.iter().map(|edit| edit.span.end).max().unwrap() as usize;
    let edited = postmortem::fix::apply_edits(source, &edits);
    assert_eq!(
        &edited[..start],
        &source[..start],
        "{}: {edit:?}",
        path.display()
    );
    assert_eq!(
        &edited[edited.len() - (source.len() - end)..],
        &source[end..],
        "{}: {edit:?}",
        path.display()
    );
    let form = read(&edited);
    (edited, form)
}

#[test]
fn each_summary_edit_changes_its_field_and_nothing_else() {
    for (path, source) in seeds() {
        let path = path.as_path();
        let form = read(&source);
        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::SetTitle {
                text: "Checkout outage".into(),
            },
        );
        assert_eq!(after.title.value, "Checkout outage");

        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::SetStart {
                date: "2024-10-03".into(),
                time: "09:05".into(),
            },
        );
        assert_eq!(
            (
                after.summary.start.date.as_str(),
                after.summary.start.time.as_str()
            ),
            ("2024-10-03", "09:05"),
            "{}",
            path.display()
        );

        if form.summary.start.present {
            let (_, after) = apply_checked(
                path,
                &source,
                &FormEdit::SetEnd {
                    date: String::new(),
                    time: "23:40".into(),
                },
            );
            assert_eq!(after.summary.end.time, "23:40", "{}", path.display());
        }

        // A zone other than the one written, so that the edit has something to change.
        let zone = if form.summary.zone.value == "UTC" {
            "EAT"
        } else {
            "UTC"
        };
        let (_, after) = apply_checked(path, &source, &FormEdit::SetZone { text: zone.into() });
        assert_eq!(after.summary.zone.value, zone, "{}", path.display());

        let impact = "Users could not check out and saw errors.";
        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::SetImpact {
                text: impact.into(),
            },
        );
        assert_eq!(after.summary.impact.value, impact, "{}", path.display());

        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::SetAffectedShare { text: "12%".into() },
        );
        assert_eq!(
            after.summary.affected_share.value,
            "12%",
            "{}",
            path.display()
        );

        let cause = "The root cause was an expired TLS certificate.";
        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::SetRootCause { text: cause.into() },
        );
        assert_eq!(after.summary.root_cause.value, cause, "{}", path.display());
    }
}

#[test]
fn each_body_row_and_task_edit_changes_its_field_and_nothing_else() {
    for (path, source) in seeds() {
        let path = path.as_path();
        let form = read(&source);
        let body = "A certificate expired.\n\nWe renewed it and added an alert.";
        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::SetRootCauseAndResolution {
                markdown: body.into(),
            },
        );
        assert_eq!(
            after.root_cause_and_resolution.value,
            body,
            "{}",
            path.display()
        );

        if !form.timeline.is_empty() {
            let last = form.timeline.len() - 1;
            let (_, after) = apply_checked(
                path,
                &source,
                &FormEdit::SetRowText {
                    index: last,
                    text: "Service restored | verified".into(),
                },
            );
            assert_eq!(after.timeline.len(), form.timeline.len());
            assert!(
                after.timeline[last].text.value.contains("Service restored"),
                "{}",
                path.display()
            );
        }

        for (index, task) in form.tasks.iter().enumerate() {
            let done = !task.done.unwrap_or(false);
            let (_, after) = apply_checked(path, &source, &FormEdit::SetTaskDone { index, done });
            assert_eq!(after.tasks[index].done, Some(done), "{}", path.display());
            let (_, after) = apply_checked(
                path,
                &source,
                &FormEdit::SetTaskText {
                    index,
                    text: "Add an alert on certificate expiry".into(),
                },
            );
            assert_eq!(
                after.tasks[index].text.value,
                "Add an alert on certificate expiry"
            );
        }
    }
}

#[test]
fn rows_are_added_removed_and_moved_on_every_seed_with_a_list() {
    for (path, source) in seeds() {
        let form = read(&source);
        if form.timeline.len() < 3 || form.timeline_layout == postmortem::model::TimelineForm::Prose
        {
            continue;
        }
        let path = path.as_path();
        let rows = |form: &Form| -> Vec<String> {
            form.timeline
                .iter()
                .map(|row| row.text.value.clone())
                .collect()
        };
        let before = rows(&form);

        let (_, after) = apply_checked(
            path,
            &source,
            &FormEdit::AddRow {
                index: 1,
                time: form.timeline[0].time.value.clone(),
                text: "Paged the database team.".into(),
            },
        );
        let mut expected = before.clone();
        expected.insert(1, "Paged the database team.".into());
        assert_eq!(rows(&after), expected, "{}", path.display());

        let (_, after) = apply_checked(path, &source, &FormEdit::RemoveRow { index: 1 });
        let mut expected = before.clone();
        expected.remove(1);
        assert_eq!(rows(&after), expected, "{}", path.display());

        let last = before.len() - 1;
        for (from, to) in [(0, 2), (2, 0), (last, 0), (0, last)] {
            let (_, after) = apply_checked(path, &source, &FormEdit::MoveRow { from, to });
            let mut expected = before.clone();
            let moved = expected.remove(from);
            expected.insert(to, moved);
            assert_eq!(rows(&after), expected, "{}: {from} → {to}", path.display());
        }
    }
}

const LIST_TIMELINE: &str = "\
# Outage

## Timeline

* **10:00 UTC:** Alert fired
* **10:05 UTC:** Rolled back
* **10:20 UTC:** Recovered";

const TABLE_TIMELINE: &str = "\
# Outage

## Timeline

| Time (UTC) | Event |
|---|---|
| 10:00 | Alert fired |
| 10:05 | Rolled back |
| 10:20 | Recovered |
";

#[test]
fn a_list_timeline_keeps_its_style() {
    let added = apply(
        LIST_TIMELINE,
        &FormEdit::AddRow {
            index: 3,
            time: "10:30".into(),
            text: "Closed".into(),
        },
    );
    assert_eq!(
        added,
        format!("{LIST_TIMELINE}\n* **10:30 UTC:** Closed"),
        "the new row copies its neighbour's marker, emphasis, separator and zone"
    );
    let first = apply(
        LIST_TIMELINE,
        &FormEdit::AddRow {
            index: 0,
            time: "09:55 UTC".into(),
            text: "Deploy".into(),
        },
    );
    assert!(first.contains("## Timeline\n\n* **09:55 UTC:** Deploy\n* **10:00 UTC:** Alert fired"));
    let moved = apply(LIST_TIMELINE, &FormEdit::MoveRow { from: 2, to: 0 });
    assert_eq!(
        moved,
        "# Outage\n\n## Timeline\n\n* **10:20 UTC:** Recovered\n* **10:00 UTC:** Alert fired\n* **10:05 UTC:** Rolled back"
    );
    let moved_back = apply(&moved, &FormEdit::MoveRow { from: 0, to: 2 });
    assert_eq!(moved_back, LIST_TIMELINE);
    let removed = apply(LIST_TIMELINE, &FormEdit::RemoveRow { index: 2 });
    assert_eq!(
        removed,
        "# Outage\n\n## Timeline\n\n* **10:00 UTC:** Alert fired\n* **10:05 UTC:** Rolled back"
    );
}

#[test]
fn a_table_timeline_gets_table_rows() {
    let added = apply(
        TABLE_TIMELINE,
        &FormEdit::AddRow {
            index: 1,
            time: "10:02".into(),
            text: "Paged | on-call\nagain".into(),
        },
    );
    assert!(
        added.contains("| 10:00 | Alert fired |\n| 10:02 | Paged \\| on-call again |\n| 10:05 |"),
        "{added}"
    );
    let form = read(&added);
    assert_eq!(form.timeline.len(), 4);
    assert_eq!(form.timeline[1].time.value, "10:02");

    let moved = apply(TABLE_TIMELINE, &FormEdit::MoveRow { from: 0, to: 2 });
    let texts: Vec<String> = read(&moved)
        .timeline
        .iter()
        .map(|row| row.text.value.clone())
        .collect();
    assert_eq!(texts, ["Rolled back", "Recovered", "Alert fired"]);

    let removed = apply(TABLE_TIMELINE, &FormEdit::RemoveRow { index: 0 });
    assert_eq!(read(&removed).timeline.len(), 2);
    assert!(removed.contains("|---|---|\n| 10:05 | Rolled back |"));

    let edited = apply(
        TABLE_TIMELINE,
        &FormEdit::SetRowText {
            index: 2,
            text: "Recovered | fully".into(),
        },
    );
    assert!(edited.contains("| 10:20 | Recovered \\| fully |"));
}

#[test]
fn tasks_follow_their_neighbours() {
    let source = "## Corrective and Preventative Measures\n\n* [ ] Add an alert\n* [x] Renew the certificate\n";
    let added = apply(
        source,
        &FormEdit::AddTask {
            index: 2,
            text: "Rotate keys".into(),
            done: false,
        },
    );
    assert_eq!(added, format!("{source}* [ ] Rotate keys\n"));
    let toggled = apply(
        source,
        &FormEdit::SetTaskDone {
            index: 0,
            done: true,
        },
    );
    assert!(toggled.contains("* [x] Add an alert"));
    let removed = apply(source, &FormEdit::RemoveTask { index: 0 });
    assert_eq!(
        removed,
        "## Corrective and Preventative Measures\n\n* [x] Renew the certificate\n"
    );
    let numbered =
        "## Corrective and Preventative Measures\n\nTasks:\n\n1. Add an alert\n2. Patch Nginx\n";
    let added = apply(
        numbered,
        &FormEdit::AddTask {
            index: 2,
            text: "Rotate keys".into(),
            done: false,
        },
    );
    assert_eq!(added, format!("{numbered}3. Rotate keys\n"));
}

/// The form edits a new draft is made of, in the order a user fills the form.
fn new_draft_edits() -> Vec<FormEdit> {
    let text = |text: &str| text.to_owned();
    vec![
        FormEdit::SetTitle {
            text: text("Checkout outage on October 3"),
        },
        FormEdit::SetStart {
            date: text("2024-10-03"),
            time: text("14:05"),
        },
        FormEdit::SetEnd {
            date: text("2024-10-03"),
            time: text("15:20"),
        },
        FormEdit::SetZone { text: text("UTC") },
        FormEdit::SetImpact {
            text: text("The checkout service returned errors and users could not pay."),
        },
        FormEdit::SetAffectedShare { text: text("35%") },
        FormEdit::SetRootCause {
            text: text("An expired TLS certificate on the payment gateway."),
        },
        FormEdit::AddRow {
            index: 0,
            time: text("14:05"),
            text: text("A monitoring alert detected checkout errors."),
        },
        FormEdit::AddRow {
            index: 1,
            time: text("14:20"),
            text: text(
                "The team suspected the database, a misleading path, then escalated to the payments team.",
            ),
        },
        FormEdit::AddRow {
            index: 2,
            time: text("15:20"),
            text: text("The certificate was renewed and checkout recovered."),
        },
        FormEdit::SetRootCauseAndResolution {
            markdown: text(
                "The certificate of the payment gateway expired because its renewal job had \
                 been disabled during a migration.\n\nThe team renewed the certificate and \
                 re-enabled the job.",
            ),
        },
        FormEdit::SetImprovements {
            markdown: text("Improve the monitoring of certificate expiry across all services."),
        },
        FormEdit::AddTask {
            index: 0,
            text: text("Add an alert 14 days before any certificate expires"),
            done: false,
        },
        FormEdit::AddTask {
            index: 1,
            text: text("Re-enable the renewal job"),
            done: true,
        },
    ]
}

#[test]
fn a_draft_made_in_the_form_comes_out_canonical() {
    let mut source = String::new();
    for edit in new_draft_edits() {
        let next = apply(&source, &edit);
        assert_ne!(next, source, "{edit:?} made no edit on:\n{source}");
        source = next;
    }
    let rendered = postmortem::render::render_markdown(&source, Profile::Standard);
    assert_eq!(source, rendered, "the draft is not canonical:\n{source}");
    let document = postmortem::parse(&source);
    let kinds: Vec<SectionKind> = document
        .sections
        .iter()
        .map(|section| section.kind)
        .collect();
    assert_eq!(kinds, Profile::Standard.required_sections());
    for section in &document.sections {
        assert_eq!(
            section.heading.text,
            Profile::Standard.heading(section.kind)
        );
    }
    let form = read(&source);
    assert_eq!(form.title.value, "Checkout outage on October 3");
    assert_eq!(
        form.summary.start.datetime_local().as_deref(),
        Some("2024-10-03T14:05")
    );
    assert_eq!(
        form.summary.end.datetime_local().as_deref(),
        Some("2024-10-03T15:20")
    );
    assert_eq!(form.summary.zone.value, "UTC");
    assert_eq!(form.timeline.len(), 3);
    assert_eq!(form.timeline[0].time.value, "14:05 UTC");
    assert_eq!(form.tasks.len(), 2);
    assert_eq!(form.tasks[1].done, Some(true));
    assert!(source.contains("\n- 14:05 UTC - A monitoring alert detected checkout errors.\n"));
    assert!(source.contains("\n- [ ] Add an alert 14 days before any certificate expires\n"));

    let validation = postmortem::validate(&source, &postmortem::Config::default());
    let filled = [
        "summary.section",
        "summary.duration",
        "summary.timezone",
        "summary.impact",
        "summary.affected-share",
        "summary.root-cause",
        "timeline.section",
        "timeline.list",
        "timeline.times",
        "timeline.order",
        "timeline.detection",
        "root-cause.section",
        "measures.section",
        "measures.improvements",
        "measures.tasks",
    ];
    for item in &validation.checklist {
        if filled.contains(&item.id) {
            assert!(item.met, "{} not met: {:?}\n{source}", item.id, item.reason);
        }
    }
}

#[test]
fn values_cannot_break_the_structure() {
    let source = "# Outage\n\n## Issue Summary\n\nImpact: checkout failed for users.\n\n## Timeline\n\n- 10:00 UTC - Alert\n";
    let edited = apply(
        source,
        &FormEdit::SetImpact {
            text: "## Timeline\n- 11:00 - injected".into(),
        },
    );
    let document = postmortem::parse(&edited);
    assert_eq!(document.sections.len(), 2, "{edited}");
    assert_eq!(document.timeline.entries.len(), 1, "{edited}");

    let edited = apply(
        source,
        &FormEdit::SetTitle {
            text: "Title\n\n## Timeline".into(),
        },
    );
    assert_eq!(postmortem::parse(&edited).sections.len(), 2, "{edited}");

    let edited = apply(
        source,
        &FormEdit::SetRootCauseAndResolution {
            markdown: "Cause.\n## Timeline\nStill the cause.\n===".into(),
        },
    );
    let kinds: Vec<SectionKind> = postmortem::parse(&edited)
        .sections
        .iter()
        .map(|section| section.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Summary,
            SectionKind::Timeline,
            SectionKind::RootCause
        ],
        "{edited}"
    );
}

#[test]
fn out_of_range_indices_make_no_edit() {
    let source = LIST_TIMELINE;
    for edit in [
        FormEdit::SetRowText {
            index: 3,
            text: "x".into(),
        },
        FormEdit::RemoveRow { index: 9 },
        FormEdit::MoveRow { from: 0, to: 3 },
        FormEdit::AddRow {
            index: 5,
            time: "10:00".into(),
            text: "x".into(),
        },
        FormEdit::SetTaskDone {
            index: 0,
            done: true,
        },
        FormEdit::RemoveTask { index: 0 },
    ] {
        assert_eq!(edits_of(source, &edit), Vec::new(), "{edit:?}");
    }
}

#[test]
fn edits_are_json_with_a_kind_tag() {
    let edit: FormEdit =
        serde_json::from_str(r#"{"kind": "addRow", "index": 0, "time": "10:00", "text": "x"}"#)
            .unwrap();
    assert_eq!(
        edit,
        FormEdit::AddRow {
            index: 0,
            time: "10:00".into(),
            text: "x".into()
        }
    );
    let json = serde_json::to_value(read(LIST_TIMELINE)).unwrap();
    assert!(json["timeline"][0]["time"]["value"] == "10:00 UTC");
    assert!(json.get("rootCauseAndResolution").is_some());
}

const PIECES: &[&str] = &[
    "# ",
    "## ",
    "**",
    "Issue Summary",
    "Timeline",
    "Root Cause",
    "Measures",
    ":",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "- [ ] ",
    "[x] ",
    "| ",
    "|---|",
    "```",
    "<h2>",
    "10:00",
    " AM",
    " UTC",
    "2024-06-07",
    " - ",
    "users",
    "45%",
    "caused by",
    "é",
    "😀",
    "\\",
    "#",
];

fn piece_source() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![piece_source(), any::<String>()]
}

fn any_edit() -> impl Strategy<Value = FormEdit> {
    let index = 0..6usize;
    prop_oneof![
        any_text().prop_map(|text| FormEdit::SetTitle { text }),
        (any_text(), any_text()).prop_map(|(date, time)| FormEdit::SetStart { date, time }),
        (0..30u8, 0..70u8).prop_map(|(hour, minute)| FormEdit::SetEnd {
            date: "2024-06-07".into(),
            time: format!("{hour:02}:{minute:02}")
        }),
        any_text().prop_map(|text| FormEdit::SetZone { text }),
        any_text().prop_map(|text| FormEdit::SetImpact { text }),
        any_text().prop_map(|text| FormEdit::SetAffectedShare { text }),
        any_text().prop_map(|text| FormEdit::SetRootCause { text }),
        (index.clone(), any_text()).prop_map(|(index, time)| FormEdit::SetRowTime { index, time }),
        (index.clone(), any_text()).prop_map(|(index, text)| FormEdit::SetRowText { index, text }),
        (index.clone(), any_text(), any_text()).prop_map(|(index, time, text)| FormEdit::AddRow {
            index,
            time,
            text
        }),
        index
            .clone()
            .prop_map(|index| FormEdit::RemoveRow { index }),
        (index.clone(), index.clone()).prop_map(|(from, to)| FormEdit::MoveRow { from, to }),
        any_text().prop_map(|markdown| FormEdit::SetRootCauseAndResolution { markdown }),
        any_text().prop_map(|markdown| FormEdit::SetImprovements { markdown }),
        (index.clone(), any_text()).prop_map(|(index, text)| FormEdit::SetTaskText { index, text }),
        (index.clone(), any::<bool>())
            .prop_map(|(index, done)| FormEdit::SetTaskDone { index, done }),
        (index.clone(), any_text(), any::<bool>())
            .prop_map(|(index, text, done)| FormEdit::AddTask { index, text, done }),
        index.prop_map(|index| FormEdit::RemoveTask { index }),
    ]
}

fn seed_or_text() -> impl Strategy<Value = String> {
    let seeds: Vec<String> = seeds().into_iter().map(|(_, source)| source).collect();
    if seeds.is_empty() {
        any_text().boxed()
    } else {
        prop_oneof![any_text(), prop::sample::select(seeds)].boxed()
    }
}

fn check_edit(source: &str, edit: &FormEdit) {
    let document: Document = postmortem::parse(source);
    let form = Form::read(source, &document, Profile::Standard);
    let _ = serde_json::to_string(&form).unwrap();
    let edits = form::edit(source, &document, Profile::Standard, edit);
    for text_edit in &edits {
        let span = text_edit.span;
        assert!(span.start <= span.end && span.end as usize <= source.len());
        assert!(source.is_char_boundary(span.start as usize));
        assert!(source.is_char_boundary(span.end as usize));
    }
    let edited = postmortem::fix::apply_edits(source, &edits);
    let reparsed = postmortem::parse(&edited);
    let _ = Form::read(&edited, &reparsed, Profile::Standard);
    if edits.is_empty() {
        assert_eq!(edited, source);
    } else {
        // Whatever was typed, the document keeps its sections (or gains a missing one).
        assert!(reparsed.sections.len() >= document.sections.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_edit_panics_or_breaks_the_document(source in seed_or_text(), edit in any_edit()) {
        check_edit(&source, &edit);
    }

    #[test]
    fn writing_back_any_field_changes_nothing(source in piece_source()) {
        let form = read(&source);
        for edit in identity_edits(&form) {
            prop_assert_eq!(edits_of(&source, &edit), Vec::new(), "{:?}", edit);
        }
    }
}

#[test]
fn times_dates_and_zones_are_written_as_the_document_writes_them() {
    let range = "# T\n\n## Issue Summary\n\nOn March 1, 2023, the site was down from 1:00 PM to 3:30 PM for all users.\n";
    let edited = apply(
        range,
        &FormEdit::SetEnd {
            date: "2023-03-02".into(),
            time: "02:10".into(),
        },
    );
    assert!(
        edited.contains("from 1:00 PM to 2023-03-02 2:10 AM for"),
        "{edited}"
    );
    let end = read(&edited).summary.end;
    assert_eq!(
        (end.date.as_str(), end.time.as_str()),
        ("2023-03-02", "02:10")
    );

    let edited = apply(
        range,
        &FormEdit::SetStart {
            date: "2023-02-28".into(),
            time: "12:45".into(),
        },
    );
    // The date stands apart from the time, so the new one is written with the time.
    assert!(
        edited.contains("On March 1, 2023, the site was down from 2023-02-28 12:45 PM to"),
        "{edited}"
    );
    assert_eq!(read(&edited).summary.start.date, "2023-02-28");
    let written_with_time = "# T\n\n## Issue Summary\n\n- Start: June 7, 2024, 10:00 AM (WAT)\n";
    let edited = apply(
        written_with_time,
        &FormEdit::SetStart {
            date: "2024-06-08".into(),
            time: "10:00".into(),
        },
    );
    assert!(
        edited.contains("- Start: June 8, 2024, 10:00 AM (WAT)"),
        "{edited}"
    );

    let edited = apply(range, &FormEdit::SetZone { text: "EAT".into() });
    assert!(
        edited.contains("from 1:00 PM to 3:30 PM EAT for"),
        "{edited}"
    );
    let lines = "# T\n\n## Issue Summary\n\n- Start: 10:00\n- End: 11:30\n";
    let edited = apply(lines, &FormEdit::SetZone { text: "EAT".into() });
    assert_eq!(
        edited,
        "# T\n\n## Issue Summary\n\n- Start: 10:00 EAT\n- End: 11:30 EAT\n"
    );
}

#[test]
fn missing_parts_go_where_a_canonical_document_has_them() {
    let end_first = FormEdit::SetEnd {
        date: String::new(),
        time: "11:00".into(),
    };
    assert_eq!(
        edits_of("# T\n", &end_first),
        Vec::new(),
        "an end without a start would be read as the start"
    );
    assert_eq!(
        apply(
            "---\na: b\n---\nText here.\n",
            &FormEdit::SetTitle { text: "New".into() }
        ),
        "---\na: b\n---\n\n# New\n\nText here.\n"
    );
    let source = "# T\n\n## Timeline\n\n- 10:00 UTC - Alert\n\n## Corrective and Preventative Measures\n\n- [ ] Add alert\n";
    let edited = apply(
        source,
        &FormEdit::SetRootCauseAndResolution {
            markdown: "A bad deploy.".into(),
        },
    );
    assert_eq!(
        edited,
        "# T\n\n## Timeline\n\n- 10:00 UTC - Alert\n\n## Root Cause and Resolution\n\nA bad deploy.\n\n## Corrective and Preventative Measures\n\n- [ ] Add alert\n"
    );
    let sre = form::apply(
        "# T\n\n## Root Causes\n\nx\n",
        Profile::Sre,
        &FormEdit::AddTask {
            index: 0,
            text: "Add alert".into(),
            done: false,
        },
    );
    assert_eq!(
        sre,
        "# T\n\n## Root Causes\n\nx\n\n## Action Items\n\n- [ ] Add alert\n"
    );
}
