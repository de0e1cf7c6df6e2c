//! The rows as activities, checked by the activity form's rules, each problem named by its row.

use super::*;

/// A row that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowProblem {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub message: String,
}

/// What importing the file would do: nothing is stored until the user confirms.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub activities: Vec<Activity>,
    pub problems: Vec<RowProblem>,
    /// Indexes into `activities` of those equal to one already kept (same title, end date and
    /// credits): offered as skipped.
    pub duplicates: Vec<usize>,
    /// Credit types the file names that the app does not know, taken as the user's own types
    /// (`custom:…`), with how many rows use each: shown for the user to check or map.
    pub unknown_credit_types: Vec<(String, usize)>,
    /// Topics the file names that the app does not know, with how many rows use each: left
    /// out of the activities until the user says which topic each one is.
    pub unknown_topics: Vec<(String, usize)>,
}

/// How a transcript's note begins when it gives no completion date (`provider_transcript`).
pub const NO_COMPLETION_DATE: &str = "The report gives no completion date";

/// A credit type as a file names it: a code (`AMA_PRA_CAT1`), a label or short label ("AMA PRA
/// Category 1 Credit™", "AMA Cat 1"), else the user's own type.
pub fn credit_type_code(text: &str) -> (String, bool) {
    let t = text.trim();
    match vocab::credit_type_named(t) {
        Some(c) => (c.code.to_string(), true),
        None if t.starts_with("custom:") => (t.to_string(), true),
        None => (format!("custom:{t}"), false),
    }
}

pub(super) fn topic_code(text: &str) -> Option<TopicId> {
    vocab::topic_named(text)
}

/// A format as other trackers write it: its code or label, else the words that name it
/// ("Live" is in person, "Webinar" live and virtual, "Enduring" on demand).
fn format_named(text: &str) -> Option<Format> {
    if let Some(f) = coded(Format::ALL, text, Format::label) {
        return Some(f);
    }
    let t = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    Some(
        if has(&["virtual", "webinar", "webcast", "livestream", "zoom"]) {
            Format::LiveVirtual
        } else if has(&[
            "on demand",
            "on-demand",
            "online",
            "enduring",
            "recorded",
            "internet",
        ]) {
            Format::OnDemandOnline
        } else if has(&["journal", "reading", "article"]) {
            Format::JournalReading
        } else if has(&["workshop", "hands-on", "simulation", "skills"]) {
            Format::Workshop
        } else if has(&["conference", "meeting", "congress", "symposium", "summit"]) {
            Format::Conference
        } else if has(&["teaching", "faculty", "lecturing", "precept"]) {
            Format::Teaching
        } else if has(&[
            "self-assessment",
            "self assessment",
            "mksap",
            "board review questions",
        ]) {
            Format::SelfAssessment
        } else if has(&[
            "quality improvement",
            "qi project",
            "pi-cme",
            "performance improvement",
        ]) {
            Format::QualityImprovement
        } else if has(&[
            "live",
            "in person",
            "in-person",
            "grand rounds",
            "course",
            "lecture",
        ]) {
            Format::LiveInPerson
        } else {
            return None;
        },
    )
}

/// An accreditor by its code, label, or the words that name it ("Jointly accredited").
fn accreditor_named(text: &str) -> Option<Accreditor> {
    if let Some(a) = coded(Accreditor::ALL, text, Accreditor::label) {
        return Some(a);
    }
    let t = text.to_lowercase();
    let has = |w: &str| t.contains(w);
    Some(if has("joint") {
        Accreditor::JointAccreditation
    } else if has("accme") {
        Accreditor::Accme
    } else if has("aoa") || has("osteopathic") {
        Accreditor::Aoa
    } else if has("aafp") {
        Accreditor::Aafp
    } else if has("ancc") || has("nursing") {
        Accreditor::Ancc
    } else if has("acpe") || has("pharmacy") {
        Accreditor::Acpe
    } else if has("medical society") || has("state") {
        Accreditor::StateMedicalSociety
    } else if has("none") || has("not accredited") || has("non-accredited") {
        Accreditor::None
    } else {
        return None;
    })
}

pub(super) fn coded<T: Coded + Copy>(
    all: &[T],
    text: &str,
    label: impl Fn(T) -> &'static str,
) -> Option<T> {
    let t = text.trim();
    all.iter()
        .copied()
        .find(|v| v.code().eq_ignore_ascii_case(t) || label(*v).eq_ignore_ascii_case(t))
}

/// Reads every row of `table` with `mapping` into activities checked like the activity form's, and
/// compares them with `existing`. `today` decides which dates are "future" (planned only).
pub fn preview<A: Borrow<Activity>>(
    table: &Table,
    mapping: &Mapping,
    existing: &[A],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Preview {
    preview_with_progress(table, mapping, existing, today, now, &mut |_, _| {})
}

/// [`preview`], calling `progress(rows read, rows)` every thousand rows (and at the end), so a
/// long file shows how far it has come.
pub fn preview_with_progress<A: Borrow<Activity>>(
    table: &Table,
    mapping: &Mapping,
    existing: &[A],
    today: NaiveDate,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(usize, usize),
) -> Preview {
    let mut out = Preview {
        activities: Vec::new(),
        problems: Vec::new(),
        duplicates: Vec::new(),
        unknown_credit_types: Vec::new(),
        unknown_topics: Vec::new(),
    };
    let column = |t: Target| mapping.targets.iter().position(|x| *x == t);
    let cell = |row: &[String], t: Target| -> String {
        column(t)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let key = |a: &Activity| {
        let mut credits: Vec<(String, Amount)> = a
            .credits
            .iter()
            .map(|d| (d.credit_type.as_str().to_string(), d.amount))
            .collect();
        crate::domain::model::sort::sort(&mut credits);
        (a.title.trim().to_lowercase(), a.end, credits)
    };
    let kept: std::collections::HashSet<_> = existing.iter().map(Borrow::borrow).map(key).collect();
    let total = table.rows.len();
    for (n, (line, row)) in table.rows.iter().enumerate() {
        if n % 1000 == 0 {
            progress(n, total);
        }
        let line = *line;
        let mut problems: Vec<String> = Vec::new();
        let date = |t: Target, problems: &mut Vec<String>| {
            let text = cell(row, t);
            if text.is_empty() {
                return String::new();
            }
            match parse_date(&text, mapping.date_order) {
                Some(d) => d.to_string(),
                None => {
                    problems.push(format!("“{text}” is not a date."));
                    String::new()
                }
            }
        };
        let end = date(Target::End, &mut problems);
        let start = match date(Target::Start, &mut problems) {
            s if s.is_empty() => end.clone(),
            s => s,
        };
        let mut credits: Vec<CreditDraft> = Vec::new();
        // An unknown type stays listed (with its count) after the user has mapped it, so the
        // choice can be changed; the mapped code is what the activity gets.
        let mut note_type = |code: &str, known: bool, text: &str| {
            if known {
                return code.to_string();
            }
            match out.unknown_credit_types.iter_mut().find(|(t, _)| t == text) {
                Some((_, n)) => *n += 1,
                None => out.unknown_credit_types.push((text.to_string(), 1)),
            }
            mapping
                .credit_types
                .get(text)
                .cloned()
                .unwrap_or_else(|| code.to_string())
        };
        let pairs = cell(row, Target::Credits);
        for pair in pairs.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match pair.rsplit_once('=') {
                Some((t, a)) => {
                    let (code, known) = credit_type_code(t);
                    credits.push(CreditDraft {
                        credit_type: note_type(&code, known, t.trim()),
                        amount: parse_amount(a).map_or(a.trim().to_string(), |x| x.display_short()),
                    });
                }
                None => problems.push(format!("“{pair}” is not TYPE=amount.")),
            }
        }
        let amount = cell(row, Target::Amount);
        if !amount.is_empty() {
            let type_text = cell(row, Target::CreditType);
            let credit_type = if type_text.is_empty() {
                mapping.default_credit_type.clone()
            } else {
                let (code, known) = credit_type_code(&type_text);
                note_type(&code, known, &type_text)
            };
            match parse_amount(&amount) {
                Some(a) => credits.push(CreditDraft {
                    credit_type,
                    amount: a.display_short(),
                }),
                None => problems.push(format!("“{amount}” is not an amount of credit.")),
            }
        }
        let mut topics: Vec<TopicId> = Vec::new();
        let mut topic_hours = std::collections::BTreeMap::new();
        let topic_text = cell(row, Target::Topics);
        for part in topic_text
            .split([';', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (name, hours) = match part.rsplit_once('=') {
                Some((n, h)) => (n, Some(h.trim())),
                None => (part, None),
            };
            let name = name.trim();
            let mapped = mapping.topics.get(name).map(|c| TopicId::new(c));
            let known = topic_code(name);
            if known.is_none() {
                // Listed for the user to say which topic it is (it stays listed once mapped,
                // so the choice can be changed).
                match out.unknown_topics.iter_mut().find(|(t, _)| t == name) {
                    Some((_, n)) => *n += 1,
                    None => out.unknown_topics.push((name.to_string(), 1)),
                }
            }
            if let Some(t) = known.or(mapped) {
                if let Some(h) = hours {
                    topic_hours.insert(t.clone(), h.to_string());
                }
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
        }
        // A UAN says the format, the topic and the accreditor, where the row's own columns do not.
        let uan_text = cell(row, Target::Uan);
        let uan = if uan_text.is_empty() {
            None
        } else {
            match crate::domain::formats::uan::Uan::parse(&uan_text) {
                Ok(u) => Some(u),
                Err(why) => {
                    problems.push(format!("The UAN “{uan_text}”: {why}"));
                    None
                }
            }
        };
        if let Some(t) = uan.as_ref().and_then(|u| u.topic_id()) {
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        let accreditor_text = cell(row, Target::Accreditor);
        // A body the app has no name for (a board, a society) is kept in the notes, with the
        // activity marked "Other": the row is not refused for it.
        let mut unknown_body = None;
        let accreditor = if accreditor_text.is_empty() {
            if uan.is_some() {
                Accreditor::Acpe
            } else {
                Accreditor::Other
            }
        } else {
            accreditor_named(&accreditor_text).unwrap_or_else(|| {
                unknown_body = Some(format!("Accredited by {accreditor_text}"));
                Accreditor::Other
            })
        };
        let format_text = cell(row, Target::Format);
        let format = if format_text.is_empty() {
            match &uan {
                Some(u) if u.live => Format::LiveInPerson,
                Some(_) => Format::OnDemandOnline,
                None => Format::Other,
            }
        } else {
            format_named(&format_text).unwrap_or(Format::Other)
        };
        let status_text = cell(row, Target::Status);
        let status = if status_text.is_empty() {
            ActivityStatus::Completed
        } else {
            coded(ActivityStatus::ALL, &status_text, ActivityStatus::label).unwrap_or_else(|| {
                problems.push(format!("“{status_text}” is neither completed nor planned."));
                ActivityStatus::Completed
            })
        };
        let draft = ActivityDraft {
            title: cell(row, Target::Title),
            provider: cell(row, Target::Provider),
            accreditor,
            start,
            end: end.clone(),
            format,
            credits,
            topics,
            topic_hours,
            tags: cell(row, Target::Tags).replace(';', ","),
            status,
            notes: [
                cell(row, Target::Notes),
                unknown_body.unwrap_or_default(),
                uan.as_ref()
                    .map(|u| format!("ACPE UAN {} ({})", u.text(), u.describe()))
                    .unwrap_or_default(),
            ]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(". "),
        };
        if end.is_empty() && problems.is_empty() {
            // A transcript that gives only its reporting period says so in the row's notes: the
            // message repeats it and asks for the date, which is never made up.
            let period = draft
                .notes
                .split(". ")
                .find(|n| n.starts_with(NO_COMPLETION_DATE));
            problems.push(match period {
                Some(p) => {
                    format!("{p}: add this activity by hand with the date on its certificate.")
                }
                None => "The row has no date completed.".into(),
            });
        }
        if !problems.is_empty() {
            out.problems.extend(
                problems
                    .into_iter()
                    .map(|message| RowProblem { line, message }),
            );
            continue;
        }
        // The reflection's cells, checked by the reflection form's rules (a follow-up answer is
        // dated on the follow-up day, or today without one).
        let reflection = ReflectionDraft {
            learned: cell(row, Target::Learned),
            will_change: cell(row, Target::WillChange),
            follow_up: match cell(row, Target::FollowUp) {
                t if t.is_empty() => t,
                t => parse_date(&t, mapping.date_order).map_or(t, |d| d.to_string()),
            },
            changed: cell(row, Target::Changed).to_lowercase(),
            what_happened: cell(row, Target::WhatHappened),
        };
        let reflection = if reflection == ReflectionDraft::default() {
            Ok(None)
        } else {
            let end_date = parse_date(&end, DateOrder::Iso).unwrap_or(today);
            let follow_up = crate::domain::draft::parse_date(&reflection.follow_up);
            reflection
                .validate(end_date, None, follow_up.unwrap_or(today))
                .map(Some)
        };
        let reflection = match reflection {
            Ok(r) => r,
            Err(errors) => {
                out.problems.extend(errors.into_iter().map(|e| RowProblem {
                    line,
                    message: e.message,
                }));
                continue;
            }
        };
        match draft.validate(today) {
            Ok(valid) => {
                let id = Uuid::parse_str(&cell(row, Target::Id)).unwrap_or_else(|_| Uuid::new_v4());
                let mut a = valid.into_activity(None, id, now);
                a.reflection = reflection;
                if kept.contains(&key(&a)) {
                    out.duplicates.push(out.activities.len());
                }
                out.activities.push(a);
            }
            Err(errors) => out.problems.extend(errors.into_iter().map(|e| RowProblem {
                line,
                message: e.message,
            })),
        }
    }
    progress(total, total);
    out
}
