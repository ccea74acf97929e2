//! The one sort helper. Every `sort_by` on a new element type or comparator is another
//! copy of the standard library's sort (3–5 KB of wasm each, several were in the page);
//! here the sort itself runs on positions, once, behind a `dyn` comparator, and only
//! a small permutation is generic (docs/decisions.md §11).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order), as
/// `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        sorted_positions(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|position| slots.get_mut(position)?.take()));
}

/// Sorts `items` by a key, stably, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in sorted order: the one instance of the standard sort.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_stays_stable() {
        let words = ["pear", "fig", "apple", "kiwi", "date", "plum", "fig", "lime", "", "apple"];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut theirs = ours.clone();
        sort_by_key(&mut ours, |(_, word)| word.len());
        theirs.sort_by_key(|(_, word)| word.len());
        assert_eq!(ours, theirs, "equal keys keep their order");
        sort_by(&mut ours, |a, b| b.1.cmp(a.1));
        theirs.sort_by(|a, b| b.1.cmp(a.1));
        assert_eq!(ours, theirs);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn many_random_lists_come_out_as_the_standard_sort_has_them() {
        let mut state = 0x2545_f491_u32;
        for len in 0..200 {
            let list: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    (state % 7, i)
                })
                .collect();
            let (mut ours, mut theirs) = (list.clone(), list);
            sort_by_key(&mut ours, |(key, _)| *key);
            theirs.sort_by_key(|(key, _)| *key);
            assert_eq!(ours, theirs);
        }
    }
}
