//! Code actions: each finding's fix, every fix of the document at once (the core's
//! `fix_all`), and turning a rule off for the document with a `postmortem-disable` comment.

use super::diagnostics::to_protocol;
use super::documents::Document;
use super::positions::Positions;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};
use postmortem::{Config, Edit, Span};
use std::collections::HashMap;

/// The comment that turns rules off for the whole document (the core reads it in `check`).
const DISABLE_MARKER: &str = "postmortem-disable";

/// What a code action request asks for.
pub(crate) struct Asked<'a> {
    pub(crate) range: Range,
    /// The kinds the client wants, when it names some.
    pub(crate) only: Option<&'a [CodeActionKind]>,
    /// Whether "fix all" may come without its edit, for `codeAction/resolve` to make: the
    /// edit is `fix_all`'s passes over the whole text, and clients ask for code actions each
    /// time the cursor moves.
    pub(crate) defer_fix_all: bool,
}

/// The actions for the findings that meet the range asked for, then "fix all" when the
/// document has any fix.
pub(crate) fn actions(
    uri: &Url,
    document: &Document,
    config: &Config,
    positions: &Positions,
    asked: &Asked<'_>,
) -> Result<Vec<CodeActionOrCommand>, String> {
    let within = positions.span(asked.range)?;
    let mut actions = Vec::new();
    let mut disabled_rules = Vec::new();
    let meets = |span: Span| span.start <= within.end && within.start <= span.end;
    for diagnostic in document.diagnostics.iter().filter(|d| meets(d.span)) {
        let shown = to_protocol(diagnostic, positions);
        if let Some(fix) = &diagnostic.fix {
            actions.push(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown.clone()]),
                edit: Some(workspace_edit(uri, text_edits(&fix.edits, positions))),
                is_preferred: Some(true),
                ..CodeAction::default()
            });
        }
        let meta = diagnostic.rule;
        if !disabled_rules.contains(&meta.code) {
            disabled_rules.push(meta.code);
            actions.push(CodeAction {
                title: format!("Turn off {} ({}) for this document", meta.code, meta.name),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown]),
                edit: Some(workspace_edit(
                    uri,
                    text_edits(&[disable_edit(&document.text, meta.code)], positions),
                )),
                ..CodeAction::default()
            });
        }
    }
    if document.diagnostics.iter().any(|d| d.fix.is_some()) {
        let mut fix_all = CodeAction {
            title: FIX_ALL_TITLE.to_owned(),
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            data: Some(serde_json::json!({ "uri": uri })),
            ..CodeAction::default()
        };
        if !asked.defer_fix_all {
            fix_all.edit = fix_all_edit(uri, document, config, positions);
        }
        if fix_all.edit.is_some() || asked.defer_fix_all {
            actions.push(fix_all);
        }
    }
    Ok(actions
        .into_iter()
        .filter(|action| wanted(action.kind.as_ref(), asked.only))
        .map(CodeActionOrCommand::CodeAction)
        .collect())
}

/// The title of the action that applies every fix.
pub(crate) const FIX_ALL_TITLE: &str = "Fix all postmortem problems";

/// The edit of "fix all": the core's `fix_all` (its passes to a fixpoint) as one text edit,
/// or `None` when it changes nothing.
pub(crate) fn fix_all_edit(
    uri: &Url,
    document: &Document,
    config: &Config,
    positions: &Positions,
) -> Option<WorkspaceEdit> {
    let fixed = postmortem::fix::fix_all(&document.text, config);
    (fixed.applied > 0).then(|| {
        workspace_edit(
            uri,
            text_edits(&[difference(&document.text, &fixed.source)], positions),
        )
    })
}

/// Whether a kind is among those asked for: `source.fixAll` is asked for by `source` too.
fn wanted(kind: Option<&CodeActionKind>, only: Option<&[CodeActionKind]>) -> bool {
    let (Some(kind), Some(only)) = (kind, only) else {
        return true;
    };
    only.iter().any(|asked| {
        kind.as_str() == asked.as_str()
            || kind
                .as_str()
                .strip_prefix(asked.as_str())
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

fn workspace_edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn text_edits(edits: &[Edit], positions: &Positions) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|edit| TextEdit::new(positions.range(edit.span), edit.replacement.clone()))
        .collect()
}

/// The code added to the document's first `<!-- postmortem-disable … -->` comment, or a new
/// comment of its own at the end of the text, where it changes no section.
fn disable_edit(text: &str, code: &str) -> Edit {
    let opening = format!("<!-- {DISABLE_MARKER}");
    if let Some(start) = text.find(&opening)
        && let Some(close) = text[start..].find("-->")
    {
        let before_close = text[..start + close].trim_end().len();
        return Edit::insert(offset(before_close), format!(" {code}"));
    }
    let separator = match (
        text.is_empty(),
        text.ends_with("\n\n"),
        text.ends_with('\n'),
    ) {
        (true, _, _) | (_, true, _) => "",
        (_, _, true) => "\n",
        _ => "\n\n",
    };
    Edit::insert(
        offset(text.len()),
        format!("{separator}<!-- {DISABLE_MARKER} {code} -->\n"),
    )
}

/// One edit turning `before` into `after`: the part between what they start and end with
/// alike, so that the client keeps the cursor and the undo step small.
fn difference(before: &str, after: &str) -> Edit {
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let longest_suffix = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(longest_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    Edit::replace(
        Span::from_range(prefix..before.len() - suffix),
        &after[prefix..after.len() - suffix],
    )
}

fn offset(byte: usize) -> u32 {
    u32::try_from(byte).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_difference_is_the_changed_middle_and_applies_back() {
        for (before, after) in [
            ("abcdef", "abXYef"),
            ("same", "same"),
            ("", "new"),
            ("aé😀b", "aé😀😀b"),
            ("ab", "a"),
            ("aaa", "aaaa"),
        ] {
            let edit = difference(before, after);
            assert_eq!(
                postmortem::fix::apply_edits(before, &[edit]),
                after,
                "{before} → {after}"
            );
        }
        assert_eq!(difference("abcdef", "abXYef").span, Span::new(2, 4));
    }

    #[test]
    fn a_rule_is_turned_off_in_the_existing_comment_or_a_new_one() {
        let with_comment = "# T\n\n<!-- postmortem-disable PM101 -->\n";
        let edit = disable_edit(with_comment, "PM307");
        assert_eq!(
            postmortem::fix::apply_edits(with_comment, &[edit]),
            "# T\n\n<!-- postmortem-disable PM101 PM307 -->\n"
        );
        let edit = disable_edit("# T\ntext", "PM307");
        assert_eq!(
            postmortem::fix::apply_edits("# T\ntext", &[edit]),
            "# T\ntext\n\n<!-- postmortem-disable PM307 -->\n"
        );
    }

    #[test]
    fn kinds_asked_for_include_their_sub_kinds() {
        let only = [CodeActionKind::SOURCE];
        assert!(wanted(Some(&CodeActionKind::SOURCE_FIX_ALL), Some(&only)));
        assert!(!wanted(Some(&CodeActionKind::QUICKFIX), Some(&only)));
        assert!(wanted(Some(&CodeActionKind::QUICKFIX), None));
    }
}
