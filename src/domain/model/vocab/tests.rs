use super::*;
use std::collections::HashSet;

#[test]
fn vocabulary_codes_are_unique() {
    let mut seen = HashSet::new();
    assert!(CREDIT_TYPES.iter().all(|c| seen.insert(c.code)));
    let mut seen = HashSet::new();
    assert!(TOPICS.iter().all(|t| seen.insert(t.code)));
    let mut seen = HashSet::new();
    assert!(CONDITIONS.iter().all(|c| seen.insert(c.code)));
}

#[test]
fn synonyms_find_topics() {
    let hits: Vec<_> = search_topics("opioid prescribing")
        .iter()
        .map(|t| t.code)
        .collect();
    assert!(hits.contains(&"pain_management_opioids"));
    let hits: Vec<_> = search_topics("buprenorphine")
        .iter()
        .map(|t| t.code)
        .collect();
    assert_eq!(hits, vec!["substance_use_disorder"]);
}

#[test]
fn groups_name_known_topics_and_expand_to_their_members() {
    for (group, members) in GROUPS {
        assert!(topic(&TopicId::new(group)).is_some(), "{group} is a topic");
        for m in *members {
            assert!(topic(&TopicId::new(m)).is_some(), "{m} is a topic");
            assert!(group_members(m).is_empty(), "no nested groups: {m}");
        }
    }
    let e = expand_topics(&[TopicId::new("patient_safety_risk_management")]);
    assert!(e.contains(&TopicId::new("risk_management")));
    assert!(e.contains(&TopicId::new("patient_safety_risk_management")));
    assert_eq!(expand_topics(&[TopicId::new("geriatrics")]).len(), 1);
}

#[test]
fn ceu_counts_ten_hours() {
    assert_eq!(hours_percent(&CreditTypeId::new("CEU")), 1000);
    assert_eq!(
        hours_percent(&CreditTypeId::new("custom:Grand rounds")),
        100
    );
    assert_eq!(
        credit_type_label(&CreditTypeId::new("custom:Grand rounds")),
        "Grand rounds"
    );
}
