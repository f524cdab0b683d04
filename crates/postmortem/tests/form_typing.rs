//! Typing into the form key by key, the way a person does: any sequence of one-character
//! inserts and deletes typed into any field leaves the rest of the document byte for byte and
//! writes the field as typed. The documents are the templates, the project's own documents and,
//! when ../shared is beside the repository, every seed and corpus document.

#![allow(clippy::print_stderr)] // The counts of keystrokes are this test's figures.

use postmortem::form::{FieldId, Form, Typed, type_into};
use postmortem::{Profile, Span};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The documents typed into.
fn documents() -> Vec<(String, String)> {
    let mut documents = vec![
        (
            "template standard".to_owned(),
            postmortem::template(Profile::Standard).to_owned(),
        ),
        (
            "template sre".to_owned(),
            postmortem::template(Profile::Sre).to_owned(),
        ),
        ("blank".to_owned(), String::new()),
        (
            "prose summary".to_owned(),
            "# Checkout outage\n\nFrom 10:00 to 11:10 UTC checkout failed for about 40% of users \
             because a deploy exhausted the database pool.\n\n## Timeline\n\n- 10:00 UTC - Alerts \
             fired on checkout errors.\n- 11:10 UTC - The deploy was rolled back.\n"
                .to_owned(),
        ),
        (
            "labelled list summary".to_owned(),
            "**Checkout outage**\n\n**Issue Summary:**\n- **Duration:** 10:00 AM - 11:10 AM (UTC)\n\
             - **Impact:** Checkout failed for 40% of users, leading to abandoned carts.\n\n\
             **Root Cause:**\nA deploy exhausted the database pool.\n\n**Timeline:**\n\
             - **10:00 AM:** Alerts fired.\n- **11:10 AM:** Rolled back.\n\n\
             **Corrective and Preventative Measures:**\n- **Improvements:**\n  - Load-test deploys.\n\
             - **Tasks:**\n  - Add an alert on pool use.\n  - Cap the pool per deploy.\n"
                .to_owned(),
        ),
        (
            "table timeline".to_owned(),
            "# Search outage\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 09:00 | Index \
             job started |\n| 09:20 | Search returned nothing |\n\n## Action items\n\n| Task | Owner |\n\
             |---|---|\n| Add a canary for the index job | Ana |\n"
                .to_owned(),
        ),
    ];
    let own = postmortem_testdata::own_documents();
    let seeds = postmortem_testdata::shared_files("seeds", "typing into the seeds");
    let corpus = postmortem_testdata::shared_files("corpus/docs", "typing into the corpus");
    for path in own
        .into_iter()
        .chain(seeds.into_iter().flatten())
        .chain(corpus.into_iter().flatten())
    {
        if let Ok(text) = std::fs::read_to_string(&path) {
            documents.push((path.display().to_string(), text));
        }
    }
    documents
}

/// Every field a person can type into on `form`: the summary's, the first and last rows and
/// tasks, the two bodies.
fn fields(form: &Form) -> Vec<FieldId> {
    let mut fields = vec![
        FieldId::Title,
        FieldId::Impact,
        FieldId::AffectedShare,
        FieldId::RootCause,
        FieldId::RootCauseAndResolution,
        FieldId::Improvements,
    ];
    let rows = form.timeline.len();
    for index in [0, rows.saturating_sub(1)] {
        if index < rows && !fields.contains(&FieldId::RowText(index)) {
            fields.push(FieldId::RowText(index));
            fields.push(FieldId::RowTime(index));
        }
    }
    let tasks = form.tasks.len();
    for index in [0, tasks.saturating_sub(1)] {
        if index < tasks && !fields.contains(&FieldId::TaskText(index)) {
            fields.push(FieldId::TaskText(index));
        }
    }
    fields
}

/// One key: a character typed before the character at `at` (counted modulo the length), or
/// the character before it deleted (Backspace).
#[derive(Clone, Debug)]
enum Key {
    Type { at: usize, c: char },
    Backspace { at: usize },
}

fn key(body: bool) -> impl Strategy<Value = Key> {
    let alphabet: &'static [char] = if body {
        &[
            'a', 'e', 'Z', ' ', '#', '-', '*', '|', '1', '.', ':', 'é', '<', '>', '\n', '=', '`',
        ]
    } else {
        &[
            'a', 'e', 'Z', ' ', '#', '-', '*', '|', '1', '.', ':', 'é', '<', '>', '%', '=', '`',
        ]
    };
    prop_oneof![
        3 => (any::<usize>(), proptest::sample::select(alphabet)).prop_map(|(at, c)| Key::Type { at, c }),
        1 => any::<usize>().prop_map(|at| Key::Backspace { at }),
    ]
}

/// `value` after `key`, as an input field holds it.
fn press(value: &str, key: &Key) -> String {
    let chars: Vec<char> = value.chars().collect();
    let mut next = chars.clone();
    match *key {
        Key::Type { at, c } => next.insert(at % (chars.len() + 1), c),
        Key::Backspace { at } => {
            if chars.is_empty() {
                return value.to_owned();
            }
            next.remove(at % chars.len());
        }
    }
    next.into_iter().collect()
}

/// What a written field says once its escapes are read: the typed value on one line, or, in a
/// body, its lines without trailing spaces.
fn unescaped(written: &str) -> String {
    written
        .replace("\\|", "|")
        .replace("&lt;", "<")
        .split('\n')
        .map(|line| {
            let content = line.trim_start();
            let indent = &line[..line.len() - content.len()];
            let content = content.strip_prefix('\\').unwrap_or(content);
            let content = content
                .strip_suffix("\\#")
                .map_or_else(|| content.to_owned(), |rest| format!("{rest}#"));
            format!("{indent}{content}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn expected(field: FieldId, value: &str) -> String {
    if matches!(
        field,
        FieldId::RootCauseAndResolution | FieldId::Improvements
    ) {
        value
            .trim_matches('\n')
            .split('\n')
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        value.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// What a run of keystrokes did.
#[derive(Default)]
struct Tally {
    accepted: usize,
    refused: usize,
}

/// Types `keys` into `field` of `source`, checking every keystroke.
fn type_keys(name: &str, source: &str, field: FieldId, keys: &[Key], tally: &mut Tally) {
    let profile = Profile::Standard;
    let form = Form::read(source, &postmortem::parse(source), profile);
    let Some(start) = field.read(&form) else {
        return;
    };
    let mut value = start.value.clone();
    let mut text = source.to_owned();
    let mut last: Option<Typed> = None;
    for key in keys {
        let next = press(&value, key);
        if next == value {
            continue;
        }
        let document = postmortem::parse(&text);
        let Some(keystroke) = type_into(&text, &document, profile, field, &next, last.as_ref())
        else {
            tally.refused += 1;
            // The field shows what was typed; the Markdown keeps its last good text.
            value = next;
            continue;
        };
        let edited = postmortem::fix::apply_edits(&text, &keystroke.edits);
        let typed = &keystroke.typed;
        let context = || format!("{name}: {field:?} typed {next:?}");
        assert_eq!(typed.field, field, "{}", context());
        assert_eq!(typed.value, next, "{}", context());
        let written = typed.written();
        assert_eq!(&edited[typed.span.range()], written, "{}", context());
        assert_eq!(unescaped(&written), expected(field, &next), "{}", context());
        match &last {
            // Later keystrokes change the field's text and nothing else.
            Some(last) => {
                assert_eq!(
                    &edited[..typed.span.start as usize],
                    &text[..last.span.start as usize],
                    "{}: text before the field changed",
                    context()
                );
                assert_eq!(
                    &edited[typed.span.end as usize..],
                    &text[last.span.end as usize..],
                    "{}: text after the field changed",
                    context()
                );
            }
            // The first replaces the field where it stood, or inserts it and changes nothing.
            None => {
                for edit in &keystroke.edits {
                    if start.present {
                        assert_eq!(edit.span, start.span, "{}", context());
                    } else {
                        assert_eq!(edit.span, Span::empty(edit.span.start), "{}", context());
                    }
                }
            }
        }
        tally.accepted += 1;
        text = edited;
        value = next;
        last = Some(keystroke.typed);
    }
}

/// Types a sentence into every field of every document, then deletes it key by key.
#[test]
fn typing_a_sentence_into_every_field_writes_it_in_place() {
    let mut tally = Tally::default();
    let mut runs = 0;
    for (name, source) in documents() {
        let form = Form::read(&source, &postmortem::parse(&source), Profile::Standard);
        for field in fields(&form) {
            let length = field
                .read(&form)
                .map_or(0, |field| field.value.chars().count());
            let sentence = "about 40% of users";
            let mut keys: Vec<Key> = (0..sentence.chars().count())
                .map(|index| Key::Type {
                    at: length + index,
                    c: sentence.chars().nth(index).unwrap(),
                })
                .collect();
            keys.extend((0..sentence.len()).map(|index| Key::Backspace {
                at: length + sentence.len() - 1 - index,
            }));
            type_keys(&name, &source, field, &keys, &mut tally);
            runs += 1;
        }
    }
    eprintln!(
        "typed into {runs} fields: {} keystrokes written, {} refused",
        tally.accepted, tally.refused
    );
    assert!(tally.accepted > 30 * runs, "few keystrokes were written");
}

/// Random keys, anywhere in the field, in every field of every document.
#[test]
fn any_keys_typed_into_any_field_change_only_that_field() {
    let documents = documents();
    let cases = 768;
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..documents.len(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_flat_map(|(document, field, body)| {
            (
                Just(document),
                Just(field),
                proptest::collection::vec(key(body), 1..24),
            )
        });
    let tally = std::cell::RefCell::new(Tally::default());
    runner
        .run(&strategy, |(document, field, keys)| {
            let (name, source) = &documents[document];
            let form = Form::read(source, &postmortem::parse(source), Profile::Standard);
            let fields = fields(&form);
            let field = fields[field.index(fields.len())];
            type_keys(name, source, field, &keys, &mut tally.borrow_mut());
            Ok(())
        })
        .unwrap();
    let tally = tally.into_inner();
    eprintln!(
        "{cases} cases: {} keystrokes written, {} refused",
        tally.accepted, tally.refused
    );
    assert!(
        tally.accepted > tally.refused * 4,
        "most keystrokes were refused"
    );
}

/// `text` typed key by key into `field` of `source`, from empty or from the field's value.
fn typed(source: &str, field: FieldId, text: &str) -> String {
    let profile = Profile::Standard;
    let mut source = source.to_owned();
    let mut last = None;
    let mut value = String::new();
    for c in text.chars() {
        value.push(c);
        let document = postmortem::parse(&source);
        let keystroke = type_into(&source, &document, profile, field, &value, last.as_ref())
            .unwrap_or_else(|| panic!("{field:?}: {value:?} refused"));
        source = postmortem::fix::apply_edits(&source, &keystroke.edits);
        last = Some(keystroke.typed);
    }
    source
}

#[test]
fn a_share_typed_into_the_template_is_one_labelled_line() {
    let template = postmortem::template(Profile::Standard);
    let edited = typed(template, FieldId::AffectedShare, "about 40% of users");
    let added: Vec<&str> = edited
        .lines()
        .filter(|line| !template.lines().any(|old| old == *line))
        .collect();
    assert_eq!(added, ["- **Affected users:** about 40% of users"]);
}

#[test]
fn improvements_typed_into_the_template_are_one_paragraph() {
    let template = postmortem::template(Profile::Standard);
    let edited = typed(template, FieldId::Improvements, "Add alerts on pool use.");
    let added: Vec<&str> = edited
        .lines()
        .filter(|line| !template.lines().any(|old| old == *line))
        .collect();
    assert_eq!(added, ["Add alerts on pool use."], "{edited}");
}

const LABELLED: &str = "**Issue Summary:**\n\
    - **Duration:** 10:00 AM - 11:10 AM (UTC)\n\
    - **Impact:** Checkout failed for 40% of users, leading to abandoned carts.\n\n\
    **Root Cause:**\nA deploy exhausted the database pool.\n\n\
    **Corrective and Preventative Measures:**\n\
    - **Improvements:**\n  - Load-test every deploy before it ships.\n\
    - **Tasks to Address the Issue:**\n  - Add an alert on pool use.\n  - Cap the pool per deploy.\n";

#[test]
fn labelled_items_are_the_facts_their_labels_name() {
    let form = Form::read(LABELLED, &postmortem::parse(LABELLED), Profile::Standard);
    assert!(form.summary.impact.value.starts_with("Checkout failed"));
    assert_eq!(
        form.summary.root_cause.value,
        "A deploy exhausted the database pool."
    );
    let tasks: Vec<&str> = form
        .tasks
        .iter()
        .map(|task| task.text.value.as_str())
        .collect();
    assert_eq!(
        tasks,
        ["Add an alert on pool use.", "Cap the pool per deploy."]
    );
    assert_eq!(
        form.improvements.value,
        "- Load-test every deploy before it ships."
    );
}

#[test]
fn ticking_a_nested_task_ticks_only_that_task() {
    let ticked = postmortem::form::apply(
        LABELLED,
        Profile::Standard,
        &postmortem::form::FormEdit::SetTaskDone {
            index: 1,
            done: true,
        },
    );
    assert_eq!(
        ticked,
        LABELLED.replace("  - Cap the pool", "  - [x] Cap the pool")
    );
}

#[test]
fn the_root_cause_typed_on_a_labelled_summary_leaves_the_impact_alone() {
    let current = "A deploy exhausted the database pool.";
    let edited = typed(
        &LABELLED.replace(current, ""),
        FieldId::RootCause,
        "Pool size",
    );
    assert!(
        edited.contains("- **Impact:** Checkout failed for 40% of users"),
        "{edited}"
    );
}
