//! Deadlines as a calendar file (iCalendar, RFC 5545): each credential's cycle end and CE
//! deadline, each requirement with a deadline of its own (a one-time course due by a date, each
//! year of a per-year rule) and each learning goal's target date, as all-day events with alarms
//! 90, 30 and 7 days before. UIDs are derived from what the event is (credential, cycle, rule,
//! year, goal), never from its date or wording, so importing a newer file into a calendar updates
//! the events instead of adding copies.
//!
//! Pure; written in the worker.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use crate::domain::engine::evaluate::{Evaluation, RuleStatus};

/// Days before each event that its alarms sound.
pub const ALARM_DAYS: [u32; 3] = [90, 30, 7];

/// The domain part of every UID: the events are this app's own.
const UID_DOMAIN: &str = "cme-tracker.invalid";

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// A learning goal with a target date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalDate {
    pub id: Uuid,
    pub title: String,
    pub target: NaiveDate,
}

fn uid(parts: &[&str]) -> String {
    format!("{}@{UID_DOMAIN}", parts.join("-"))
}

/// What is still needed for a credential, one line per outstanding rule.
fn outstanding(ev: &Evaluation) -> String {
    let lines: Vec<String> = ev
        .rules
        .iter()
        .filter(|r| !r.status.is_satisfied())
        .map(|r| {
            format!(
                "{}: {} of {} counted",
                r.label,
                r.unit.amount_text(r.counted),
                r.unit.amount_text(r.required)
            )
        })
        .collect();
    if lines.is_empty() {
        format!("{}.", ev.status.label())
    } else {
        format!("Still needed —\n{}", lines.join("\n"))
    }
}

/// The events of every credential's current cycle and every goal, in date order.
pub fn events(evaluations: &[Evaluation], goals: &[GoalDate]) -> Vec<Event> {
    let mut out = Vec::new();
    for ev in evaluations {
        let cred = ev.credential_id.to_string();
        let cycle = ev.cycle_start.to_string();
        out.push(Event {
            uid: uid(&["cycle-end", &cred, &cycle]),
            date: ev.cycle_end,
            summary: format!("{}: cycle ends", ev.credential_name),
            description: outstanding(ev),
        });
        if ev.deadline != ev.cycle_end {
            out.push(Event {
                uid: uid(&["ce-deadline", &cred, &cycle]),
                date: ev.deadline,
                summary: format!("{}: CE due", ev.credential_name),
                description: outstanding(ev),
            });
        }
        for r in ev.rules.iter().filter(|r| {
            !matches!(
                r.status,
                RuleStatus::NotApplicable | RuleStatus::Exempt | RuleStatus::DeemedMet
            )
        }) {
            let state = format!(
                "{} of {} counted ({}).",
                r.unit.amount_text(r.counted),
                r.unit.amount_text(r.required),
                r.status.label()
            );
            // A rule due on a date of its own (a one-time course due by the first renewal).
            if r.deadline != ev.deadline && r.years.is_empty() {
                out.push(Event {
                    uid: uid(&["rule", &cred, &cycle, &r.rule_id]),
                    date: r.deadline,
                    summary: format!("{}: {} due", ev.credential_name, r.label),
                    description: state.clone(),
                });
            }
            // Each year of a per-year rule that has not ended.
            for y in r.years.iter().filter(|y| !y.ended) {
                out.push(Event {
                    uid: uid(&["year", &cred, &r.rule_id, &y.from.to_string()]),
                    date: y.to,
                    summary: format!("{}: {} — year ends", ev.credential_name, r.label),
                    description: format!(
                        "{} of {} counted this year ({} to {}).",
                        r.unit.amount_text(y.counted),
                        r.unit.amount_text(y.required),
                        y.from,
                        y.to
                    ),
                });
            }
        }
    }
    for g in goals {
        out.push(Event {
            uid: uid(&["goal", &g.id.to_string()]),
            date: g.target,
            summary: format!("Learning goal: {}", g.title),
            description: "Target date of a learning goal in CME Tracker.".into(),
        });
    }
    crate::domain::model::sort::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid))
    });
    out
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn ics_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The events as an iCalendar file (CRLF line ends, folded lines, escaped text).
pub fn ics(events: &[Event], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//CME Tracker//Deadlines//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, "X-WR-CALNAME:CME deadlines");
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", e.uid));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", ics_date(e.date)),
        );
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", ics_date(e.date + Duration::days(1))),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        // A deadline is not a meeting: the day stays free.
        line(&mut out, "TRANSP:TRANSPARENT");
        for days in ALARM_DAYS {
            line(&mut out, "BEGIN:VALARM");
            line(&mut out, "ACTION:DISPLAY");
            line(
                &mut out,
                &format!(
                    "DESCRIPTION:{}",
                    escape(&format!("In {days} days: {}", e.summary))
                ),
            );
            line(&mut out, &format!("TRIGGER:-P{days}D"));
            line(&mut out, "END:VALARM");
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

// Native only: the ical crate reads the file back (a dev-dependency of native builds).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::engine::evaluate::evaluate_all;

    fn credentials() -> Vec<crate::domain::model::credential::Credential> {
        let mut mate = total("mate", "8", &[]);
        mate.label = "DEA MATE training, once".into();
        let tx = credential("Texas, MD; \"board\"", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .build();
        let mut dea = credential("DEA registration", "2024-06-01", "2027-05-31").build();
        dea.cycle.ce_deadline = Some(date("2027-04-30"));
        dea.rules.push(mate);
        vec![tx, dea]
    }

    fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
        let mut reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let cal = reader
            .next()
            .expect("one calendar")
            .expect("a calendar that parses");
        assert!(reader.next().is_none(), "exactly one calendar");
        cal
    }

    fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.as_deref())
    }

    #[test]
    fn the_calendar_parses_back_to_each_deadline_with_three_alarms() {
        let creds = credentials();
        let acts = vec![activity("2025-03-01").credit("AMA_PRA_CAT1", "10").build()];
        let evs = evaluate_all(&creds, &acts, date("2026-06-30"));
        let goal = GoalDate {
            id: Uuid::new_v4(),
            title: "Safer opioid tapering, with a \\ and a line\nbreak".into(),
            target: date("2026-10-15"),
        };
        let events = events(&evs, std::slice::from_ref(&goal));
        let text = ics(&events, Utc::now());
        // RFC 5545: CRLF line ends, no line over 75 octets.
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            text.split("\r\n").all(|l| l.len() <= 75),
            "a line is too long"
        );
        assert!(!text.replace("\r\n", "").contains('\n'), "a bare line feed");
        let cal = parse(&text);
        assert_eq!(prop(&cal.properties, "VERSION"), Some("2.0"));
        assert!(prop(&cal.properties, "PRODID").is_some());
        let read: Vec<(String, String, String)> = cal
            .events
            .iter()
            .map(|e| {
                (
                    prop(&e.properties, "DTSTART").unwrap().to_string(),
                    prop(&e.properties, "SUMMARY").unwrap().to_string(),
                    prop(&e.properties, "UID").unwrap().to_string(),
                )
            })
            .collect();
        let summaries: Vec<(&str, &str)> = read
            .iter()
            .map(|(d, s, _)| (d.as_str(), s.as_str()))
            .collect();
        assert_eq!(
            summaries,
            [
                (
                    "20261015",
                    "Learning goal: Safer opioid tapering\\, with a \\\\ and a line\\nbreak"
                ),
                ("20270131", "Texas\\, MD\\; \"board\": cycle ends"),
                ("20270430", "DEA registration: CE due"),
                ("20270531", "DEA registration: cycle ends"),
            ]
        );
        for e in &cal.events {
            assert!(prop(&e.properties, "DTSTAMP").is_some());
            let dtstart = e.properties.iter().find(|p| p.name == "DTSTART").unwrap();
            let params = dtstart.params.clone().unwrap_or_default();
            assert!(params
                .iter()
                .any(|(k, v)| k == "VALUE" && v == &["DATE".to_string()]));
            let triggers: Vec<&str> = e
                .alarms
                .iter()
                .map(|a| prop(&a.properties, "TRIGGER").unwrap())
                .collect();
            assert_eq!(triggers, ["-P90D", "-P30D", "-P7D"]);
            for a in &e.alarms {
                assert_eq!(prop(&a.properties, "ACTION"), Some("DISPLAY"));
                assert!(prop(&a.properties, "DESCRIPTION").is_some());
            }
        }
        // The outstanding hours are in the cycle end's description.
        let tx = cal
            .events
            .iter()
            .find(|e| prop(&e.properties, "SUMMARY").unwrap().starts_with("Texas"))
            .unwrap();
        let d = prop(&tx.properties, "DESCRIPTION").unwrap();
        assert!(d.contains("10 hours of 48 hours counted"), "{d}");
    }

    #[test]
    fn uids_are_stable_so_a_newer_file_updates_the_same_events() {
        let mut creds = credentials();
        let acts = vec![activity("2025-03-01").credit("AMA_PRA_CAT1", "10").build()];
        let before = events(&evaluate_all(&creds, &acts, date("2026-06-30")), &[]);
        // The holder corrects the expiry date and logs more: same events, new dates and text.
        creds[0].cycle.end = date("2027-02-28");
        let more = vec![
            acts[0].clone(),
            activity("2026-05-01").credit("AMA_PRA_CAT1", "20").build(),
        ];
        let after = events(&evaluate_all(&creds, &more, date("2026-07-30")), &[]);
        let uids = |e: &[Event]| {
            let mut v: Vec<String> = e.iter().map(|x| x.uid.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(uids(&before), uids(&after));
        let unique: std::collections::HashSet<_> = before.iter().map(|e| &e.uid).collect();
        assert_eq!(unique.len(), before.len());
        let tx = |e: &[Event]| {
            e.iter()
                .find(|x| x.summary.starts_with("Texas"))
                .unwrap()
                .clone()
        };
        assert_eq!(tx(&after).date, date("2027-02-28"));
        assert_ne!(tx(&before).description, tx(&after).description);
        // A new cycle is a new event (the old one stays in the calendar as history).
        creds[0].cycle.start = date("2027-03-01");
        creds[0].cycle.end = date("2029-02-28");
        let next = events(&evaluate_all(&creds, &more, date("2027-03-02")), &[]);
        assert!(!uids(&before).contains(&tx(&next).uid));
    }
}
