//! The MedBiquitous Activity Report v2, by its XSD (activityreport.xsd, with member.xsd and the
//! healthcare metadata's `creditsType`): `ActivityReports`? → `ActivityReport`+ →
//! (`Member` | `Participants`), `Activity`+ → `Module`+ → `CompletedDateTime`?,
//! `CreditCertificate`* → `CreditReceived` (`activityCertification`, `creditUnit`,
//! `numberOfCredits`).

use super::{credit_pair, pick, rows, Found, Node, Refusal, Transcript, MEDBIQ_V1, MEDBIQ_V2};
use crate::domain::formats::spreadsheet::NO_COMPLETION_DATE;

const MEMBER: &str = "http://ns.medbiq.org/member/v2/";
/// The healthcare LOM extension `CreditReceived`'s fields are declared in.
const HX: &str = "http://ns.medbiq.org/lom/extend/v1/";
const FORMAT: &str = "MedBiquitous Activity Report";

pub(super) fn read(root: &Node, learner: Option<&str>) -> Result<Transcript, Refusal> {
    let ar = if root.ns == MEDBIQ_V1 {
        MEDBIQ_V1
    } else {
        MEDBIQ_V2
    };
    // `ActivityReports` wraps one or more reports, with the reporting period; a bare
    // `ActivityReport` is one.
    let (reports, period): (Vec<&Node>, Option<(String, String)>) = match root.name.as_str() {
        "ActivityReports" => (
            root.all(ar, "ActivityReport").collect(),
            Some((
                root.text_of(ar, "ReportingStartDate"),
                root.text_of(ar, "ReportingEndDate"),
            ))
            .filter(|(a, b)| !a.is_empty() || !b.is_empty()),
        ),
        "ActivityReport" => (vec![root], None),
        other => {
            return Err(format!(
                "This file's root element is {other}, not an ActivityReport: it is not a \
                 MedBiquitous Activity Report."
            )
            .into())
        }
    };
    // A report about participants (a provider's report to a regulator) lists no learner's own
    // completions: none of it is hers.
    let (with_member, participants): (Vec<&Node>, Vec<&Node>) = reports
        .into_iter()
        .partition(|r| r.one(ar, "Participants").is_none());
    if with_member.is_empty() && !participants.is_empty() {
        let count: usize = participants
            .iter()
            .filter_map(|r| r.one(ar, "Participants"))
            .map(|p| p.all(ar, "Participant").count())
            .sum();
        return Err(format!(
            "This Activity Report is a provider's report about {count} participant{} (for a \
             regulator), not a learner's transcript: it holds none of your own completions, so \
             nothing was imported.",
            if count == 1 { "" } else { "s" }
        )
        .into());
    }
    let mut learners: Vec<(String, Vec<&Node>)> = Vec::new();
    for r in with_member {
        let name = r.one(ar, "Member").map(member_name).unwrap_or_default();
        match learners.iter_mut().find(|(n, _)| *n == name) {
            Some((_, rs)) => rs.push(r),
            None => learners.push((name, vec![r])),
        }
    }
    let (learner, chosen) = pick(learners, learner, FORMAT)?;
    let mut found = Vec::new();
    for r in chosen.into_iter().flatten() {
        for activity in r.all(ar, "Activity") {
            found.extend(modules(ar, activity, period.as_ref()));
        }
    }
    rows(found, FORMAT, "", learner)
}

/// "Jane Doe": the member's given and family names, wherever its `Name` holds them.
fn member_name(member: &Node) -> String {
    let Some(name) = member.one(MEMBER, "Name") else {
        return String::new();
    };
    let mut parts = Vec::new();
    find_all(name, &["GivenName", "MiddleName", "FamilyName"], &mut parts);
    if parts.is_empty() {
        find_all(name, &["FormattedName"], &mut parts);
    }
    parts.join(" ")
}

fn find_all(n: &Node, names: &[&str], out: &mut Vec<String>) {
    for wanted in names {
        for c in n.children.iter().filter(|c| c.name == *wanted) {
            let t = c.own_text();
            if !t.is_empty() {
                out.push(t);
            }
        }
    }
    if out.is_empty() {
        for c in &n.children {
            find_all(c, names, out);
        }
    }
}

/// One row per module: the activity's name (and the module's, when it has several), its
/// provider, the module's dates and each credit certificate.
fn modules(ar: &str, activity: &Node, period: Option<&(String, String)>) -> Vec<Found> {
    let name = activity.text_of(ar, "ActivityName");
    let provider = activity.text_of(ar, "ProviderOrganization");
    let modules: Vec<&Node> = activity.all(ar, "Module").collect();
    let several = modules.len() > 1;
    modules
        .into_iter()
        // A module registered for, or expired, was not completed: it earned nothing.
        .filter(|m| {
            let status = m.text_of(ar, "Status");
            status.is_empty() || status == "Completed"
        })
        .map(|m| {
            let module = m.text_of(ar, "ModuleName");
            let title = match (
                name.is_empty(),
                several && !module.is_empty() && module != name,
            ) {
                (true, _) => module.clone(),
                (false, true) => format!("{name}: {module}"),
                (false, false) => name.clone(),
            };
            let completed = m.text_of(ar, "CompletedDateTime");
            let mut notes = Vec::new();
            if let Some(id) = activity.one(ar, "activityID").map(Node::own_text) {
                notes.push(format!("Activity ID {id}"));
            }
            if completed.is_empty() {
                // Never a date of our own making: the row is refused with this said.
                notes.push(match period {
                    Some((from, to)) => {
                        format!("{NO_COMPLETION_DATE}, only its period ({from} to {to})")
                    }
                    None => NO_COMPLETION_DATE.to_string(),
                });
            }
            let credits = m
                .all(ar, "CreditCertificate")
                .filter_map(|c| c.one(ar, "CreditReceived"))
                .filter_map(|c| {
                    credit_pair(
                        &c.text_of(HX, "activityCertification"),
                        &c.text_of(HX, "creditUnit"),
                        &c.text_of(HX, "numberOfCredits"),
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            Found {
                title,
                provider: provider.clone(),
                start: m.text_of(ar, "StartDateTime"),
                end: completed,
                credits,
                notes: notes.join(". "),
            }
        })
        .collect()
}
