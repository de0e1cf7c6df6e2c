//! Provider and accreditor transcripts: a MedBiquitous Activity Report (XML, the ANSI standard CE
//! providers and boards exchange) and an ACCME learner transcript (JSON, from PARS). Both are read
//! into the same [`Table`] a spreadsheet becomes, with a [`Mapping`] the format fixes, so their
//! activities are checked, previewed, de-duplicated and their unknown credit types offered for
//! mapping exactly like a spreadsheet's rows. docs/transcripts.md lists the elements read.
//!
//! Both formats are trees; each is turned into one neutral [`Node`] tree and read by one walker.
//! Element and key names are compared without case and namespace prefix, and the walker accepts
//! the names the published versions use for the same field (a v1 report, a v2 report, the JSON
//! learner transcript), so a provider's small variations do not lose activities.
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
    pub table: Table,
    pub mapping: Mapping,
}

/// One element (XML) or key (JSON) with its text and children.
#[derive(Debug, Clone, Default)]
struct Node {
    /// Lower case, without namespace.
    name: String,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn child(&self, names: &[&str]) -> Option<&Node> {
        names
            .iter()
            .find_map(|n| self.children.iter().find(|c| c.name == *n))
    }

    /// The text of the first child named one of `names` (its own `name` child when it has
    /// children: `<Provider><Name>…</Name></Provider>`).
    fn field(&self, names: &[&str]) -> String {
        match self.child(names) {
            Some(c) if c.children.is_empty() => c.text.trim().to_string(),
            Some(c) => c
                .child(&["name", "providername", "organizationname", "title"])
                .map(|n| n.text.trim().to_string())
                .unwrap_or_default(),
            None => String::new(),
        }
    }
}

const TITLE: &[&str] = &[
    "title",
    "activitytitle",
    "activityname",
    "coursetitle",
    "coursename",
    "name",
];
const END: &[&str] = &[
    "completiondate",
    "datecompleted",
    "completeddate",
    "enddate",
    "activityenddate",
    "participationdate",
    "dateawarded",
    "awarddate",
    "date",
];
const START: &[&str] = &["startdate", "activitystartdate", "begindate"];
const PROVIDER: &[&str] = &[
    "provider",
    "providername",
    "accreditedprovider",
    "sponsor",
    "organization",
];
const CREDIT: &[&str] = &[
    "credit",
    "credits",
    "creditsawarded",
    "creditawarded",
    "creditclaimed",
    "creditsclaimed",
];
const CREDIT_TYPE: &[&str] = &[
    "credittype",
    "credittypename",
    "designation",
    "type",
    "category",
    "name",
];
/// A credit without a type: listed with the unknown types for the user to name.
const NO_TYPE: &str = "No credit type given";
const AMOUNT: &[&str] = &[
    "amount",
    "creditamount",
    "credits",
    "creditsawarded",
    "quantity",
    "value",
    "hours",
    "units",
];

/// Reads `text` as a transcript; `None` when it is neither format (a spreadsheet, say), an
/// error naming what is wrong when it is one but cannot be read.
pub fn read(text: &str) -> Option<Result<Transcript, String>> {
    let t = text.trim_start();
    if t.starts_with('<') {
        if !(t.contains(MEDBIQ_V2) || t.contains(MEDBIQ_V1) || t.contains("<ActivityReport")) {
            return Some(Err(
                "This XML file is not a MedBiquitous Activity Report (its namespace should be \
                 http://ns.medbiq.org/activityreport/v2/)."
                    .into(),
            ));
        }
        // roxmltree descends one call per level: a file nested thousands deep would exhaust the
        // stack before any check of ours ran, so the nesting is measured first.
        if nests_deeper_than(t, MAX_DEPTH) {
            return Some(Err(deep_message()));
        }
        let doc = match roxmltree::Document::parse(t) {
            Ok(d) => d,
            Err(e) => {
                return Some(Err(format!(
                    "This Activity Report is not well-formed XML ({e})."
                )))
            }
        };
        let Some(root) = from_xml(doc.root_element(), 0) else {
            return Some(Err(deep_message()));
        };
        return Some(rows(&root, "MedBiquitous Activity Report", ""));
    }
    if t.starts_with('{') || t.starts_with('[') {
        let value: serde_json::Value = match serde_json::from_str(t) {
            Ok(v) => v,
            Err(e) => return Some(Err(format!("This JSON file could not be read ({e})."))),
        };
        // A CME Tracker backup is a JSON file too: it belongs on the Backup page.
        if value.get("format").and_then(|f| f.as_str()) == Some("cme-tracker-backup") {
            return Some(Err(
                "This is a CME Tracker backup: import it on the Backup page.".into(),
            ));
        }
        let root = from_json("", &value);
        return Some(rows(&root, "ACCME learner transcript", "accme"));
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
        name: e.tag_name().name().to_lowercase(),
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
    // Attributes read like children (`<Credit type="AMA PRA Category 1" amount="1.5"/>`).
    for a in e.attributes() {
        node.children.push(Node {
            name: a.name().to_lowercase(),
            text: a.value().to_string(),
            children: Vec::new(),
        });
    }
    Some(node)
}

fn from_json(name: &str, v: &serde_json::Value) -> Node {
    use serde_json::Value;
    let name = name.to_lowercase();
    match v {
        Value::Object(map) => Node {
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
            name: name.clone(),
            text: String::new(),
            children: items.iter().map(|i| from_json(&name, i)).collect(),
        },
        Value::String(s) => Node {
            name,
            text: s.clone(),
            children: Vec::new(),
        },
        Value::Number(n) => Node {
            name,
            text: n.to_string(),
            children: Vec::new(),
        },
        Value::Bool(b) => Node {
            name,
            text: b.to_string(),
            children: Vec::new(),
        },
        Value::Null => Node {
            name,
            ..Node::default()
        },
    }
}

/// An activity is a node with a title and a completion date among its direct children; the
/// learner's own record (a `Member` with a `Name`) has no date, so it is not one.
fn is_activity(n: &Node) -> bool {
    let has = |names: &[&str]| {
        n.children.iter().any(|c| {
            names.contains(&c.name.as_str())
                && (!c.text.trim().is_empty() || !c.children.is_empty())
        })
    };
    has(TITLE) && has(END)
}

fn collect<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    if is_activity(n) {
        out.push(n);
        return;
    }
    for c in &n.children {
        collect(c, out);
    }
}

/// `TYPE=amount; …` for an activity: each credit child with a type and an amount, or the
/// activity's own type and amount fields.
fn credits(a: &Node) -> String {
    let mut pairs = Vec::new();
    for c in a
        .children
        .iter()
        .filter(|c| CREDIT.contains(&c.name.as_str()) && !c.children.is_empty())
    {
        let kind = c.field(CREDIT_TYPE);
        let amount = c.field(AMOUNT);
        if !amount.is_empty() {
            pairs.push(format!(
                "{}={amount}",
                if kind.is_empty() { NO_TYPE } else { &kind }
            ));
        }
    }
    if pairs.is_empty() {
        let kind = a.field(&["credittype", "credittypename", "designation"]);
        let amount = a.field(&[
            "credits",
            "creditamount",
            "creditsawarded",
            "hours",
            "amount",
        ]);
        if !amount.is_empty() {
            pairs.push(format!(
                "{}={amount}",
                if kind.is_empty() { NO_TYPE } else { &kind }
            ));
        }
    }
    // A `;` inside a type's name would split the pair: it becomes a comma.
    pairs
        .iter()
        .map(|p| p.replace(';', ","))
        .collect::<Vec<_>>()
        .join("; ")
}

fn rows(root: &Node, format: &'static str, accreditor: &str) -> Result<Transcript, String> {
    let mut found = Vec::new();
    collect(root, &mut found);
    if found.is_empty() {
        return Err(format!(
            "This {format} lists no activities (an activity needs a title and a completion date)."
        ));
    }
    let headers = ["title", "provider", "accreditor", "start", "end", "credits"];
    let rows = found
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let end = a.field(END);
            (
                // "Line" numbers count activities here (the header is line 1), so a problem
                // names the file's n-th activity.
                i as u64 + 2,
                vec![
                    a.field(TITLE),
                    a.field(PROVIDER),
                    accreditor.to_string(),
                    a.field(START),
                    end,
                    credits(a),
                ],
            )
        })
        .collect();
    Ok(Transcript {
        format,
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
            ],
            // Both formats write ISO 8601 dates (a time after them is ignored).
            date_order: DateOrder::Iso,
            default_credit_type: "AMA_PRA_CAT1".into(),
            credit_types: Default::default(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::{date, hours, NO_ACTIVITIES};
    use crate::domain::formats::spreadsheet::preview;
    use chrono::Utc;

    const REPORT: &str = include_str!("../../../tests/fixtures/transcripts/activity-report-v2.xml");
    const PARS: &str =
        include_str!("../../../tests/fixtures/transcripts/accme-learner-transcript.json");

    fn credits(a: &crate::domain::model::activity::Activity) -> Vec<(String, String)> {
        a.credits
            .iter()
            .map(|d| (d.credit_type.as_str().to_string(), d.amount.display_short()))
            .collect()
    }

    #[test]
    fn an_activity_report_reads_to_its_activities_and_names_its_bad_one() {
        let t = read(REPORT).unwrap().unwrap();
        assert_eq!(t.format, "MedBiquitous Activity Report");
        let p = preview(
            &t.table,
            &t.mapping,
            NO_ACTIVITIES,
            date("2026-06-30"),
            Utc::now(),
        );
        let titles: Vec<&str> = p.activities.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Sepsis: early recognition & treatment",
                "Opioid prescribing under REMS"
            ]
        );
        let sepsis = &p.activities[0];
        assert_eq!(sepsis.provider, "Example Academy of Medicine");
        assert_eq!(
            (sepsis.start, sepsis.end),
            (date("2025-03-10"), date("2025-03-11"))
        );
        assert_eq!(
            credits(sepsis),
            [
                ("AMA_PRA_CAT1".to_string(), "6.5".to_string()),
                ("ANCC_CONTACT_HOUR".to_string(), "6.5".to_string())
            ]
        );
        // The unknown type is offered for mapping, not dropped.
        assert_eq!(
            p.unknown_credit_types,
            vec![("Pharmacology hours (APRN)".to_string(), 1)]
        );
        assert_eq!(p.activities[1].credits[0].amount, hours("2"));
        // The third activity's date does not exist: named by its place in the file.
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 4);
        assert_eq!(p.problems[0].message, "“2025-02-30” is not a date.");
    }

    #[test]
    fn a_learner_transcript_reads_to_its_activities_with_the_learner_left_out() {
        let t = read(PARS).unwrap().unwrap();
        assert_eq!(t.format, "ACCME learner transcript");
        let mut mapping = t.mapping.clone();
        let check =
            |m: &Mapping| preview(&t.table, m, NO_ACTIVITIES, date("2026-06-30"), Utc::now());
        let p = check(&mapping);
        assert_eq!(p.problems, vec![]);
        assert_eq!(p.activities.len(), 2);
        let bias = &p.activities[0];
        assert_eq!(bias.title, "Implicit bias in clinical care");
        assert_eq!(bias.provider, "Example University CME Office");
        assert_eq!(
            bias.accreditor,
            crate::domain::model::activity::Accreditor::Accme
        );
        assert_eq!(bias.end, date("2025-09-15"));
        assert_eq!(
            credits(bias),
            [
                ("AMA_PRA_CAT1".to_string(), "1.5".to_string()),
                ("ABIM_MOC_POINT".to_string(), "1.5".to_string())
            ]
        );
        assert_eq!(p.activities[1].end, date("2025-10-01"));
        assert_eq!(
            p.unknown_credit_types,
            vec![("Board X Self-Assessment".to_string(), 1)]
        );
        // Mapped by the user, the unknown type imports as the chosen one.
        mapping
            .credit_types
            .insert("Board X Self-Assessment".into(), "AMA_PRA_CAT1".into());
        let p = check(&mapping);
        assert_eq!(
            p.activities[1].credits[0].credit_type.as_str(),
            "AMA_PRA_CAT1"
        );
        // Imported over itself: both are offered as duplicates.
        let again = preview(
            &t.table,
            &mapping,
            &p.activities,
            date("2026-06-30"),
            Utc::now(),
        );
        assert_eq!(again.duplicates, vec![0, 1]);
    }

    #[test]
    fn a_report_nested_thousands_deep_is_refused_with_a_message_not_a_crash() {
        let depth = 10_000;
        let text = format!(
            "<ActivityReport xmlns=\"http://ns.medbiq.org/activityreport/v2/\">{}{}</ActivityReport>",
            "<a>".repeat(depth),
            "</a>".repeat(depth)
        );
        let Some(Err(message)) = read(&text) else {
            panic!("must be refused")
        };
        assert!(message.contains("deep"), "{message}");
        // The scan counts nesting, not tags: comments, CDATA, quoted `>` and self-closing
        // tags do not nest.
        let flat = format!(
            "<r a=\"x>y\" b='/>'><!-- <a><a> --><![CDATA[<a><a>]]>{}<?pi <a> ?></r>",
            "<c/><d k=\"1\"></d>".repeat(5000)
        );
        assert!(!nests_deeper_than(&flat, 2));
        assert!(nests_deeper_than("<r><a><b/></a></r>", 1));
        assert!(!nests_deeper_than("<r><a><b/></a></r>", 2));
        // JSON is bounded by its parser's own recursion limit.
        let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(read(&json), Some(Err(_))));
    }

    #[test]
    fn other_files_are_not_taken_for_transcripts_and_broken_ones_are_named() {
        assert!(read("Course,Date\nA,2025-01-01\n").is_none());
        let Some(Err(m)) = read("<html><body>hi</body></html>") else {
            panic!()
        };
        assert!(m.contains("not a MedBiquitous Activity Report"), "{m}");
        let broken = REPORT.replace("</Title>", "");
        let Some(Err(m)) = read(&broken) else {
            panic!()
        };
        assert!(
            m.starts_with("This Activity Report is not well-formed XML"),
            "{m}"
        );
        let Some(Err(m)) = read(r#"{"format":"cme-tracker-backup","version":3}"#) else {
            panic!()
        };
        assert!(m.contains("Backup page"), "{m}");
        let Some(Err(m)) = read(r#"{"ACCMETranscripts":[]}"#) else {
            panic!()
        };
        assert!(m.contains("lists no activities"), "{m}");
    }
}
