//! What the dashboard shows, decided here from the records and their evaluations: the line on
//! where things stand, the follow-ups due, what to take next, and a card per credential with a
//! badge, a progress bar and a sentence per requirement.
//!
//! The page draws a [`DashboardView`] (`ui::components::dashboard_view`) and decides nothing: every
//! word and figure is chosen here, where it is tested natively.

use std::borrow::Borrow;

use chrono::NaiveDate;

use crate::domain::engine::evaluate::{
    CredentialStatus, Evaluation, Measure, RuleEvaluation, RuleStatus,
};
use crate::domain::engine::plan::Plan;
use crate::domain::text::badges::{self, Badge};
use crate::domain::text::describe;
use crate::domain::{Activity, Amount, Credential};

/// Everything the dashboard shows, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardView {
    /// The figures count planned activities (the what-if view; never kept).
    pub what_if: bool,
    /// No credential yet: the page is the welcome.
    pub welcome: bool,
    /// "2 of 3 credentials on track · 12 hours still to earn · next deadline: …".
    pub summary: String,
    /// No activity logged yet: the page points to the form.
    pub no_activities: bool,
    pub follow_ups: Vec<FollowUpLine>,
    pub plan: Vec<PlanLine>,
    /// Credentials met only through a renewal pathway still open: the ways to finish.
    pub pathways: Vec<String>,
    /// Under the plan: its total, and what one activity counting several times saved.
    pub plan_total: String,
    pub cards: Vec<Card>,
}

/// A reflection whose follow-up date is near or past.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpLine {
    pub activity_id: String,
    pub title: String,
    /// " — in 3 days (5 Dec 2026)".
    pub when: String,
    pub overdue: bool,
}

/// One item of "What to take next".
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    pub sentence: String,
    /// The title of the learning goal it becomes ("Make it a goal").
    pub goal_title: String,
}

/// A credential's card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub credential_id: String,
    pub name: String,
    pub badge: Badge,
    /// "CE due in 9 months (31 Aug 2027)".
    pub due: String,
    /// How many of the activities counting here have their certificate on file.
    pub certificates: Option<String>,
    /// No rule entered: the card points to the credential's page.
    pub no_rules: bool,
    pub rules: Vec<RuleLine>,
}

/// One requirement on a card.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleLine {
    pub label: String,
    pub badge: Badge,
    pub progress: Option<Progress>,
    pub sentence: String,
    /// The renewal pathway this rule belongs to, when the board offers several.
    pub pathway: Option<String>,
}

/// A progress bar with its figures in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// 0–100.
    pub percent: i64,
    pub met: bool,
    /// "12 of 48 hours".
    pub label: String,
    /// Counting planned activities.
    pub projected: bool,
}

/// A requirement's progress bar, for rules with a figure to reach (not caps, not rules that do
/// not apply).
pub fn progress(re: &RuleEvaluation, fmt_amount: &dyn Fn(Amount) -> String) -> Option<Progress> {
    if re.measure == Measure::CapHours
        || !matches!(
            re.status,
            RuleStatus::Met | RuleStatus::NotMet | RuleStatus::MetWithPlanned
        )
    {
        return None;
    }
    let required = re.required.hundredths().max(1);
    let label = if re.measure == Measure::Activities {
        format!("{} of 1 activity", re.counted.hundredths() / 100)
    } else {
        format!(
            "{} of {}",
            fmt_amount(re.counted),
            re.unit.amount_with(re.required, &fmt_amount(re.required))
        )
    };
    Some(Progress {
        percent: (re.counted.hundredths() * 100 / required).clamp(0, 100),
        met: re.status == RuleStatus::Met,
        label,
        projected: re.projected,
    })
}

/// The dashboard for `shown` (the actual evaluations, or their what-if view) and the plan made
/// from the actual ones. `activities` are every activity on record.
#[allow(clippy::too_many_arguments)]
pub fn build<A: Borrow<Activity>>(
    credentials: &[Credential],
    activities: &[A],
    shown: &[Evaluation],
    the_plan: &Plan,
    what_if: bool,
    today: NaiveDate,
    fmt_date: &dyn Fn(NaiveDate) -> String,
    fmt_amount: &dyn Fn(Amount) -> String,
) -> DashboardView {
    let with_rules: Vec<&Evaluation> = shown
        .iter()
        .filter(|e| e.status != CredentialStatus::NoRequirements)
        .collect();
    let without_rules = shown.len() - with_rules.len();
    let to_earn = describe::to_earn_text(the_plan, fmt_amount);
    DashboardView {
        what_if,
        welcome: credentials.is_empty(),
        summary: summary(
            &with_rules,
            without_rules,
            &to_earn,
            crate::domain::engine::certificates::without_certificate(activities),
            what_if,
            today,
            fmt_date,
        ),
        no_activities: activities.is_empty(),
        follow_ups: crate::domain::engine::goals::follow_ups_due(activities, today)
            .into_iter()
            .map(|f| FollowUpLine {
                activity_id: f.activity_id.to_string(),
                when: format!(" — {}", describe::time_until(today, f.date, fmt_date)),
                overdue: f.days < 0,
                title: f.title,
            })
            .collect(),
        plan: the_plan
            .items
            .iter()
            .map(|item| PlanLine {
                sentence: describe::plan_sentence(item, fmt_date),
                goal_title: describe::plan_goal_title(item),
            })
            .collect(),
        pathways: the_plan
            .pathways
            .iter()
            .map(|a| describe::pathway_advice_sentence(a, fmt_amount))
            .collect(),
        plan_total: plan_total(the_plan, fmt_amount),
        cards: shown
            .iter()
            .filter_map(|ev| {
                let cred = credentials.iter().find(|c| c.id == ev.credential_id)?;
                Some(card(cred, ev, activities, today, fmt_date, fmt_amount))
            })
            .collect(),
    }
}

fn summary(
    with_rules: &[&Evaluation],
    without_rules: usize,
    to_earn: &str,
    no_certificate: usize,
    what_if: bool,
    today: NaiveDate,
    fmt_date: &dyn Fn(NaiveDate) -> String,
) -> String {
    let on_track = with_rules.iter().filter(|e| e.is_on_track()).count();
    let next = with_rules
        .iter()
        .filter(|e| !e.is_on_track())
        .min_by_key(|e| e.deadline);
    let projected = if what_if {
        " (projected, counting planned activities)"
    } else {
        ""
    };
    let n = with_rules.len();
    let mut summary = match next {
        None if with_rules.is_empty() => String::new(),
        None if n == 1 => format!("Your credential with requirements is on track{projected}."),
        None => format!("All {n} credentials with requirements are on track{projected}."),
        Some(e) => format!(
            "{on_track} of {n} credential{} on track{projected} · {} still to earn · next deadline: {}, {}.",
            if n == 1 { "" } else { "s" },
            if to_earn.is_empty() { "nothing" } else { to_earn },
            e.credential_name,
            describe::time_until(today, e.deadline, fmt_date)
        ),
    };
    if no_certificate > 0 {
        summary.push_str(&format!(
            " {no_certificate} completed {} no certificate on file.",
            if no_certificate == 1 {
                "activity has"
            } else {
                "activities have"
            }
        ));
    }
    if without_rules > 0 {
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(&if without_rules == 1 {
            "1 credential has no requirements entered yet.".to_string()
        } else {
            format!("{without_rules} credentials have no requirements entered yet.")
        });
    }
    summary
}

/// "12 hours in total — 3 hours fewer than meeting each requirement separately, …": what
/// sharing hours saved, said when the plan has one unit.
fn plan_total(the_plan: &Plan, fmt_amount: &dyn Fn(Amount) -> String) -> String {
    let Some((unit, total)) = the_plan.to_earn() else {
        return String::new();
    };
    let mut text = format!(
        "{} in total",
        describe::totals_text(&[(unit, total)], fmt_amount)
    );
    if the_plan.totals.len() > 1 {
        // Credits, hours and points are earned hour by hour, often by the same activity.
        return format!(
            "{} of learning in total: {}, one activity often giving several at once.",
            describe::totals_text(&[(unit, total)], fmt_amount),
            describe::totals_text(&the_plan.totals, fmt_amount)
        );
    }
    let saved = match the_plan.totals.as_slice() {
        [(unit, total)] => the_plan.separate_total(*unit).saturating_sub(*total),
        _ => Amount::ZERO,
    };
    if saved.is_positive() {
        text.push_str(&format!(
            " — {} fewer than meeting each requirement separately, because one activity can count toward several requirements and credentials.",
            describe::totals_text(&[(unit, saved)], fmt_amount)
        ));
    } else {
        text.push('.');
    }
    text
}

fn card<A: Borrow<Activity>>(
    cred: &Credential,
    ev: &Evaluation,
    activities: &[A],
    today: NaiveDate,
    fmt_date: &dyn Fn(NaiveDate) -> String,
    fmt_amount: &dyn Fn(Amount) -> String,
) -> Card {
    let (missing, counted) = crate::domain::engine::certificates::missing_among(
        activities,
        &ev.contributing_activity_ids(),
    );
    Card {
        credential_id: cred.id.to_string(),
        name: cred.name.clone(),
        badge: badges::credential_badge(ev),
        due: format!(
            "CE due {}",
            describe::time_until(today, ev.deadline, fmt_date)
        ),
        certificates: crate::domain::text::certificates::missing_sentence(missing, counted),
        no_rules: cred.rules.is_empty(),
        rules: cred
            .rules
            .iter()
            .zip(&ev.rules)
            .map(|(rule, re)| RuleLine {
                label: rule.label.clone(),
                badge: badges::rule_badge(re.status, re.projected),
                progress: progress(re, fmt_amount),
                sentence: describe::status_sentence(rule, re, fmt_date, fmt_amount),
                pathway: cred
                    .pathways
                    .as_ref()
                    .and_then(|p| p.pathway_of(&rule.id))
                    .map(|pw| format!("Only for the pathway “{}”.", pw.label)),
            })
            .collect(),
    }
}

/// The dashboard's reminder that edits made on two devices wait for her review.
pub fn sync_reviews_notice(count: usize) -> String {
    match count {
        1 => "1 edit was made on two of your devices before either saw the other's: choose which to keep.".into(),
        n => format!("{n} edits were made on two of your devices before either saw the other's: choose which to keep."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::engine::evaluate::evaluate_all;
    use crate::domain::engine::plan::plan;

    fn view_of(credentials: &[Credential], activities: &[Activity], today: &str) -> DashboardView {
        let today = date(today);
        let evaluations = evaluate_all(credentials, activities, today);
        let the_plan = plan(credentials, &evaluations, false);
        build(
            credentials,
            activities,
            &evaluations,
            &the_plan,
            false,
            today,
            &|d| d.format("%-d %b %Y").to_string(),
            &|a| a.display_short(),
        )
    }

    #[test]
    fn the_summary_names_what_is_on_track_what_is_left_and_the_next_deadline() {
        let ohio = credential("Ohio MD", "2025-02-01", "2027-01-31")
            .rule(total("total", "50", &["AMA_PRA_CAT1"]))
            .build();
        let board = credential("ABIM", "2025-01-01", "2027-12-31")
            .rule(total("total", "10", &["AMA_PRA_CAT1"]))
            .build();
        let done = activity("2026-03-01")
            .title("Grand rounds")
            .credit("AMA_PRA_CAT1", "12")
            .build();
        let v = view_of(&[ohio, board], &[done], "2026-12-02");
        assert!(!v.welcome && !v.no_activities);
        assert_eq!(
            v.summary,
            "1 of 2 credentials on track · 38 credits still to earn · next deadline: Ohio MD, \
             in 8 weeks (31 Jan 2027). 1 completed activity has no certificate on file."
        );
        assert_eq!(v.cards.len(), 2);
        let ohio = &v.cards[0];
        assert_eq!(ohio.name, "Ohio MD");
        assert_eq!(ohio.badge.text, "✗ Requirements outstanding");
        assert_eq!(ohio.badge.tone, crate::domain::text::badges::Tone::Bad);
        assert_eq!(ohio.due, "CE due in 8 weeks (31 Jan 2027)");
        let bar = ohio.rules[0].progress.as_ref().unwrap();
        assert_eq!((bar.percent, bar.met), (24, false));
        assert_eq!(bar.label, "12 of 50 credits");
        assert_eq!(
            ohio.certificates.as_deref(),
            Some("The activity counting here has no certificate on file.")
        );
        assert_eq!(v.cards[1].badge.text, "✓ All requirements met");
        assert!(v.cards[1].rules[0].progress.as_ref().unwrap().met);
        // The plan asks for the 38 hours Ohio still needs.
        assert_eq!(v.plan.len(), 1);
        assert!(
            v.plan_total.starts_with("38 credits in total"),
            "{}",
            v.plan_total
        );
    }

    #[test]
    fn without_activities_or_rules_the_view_says_what_to_do_next() {
        let bare = credential("DEA", "2025-01-01", "2027-12-31").build();
        let v = view_of(std::slice::from_ref(&bare), &[], "2026-12-02");
        assert!(v.no_activities);
        assert!(v.cards[0].no_rules);
        assert_eq!(v.cards[0].badge.text, "– No requirements entered");
        assert_eq!(v.summary, "1 credential has no requirements entered yet.");
        assert!(view_of(&[], &[], "2026-12-02").welcome);
    }

    #[test]
    fn the_what_if_view_says_projected_in_words() {
        let ohio = credential("Ohio MD", "2025-02-01", "2027-01-31")
            .rule(total("total", "10", &["AMA_PRA_CAT1"]))
            .build();
        let planned = activity("2027-01-10")
            .credit("AMA_PRA_CAT1", "10")
            .planned()
            .build();
        let today = date("2026-12-02");
        let actual = evaluate_all(
            std::slice::from_ref(&ohio),
            std::slice::from_ref(&planned),
            today,
        );
        let shown: Vec<Evaluation> = actual.iter().map(Evaluation::what_if).collect();
        let the_plan = plan(std::slice::from_ref(&ohio), &actual, true);
        let v = build(
            std::slice::from_ref(&ohio),
            std::slice::from_ref(&planned),
            &shown,
            &the_plan,
            true,
            today,
            &|d| d.to_string(),
            &|a| a.display_short(),
        );
        assert!(v.what_if);
        assert_eq!(v.cards[0].badge.text, "◷ Projected: all requirements met");
        assert!(
            v.summary
                .contains("(projected, counting planned activities)"),
            "{}",
            v.summary
        );
        assert!(v.cards[0].rules[0].progress.as_ref().unwrap().projected);
    }

    #[test]
    fn one_credential_on_track_is_not_all_one() {
        let creds = vec![credential("Ohio MD", "2025-01-01", "2026-12-31")
            .rule(total("total", "2", &[]))
            .build()];
        let acts = vec![activity("2025-03-01").credit("AMA_PRA_CAT1", "2").build()];
        let v = view_of(&creds, &acts, "2026-06-01");
        assert!(
            v.summary
                .starts_with("Your credential with requirements is on track."),
            "{}",
            v.summary
        );
    }

    #[test]
    fn the_sync_reviews_notice_counts_in_words() {
        assert!(super::sync_reviews_notice(1).starts_with("1 edit was made"));
        assert!(super::sync_reviews_notice(3).starts_with("3 edits were made"));
    }
}
