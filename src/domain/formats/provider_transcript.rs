//! Provider and accreditor transcripts: a MedBiquitous Activity Report (XML, the ANSI standard CE
//! providers and boards exchange), an ACCME learner transcript (JSON, from PARS), and a CPE
//! Monitor activity transcript (a pharmacist's PDF, `cpe_monitor`). Both are read
//! into the same [`Table`] a spreadsheet becomes, with a [`Mapping`] the format fixes, so their
//! activities are checked, previewed, de-duplicated and their unknown credit types offered for
//! mapping exactly like a spreadsheet's rows. docs/transcripts.md lists the elements read.
//!
//! Both formats are trees, turned into one neutral `Node` tree (namespace, name, text) and read
//! by the element paths of their published texts (../shared/reference/transcripts/): the
//! MedBiquitous XSDs (`medbiq`: `ActivityReport/Activity/Module/CompletedDateTime`,
//! `CreditCertificate/CreditReceived/numberOfCredits`, names in their namespaces) and the ACCME
//! learner transcript's paths (`accme`: `ACCMETranscripts[].ActivityTranscript[].Activity.Module`).
//! One row per module; one learner's records only.
//!
//! Pure, and run in the worker: the XML parser never reaches the first download.

use crate::domain::formats::spreadsheet::{DateOrder, Mapping, Table, Target};

/// The MedBiquitous Activity Report namespaces (v2 is the current standard).
pub const MEDBIQ_V2: &str = "http://ns.medbiq.org/activityreport/v2/";
pub const MEDBIQ_V1: &str = "http://ns.medbiq.org/activityreport/v1/";

/// A transcript read into rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    /// "MedBiquitous Activity Report" or "ACCME learner transcript".
    pub format: &'static str,
    /// Whose records these are, when the file names the learner.
    pub learner: Option<String>,
    pub table: Table,
    pub mapping: Mapping,
}

/// One element (XML) or key (JSON) with its namespace, text and children.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    /// The namespace URI (XML); empty for JSON.
    ns: String,
    /// The local name, as written.
    name: String,
    text: String,
    children: Vec<Node>,
}

impl Node {
    /// Children named `name` in namespace `ns` (JSON nodes have none: any `ns` matches).
    fn all<'a>(&'a self, ns: &str, name: &str) -> impl Iterator<Item = &'a Node> + use<'a> {
        let (ns, name) = (ns.to_string(), name.to_string());
        self.children
            .iter()
            .filter(move |c| c.name == name && (c.ns.is_empty() || c.ns == ns))
    }

    fn one(&self, ns: &str, name: &str) -> Option<&Node> {
        self.children
            .iter()
            .find(|c| c.name == name && (c.ns.is_empty() || c.ns == ns))
    }

    /// The trimmed text of a child, or of its `string` / `value` child (a LOM CharacterString,
    /// an ACCME `ModuleName.value`).
    fn text_of(&self, ns: &str, name: &str) -> String {
        self.one(ns, name).map(Node::own_text).unwrap_or_default()
    }

    fn own_text(&self) -> String {
        let own = self.text.trim();
        if !own.is_empty() || self.children.is_empty() {
            return own.to_string();
        }
        self.children
            .iter()
            .find(|c| c.name == "string" || c.name == "value")
            .map(|c| c.text.trim().to_string())
            .unwrap_or_default()
    }
}

mod accme;
pub mod cpe_monitor;
mod medbiq;

/// One activity (a module of it) read from a transcript, before it becomes a row.
#[derive(Debug, Clone, Default, PartialEq)]
struct Found {
    title: String,
    provider: String,
    start: String,
    end: String,
    /// `TYPE=amount; …`.
    credits: String,
    notes: String,
}

/// Why a transcript was not read, and, when it holds several learners' records, whose they are
/// (the page asks which is hers and reads the file again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub learners: Vec<String>,
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal {
            message,
            learners: Vec::new(),
        }
    }
}

/// A credit as a transcript states it: its category and unit, as the `TYPE=amount` pair the
/// rows read. The category names the type ("AMA PRA Category 1 Credit", "ABIM MOC"); when the
/// app does not know it, the unit goes with it so the mapping step shows both.
fn credit_pair(certification: &str, unit: &str, amount: &str) -> Option<String> {
    let amount = amount.trim();
    if amount.is_empty() {
        return None;
    }
    let kind = match (certification.trim(), unit.trim()) {
        ("", "") => NO_TYPE.to_string(),
        ("", u) => u.to_string(),
        (c, _) if crate::domain::formats::spreadsheet::credit_type_code(c).1 => c.to_string(),
        (c, "") => c.to_string(),
        (c, u) => format!("{c} ({u})"),
    };
    // A `;` inside a type's name would split the pair: it becomes a comma.
    Some(format!("{}={amount}", kind.replace(';', ",")))
}

/// A credit without a type: listed with the unknown types for the user to name.
const NO_TYPE: &str = "No credit type given";

/// The learner chosen among several, by the name shown to her.
fn pick<T>(
    learners: Vec<(String, T)>,
    chosen: Option<&str>,
    format: &str,
) -> Result<(Option<String>, Vec<T>), Refusal> {
    match learners.len() {
        0 => Ok((None, Vec::new())),
        1 => {
            let (name, t) = learners.into_iter().next().expect("one learner");
            Ok((Some(name).filter(|n| !n.is_empty()), vec![t]))
        }
        _ => {
            let names: Vec<String> = learners.iter().map(|(n, _)| n.clone()).collect();
            match chosen {
                Some(c) => {
                    let mine: Vec<T> = learners
                        .into_iter()
                        .filter(|(n, _)| n == c)
                        .map(|(_, t)| t)
                        .collect();
                    if mine.is_empty() {
                        Err(Refusal {
                            message: format!("This {format} has no learner named {c}."),
                            learners: names,
                        })
                    } else {
                        Ok((Some(c.to_string()), mine))
                    }
                }
                None => Err(Refusal {
                    message: format!(
                        "This {format} holds the records of {} learners. Choose yours: only \
                         your activities are imported.",
                        names.len()
                    ),
                    learners: names,
                }),
            }
        }
    }
}

/// Reads `text` as a transcript; `None` when it is neither format (a spreadsheet, say), a
/// refusal naming what is wrong when it is one but cannot be read. `learner`: the learner
/// chosen when the file holds several.
pub fn read(text: &str, learner: Option<&str>) -> Option<Result<Transcript, Refusal>> {
    let t = text.trim_start();
    if t.starts_with('<') {
        if !(t.contains(MEDBIQ_V2) || t.contains(MEDBIQ_V1)) {
            return Some(Err(
                "This XML file is not a MedBiquitous Activity Report (its namespace should be \
                 http://ns.medbiq.org/activityreport/v2/)."
                    .to_string()
                    .into(),
            ));
        }
        // roxmltree descends one call per level: a file nested thousands deep would exhaust the
        // stack before any check of ours ran, so the nesting is measured first.
        if nests_deeper_than(t, MAX_DEPTH) {
            return Some(Err(deep_message().into()));
        }
        let doc = match roxmltree::Document::parse(t) {
            Ok(d) => d,
            Err(e) => {
                return Some(Err(format!(
                    "This Activity Report is not well-formed XML ({e})."
                )
                .into()))
            }
        };
        let Some(root) = from_xml(doc.root_element(), 0) else {
            return Some(Err(deep_message().into()));
        };
        return Some(medbiq::read(&root, learner));
    }
    if t.starts_with('{') || t.starts_with('[') {
        // Read leniently: the ACCME's own published draft is not strict JSON (a missing
        // comma), so a file from the same tooling may not be either; serde_json names the
        // place when it is not JSON at all.
        let value: serde_json::Value = match serde_json::from_str(t) {
            Ok(v) => v,
            Err(e) => {
                return Some(Err(
                    format!("This JSON file could not be read ({e}).").into()
                ))
            }
        };
        // A CME Tracker backup is a JSON file too: it belongs on the Backup page.
        if value.get("format").and_then(|f| f.as_str()) == Some("cme-tracker-backup") {
            return Some(Err(
                "This is a CME Tracker backup: import it on the Backup page."
                    .to_string()
                    .into(),
            ));
        }
        let root = from_json("", &value);
        return Some(accme::read(&root, learner));
    }
    None
}

/// How deep a transcript's elements may nest: the published schemas go a dozen levels down; a
/// file nested thousands deep is read no further, rather than exhausting the stack.
const MAX_DEPTH: usize = 64;

fn deep_message() -> String {
    format!(
        "This Activity Report nests its elements more than {MAX_DEPTH} deep, which no real \
         report does; it was not read."
    )
}

/// Whether the elements of `xml` nest more than `limit` deep, by a scan of its tags that keeps
/// no stack: comments, CDATA, processing instructions, declarations and quoted attribute values
/// are skipped, and a self-closing tag does not nest. A file that is not well-formed is left
/// to the parser to name.
fn nests_deeper_than(xml: &str, limit: usize) -> bool {
    let b = xml.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let skip_to = |from: usize, end: &[u8]| {
        b[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(b.len(), |p| from + p + end.len())
    };
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = skip_to(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_to(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_to(i + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            i = skip_to(i + 2, b">");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_to(i + 2, b">");
        } else {
            // An opening tag: to its `>`, past quoted values; `/>` closes it at once.
            let mut j = i + 1;
            let mut quote = None;
            while j < b.len() {
                match (quote, b[j]) {
                    (Some(q), c) if c == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(b[j]),
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if j > i + 1 && b[j - 1] != b'/' {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            i = j + 1;
        }
    }
    false
}

fn from_xml(e: roxmltree::Node, depth: usize) -> Option<Node> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut node = Node {
        ns: e.tag_name().namespace().unwrap_or_default().to_string(),
        name: e.tag_name().name().to_string(),
        text: e
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect(),
        children: e
            .children()
            .filter(|c| c.is_element())
            .map(|c| from_xml(c, depth + 1))
            .collect::<Option<_>>()?,
    };
    // Attributes (`activityID`, `moduleID`) read like children, in the element's namespace.
    for a in e.attributes() {
        node.children.push(Node {
            ns: node.ns.clone(),
            name: a.name().to_string(),
            text: a.value().to_string(),
            children: Vec::new(),
        });
    }
    Some(node)
}

fn from_json(name: &str, v: &serde_json::Value) -> Node {
    use serde_json::Value;
    let name = name.to_string();
    match v {
        Value::Object(map) => Node {
            ns: String::new(),
            name,
            text: String::new(),
            children: map
                .iter()
                .flat_map(|(k, v)| match v {
                    // An array is its items, each under the array's key.
                    Value::Array(items) => items.iter().map(|i| from_json(k, i)).collect(),
                    v => vec![from_json(k, v)],
                })
                .collect(),
        },
        Value::Array(items) => Node {
            ns: String::new(),
            name: name.clone(),
            text: String::new(),
            children: items.iter().map(|i| from_json(&name, i)).collect(),
        },
        Value::String(s) => Node {
            ns: String::new(),
            name,
            text: s.clone(),
            children: Vec::new(),
        },
        Value::Number(n) => Node {
            ns: String::new(),
            name,
            text: n.to_string(),
            children: Vec::new(),
        },
        Value::Bool(b) => Node {
            ns: String::new(),
            name,
            text: b.to_string(),
            children: Vec::new(),
        },
        Value::Null => Node {
            ns: String::new(),
            name,
            ..Node::default()
        },
    }
}

/// The rows of what was found, for the spreadsheet checks, with the mapping the format fixes.
fn rows(
    found: Vec<Found>,
    format: &'static str,
    accreditor: &str,
    learner: Option<String>,
) -> Result<Transcript, Refusal> {
    if found.is_empty() {
        return Err(format!("This {format} lists no completed activities.").into());
    }
    let headers = [
        "title",
        "provider",
        "accreditor",
        "start",
        "end",
        "credits",
        "notes",
    ];
    let rows = found
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            (
                // "Line" numbers count activities here (the header is line 1), so a problem
                // names the file's n-th activity.
                i as u64 + 2,
                vec![
                    f.title,
                    f.provider,
                    accreditor.to_string(),
                    f.start,
                    f.end,
                    f.credits,
                    f.notes,
                ],
            )
        })
        .collect();
    Ok(Transcript {
        format,
        learner,
        table: Table {
            headers: headers.map(String::from).to_vec(),
            rows,
        },
        mapping: Mapping {
            targets: vec![
                Target::Title,
                Target::Provider,
                Target::Accreditor,
                Target::Start,
                Target::End,
                Target::Credits,
                Target::Notes,
            ],
            // Both formats write ISO 8601 dates (a time after them is ignored).
            date_order: DateOrder::Iso,
            default_credit_type: "AMA_PRA_CAT1".into(),
            credit_types: Default::default(),
            topics: Default::default(),
        },
    })
}

#[cfg(test)]
mod tests;
