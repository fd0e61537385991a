//! One way to sort by a key, shared by every sort the browser runs.
//!
//! Each distinct `sort_by_key` call compiles its own copy of the sorting
//! algorithm into the wasm; there were nine, about 29 KB before compression.
//! Sorting (key, position) pairs of plain integers shares one copy, and
//! computing each key once is also faster than computing it inside every
//! comparison. (Strings still sort with `sort_unstable`, one copy.)

/// The positions `0..len` ordered by `key`, lowest first; equal keys keep
/// their original order.
pub fn order_by_key(len: usize, key: impl Fn(usize) -> u64) -> Vec<u32> {
    let mut keyed: Vec<(u64, u32)> = (0..len).map(|i| (key(i), i as u32)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Reorders `items` by `key` (see [`order_by_key`]).
pub fn sort_by_key<T: Clone>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let order = order_by_key(items.len(), |i| key(&items[i]));
    *items = order
        .into_iter()
        .map(|i| items[i as usize].clone())
        .collect();
}

/// A key for non-negative distances: their bits order as the numbers do.
pub fn distance_key(miles: f32) -> u64 {
    u64::from(miles.max(0.0).to_bits())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn distances_order_by_their_bits() {
        let miles = [0.0, 0.4, 3.0, 12.5, 2400.0];
        assert!(miles
            .windows(2)
            .all(|w| distance_key(w[0]) < distance_key(w[1])));
    }
}
