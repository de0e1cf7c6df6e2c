//! Sets and maps keyed by record id. Ids are random (UUID v4) and come from the person's own
//! records, so the standard library's SipHash, which resists crafted collisions, buys nothing
//! here and cost a fifth of checking a long career at every start; FxHash is a multiply per word.

use rustc_hash::{FxHashMap, FxHashSet};
use uuid::Uuid;

/// Record ids.
pub type IdSet = FxHashSet<Uuid>;

/// Something per record id.
pub type IdMap<V> = FxHashMap<Uuid, V>;
