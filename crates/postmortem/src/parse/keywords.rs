//! Keyword lists read in one pass over a text: at each place, one look-up in a small table of
//! how keywords begin turns most places away, and only the few keywords that begin as the text
//! does there are compared with it, instead of every keyword in turn.

/// Keywords (lowercase ASCII, three bytes or more) with a value each.
pub(crate) struct Keywords<V> {
    /// The keywords of three bytes, by their three bytes.
    short: Table<V>,
    /// The longer keywords, by their first four bytes: three would let most words through
    /// ("the" begins "theory", "was" begins "was back").
    long: Table<V>,
}

impl<V: Copy> Keywords<V> {
    pub(crate) fn new(keywords: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let (short, long): (Vec<_>, Vec<_>) = keywords
            .into_iter()
            .inspect(|(keyword, _)| {
                assert!(
                    keyword.len() >= 3
                        && keyword.is_ascii()
                        && !keyword.bytes().any(|byte| byte.is_ascii_uppercase()),
                    "{keyword:?}"
                );
            })
            .partition(|(keyword, _)| keyword.len() == 3);
        Self {
            short: Table::new(short, 3),
            long: Table::new(long, 4),
        }
    }

    /// Calls `found` with each keyword that `text` starts with and its value.
    pub(crate) fn prefixes_of(&self, text: &[u8], mut found: impl FnMut(&'static str, V)) {
        // The heads are read once for both tables: the long one's is the short one's and a byte.
        let Some(short_head) = head(text, 3) else {
            return;
        };
        // The tables are read only past their filters, checked here: the call costs more than
        // the check, and most word starts go no further.
        if self.short.may_hold(short_head) {
            self.short.prefixes_with_head(text, short_head, &mut found);
        }
        if let Some(&fourth) = text.get(3) {
            let long_head = short_head << 8 | u32::from(fourth);
            if self.long.may_hold(long_head) {
                self.long.prefixes_with_head(text, long_head, &mut found);
            }
        }
    }
}

/// Keywords looked up by their first bytes (their head: three or four, the same for all), in a
/// hash table.
struct Table<V> {
    /// A bit for each hash of the keywords' heads, over more hashes than there are buckets:
    /// one small look-up turns most places away before a bucket is read.
    hashed_heads: [u64; HASHED_HEAD_WORDS],
    /// For each bucket, the range of `entries` whose heads fall in it.
    buckets: Vec<(u16, u16)>,
    /// Each keyword with its head and value, by the hash of its head.
    entries: Vec<(u32, &'static str, V)>,
}

/// Words of 64 bits in [`Table::hashed_heads`]: 4096 bits, so that a text's words rarely share
/// a hash with a keyword that begins otherwise.
const HASHED_HEAD_WORDS: usize = 64;
/// Buckets in a [`Table`], about as many as keywords.
const BUCKETS: usize = 256;

impl<V: Copy> Table<V> {
    fn new(keywords: Vec<(&'static str, V)>, head_len: usize) -> Self {
        let mut entries: Vec<(u32, &'static str, V)> = keywords
            .into_iter()
            .map(|(keyword, value)| {
                let head = head(keyword.as_bytes(), head_len).expect("a long keyword");
                (head, keyword, value)
            })
            .collect();
        entries.sort_by_key(|&(head, keyword, _)| (bucket(head), keyword));
        let mut hashed_heads = [0; HASHED_HEAD_WORDS];
        let mut buckets = vec![(0, 0); BUCKETS];
        for (index, &(head, _, _)) in entries.iter().enumerate() {
            let index = u16::try_from(index).expect("fewer than 64Ki keywords");
            let (word, bit) = hashed(head);
            hashed_heads[word] |= 1 << bit;
            let range = &mut buckets[bucket(head)];
            if range.0 == range.1 {
                range.0 = index;
            }
            range.1 = index + 1;
        }
        Self {
            hashed_heads,
            buckets,
            entries,
        }
    }

    /// Whether a keyword of the table may have `head`: false for most heads.
    #[inline]
    fn may_hold(&self, head: u32) -> bool {
        let (word, bit) = hashed(head);
        self.hashed_heads[word] >> bit & 1 == 1
    }

    /// Calls `found` with each keyword of the table that `text`, whose head is `head`, starts
    /// with.
    fn prefixes_with_head(&self, text: &[u8], head: u32, found: &mut impl FnMut(&'static str, V)) {
        let (start, end) = self.buckets[bucket(head)];
        for &(listed, keyword, value) in &self.entries[usize::from(start)..usize::from(end)] {
            if listed == head && text.starts_with(keyword.as_bytes()) {
                found(keyword, value);
            }
        }
    }
}

/// The first `len` bytes (four at most) of `text` as a number.
fn head(text: &[u8], len: usize) -> Option<u32> {
    let bytes = text.get(..len)?;
    Some(
        bytes
            .iter()
            .fold(0, |head, &byte| head << 8 | u32::from(byte)),
    )
}

/// A multiplicative hash of a head, to 12 bits.
fn hash(head: u32) -> u32 {
    head.wrapping_mul(0x9E37_79B1) >> 20
}

/// Where the hash of a head falls in [`Table::hashed_heads`]: (word, bit).
fn hashed(head: u32) -> (usize, u32) {
    let hash = hash(head);
    ((hash >> 6) as usize % HASHED_HEAD_WORDS, hash & 63)
}

/// The bucket of a head in a [`Table`].
fn bucket(head: u32) -> usize {
    hash(head) as usize % BUCKETS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_keyword_the_text_starts_with() {
        let keywords = Keywords::new([
            ("fix", 1),
            ("fixed", 2),
            ("fix", 3),
            ("fixing the issue", 4),
            ("fi x", 5),
            ("back up", 6),
        ]);
        let found = |text: &str| {
            let mut found = Vec::new();
            keywords.prefixes_of(text.as_bytes(), |keyword, value| {
                found.push((keyword, value));
            });
            found
        };
        assert_eq!(found("fixed it"), [("fix", 1), ("fix", 3), ("fixed", 2)]);
        assert_eq!(found("fixes"), [("fix", 1), ("fix", 3)]);
        assert_eq!(found("back up and"), [("back up", 6)]);
        assert_eq!(
            found("fixing the issues"),
            [("fix", 1), ("fix", 3), ("fixing the issue", 4)]
        );
        assert_eq!(found("fi x"), [("fi x", 5)]);
        assert!(found("back").is_empty());
        assert!(found("Fix").is_empty());
        assert!(found("").is_empty());
        assert!(found("fé").is_empty());
        assert!(found("fi").is_empty());
    }
}
