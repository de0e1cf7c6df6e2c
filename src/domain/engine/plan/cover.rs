//! The fewest hours that meet every topic need at once: a covering problem. Each need asks for
//! `demand` hours on any topic of its set; an hour on a topic counts toward every need whose set
//! holds it. Topics that belong to the same needs are interchangeable (one "atom"), and an atom
//! whose needs are a subset of another's is never the better choice, so only the largest atoms
//! take hours. Atoms that share no need are solved apart.
//!
//! Most real components have one atom (every board's ethics need is met by the same ethics
//! hours) and are answered directly. Where atoms overlap without one containing the other (three
//! boards whose topic groups meet pairwise), the exact minimum is searched on a grid of half the
//! demands' greatest common divisor (at most a quarter hour): with up to three atoms every vertex
//! of this covering problem lies on that grid, so the search is exact; larger tangles, which no
//! catalog produces, are searched within a bounded number of steps and otherwise answered
//! greedily.

use crate::domain::model::credits::Amount;

/// One need: the atoms it can be met on (indices into the atoms) and the hours it asks for.
#[derive(Debug, Clone)]
pub struct Need {
    pub atoms: Vec<usize>,
    pub demand: Amount,
}

/// Hours per atom that meet every need, with the least sum.
pub fn solve(atom_count: usize, needs: &[Need]) -> Vec<Amount> {
    let mut x = vec![Amount::ZERO; atom_count];
    for component in components(atom_count, needs) {
        let atoms: Vec<usize> = component.atoms;
        let local: Vec<Need> = component
            .needs
            .iter()
            .map(|&j| Need {
                atoms: needs[j]
                    .atoms
                    .iter()
                    .map(|a| atoms.iter().position(|b| b == a).unwrap_or(0))
                    .collect(),
                demand: needs[j].demand,
            })
            .collect();
        let values = solve_component(atoms.len(), &local);
        for (a, v) in atoms.iter().zip(values) {
            x[*a] = v;
        }
    }
    x
}

struct Component {
    atoms: Vec<usize>,
    needs: Vec<usize>,
}

/// Atoms joined by a shared need, with their needs.
fn components(atom_count: usize, needs: &[Need]) -> Vec<Component> {
    let mut group: Vec<usize> = (0..atom_count).collect();
    fn root(group: &mut [usize], a: usize) -> usize {
        let mut r = a;
        while group[r] != r {
            r = group[r];
        }
        group[a] = r;
        r
    }
    for n in needs {
        for w in n.atoms.windows(2) {
            let (a, b) = (root(&mut group, w[0]), root(&mut group, w[1]));
            group[a.max(b)] = a.min(b);
        }
    }
    let mut out: Vec<Component> = Vec::new();
    let mut of_root: Vec<Option<usize>> = vec![None; atom_count];
    for a in 0..atom_count {
        let r = root(&mut group, a);
        let k = *of_root[r].get_or_insert_with(|| {
            out.push(Component {
                atoms: Vec::new(),
                needs: Vec::new(),
            });
            out.len() - 1
        });
        out[k].atoms.push(a);
    }
    for (j, n) in needs.iter().enumerate() {
        if let Some(&a) = n.atoms.first() {
            let r = root(&mut group, a);
            if let Some(k) = of_root[r] {
                out[k].needs.push(j);
            }
        }
    }
    out
}

/// The search gives up after this many steps (then the greedy answer stands).
const MAX_STEPS: usize = 200_000;

fn solve_component(m: usize, needs: &[Need]) -> Vec<Amount> {
    let demand = |a: usize| {
        needs
            .iter()
            .filter(|n| n.atoms.contains(&a))
            .map(|n| n.demand)
            .max()
            .unwrap_or(Amount::ZERO)
    };
    // Each need on one atom only: that atom takes the largest demand on it.
    if needs.iter().all(|n| n.atoms.len() == 1) {
        return (0..m).map(demand).collect();
    }
    let mut best = greedy(m, needs);
    let common = needs
        .iter()
        .map(|n| n.demand.hundredths())
        .filter(|d| *d > 0)
        .fold(0, gcd);
    // Half the demands' common divisor, and never coarser than a quarter hour.
    let step = (gcd(common.max(1), 50) / 2).max(1);
    let mut search = Search {
        needs,
        step,
        steps: 0,
        best_sum: best.iter().copied().sum(),
        best: best.clone(),
    };
    let mut x = vec![0i64; m];
    let residual: Vec<i64> = needs.iter().map(|n| n.demand.hundredths()).collect();
    search.go(0, &mut x, &residual, 0);
    if search.best_sum < best.iter().copied().sum() {
        best = search.best;
    }
    best
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

struct Search<'n> {
    needs: &'n [Need],
    step: i64,
    steps: usize,
    best_sum: Amount,
    best: Vec<Amount>,
}

impl Search<'_> {
    fn go(&mut self, a: usize, x: &mut [i64], residual: &[i64], sum: i64) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return;
        }
        // No atom can give more than the largest residual demand: a lower bound.
        let largest = residual.iter().copied().max().unwrap_or(0).max(0);
        if Amount::from_hundredths(sum + largest) >= self.best_sum {
            return;
        }
        let m = x.len();
        if a == m {
            if largest == 0 {
                self.best_sum = Amount::from_hundredths(sum);
                self.best = x.iter().map(|v| Amount::from_hundredths(*v)).collect();
            }
            return;
        }
        let on_a: Vec<usize> = (0..self.needs.len())
            .filter(|&j| self.needs[j].atoms.contains(&a))
            .collect();
        let most = on_a.iter().map(|&j| residual[j]).max().unwrap_or(0).max(0);
        // A need whose atoms are all decided must be met already.
        let last_for = |j: usize| self.needs[j].atoms.iter().all(|&b| b <= a);
        let least = on_a
            .iter()
            .filter(|&&j| last_for(j))
            .map(|&j| residual[j])
            .max()
            .unwrap_or(0)
            .max(0);
        let mut v = least;
        loop {
            let value = v.min(most);
            x[a] = value;
            let next: Vec<i64> = residual
                .iter()
                .enumerate()
                .map(|(j, r)| {
                    if self.needs[j].atoms.contains(&a) {
                        r - value
                    } else {
                        *r
                    }
                })
                .collect();
            let unmet_closed = (0..self.needs.len())
                .any(|j| next[j] > 0 && self.needs[j].atoms.iter().all(|&b| b <= a));
            if !unmet_closed {
                self.go(a + 1, x, &next, sum + value);
            }
            if value >= most {
                break;
            }
            v += self.step;
        }
        x[a] = 0;
    }
}

/// A feasible answer to start from: repeatedly give the most unmet need's demand to the atom
/// that serves the most unmet needs among its atoms.
fn greedy(m: usize, needs: &[Need]) -> Vec<Amount> {
    let mut x = vec![Amount::ZERO; m];
    let mut residual: Vec<Amount> = needs.iter().map(|n| n.demand).collect();
    while let Some(j) = (0..needs.len())
        .filter(|&j| residual[j].is_positive())
        .max_by_key(|&j| residual[j])
    {
        let a = *needs[j]
            .atoms
            .iter()
            .max_by_key(|&&a| {
                needs
                    .iter()
                    .enumerate()
                    .filter(|(k, n)| n.atoms.contains(&a) && residual[*k].is_positive())
                    .count()
            })
            .unwrap_or(&0);
        let give = residual[j];
        x[a] += give;
        for (k, n) in needs.iter().enumerate() {
            if n.atoms.contains(&a) {
                residual[k] = residual[k].saturating_sub(give);
            }
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(n: i64) -> Amount {
        Amount::hours(n)
    }

    fn need(atoms: &[usize], demand: i64) -> Need {
        Need {
            atoms: atoms.to_vec(),
            demand: h(demand),
        }
    }

    #[test]
    fn separate_atoms_take_their_largest_demand() {
        let x = solve(2, &[need(&[0], 2), need(&[0], 3), need(&[1], 1)]);
        assert_eq!(x, vec![h(3), h(1)]);
    }

    #[test]
    fn three_groups_meeting_pairwise_share_half_hours() {
        // {a,b}, {b,c}, {a,c}, 2 h each: 1 h on each topic meets all three with 3 h, not 4.
        let x = solve(3, &[need(&[0, 1], 2), need(&[1, 2], 2), need(&[0, 2], 2)]);
        assert_eq!(x.iter().copied().sum::<Amount>(), h(3));
    }
}
