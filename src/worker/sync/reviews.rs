//! The edits to review, as she reads them: which record, which field, the value kept for now
//! and the others, each with the device it came from.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::SyncState;
use crate::storage::data::AppData;
use crate::storage::sync::replica::DELETED;
use crate::storage::sync::{Conflict, DeviceId, Write};

/// An edit made on two devices without either seeing the other's, as she reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub key: String,
    pub field: String,
    /// "Activity “Sepsis update”".
    pub record: String,
    /// What the question is about: "Title", or a record deleted while edited.
    pub what: String,
    /// The value kept for now, and the device it came from.
    pub kept: (String, String),
    /// The kept value itself (to keep it: settling writes it again, having seen the others).
    pub kept_value: Value,
    /// The other values, each with its device and the value itself (to choose it).
    pub others: Vec<(String, String, Value)>,
    /// Deleted on one device while edited on another.
    pub deleted_while_edited: bool,
}

impl SyncState {
    /// The edits to review, in words.
    pub fn reviews(&self, data: &AppData) -> Vec<Review> {
        let device = |w: &Write| self.device_name(w.stamp.device);
        self.replica
            .conflicts()
            .into_iter()
            .map(|c| match c {
                Conflict::Field {
                    key,
                    field,
                    kept,
                    others,
                } => Review {
                    record: record_name(data, &key),
                    what: field_label(&field),
                    kept: (value_text(&kept.value), device(&kept)),
                    kept_value: kept.value.clone(),
                    others: others
                        .iter()
                        .map(|w| (value_text(&w.value), device(w), w.value.clone()))
                        .collect(),
                    deleted_while_edited: false,
                    key,
                    field,
                },
                Conflict::DeletedWhileEdited {
                    key,
                    deleted,
                    edits,
                } => Review {
                    record: record_name(data, &key),
                    what: format!(
                        "Deleted on “{}” while edited on “{}”",
                        device(&deleted),
                        edits.first().map(|(_, w)| device(w)).unwrap_or_default()
                    ),
                    kept: ("Kept for now".into(), String::new()),
                    kept_value: Value::Bool(true),
                    others: Vec::new(),
                    deleted_while_edited: true,
                    key,
                    field: DELETED.into(),
                },
            })
            .collect()
    }

    fn device_name(&self, device: DeviceId) -> String {
        if device == self.replica.device() {
            return format!("{}, this device", self.name);
        }
        self.peers
            .get(&format!("{:016x}", device.0))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "another device".into())
    }
}

fn record_name(data: &AppData, key: &str) -> String {
    let id = key
        .split_once('/')
        .and_then(|(_, id)| id.parse::<Uuid>().ok());
    if let Some(a) = id.and_then(|id| data.activity(id)) {
        return format!("Activity “{}”", a.title);
    }
    if let Some(c) = id.and_then(|id| data.credentials.iter().find(|c| c.id == id)) {
        return format!("Credential “{}”", c.name);
    }
    if let Some(g) = id.and_then(|id| data.goals.iter().find(|g| g.id == id)) {
        return format!("Goal “{}”", g.title);
    }
    if key == "settings" {
        return "Settings".into();
    }
    "A record".into()
}

/// A field's name as the forms say it.
fn field_label(field: &str) -> String {
    let label = match field {
        "title" => "Title",
        "provider" => "Provider",
        "accreditor" => "Accreditor",
        "start" => "Date (start)",
        "end" => "End date",
        "format" => "Format",
        "credits" => "Credits",
        "topics" => "Topics",
        "topic_hours" => "Hours per topic",
        "tags" => "Tags",
        "notes" => "Notes",
        "status" => "Status",
        "certificates" => "Certificates",
        "reflection" => "Reflection",
        "name" => "Name",
        "cycle" => "Cycle",
        "rules" => "Requirements",
        other => return other.replace('_', " "),
    };
    label.into()
}

/// A value as she reads it: text as it is, anything else compactly.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => s.clone(),
        Value::Null => "(empty)".into(),
        other => crate::json::to_text(other).unwrap_or_default(),
    }
}
