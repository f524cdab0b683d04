//! The open documents: one state per URI, its text kept in step with the client's edits.

use super::configuration::Settings;
use super::positions::{Encoding, Positions};
use lsp_types::{TextDocumentContentChangeEvent, Url};
use postmortem::Diagnostic;
use std::collections::HashMap;
use std::sync::Arc;

/// What the server knows of one open document.
pub(crate) struct Document {
    pub(crate) text: String,
    pub(crate) version: i32,
    /// The configuration it is checked with, or `None` when the configuration's `files` say
    /// it is not a postmortem.
    pub(crate) settings: Option<Arc<Settings>>,
    /// The findings of the last check of `text`, for code actions and hover.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Applies the client's changes in order: a change with a range replaces that range of
    /// the text as the previous change left it, one without replaces the whole text. A change
    /// whose range is not in the text is refused, and so are the changes after it, and the
    /// text stays as the last good change left it.
    pub(crate) fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> Result<(), String> {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let span = Positions::new(&self.text, encoding).span(range)?;
                    self.text.replace_range(span.range(), &change.text);
                }
            }
        }
        Ok(())
    }
}

/// The open documents by URI.
#[derive(Default)]
pub(crate) struct Documents {
    by_uri: HashMap<Url, Document>,
}

impl Documents {
    pub(crate) fn open(&mut self, uri: Url, document: Document) {
        self.by_uri.insert(uri, document);
    }

    pub(crate) fn close(&mut self, uri: &Url) {
        self.by_uri.remove(uri);
    }

    pub(crate) fn get(&self, uri: &Url) -> Option<&Document> {
        self.by_uri.get(uri)
    }

    pub(crate) fn get_mut(&mut self, uri: &Url) -> Option<&mut Document> {
        self.by_uri.get_mut(uri)
    }

    pub(crate) fn uris(&self) -> Vec<Url> {
        self.by_uri.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn document(text: &str) -> Document {
        Document {
            text: text.to_owned(),
            version: 0,
            settings: None,
            diagnostics: Vec::new(),
        }
    }

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|((l1, c1), (l2, c2))| {
                Range::new(Position::new(l1, c1), Position::new(l2, c2))
            }),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn applies_ranged_changes_in_order_each_on_the_text_before_it() {
        let mut document = document("# Outage\n\nSüm 😀 text\n");
        document
            .apply(
                vec![
                    // "😀" is two UTF-16 units: columns 4 to 6.
                    change(Some(((2, 4), (2, 6))), "ok"),
                    change(Some(((0, 2), (0, 2))), "Big "),
                    change(Some(((3, 0), (3, 0))), "tail\n"),
                ],
                Encoding::Utf16,
            )
            .unwrap();
        assert_eq!(document.text, "# Big Outage\n\nSüm ok text\ntail\n");
        document
            .apply(vec![change(None, "new")], Encoding::Utf16)
            .unwrap();
        assert_eq!(document.text, "new");
    }

    #[test]
    fn a_change_outside_the_text_is_refused_and_the_text_kept() {
        let mut document = document("one\ntwo");
        let error = document
            .apply(
                vec![
                    change(Some(((0, 0), (0, 3))), "ONE"),
                    change(Some(((7, 0), (7, 1))), "x"),
                    change(Some(((0, 0), (0, 0))), "never "),
                ],
                Encoding::Utf8,
            )
            .unwrap_err();
        assert!(error.contains("past the end"), "{error}");
        assert_eq!(document.text, "ONE\ntwo");
    }
}
