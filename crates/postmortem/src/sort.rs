//! One stable sort for the whole crate. Each `sort_by_key` call instantiates the standard
//! library's stable sort anew (≈5 KB of WebAssembly each); sorting `(key, index)` pairs here
//! instantiates one unstable sort, shared by every caller.

/// Sorts `items` by `key`, keeping the order of items with equal keys (as `sort_by_key`).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keys: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item), index))
        .collect();
    if keys.is_sorted() {
        return;
    }
    sort_pairs(&mut keys);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keys.iter()
            .filter_map(|&(_, index)| slots.get_mut(index).and_then(Option::take)),
    );
}

/// Two `u32`s as one key that orders as the pair.
pub(crate) fn pair(high: u32, low: u32) -> u64 {
    u64::from(high) << 32 | u64::from(low)
}

/// A signed number as a key that orders as the number.
pub(crate) fn signed(value: i64) -> u64 {
    value.cast_unsigned() ^ 1 << 63
}

/// A byte offset as a key.
pub(crate) fn offset(offset: usize) -> u64 {
    u64::try_from(offset).unwrap_or(u64::MAX)
}

/// Not generic, so that the sort is instantiated once.
#[inline(never)]
fn sort_pairs(keys: &mut [(u64, usize)]) {
    // The index makes every key distinct: an unstable sort gives the stable order.
    keys.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_of_equal_keys() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (3, 'f')];
        let mut expected = items.clone();
        expected.sort_by_key(|&(key, _)| key);
        sort_by_key(&mut items, |&(key, _)| key);
        assert_eq!(items, expected);
    }

    #[test]
    fn pairs_order_as_tuples() {
        assert!(pair(1, 0) > pair(0, u32::MAX));
        assert!(pair(1, 2) < pair(1, 3));
        assert!(signed(-5) < signed(-1));
        assert!(signed(-1) < signed(0));
        assert!(signed(i64::MIN) < signed(i64::MAX));
    }
}
