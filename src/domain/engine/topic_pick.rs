//! What the activity form's topic picker knows about the clinician's requirements: which topics
//! their credentials require (listed first, with the requirement each serves), and which ticked
//! topics are close to a required one they do not count toward (said before saving).

use crate::domain::model::credential::Credential;
use crate::domain::model::rule::RuleKind;
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::{self, TopicInfo};

/// A topic some requirement of the user's credentials asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredTopic {
    pub topic: TopicId,
    /// "Texas Medical Board: Ethics", one per requirement it serves.
    pub serves: Vec<String>,
}

/// Every topic the credentials' topic rules name, and the members of the groups they name,
/// in vocabulary order.
pub fn required_topics(credentials: &[Credential]) -> Vec<RequiredTopic> {
    let mut out: Vec<RequiredTopic> = Vec::new();
    for c in credentials {
        for r in &c.rules {
            let topics = match &r.kind {
                RuleKind::TopicMin { topics, .. }
                | RuleKind::Completion { topics, .. }
                | RuleKind::PerYear { topics, .. } => topics,
                _ => continue,
            };
            let need = format!("{}: {}", c.name, r.label);
            for t in vocab::expand_topics(topics) {
                match out.iter_mut().find(|x| x.topic == t) {
                    Some(x) if !x.serves.contains(&need) => x.serves.push(need.clone()),
                    Some(_) => {}
                    None => out.push(RequiredTopic {
                        topic: t,
                        serves: vec![need.clone()],
                    }),
                }
            }
        }
    }
    let rank = |t: &TopicId| {
        vocab::TOPICS
            .iter()
            .position(|i| i.code == t.as_str())
            .unwrap_or(usize::MAX)
    };
    crate::domain::model::sort::sort_by_key(&mut out, |r| rank(&r.topic));
    out
}

/// One line of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerEntry {
    pub info: &'static TopicInfo,
    /// The requirements it serves (empty for a topic none requires).
    pub serves: Vec<String>,
}

/// The topics matching `query` (code, label or synonym: "opioid", "pain", "SCOPE"), those the
/// user's requirements ask for first, then those her professions' boards name most.
pub fn picker(
    query: &str,
    required: &[RequiredTopic],
    professions: &[crate::domain::model::profession::Profession],
) -> Vec<PickerEntry> {
    let hits = vocab::search_topics(query);
    let serves = |info: &TopicInfo| {
        required
            .iter()
            .find(|r| r.topic.as_str() == info.code)
            .map(|r| r.serves.clone())
            .unwrap_or_default()
    };
    let mut first: Vec<PickerEntry> = Vec::new();
    let mut theirs: Vec<PickerEntry> = Vec::new();
    let mut rest: Vec<PickerEntry> = Vec::new();
    for info in hits {
        let s = serves(info);
        let entry = PickerEntry { info, serves: s };
        if !entry.serves.is_empty() {
            first.push(entry);
        } else if crate::domain::model::profession::topic_is_theirs(professions, info) {
            theirs.push(entry);
        } else {
            rest.push(entry);
        }
    }
    first.extend(theirs);
    first.extend(rest);
    first
}

/// Topics people mix up: each pair is close enough that ticking one when a requirement names the
/// other is worth a word before saving.
const NEAR: &[(&str, &str)] = &[
    (
        "pain_management_opioids",
        "pain_management_end_of_life_care",
    ),
    ("end_of_life_care", "pain_management_end_of_life_care"),
    (
        "pain_management_opioids",
        "controlled_substance_prescribing",
    ),
    ("pain_management_opioids", "substance_use_disorder"),
    ("controlled_substance_prescribing", "substance_use_disorder"),
    ("geriatrics", "older_adult_care"),
    ("geriatrics", "dementia"),
    ("implicit_bias", "cultural_competency"),
    ("implicit_bias", "health_equity"),
    ("cultural_competency", "health_equity"),
    ("medical_errors_patient_safety", "risk_management"),
    ("infection_control", "infectious_diseases"),
    ("domestic_violence", "sexual_assault"),
    ("domestic_violence", "child_abuse"),
    ("pharmacotherapeutics", "pharmacology"),
    (
        "ethics_professional_responsibility",
        "professional_boundaries",
    ),
    ("nutrition", "nutrition_metabolic_health"),
];

fn near(a: &str, b: &str) -> bool {
    NEAR.iter()
        .any(|(x, y)| (*x == a && *y == b) || (*x == b && *y == a))
}

/// A ticked topic close to a required one that it does not count toward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    pub ticked: TopicId,
    pub required: TopicId,
    pub serves: Vec<String>,
}

/// The near misses of `ticked` against the requirements: required topics not ticked (and not
/// covered through a group or another ticked topic) that are close to a ticked one.
pub fn near_misses(ticked: &[TopicId], required: &[RequiredTopic]) -> Vec<NearMiss> {
    let mut out = Vec::new();
    for r in required {
        if ticked.contains(&r.topic) || !vocab::group_members(r.topic.as_str()).is_empty() {
            continue;
        }
        if let Some(t) = ticked.iter().find(|t| near(t.as_str(), r.topic.as_str())) {
            out.push(NearMiss {
                ticked: t.clone(),
                required: r.topic.clone(),
                serves: r.serves.clone(),
            });
        }
    }
    out
}

/// The warning shown beside the topics before saving.
pub fn near_miss_text(m: &NearMiss) -> String {
    format!(
        "“{}” does not count toward {} (it needs “{}”). Tick that topic too if the activity covered it.",
        vocab::topic_label(&m.ticked),
        m.serves.join("; "),
        vocab::topic_label(&m.required)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    fn creds() -> Vec<Credential> {
        vec![
            credential("California", "2025-01-01", "2026-12-31")
                .rule(
                    topic_min("pain", "12", &["pain_management_end_of_life_care"], &[])
                        .label("Pain management & terminally ill"),
                )
                .build(),
            credential("Pennsylvania", "2025-01-01", "2026-12-31")
                .rule(
                    topic_min("psrm", "12", &["patient_safety_risk_management"], &[])
                        .label("Patient safety"),
                )
                .build(),
        ]
    }

    #[test]
    fn required_topics_come_first_with_what_they_serve() {
        let req = required_topics(&creds());
        let list = picker("pain", &req, &[]);
        assert_eq!(list[0].info.code, "pain_management_end_of_life_care");
        assert_eq!(
            list[0].serves,
            vec!["California: Pain management & terminally ill".to_string()]
        );
        assert!(list
            .iter()
            .skip(1)
            .any(|e| e.info.code == "pain_management_opioids"));
        // A group's members are required through it.
        let risk = picker("", &req, &[])
            .into_iter()
            .find(|e| e.info.code == "risk_management")
            .unwrap();
        assert_eq!(
            risk.serves,
            vec!["Pennsylvania: Patient safety".to_string()]
        );
        // Without requirements, the vocabulary order.
        assert_eq!(picker("", &[], &[])[0].info.code, vocab::TOPICS[0].code);
    }

    #[test]
    fn her_professions_topics_come_after_the_required_ones_and_before_the_rest() {
        use crate::domain::model::profession::Profession;
        let req = vec![RequiredTopic {
            topic: TopicId::new("ethics_professional_responsibility"),
            serves: vec!["Texas: Ethics".into()],
        }];
        let list = picker("", &req, &[Profession::Ems]);
        let codes: Vec<&str> = list.iter().map(|e| e.info.code).collect();
        assert_eq!(
            codes[..4],
            [
                "ethics_professional_responsibility",
                "nremt_national",
                "nremt_local",
                "nremt_individual"
            ]
        );
        assert_eq!(codes.len(), vocab::TOPICS.len(), "nothing hidden");
    }

    #[test]
    fn synonyms_find_topics_in_the_picker() {
        let codes =
            |q: &str| -> Vec<&str> { picker(q, &[], &[]).iter().map(|e| e.info.code).collect() };
        assert!(codes("opioid").contains(&"pain_management_opioids"));
        assert!(codes("SCOPE").contains(&"scope_of_practice_specialty"));
        assert!(codes("palliative").contains(&"end_of_life_care"));
    }

    #[test]
    fn a_close_topic_that_does_not_count_is_named_before_saving() {
        let req = required_topics(&creds());
        let misses = near_misses(&[TopicId::new("pain_management_opioids")], &req);
        assert_eq!(misses.len(), 1);
        assert_eq!(
            misses[0].required.as_str(),
            "pain_management_end_of_life_care"
        );
        let text = near_miss_text(&misses[0]);
        assert!(text.starts_with("“Pain management & opioid prescribing” does not count toward California: Pain management & terminally ill"), "{text}");
        // Ticking the required topic too clears it.
        let both = [
            TopicId::new("pain_management_opioids"),
            TopicId::new("pain_management_end_of_life_care"),
        ];
        assert!(near_misses(&both, &req).is_empty());
    }
}
