//! Two or more devices of one person converging on the same records with no server: every field
//! write stamped by a hybrid logical clock (`clock`), kept with the stamp of what its writer had
//! seen, so that writes made without seeing each other are known as conflicts; merging by union
//! and a canonical form, hence commutative, associative and idempotent (`replica`); exchanges
//! that carry only what the other side has not seen; the app's records as field writes and back
//! (`records`); the file each device writes for the others (`file`); the card each shows the other
//! to meet face to face (`card`). docs/sync.md says how and what is built.

pub mod card;
pub mod clock;
pub mod file;
pub mod records;
pub mod replica;

pub use clock::{Clock, DeviceId, Stamp};
pub use replica::{Conflict, Delta, Replica, Seen, Write};
