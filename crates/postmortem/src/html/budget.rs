//! How much HTML a document may render to. A few bytes of Markdown can ask for a great deal
//! of HTML (a table's short rows are padded to its header's width), and every byte of it is
//! laid out by the page showing the preview, so the writer stops past a cap in bytes and one
//! in elements, and says so at the end of the HTML.

/// Output bytes allowed per byte of Markdown; real documents render to two or three.
const BYTES_PER_MARKDOWN_BYTE: usize = 20;

/// The byte cap of a short document, which may be mostly a small table.
const MIN_BYTES: usize = 64 * 1024;

/// Elements a preview may hold: far more than any real document renders to, and still quick
/// to lay out.
const MAX_ELEMENTS: usize = 200_000;

/// The last paragraph of HTML cut at the byte cap. Whichever the cap, floor or multiple, the
/// HTML it cut is more than 20 times the document's size.
const BYTES_NOTICE: &str = "<p class=\"truncated\">The preview stops here: the document renders \
                            to more than 20 times its own size in HTML.</p>\n";

/// The last paragraph of HTML cut at the element cap: `MAX_ELEMENTS`, written out.
const ELEMENTS_NOTICE: &str = "<p class=\"truncated\">The preview stops here: the document \
                               renders to more than 200,000 elements.</p>\n";

pub(super) struct Budget {
    max_bytes: usize,
    max_elements: usize,
    /// Elements in the part of the output already counted.
    elements: usize,
    /// How much of the output has been counted.
    counted_bytes: usize,
    spent: Option<Cap>,
}

/// The cap a document went past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cap {
    Bytes,
    Elements,
}

impl Budget {
    pub(super) fn for_markdown(markdown: &str) -> Budget {
        Budget::new(
            markdown
                .len()
                .saturating_mul(BYTES_PER_MARKDOWN_BYTE)
                .max(MIN_BYTES),
            MAX_ELEMENTS,
        )
    }

    fn new(max_bytes: usize, max_elements: usize) -> Budget {
        Budget {
            max_bytes,
            max_elements,
            elements: 0,
            counted_bytes: 0,
            spent: None,
        }
    }

    /// Room for the HTML of a document that renders to about one and a half times its size.
    pub(super) fn initial_capacity(&self, markdown: &str) -> usize {
        (markdown.len() + markdown.len() / 2).min(self.max_bytes)
    }

    /// Counts what was written since the last call, and returns whether a cap is now passed:
    /// the writer then stops. Each call reads only the new part of the output, so counting
    /// costs one pass over it in all.
    pub(super) fn charge(&mut self, output: &str) -> bool {
        if self.spent.is_some() {
            return true;
        }
        let new = output
            .as_bytes()
            .get(self.counted_bytes..)
            .unwrap_or_default();
        // Text and attribute values are escaped, so every `<` in the output opens a tag.
        self.elements += new
            .iter()
            .enumerate()
            .filter(|(index, byte)| {
                **byte == b'<' && new.get(index + 1).is_none_or(|next| *next != b'/')
            })
            .count();
        self.counted_bytes = output.len();
        if output.len() > self.max_bytes {
            self.spent = Some(Cap::Bytes);
        } else if self.elements > self.max_elements {
            self.spent = Some(Cap::Elements);
        }
        self.spent.is_some()
    }

    pub(super) fn is_spent(&self) -> bool {
        self.spent.is_some()
    }

    /// Ends a cut HTML with a paragraph saying where and why it stops.
    pub(super) fn write_notice(&self, output: &mut String) {
        output.push_str(match self.spent {
            None => return,
            Some(Cap::Bytes) => BYTES_NOTICE,
            Some(Cap::Elements) => ELEMENTS_NOTICE,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{Budget, Cap, ELEMENTS_NOTICE, MAX_ELEMENTS};

    #[test]
    fn counts_start_tags_only_once_each() {
        let mut budget = Budget::new(1_000, 3);
        let mut output = String::from("<p>a &lt; b</p>");
        assert!(!budget.charge(&output));
        output.push_str("<br><b>");
        assert!(!budget.charge(&output));
        assert_eq!(budget.elements, 3);
        output.push_str("x</b><i>");
        assert!(budget.charge(&output), "a fourth element");
        assert_eq!(budget.spent, Some(Cap::Elements));
        assert!(budget.charge(&output), "spent stays spent");
    }

    #[test]
    fn the_byte_cap_grows_with_the_document_above_a_floor() {
        assert_eq!(Budget::for_markdown("short").max_bytes, 64 * 1024);
        assert_eq!(Budget::for_markdown(&"x".repeat(9_600)).max_bytes, 192_000);
        let mut budget = Budget::new(10, 100);
        assert!(budget.charge("<p>0123456</p>"));
        let mut notice = String::new();
        budget.write_notice(&mut notice);
        assert_eq!(
            notice,
            "<p class=\"truncated\">The preview stops here: the document renders to more than \
             20 times its own size in HTML.</p>\n"
        );
    }

    #[test]
    fn the_element_notice_states_the_cap() {
        assert_eq!(MAX_ELEMENTS, 200_000);
        assert!(ELEMENTS_NOTICE.contains("more than 200,000 elements."));
    }
}
