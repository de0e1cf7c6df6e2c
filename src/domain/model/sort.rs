//! Stable sorting through one sort routine for the whole app.
//!
//! The standard library's stable sort is generic over both the element and the comparison, so
//! every `sort_by` with its own closure adds its own copy of the sort (about 4 KB of wasm each;
//! 25 copies made about 100 KB of the page's code). Here the sort itself runs once, on positions,
//! with the comparison behind a reference to a trait object; each caller adds only the small step
//! that puts its elements in the order found. Lists sorted here are short or sorted once per
//! change, so an indirect call per comparison costs nothing a person sees. The engine's hot sorts
//! of plain integer keys (`index`) keep the standard unstable sort.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions_in_order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    permute(v, &order);
}

/// Sorts `v` by the key `f` gives each element, keeping equal ones in their order (as
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], f: impl Fn(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, keeping equal elements in their order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` gives them (equal ones in their order). Not generic:
/// the one instance of the standard sort in the app's lists.
fn positions_in_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| cmp(i, j));
    order
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`, by following each cycle of
/// the permutation with swaps (no copy of the elements, linear time).
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        let mut at = start;
        loop {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no crate and repeat exactly.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does_with_many_ties() {
        for (seed, n, range) in [(1, 0, 1), (2, 1, 1), (3, 2, 2), (4, 17, 3), (5, 1000, 10)] {
            // (key, original position): equal keys must keep their positions in order.
            let mut ours: Vec<(u64, usize)> = numbers(seed, n, range)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut std_sorted = ours.clone();
            std_sorted.sort_by_key(|p| p.0);
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, std_sorted, "seed {seed}, {n} elements");
        }
    }

    #[test]
    fn sorts_descending_by_a_comparison_and_whole_values() {
        let mut words = vec!["pear", "apple", "fig", "apple", "kiwi"];
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        assert_eq!(words, ["apple", "apple", "kiwi", "pear", "fig"]);
        let mut texts: Vec<String> = ["b", "c", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut texts);
        assert_eq!(texts, ["a", "b", "c"]);
    }

    #[test]
    fn puts_every_permutation_of_four_in_order() {
        let mut count = 0;
        for a in 0..4 {
            for b in 0..4 {
                for c in 0..4 {
                    for d in 0..4 {
                        let mut v = vec![a, b, c, d];
                        let mut seen = v.clone();
                        seen.sort();
                        seen.dedup();
                        if seen.len() < 4 {
                            continue;
                        }
                        sort(&mut v);
                        assert_eq!(v, [0, 1, 2, 3]);
                        count += 1;
                    }
                }
            }
        }
        assert_eq!(count, 24);
    }
}
