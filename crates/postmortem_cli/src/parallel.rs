//! Work spread over every core, with the results in the order of the work, so that a report
//! is the same whatever the number of threads.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads to use for `items` items: `requested`, or one per core when it is 0, and
/// never more than there are items.
pub(crate) fn threads(requested: usize, items: usize) -> usize {
    let wanted = if requested == 0 {
        std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
    } else {
        requested
    };
    wanted.min(items).max(1)
}

/// `work` applied to every item on `threads` threads (this one and helpers), the results in
/// the items' order. Each thread takes the next item nobody has taken, so that one long file
/// holds up no other; if the system refuses a helper thread, the others do its share.
pub(crate) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, work(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok())
            .collect();
        let mut done = worker();
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        done
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        // Uneven work, so that threads finish out of order.
        let work = |item: &u64| (0..(item % 7) * 1000).fold(*item, |sum, step| sum ^ step);
        let one = map_in_order(&items, 1, work);
        for threads in [2, 3, 8] {
            assert_eq!(map_in_order(&items, threads, work), one);
        }
        assert_eq!(map_in_order(&[] as &[u64], 4, work), Vec::<u64>::new());
    }

    #[test]
    fn never_more_threads_than_items() {
        assert_eq!(threads(8, 3), 3);
        assert_eq!(threads(2, 100), 2);
        assert_eq!(threads(4, 0), 1);
        assert!(threads(0, 100) >= 1);
    }
}
