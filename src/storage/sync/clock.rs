//! The stamp on every field a device writes: a hybrid logical clock (wall time, a counter, the
//! device). A phone whose clock is a day wrong cannot fool it: a device that has seen a stamp
//! stamps its next write after it, whatever its own clock says, so an edit made after seeing
//! another always wins over it. Only writes made without seeing each other are ordered by the
//! clocks, and those are listed as conflicts (`replica`), never silently dropped.

use serde::{Deserialize, Serialize};

/// A device's id: random, made once per browser profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DeviceId(pub u64);

/// When and where a field was written. Ordered by wall time, then counter, then device: a total
/// order every device computes alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since 1970, as the writing device's clock (or a stamp it had seen) said.
    pub wall: i64,
    pub counter: u32,
    pub device: DeviceId,
}

/// A device's clock: the last stamp it made or saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub device: DeviceId,
    last: Option<Stamp>,
}

impl Clock {
    pub fn new(device: DeviceId) -> Clock {
        Clock { device, last: None }
    }

    /// A stamp for a write now: after every stamp made or seen here, even when the wall clock
    /// is behind them.
    pub fn tick(&mut self, now_ms: i64) -> Stamp {
        let stamp = match self.last {
            Some(last) if last.wall >= now_ms => Stamp {
                wall: last.wall,
                counter: last.counter + 1,
                device: self.device,
            },
            _ => Stamp {
                wall: now_ms,
                counter: 0,
                device: self.device,
            },
        };
        self.last = Some(stamp);
        stamp
    }

    /// A stamp seen in another device's writes: the next write here comes after it.
    pub fn observe(&mut self, seen: Stamp) {
        if self.last.is_none_or(|last| seen > last) {
            self.last = Some(Stamp {
                device: self.device,
                ..seen
            });
        }
    }
}
