//! JSON text read and written through `serde_json::Value`, for every typed record and message
//! the page handles (stored parts, the preset catalog, the worker's messages, the remembered
//! spreadsheet mappings).
//!
//! Why the detour: a type's (de)serialiser is instantiated once per serde_json reader or writer
//! it meets. The tabs' three-way merge compares records as values, so the value (de)serialisers
//! of every record type are in the download anyway; reading or writing the same types straight
//! from or to text would add a second copy of each (the catalog alone was 10 KB gzipped, the
//! text writers 2 KB). The records, messages and catalog are small; the one bulk text, the
//! activities, has its own reader and writer (`storage::compact`). Keys are written in
//! alphabetical order, which no reader depends on.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `T` from JSON text, through a value.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str::<serde_json::Value>(text).and_then(serde_json::from_value)
}

/// `value` as compact JSON text, through a value.
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_value(value).map(|v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn text_round_trips_and_reports_what_does_not_read() {
        let mut m: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        m.insert("b".into(), vec![2, 3]);
        m.insert("a".into(), vec![]);
        let text = to_text(&m).unwrap();
        assert_eq!(text, r#"{"a":[],"b":[2,3]}"#);
        assert_eq!(from_text::<BTreeMap<String, Vec<u32>>>(&text).unwrap(), m);
        // Not JSON, and JSON of the wrong shape: both refused.
        assert!(from_text::<BTreeMap<String, Vec<u32>>>("{").is_err());
        assert!(from_text::<BTreeMap<String, Vec<u32>>>(r#"{"a":"x"}"#).is_err());
    }
}
