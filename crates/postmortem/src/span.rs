//! Byte spans, and their conversion to lines, columns and UTF-16 offsets at the edges.

use serde::Serialize;
use std::ops::Range;

/// A range of UTF-8 byte offsets into the source, always on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// An empty span at `offset`: where an insertion goes.
    pub const fn empty(offset: u32) -> Self {
        Self::new(offset, offset)
    }

    /// Builds a span from a `usize` range; sources are capped far below `u32::MAX`.
    pub fn from_range(range: Range<usize>) -> Self {
        Self::new(to_u32(range.start), to_u32(range.end))
    }

    pub const fn len(self) -> u32 {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers in `source`.
    pub fn text(self, source: &str) -> &str {
        source.get(self.range()).unwrap_or_default()
    }

    /// The span's first line without its indent and trailing whitespace: where a finding
    /// about a list item that spans several lines points.
    #[must_use]
    pub fn first_line(self, source: &str) -> Span {
        let line = self.text(source).split('\n').next().unwrap_or_default();
        let line = line.trim_end();
        let indent = line.len() - line.trim_start().len();
        let start = self.start as usize;
        Span::from_range(start + indent..start + line.len())
    }

    /// The span up to its first line break, without trailing whitespace: where a finding
    /// about a timeline entry or block that spans several lines points.
    #[must_use]
    pub fn up_to_line_end(self, source: &str) -> Span {
        let line = self.text(source).split('\n').next().unwrap_or_default();
        let start = self.start as usize;
        Span::from_range(start..start + line.trim_end().len())
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// Converts byte offsets to lines and columns; built once per source.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(
                source
                    .match_indices('\n')
                    .map(|(index, _)| to_u32(index + 1)),
            )
            .collect();
        Self { line_starts }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// The byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts.get(line).copied().unwrap_or(u32::MAX)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based `line`'s text without its line break.
    pub fn line_text<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let start = self.line_start(line) as usize;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(source.len(), |&next| next as usize);
        source
            .get(start.min(source.len())..end)
            .unwrap_or_default()
            .trim_end_matches(['\n', '\r'])
    }

    /// Line and column (counted in Unicode scalar values) of `offset`, both 1-based.
    pub fn line_column(&self, source: &str, offset: u32) -> LineColumn {
        self.line_column_counting(source, offset, |prefix| prefix.chars().count())
    }

    /// Line and column counted in UTF-16 code units, both 1-based: what JavaScript editors use.
    pub fn line_column_utf16(&self, source: &str, offset: u32) -> LineColumn {
        self.line_column_counting(source, offset, |prefix| prefix.encode_utf16().count())
    }

    /// Line and column of `offset`, both 1-based, the column being what `count` says the
    /// line's text before it holds.
    fn line_column_counting(
        &self,
        source: &str,
        offset: u32,
        count: fn(&str) -> usize,
    ) -> LineColumn {
        let line = self.line_of(offset);
        let start = self.line_start(line) as usize;
        let column = source.get(start..offset as usize).map_or(0, count);
        LineColumn {
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
    }
}

/// Converts byte offsets to UTF-16 offsets in increasing order, in one pass over the source.
#[derive(Debug)]
pub struct Utf16Cursor<'s> {
    source: &'s str,
    byte: usize,
    utf16: usize,
}

impl<'s> Utf16Cursor<'s> {
    pub fn new(source: &'s str) -> Self {
        Self {
            source,
            byte: 0,
            utf16: 0,
        }
    }

    /// The UTF-16 offset of byte `offset`; restarts from the beginning when asked to go back.
    pub fn offset(&mut self, offset: u32) -> u32 {
        let target = (offset as usize).min(self.source.len());
        if target < self.byte {
            self.byte = 0;
            self.utf16 = 0;
        }
        let stretch = self.source.get(self.byte..target).unwrap_or_default();
        self.utf16 += stretch.encode_utf16().count();
        self.byte = target;
        to_u32(self.utf16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_utf16_units_separately() {
        let source = "ab\ncé😀x\n";
        let index = LineIndex::new(source);
        let x = source.find('x').unwrap();
        let x = u32::try_from(x).unwrap();
        assert_eq!(
            index.line_column(source, x),
            LineColumn { line: 2, column: 4 }
        );
        assert_eq!(
            index.line_column_utf16(source, x),
            LineColumn { line: 2, column: 5 }
        );
        assert_eq!(Utf16Cursor::new(source).offset(x), 7);
    }

    #[test]
    fn offsets_at_line_starts_and_at_the_end() {
        let source = "one\ntwo";
        let index = LineIndex::new(source);
        assert_eq!(index.line_of(0), 0);
        assert_eq!(index.line_of(4), 1);
        assert_eq!(
            index.line_column(source, 7),
            LineColumn { line: 2, column: 4 }
        );
        assert_eq!(index.line_text(source, 1), "two");
        assert_eq!(index.line_count(), 2);
    }
}
