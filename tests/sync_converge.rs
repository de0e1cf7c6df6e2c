//! Devices converging with no server (storage::sync): three replicas with clocks a day apart,
//! random edits and deletions, exchanges duplicated, reordered and dropped, end identical; and
//! no write is ever lost without a kept write having seen it.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};

use cme_tracker::storage::sync::replica::DELETED;
use cme_tracker::storage::sync::{Conflict, Delta, DeviceId, Replica, Seen, Stamp};

const DAY: i64 = 86_400_000;

#[derive(Debug, Clone)]
enum Op {
    Set {
        r: usize,
        key: u8,
        field: u8,
        value: u8,
    },
    Delete {
        r: usize,
        key: u8,
    },
    Keep {
        r: usize,
        key: u8,
    },
    /// A delta from one replica to another, made against what the receiver last said it had.
    Send {
        from: usize,
        to: usize,
    },
    /// A message in flight delivered (by position); kept in flight too (a duplicate), or not.
    Deliver {
        pick: usize,
        again: bool,
    },
    /// A message in flight lost.
    Drop {
        pick: usize,
    },
    Wait {
        ms: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..4u8, 0..3u8, 0..5u8).prop_map(|(r, key, field, value)| Op::Set { r, key, field, value }),
        1 => (0..3usize, 0..4u8).prop_map(|(r, key)| Op::Delete { r, key }),
        1 => (0..3usize, 0..4u8).prop_map(|(r, key)| Op::Keep { r, key }),
        2 => (0..3usize, 0..3usize).prop_map(|(from, to)| Op::Send { from, to }),
        2 => (0..8usize, any::<bool>()).prop_map(|(pick, again)| Op::Deliver { pick, again }),
        1 => (0..8usize).prop_map(|pick| Op::Drop { pick }),
        1 => (0..120_000i64).prop_map(|ms| Op::Wait { ms }),
    ]
}

/// Every write made, to check that none is lost unseen.
struct Made {
    key: String,
    field: String,
    stamp: Stamp,
}

fn key(k: u8) -> String {
    format!("activity/{k}")
}

fn run(ops: &[Op], skews: [i64; 3]) -> (Vec<Replica>, Vec<Made>) {
    let mut replicas: Vec<Replica> = (1..=3).map(|d| Replica::new(DeviceId(d))).collect();
    // What each replica last told each other one it had.
    let mut told: Vec<Vec<Seen>> = vec![vec![Seen::default(); 3]; 3];
    let mut flight: Vec<(usize, Delta)> = Vec::new();
    let mut made = Vec::new();
    let mut now = 1_800_000_000_000i64;
    for op in ops {
        now += 7;
        match *op {
            Op::Set {
                r,
                key: k,
                field,
                value,
            } => {
                let field = format!("f{field}");
                if let Some(stamp) = replicas[r].set(&key(k), &field, json!(value), now + skews[r])
                {
                    made.push(Made {
                        key: key(k),
                        field,
                        stamp,
                    });
                }
            }
            Op::Delete { r, key: k } => {
                let stamp = replicas[r].delete(&key(k), now + skews[r]);
                made.push(Made {
                    key: key(k),
                    field: DELETED.into(),
                    stamp,
                });
            }
            Op::Keep { r, key: k } => {
                if replicas[r].conflicts().iter().any(
                    |c| matches!(c, Conflict::DeletedWhileEdited { key: ck, .. } if *ck == key(k)),
                ) {
                    let stamp = replicas[r].keep(&key(k), now + skews[r]);
                    made.push(Made {
                        key: key(k),
                        field: DELETED.into(),
                        stamp,
                    });
                }
            }
            Op::Send { from, to } if from != to => {
                let delta = replicas[from].delta_for(&told[to][from]);
                flight.push((to, delta));
            }
            Op::Send { .. } => {}
            Op::Deliver { pick, again } if !flight.is_empty() => {
                let at = pick % flight.len();
                let (to, delta) = if again {
                    flight[at].clone()
                } else {
                    flight.remove(at)
                };
                replicas[to].merge(&delta);
                // The receiver tells everyone what it has now (as a reply would).
                for row in told.iter_mut() {
                    row[to] = replicas[to].seen.clone();
                }
            }
            Op::Deliver { .. } => {}
            Op::Drop { pick } if !flight.is_empty() => {
                flight.remove(pick % flight.len());
            }
            Op::Drop { .. } => {}
            Op::Wait { ms } => now += ms,
        }
    }
    // Then everyone exchanges with everyone until nothing changes.
    for _ in 0..3 {
        for from in 0..3 {
            for to in 0..3 {
                if from != to {
                    let delta = replicas[from].delta_for(&replicas[to].seen);
                    replicas[to].merge(&delta);
                }
            }
        }
    }
    (replicas, made)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn three_devices_with_skewed_clocks_converge_and_lose_nothing_unseen(
        ops in proptest::collection::vec(op(), 1..120),
        skews in proptest::array::uniform3(-DAY..DAY),
    ) {
        let (replicas, made) = run(&ops, skews);
        let [a, b, c] = [&replicas[0], &replicas[1], &replicas[2]];
        prop_assert_eq!(a.writes(), b.writes());
        prop_assert_eq!(a.writes(), c.writes());
        prop_assert_eq!(a.conflicts(), b.conflicts());
        let keys: Vec<&String> = a.keys().collect();
        for k in keys {
            prop_assert_eq!(a.record(k), c.record(k));
        }
        // Every write made is kept, or a kept write of its field saw it.
        for m in &made {
            let kept = &a.writes()[&m.key][&m.field];
            let there = kept.iter().any(|w| w.stamp == m.stamp);
            let seen = kept.iter().any(|w| w.base.is_some_and(|b| m.stamp <= b));
            prop_assert!(there || seen, "write {:?} of {}.{} lost", m.stamp, m.key, m.field);
        }
    }

    #[test]
    fn merging_is_idempotent_and_order_free(
        ops in proptest::collection::vec(op(), 1..60),
        skews in proptest::array::uniform3(-DAY..DAY),
    ) {
        let (replicas, _) = run(&ops, skews);
        let everything = |r: &Replica| r.delta_for(&Seen::default());
        let (x, y) = (everything(&replicas[0]), everything(&replicas[1]));
        let mut xy = Replica::new(DeviceId(9));
        xy.merge(&x);
        xy.merge(&y);
        let mut yx = Replica::new(DeviceId(9));
        yx.merge(&y);
        yx.merge(&x);
        yx.merge(&y);
        prop_assert_eq!(xy.writes(), yx.writes());
    }
}

fn pair() -> (Replica, Replica) {
    (Replica::new(DeviceId(1)), Replica::new(DeviceId(2)))
}

fn exchange(a: &mut Replica, b: &mut Replica) {
    let to_b = a.delta_for(&b.seen);
    b.merge(&to_b);
    let to_a = b.delta_for(&a.seen);
    a.merge(&to_a);
}

const T: i64 = 1_800_000_000_000;

#[test]
fn the_same_field_edited_on_two_devices_keeps_one_and_lists_the_other_until_she_chooses() {
    let (mut phone, mut laptop) = pair();
    phone.set("activity/1", "title", json!("Sepsis update"), T);
    exchange(&mut phone, &mut laptop);
    phone.set("activity/1", "title", json!("Sepsis update 2026"), T + 1000);
    laptop.set("activity/1", "title", json!("Sepsis: what's new"), T + 2000);
    exchange(&mut phone, &mut laptop);
    assert_eq!(phone.record("activity/1"), laptop.record("activity/1"));
    let conflicts = phone.conflicts();
    assert_eq!(conflicts, laptop.conflicts());
    match conflicts.as_slice() {
        [Conflict::Field {
            field,
            kept,
            others,
            ..
        }] => {
            assert_eq!(field, "title");
            assert_eq!(kept.value, json!("Sepsis: what's new"));
            assert_eq!(others.len(), 1);
            assert_eq!(others[0].value, json!("Sepsis update 2026"));
        }
        other => panic!("{other:?}"),
    }
    // She chooses on the phone; both devices settle.
    phone.set("activity/1", "title", json!("Sepsis update 2026"), T + 3000);
    exchange(&mut phone, &mut laptop);
    assert_eq!(laptop.conflicts(), vec![]);
    assert_eq!(
        laptop.record("activity/1").unwrap()["title"],
        json!("Sepsis update 2026")
    );
}

#[test]
fn different_fields_edited_on_two_devices_both_stand_with_no_conflict() {
    let (mut phone, mut laptop) = pair();
    phone.set("activity/1", "title", json!("Grand rounds"), T);
    phone.set("activity/1", "notes", json!(""), T);
    exchange(&mut phone, &mut laptop);
    phone.set("activity/1", "title", json!("Grand rounds: stroke"), T + 10);
    laptop.set(
        "activity/1",
        "notes",
        json!("Bring the certificate"),
        T + 20,
    );
    exchange(&mut phone, &mut laptop);
    let r = laptop.record("activity/1").unwrap();
    assert_eq!(r["title"], json!("Grand rounds: stroke"));
    assert_eq!(r["notes"], json!("Bring the certificate"));
    assert_eq!(phone.conflicts(), vec![]);
}

#[test]
fn a_delete_racing_an_edit_is_a_conflict_on_both_devices_never_settled_silently() {
    for keep in [true, false] {
        let (mut phone, mut laptop) = pair();
        phone.set("activity/1", "title", json!("Ethics"), T);
        exchange(&mut phone, &mut laptop);
        phone.delete("activity/1", T + 10);
        laptop.set("activity/1", "title", json!("Ethics in practice"), T + 5);
        exchange(&mut phone, &mut laptop);
        for r in [&phone, &laptop] {
            assert!(r.record("activity/1").is_some(), "kept until she decides");
            assert!(matches!(
                r.conflicts().as_slice(),
                [Conflict::DeletedWhileEdited { edits, .. }] if edits[0].1.value == json!("Ethics in practice")
            ));
        }
        if keep {
            phone.keep("activity/1", T + 20);
        } else {
            laptop.delete("activity/1", T + 20);
        }
        exchange(&mut phone, &mut laptop);
        for r in [&phone, &laptop] {
            assert_eq!(r.conflicts(), vec![]);
            assert_eq!(r.record("activity/1").is_some(), keep);
        }
    }
}

#[test]
fn a_clock_a_day_behind_still_wins_with_an_edit_made_after_seeing_the_other() {
    let (mut phone, mut laptop) = pair();
    phone.set("activity/1", "title", json!("Written on the phone"), T);
    exchange(&mut phone, &mut laptop);
    // The laptop's clock is a day behind; its edit comes after what it saw.
    laptop.set(
        "activity/1",
        "title",
        json!("Corrected on the laptop"),
        T - DAY,
    );
    exchange(&mut phone, &mut laptop);
    assert_eq!(phone.conflicts(), vec![]);
    assert_eq!(
        phone.record("activity/1").unwrap()["title"],
        json!("Corrected on the laptop")
    );
}

#[test]
fn an_exchange_carries_only_what_the_other_side_lacks() {
    let (mut phone, mut laptop) = pair();
    for i in 0..50 {
        phone.set(
            &format!("activity/{i}"),
            "title",
            json!(format!("Course {i}")),
            T + i,
        );
    }
    exchange(&mut phone, &mut laptop);
    assert_eq!(phone.delta_for(&laptop.seen).writes.len(), 0);
    phone.set("activity/7", "title", json!("Course seven"), T + 100);
    let delta = phone.delta_for(&laptop.seen);
    assert_eq!(delta.writes.len(), 1);
    // A delta lost on the way is made up by the next exchange.
    phone.set("activity/8", "title", json!("Course eight"), T + 200);
    let lost = phone.delta_for(&laptop.seen);
    drop(lost);
    exchange(&mut phone, &mut laptop);
    assert_eq!(
        laptop.record("activity/7").unwrap()["title"],
        json!("Course seven")
    );
    assert_eq!(
        laptop.record("activity/8").unwrap()["title"],
        json!("Course eight")
    );
    let _: Value = json!(null);
}
