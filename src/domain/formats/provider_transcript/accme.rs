//! The ACCME PARS learner transcript (JSON), by its published element paths:
//! `ACCMETranscripts[]` (one per learner) → `Member.Name`, `ActivityTranscript[]` → `Activity`
//! (`ProviderOrganization`: the 7-digit ACCME provider id, `ReportingOrganization`: its name)
//! → `Module` (`ModuleName.value`, `ModuleName.moduleID`, `CompletedDateTime`,
//! `CreditCertificate[]` → `CreditReceived` `activityCertification`, `creditUnit`,
//! `numberOfCredits`).

use super::{credit_pair, pick, rows, Found, Node, Refusal, Transcript};

const FORMAT: &str = "ACCME learner transcript";

pub(super) fn read(root: &Node, learner: Option<&str>) -> Result<Transcript, Refusal> {
    let records: Vec<&Node> = root.all("", "ACCMETranscripts").collect();
    if records.is_empty() {
        return Err(
            "This JSON file is not an ACCME learner transcript (it has no ACCMETranscripts)."
                .to_string()
                .into(),
        );
    }
    let learners: Vec<(String, &Node)> = records.iter().map(|r| (name(r), *r)).collect();
    let (learner, chosen) = pick(learners, learner, FORMAT)?;
    let mut found = Vec::new();
    for record in chosen {
        for t in record.all("", "ActivityTranscript") {
            for activity in t.all("", "Activity") {
                found.extend(modules(activity));
            }
        }
    }
    rows(found, FORMAT, "accme", learner)
}

fn name(record: &Node) -> String {
    let Some(n) = record.one("", "Member").and_then(|m| m.one("", "Name")) else {
        return String::new();
    };
    [n.text_of("", "GivenName"), n.text_of("", "FamilyName")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn modules(activity: &Node) -> Vec<Found> {
    // The provider id keeps its leading zeros: it is text in the file, never a number here.
    let provider_id = activity.text_of("", "ProviderOrganization");
    let provider = activity.text_of("", "ReportingOrganization");
    activity
        .all("", "Module")
        .map(|m| {
            let module_name = m.one("", "ModuleName");
            let title = module_name.map(Node::own_text).unwrap_or_default();
            let activity_id = module_name
                .map(|n| n.text_of("", "moduleID"))
                .unwrap_or_default();
            let mut notes = Vec::new();
            if !provider_id.is_empty() {
                notes.push(format!("ACCME provider {provider_id}"));
            }
            if !activity_id.is_empty() {
                notes.push(format!("ACCME activity {activity_id}"));
            }
            let credits = m
                .all("", "CreditCertificate")
                .filter_map(|c| c.one("", "CreditReceived"))
                .filter_map(|c| {
                    credit_pair(
                        &c.text_of("", "activityCertification"),
                        &c.text_of("", "creditUnit"),
                        &c.text_of("", "numberOfCredits"),
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            Found {
                title,
                provider: if provider.is_empty() {
                    provider_id.clone()
                } else {
                    provider.clone()
                },
                start: String::new(),
                end: m.text_of("", "CompletedDateTime"),
                credits,
                notes: notes.join("; "),
            }
        })
        .collect()
}
