//! Byte offsets to protocol positions and back, in the encoding negotiated with the client:
//! the core's spans are bytes, and only this file knows what a client's column counts.

use lsp_types::{Position, PositionEncodingKind, Range};
use postmortem::{LineIndex, Span};

/// What a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-16 code units: the protocol's default, and all that older clients know.
    Utf16,
    /// UTF-8 bytes, when the client offers it: no conversion at all.
    Utf8,
}

impl Encoding {
    /// UTF-8 when the client lists it in `general.positionEncodings`, else UTF-16, which every
    /// client must support.
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }

    /// How many units of this encoding `text` is.
    fn units(self, text: &str) -> usize {
        match self {
            Encoding::Utf16 => text.encode_utf16().count(),
            Encoding::Utf8 => text.len(),
        }
    }
}

/// Why a position from the client names no place in the document.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct OutOfRange {
    pub(crate) position: Position,
    pub(crate) line_count: usize,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "position {}:{} is past the end of the document ({} lines)",
            self.position.line, self.position.character, self.line_count
        )
    }
}

/// One text's positions; built once per text (the line index is a pass over it).
pub(crate) struct Positions<'t> {
    text: &'t str,
    lines: LineIndex,
    encoding: Encoding,
}

impl<'t> Positions<'t> {
    pub(crate) fn new(text: &'t str, encoding: Encoding) -> Self {
        Self {
            text,
            lines: LineIndex::new(text),
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text, and down to a character boundary).
    pub(crate) fn position(&self, offset: u32) -> Position {
        let mut offset = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line) as usize;
        let before = self.text.get(start..offset as usize).unwrap_or_default();
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(self.encoding.units(before)).unwrap_or(u32::MAX),
        )
    }

    pub(crate) fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`. A column past the end of its line means the line's end,
    /// as the protocol says; one inside a character means that character's start. A line past
    /// the last is an error, except the line just after it at column 0, which editors send for
    /// the end of the text.
    pub(crate) fn offset(&self, position: Position) -> Result<u32, OutOfRange> {
        let line = position.line as usize;
        let line_count = self.lines.line_count();
        if line >= line_count {
            return if line == line_count && position.character == 0 {
                Ok(u32::try_from(self.text.len()).unwrap_or(u32::MAX))
            } else {
                Err(OutOfRange {
                    position,
                    line_count,
                })
            };
        }
        let start = self.lines.line_start(line) as usize;
        let line_text = self.lines.line_text(self.text, line);
        let mut units = 0;
        let mut byte = line_text.len();
        for (index, character) in line_text.char_indices() {
            let width = match self.encoding {
                Encoding::Utf16 => character.len_utf16(),
                Encoding::Utf8 => character.len_utf8(),
            };
            if units + width > position.character as usize {
                byte = index;
                break;
            }
            units += width;
        }
        Ok(u32::try_from(start + byte).unwrap_or(u32::MAX))
    }

    /// The byte span of `range`; an end before the start is an error too.
    pub(crate) fn span(&self, range: Range) -> Result<Span, String> {
        let start = self
            .offset(range.start)
            .map_err(|error| error.to_string())?;
        let end = self.offset(range.end).map_err(|error| error.to_string())?;
        if end < start {
            return Err(format!(
                "range {}:{}-{}:{} ends before it starts",
                range.start.line, range.start.character, range.end.line, range.end.character
            ));
        }
        Ok(Span::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "ab\ncé😀x\r\nend";

    #[test]
    fn columns_count_the_negotiated_units() {
        let x = u32::try_from(TEXT.find('x').unwrap()).unwrap();
        let utf16 = Positions::new(TEXT, Encoding::Utf16);
        let utf8 = Positions::new(TEXT, Encoding::Utf8);
        assert_eq!(utf16.position(x), Position::new(1, 4));
        assert_eq!(utf8.position(x), Position::new(1, 7));
        assert_eq!(utf16.offset(Position::new(1, 4)), Ok(x));
        assert_eq!(utf8.offset(Position::new(1, 7)), Ok(x));
    }

    #[test]
    fn a_column_inside_a_character_or_past_the_line_is_clamped() {
        let utf16 = Positions::new(TEXT, Encoding::Utf16);
        let emoji = u32::try_from(TEXT.find('😀').unwrap()).unwrap();
        // Between the emoji's two UTF-16 units: the emoji's start.
        assert_eq!(utf16.offset(Position::new(1, 3)), Ok(emoji));
        // Past the line's end: before its line break, `\r` included.
        let line_end = u32::try_from(TEXT.find('\r').unwrap()).unwrap();
        assert_eq!(utf16.offset(Position::new(1, 99)), Ok(line_end));
    }

    #[test]
    fn a_line_past_the_end_is_an_error_but_the_end_itself_is_not() {
        let text = "one\ntwo\n";
        let positions = Positions::new(text, Encoding::Utf16);
        assert_eq!(positions.offset(Position::new(2, 0)), Ok(8));
        assert_eq!(positions.offset(Position::new(3, 0)), Ok(8));
        assert!(positions.offset(Position::new(4, 0)).is_err());
        let without_break = Positions::new("one", Encoding::Utf16);
        assert_eq!(without_break.offset(Position::new(1, 0)), Ok(3));
        assert_eq!(
            without_break
                .offset(Position::new(2, 0))
                .unwrap_err()
                .to_string(),
            "position 2:0 is past the end of the document (1 lines)"
        );
        assert!(
            positions
                .span(Range::new(Position::new(1, 0), Position::new(0, 0)))
                .is_err()
        );
    }
}
