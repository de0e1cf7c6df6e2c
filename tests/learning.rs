//! The learning cycle: goal progress, follow-ups due, the goal and reflection forms, the credit
//! claim warnings and the summary of how one learns.

use uuid::Uuid;

use cme_tracker::domain::build::*;
use cme_tracker::domain::draft::*;
use cme_tracker::domain::engine::goals::*;
use cme_tracker::domain::model::activity::Accreditor;
use cme_tracker::domain::model::learning::*;
use cme_tracker::domain::{Activity, ActivityStatus, CreditTypeId, Format, TopicId};

fn goal(ids: &[Uuid]) -> Goal {
    GoalDraft {
        title: "Safer opioid tapering".into(),
        target_hours: "4".into(),
        target_date: "2026-09-30".into(),
        topics: vec![TopicId::new("pain_management_opioids")],
        ..GoalDraft::default()
    }
    .validate(Uuid::new_v4(), None)
    .map(|mut g| {
        g.activity_ids = ids.to_vec();
        g
    })
    .unwrap()
}

#[test]
fn a_goal_counts_its_completed_activities_hours_on_its_topics_and_apart_the_planned() {
    let mut conf = activity("2026-03-01")
        .credit("AMA_PRA_CAT1", "6")
        .topic("pain_management_opioids")
        .build();
    conf.topic_hours
        .insert(TopicId::new("pain_management_opioids"), hours("1.5"));
    let webinar = activity("2026-04-01").credit("AMA_PRA_CAT1", "1").build();
    let planned = activity("2026-08-01")
        .credit("AMA_PRA_CAT1", "2")
        .planned()
        .build();
    let unlinked = activity("2026-04-02").credit("AMA_PRA_CAT1", "9").build();
    let g = goal(&[conf.id, webinar.id, planned.id]);
    let acts = vec![conf, webinar, planned, unlinked];
    let p = progress(&g, &acts, date("2026-06-30"));
    // 1.5 h on the topic of the conference, the whole webinar (no topic hours kept).
    assert_eq!(p.hours, hours("2.5"));
    assert_eq!((p.completed, p.planned), (2, 1));
    assert_eq!(p.planned_hours, hours("2"));
    assert_eq!(p.percent, Some(62));
    assert!(!p.reached && !p.overdue);
    // After its target date, still being worked on: overdue; met or set aside: not.
    assert!(progress(&g, &acts, date("2026-10-01")).overdue);
    let mut met = g.clone();
    met.status = GoalStatus::Met;
    assert!(!progress(&met, &acts, date("2026-10-01")).overdue);
    // Without a target: no percent, never "reached".
    let mut open = g.clone();
    open.target_hours = None;
    assert_eq!(progress(&open, &acts, date("2026-06-30")).percent, None);
    let mut small = g;
    small.target_hours = Some(hours("2"));
    let p = progress(&small, &acts, date("2026-06-30"));
    assert_eq!((p.percent, p.reached), (Some(100), true));
}

fn reflected(title: &str, end: &str, follow_up: Option<&str>, done: bool) -> Activity {
    let mut a = activity(end)
        .title(title)
        .credit("AMA_PRA_CAT1", "1")
        .build();
    a.reflection = Some(Reflection {
        learned: "x".into(),
        will_change: "y".into(),
        follow_up: follow_up.map(date),
        outcome: done.then(|| FollowUpOutcome {
            date: date("2026-06-01"),
            changed: Changed::Partly,
            what_happened: String::new(),
        }),
    });
    a
}

#[test]
fn follow_ups_are_due_from_two_weeks_before_their_date_until_recorded() {
    let acts = vec![
        reflected("Overdue", "2026-01-10", Some("2026-06-01"), false),
        reflected("Soon", "2026-02-10", Some("2026-07-10"), false),
        reflected("Later", "2026-03-10", Some("2026-07-20"), false),
        reflected("Done", "2026-01-10", Some("2026-05-01"), true),
        reflected("No date", "2026-01-10", None, false),
    ];
    let due = follow_ups_due(&acts, date("2026-06-30"));
    let seen: Vec<(&str, i64)> = due.iter().map(|d| (d.title.as_str(), d.days)).collect();
    assert_eq!(seen, [("Overdue", -29), ("Soon", 10)]);
    // The day "Later" comes within 14 days it is listed too.
    assert_eq!(follow_ups_due(&acts, date("2026-07-06")).len(), 3);
}

#[test]
fn the_goal_form_checks_its_fields_and_keeps_links_when_editing() {
    let bad = GoalDraft {
        title: " ".into(),
        target_hours: "0".into(),
        target_date: "2026-02-30".into(),
        need: "gossip".into(),
        ..GoalDraft::default()
    };
    let errors = bad.validate(Uuid::new_v4(), None).unwrap_err();
    let fields: Vec<GoalField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            GoalField::Title,
            GoalField::Need,
            GoalField::TargetDate,
            GoalField::TargetHours
        ]
    );
    let g = goal(&[Uuid::new_v4()]);
    let mut d = GoalDraft::from_goal(&g);
    assert_eq!(d.target_hours, "4");
    d.title = "Renamed".into();
    d.status = GoalStatus::Met;
    let edited = d.validate(Uuid::new_v4(), Some(&g)).unwrap();
    assert_eq!((edited.id, &edited.activity_ids), (g.id, &g.activity_ids));
    assert_eq!(edited.status, GoalStatus::Met);
}

#[test]
fn a_plan_item_becomes_a_goal_with_its_topic_credit_type_hours_and_deadline() {
    let d = GoalDraft::from_plan(
        "Pain management & opioid prescribing: 2 hours",
        &[TopicId::new("pain_management_opioids")],
        Some("AMA_PRA_CAT1"),
        hours("2"),
        date("2027-01-31"),
        "Texas Medical Board",
    );
    let g = d.validate(Uuid::new_v4(), None).unwrap();
    assert_eq!(g.need, Some(NeedSource::RequirementGap));
    assert_eq!(g.target_hours, Some(hours("2")));
    assert_eq!(g.target_date, Some(date("2027-01-31")));
    assert_eq!(
        g.credit_type.as_ref().map(|c| c.as_str()),
        Some("AMA_PRA_CAT1")
    );
    assert_eq!(g.notes, "Needed for Texas Medical Board.");
}

#[test]
fn a_goal_links_each_activity_once_and_plans_the_hours_still_to_go() {
    let mut g = goal(&[]);
    let a = activity("2026-03-01").credit("AMA_PRA_CAT1", "1").build();
    g.link(a.id);
    g.link(a.id);
    assert_eq!(g.activity_ids, [a.id]);
    let p = progress(&g, std::slice::from_ref(&a), date("2026-06-30"));
    let d = g.planned_activity(&p, date("2026-06-30"));
    assert_eq!(d.status, ActivityStatus::Planned);
    assert_eq!(d.topics, g.topics);
    assert_eq!(d.credits[0].amount, "3");
    assert_eq!(d.credits[0].credit_type, "AMA_PRA_CAT1");
    assert!(d.validate(date("2026-06-30")).is_ok());
    g.unlink(a.id);
    assert!(g.activity_ids.is_empty());
}

#[test]
fn the_reflection_form_asks_what_will_change_before_a_follow_up_and_dates_the_outcome() {
    let end = date("2026-03-01");
    let d = ReflectionDraft {
        learned: "New taper schedule".into(),
        follow_up: "2026-02-01".into(),
        ..ReflectionDraft::default()
    };
    let fields: Vec<ReflectionField> = d
        .validate(end, None, date("2026-03-02"))
        .unwrap_err()
        .iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [ReflectionField::FollowUp, ReflectionField::WillChange]
    );
    let d = ReflectionDraft {
        will_change: "Offer a taper plan at each refill".into(),
        follow_up: "2026-06-01".into(),
        ..d
    };
    let r = d.validate(end, None, date("2026-03-02")).unwrap();
    assert_eq!(r.follow_up, Some(date("2026-06-01")));
    assert!(r.outcome.is_none());
    // At follow-up: the answer is dated today, and keeps that date when edited later.
    let done = ReflectionDraft {
        changed: "partly".into(),
        what_happened: "Half the patients tapered".into(),
        ..ReflectionDraft::from_reflection(&r)
    };
    let r2 = done.validate(end, Some(&r), date("2026-06-03")).unwrap();
    assert_eq!(r2.outcome.as_ref().unwrap().date, date("2026-06-03"));
    let r3 = ReflectionDraft::from_reflection(&r2)
        .validate(end, Some(&r2), date("2026-07-01"))
        .unwrap();
    assert_eq!(r3.outcome.unwrap().date, date("2026-06-03"));
    let orphan = ReflectionDraft {
        what_happened: "Something".into(),
        ..ReflectionDraft::default()
    };
    assert_eq!(
        orphan.validate(end, None, date("2026-03-02")).unwrap_err()[0].field,
        ReflectionField::Changed
    );
}

#[test]
fn a_credit_type_claimed_from_a_provider_that_cannot_award_it_is_warned_about() {
    let cat1 = [CreditTypeId::new("AMA_PRA_CAT1")];
    assert!(credit_claim_warnings(Accreditor::Accme, &cat1).is_empty());
    assert!(credit_claim_warnings(Accreditor::JointAccreditation, &cat1).is_empty());
    let w = credit_claim_warnings(Accreditor::None, &cat1);
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("ACCME-accredited"), "{w:?}");
    assert_eq!(
        credit_claim_warnings(Accreditor::Accme, &[CreditTypeId::new("ANCC_CONTACT_HOUR")]).len(),
        1
    );
    // The holder's own types and informal credit are never warned about.
    assert!(credit_claim_warnings(
        Accreditor::None,
        &[
            CreditTypeId::new("custom:Grand rounds"),
            CreditTypeId::new("AMA_PRA_CAT2")
        ]
    )
    .is_empty());
}

#[test]
fn the_summary_counts_hours_per_year_and_format_goals_and_reflections() {
    let mut a = reflected("A", "2025-03-01", Some("2025-06-01"), true);
    a.format = Format::Conference;
    let mut b = activity("2026-03-01").credit("AMA_PRA_CAT1", "2").build();
    b.format = Format::Conference;
    let c = activity("2026-04-01")
        .credit("AMA_PRA_CAT1", "3")
        .planned()
        .build();
    let mut met = goal(&[]);
    met.status = GoalStatus::Met;
    let s = summary(&[a, b, c], &[met, goal(&[])]);
    assert_eq!(
        s.hours_by_year_format[&2025][&Format::Conference],
        hours("1")
    );
    assert_eq!(
        s.hours_by_year_format[&2026][&Format::Conference],
        hours("2")
    );
    assert_eq!(s.hours_by_format, [(Format::Conference, hours("3"))]);
    assert_eq!((s.goals_met, s.goals_active), (1, 1));
    assert_eq!(
        (s.reflections, s.follow_ups_done, s.changes_made),
        (1, 1, 1)
    );
}
