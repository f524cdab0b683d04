//! The checks the fuzz targets run, one function per target, each taking the fuzzer's raw
//! bytes. `crates/postmortem/tests/fuzz_corpus.rs` includes this file as a module and runs the
//! same checks over every file of `fuzz/corpus/` on every `cargo test`, so nothing here may
//! depend on more than `postmortem`, `std` and the HTML oracle's parser (html5ever and
//! markup5ever_rcdom, dev-dependencies of the core too).
//!
//! Text is read with `String::from_utf8_lossy`: what reaches the core is always a `&str`, and
//! lossy decoding lets every mutation the fuzzer makes count.

pub mod html_oracle;

use postmortem::form::{self, Form, FormEdit};
use postmortem::html::Images;
use postmortem::{Config, Profile, Span};

/// `validate`: parsing, every rule (on, in both profiles), fixing, canonical rendering and
/// both HTML renderings never panic, and every diagnostic span lies inside the source on
/// character boundaries.
pub fn validate(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    let source = source.as_ref();
    for profile in Profile::ALL {
        let config = everything_on(profile);
        let validation = postmortem::validate(source, &config);
        for diagnostic in &validation.diagnostics {
            assert_within(source, diagnostic.span);
        }
        let _ = postmortem::fix::fix_all(source, &config);
        let _ = postmortem::render::render_markdown(source, profile);
    }
    let _ = postmortem::html::to_html(source);
    let _ = postmortem::html::to_html_with(source, postmortem::html::Images::Placeholder);
}

/// `html`: both HTML renderings of any text, read by an HTML5 parser as `innerHTML` reads them,
/// make exactly the tree they were written as, and that tree holds only allowed elements,
/// attributes and URLs, with no image at all when images are off (see `html_oracle`).
pub fn html(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    for images in [Images::Placeholder, Images::Https] {
        let html = postmortem::html::to_html_with(&source, images);
        if let Err(problem) = html_oracle::check(&html, images) {
            panic!("{problem}\nfrom {source:?} ({images:?})\nto {html:?}");
        }
    }
}

/// `config`: reading a configuration never panics (it is accepted or refused), and a
/// configuration that is accepted can validate a document and the profile's template.
pub fn config(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    if let Ok(config) = Config::from_json(&json) {
        let _ = config.word_range();
        let _ = postmortem::validate(DOCUMENT, &config);
        let _ = postmortem::validate(postmortem::template(config.profile), &config);
    }
}

/// `form`: any edit applied to any text never panics, its text edits lie inside the source on
/// character boundaries, and the result parses, reads back as a form and keeps its sections.
pub fn form(data: &[u8]) {
    let FormInput {
        source,
        profile,
        edit,
    } = FormInput::decode(data);
    let document = postmortem::parse(&source);
    let _ = Form::read(&source, &document, profile);
    let edits = form::edit(&source, &document, profile, &edit);
    for text_edit in &edits {
        assert_within(&source, text_edit.span);
    }
    let edited = postmortem::fix::apply_edits(&source, &edits);
    let reparsed = postmortem::parse(&edited);
    let _ = Form::read(&edited, &reparsed, profile);
    // A value is escaped or refused rather than allowed to close a section.
    assert!(
        reparsed.sections.len() >= document.sections.len(),
        "{edit:?} lost a section"
    );
    assert_eq!(form::apply(&source, profile, &edit), edited);
}

/// A form edit and the document it is applied to, decoded from fuzz input:
///
/// - byte 0 picks the edit (its low seven bits, modulo the number of edits) and the profile
///   (its top bit: standard when clear, SRE when set);
/// - bytes 1 and 2 are the edit's indices (`0xf0..=0xff` stand for the largest `usize`s, to
///   reach overflows) or, for `done`, a flag (its low bit);
/// - the rest is text: the source, then up to two values, separated by NUL characters (the
///   last value may contain more).
///
/// Missing bytes read as zero and missing values as empty, so every input decodes.
#[derive(Debug)]
pub struct FormInput {
    pub source: String,
    pub profile: Profile,
    pub edit: FormEdit,
}

impl FormInput {
    /// The number of `FormEdit` variants that byte 0 chooses among.
    const EDITS: u8 = 18;

    pub fn decode(data: &[u8]) -> FormInput {
        let byte = |at: usize| data.get(at).copied().unwrap_or(0);
        let (kind, first, second) = (byte(0), byte(1), byte(2));
        let text = String::from_utf8_lossy(data.get(3..).unwrap_or_default());
        let mut parts = text.splitn(3, '\0');
        let source = parts.next().unwrap_or_default().to_owned();
        let a = parts.next().unwrap_or_default().to_owned();
        let b = parts.next().unwrap_or_default().to_owned();
        let (index, to, done) = (Self::index(first), Self::index(second), second & 1 == 1);
        let edit = match (kind & 0x7f) % Self::EDITS {
            0 => FormEdit::SetTitle { text: a },
            1 => FormEdit::SetStart { date: a, time: b },
            2 => FormEdit::SetEnd { date: a, time: b },
            3 => FormEdit::SetZone { text: a },
            4 => FormEdit::SetImpact { text: a },
            5 => FormEdit::SetAffectedShare { text: a },
            6 => FormEdit::SetRootCause { text: a },
            7 => FormEdit::SetRowTime { index, time: a },
            8 => FormEdit::SetRowText { index, text: a },
            9 => FormEdit::AddRow {
                index,
                time: a,
                text: b,
            },
            10 => FormEdit::RemoveRow { index },
            11 => FormEdit::MoveRow { from: index, to },
            12 => FormEdit::SetRootCauseAndResolution { markdown: a },
            13 => FormEdit::SetImprovements { markdown: a },
            14 => FormEdit::SetTaskText { index, text: a },
            15 => FormEdit::SetTaskDone { index, done },
            16 => FormEdit::AddTask {
                index,
                text: a,
                done,
            },
            _ => FormEdit::RemoveTask { index },
        };
        let profile = if kind & 0x80 == 0 {
            Profile::Standard
        } else {
            Profile::Sre
        };
        FormInput {
            source,
            profile,
            edit,
        }
    }

    fn index(byte: u8) -> usize {
        if byte >= 0xf0 {
            usize::MAX - usize::from(0xff - byte)
        } else {
            usize::from(byte)
        }
    }
}

/// Every rule on, each at its default severity: the rules that ship off are fuzzed too.
fn everything_on(profile: Profile) -> Config {
    postmortem::rule_catalogue().fold(Config::with_profile(profile), Config::enabling)
}

fn assert_within(source: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end as usize <= source.len(),
        "{span:?} is outside the source ({} bytes)",
        source.len()
    );
    assert!(
        source.is_char_boundary(span.start as usize) && source.is_char_boundary(span.end as usize),
        "{span:?} splits a character"
    );
}

/// The document a fuzzed configuration validates: short, with a finding for most rules.
const DOCUMENT: &str = "\
# Checkout outage

## Issue Summary

From 10:00 to 11:30 UTC on June 7, 2024, checkout failed for 45% of users. The root cause was
an expired certificate.

## Timeline

- 10:00 UTC - Alert fired
- 10:05 - Investigated the database (misleading)
- 10:40 UTC - Escalated to the platform team
- 11:30 UTC - Certificate renewed, checkout restored

## Root Cause and Resolution

TODO

## Corrective and Preventative Measures

- Monitor certificate expiry
- [ ] Renew certificates automatically
";
