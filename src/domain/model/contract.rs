//! The validity contract: what every stored record must satisfy, whoever made it.
//!
//! The forms, backup import, later CSV and transcript imports and the stored-format loader all
//! check records against these limits, so that nothing one path refuses can come in by another,
//! and so that the engine only ever sees data it can compute with (dates it can do arithmetic on,
//! recurrences it can turn into windows, text that cannot break the layout).
//!
//! A check never stops at the first problem: it names every field that is wrong, each with the
//! record it belongs to (kind, position, title) and the field's path, so a person can find it.

use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;

use crate::domain::model::activity::Activity;
use crate::domain::model::credential::{Credential, Cycle};
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::rule::{Recurrence, Rule, RuleKind};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab;

pub use crate::domain::model::limits::{
    self, date_problem, MAX_CYCLES, MAX_CYCLE_DAYS, MAX_DATE, MAX_DESIGNATION, MAX_GRACE_DAYS,
    MAX_MONTHS, MAX_RULE_AMOUNT, MAX_WEIGHT_PERCENT, MIN_DATE,
};

/// Which record a problem is in: "activity 3 “Ethics grand rounds”".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    /// "activity", "credential", "goal", "deletion", "settings".
    pub kind: &'static str,
    /// 1-based position in its list (0 for a record that is not in a list, such as settings).
    pub position: usize,
    /// The title or name, when the record has a readable one.
    pub title: Option<String>,
}

impl RecordRef {
    pub fn new(kind: &'static str, index: usize, title: Option<&str>) -> RecordRef {
        RecordRef {
            kind,
            position: index + 1,
            title: title
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| shorten(t, 60)),
        }
    }
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind)?;
        if self.position > 0 {
            write!(f, " {}", self.position)?;
        }
        if let Some(t) = &self.title {
            write!(f, " “{t}”")?;
        }
        Ok(())
    }
}

/// One thing wrong with one field of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: RecordRef,
    /// The field's path from the top of the file or store: `activities[2].credits[0].amount`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}: {}", self.record, self.path, self.message)
    }
}

/// Cuts `text` to `max` characters with an ellipsis (for naming a record, never for storing).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Why a timestamp is outside the contract.
pub fn time_problem(t: DateTime<Utc>) -> Option<String> {
    date_problem(t.date_naive()).map(|_| format!("{} is outside 1900 to 2200", t.date_naive()))
}

/// Why a text is too long (`max` characters), if it is.
pub fn length_problem(text: &str, max: usize) -> Option<String> {
    let n = text.chars().count();
    (n > max).then(|| format!("is {n} characters long; at most {max} are kept"))
}

/// Whether a credit type code is one the app knows (built in, or the user's own `custom:…`).
pub fn known_credit_type(id: &CreditTypeId) -> bool {
    vocab::credit_type(id).is_some()
        || id
            .as_str()
            .strip_prefix("custom:")
            .is_some_and(|label| !label.trim().is_empty() && label.chars().count() <= limits::CODE)
}

pub fn known_topic(id: &TopicId) -> bool {
    vocab::topic(id).is_some()
}

pub fn known_condition(code: &str) -> bool {
    vocab::CONDITIONS.iter().any(|c| c.code == code)
}

/// Collects problems for one record under one path prefix. The record's name and the prefix
/// are written out only when a problem is found: a store of 10,000 activities is checked at
/// every start, and almost all of them have none.
pub struct Checker<'a, 'r> {
    kind: &'static str,
    /// The list the record is in ("activities"), or the record's own name ("settings").
    list: &'static str,
    /// Its position in `list`; `None` for a record that is not in a list.
    index: Option<usize>,
    title: Option<&'r str>,
    out: &'a mut Vec<Problem>,
}

impl<'a, 'r> Checker<'a, 'r> {
    /// Problems of the record at `index` of `list` (a `kind`, named by `title`).
    pub fn new(
        kind: &'static str,
        list: &'static str,
        index: usize,
        title: Option<&'r str>,
        out: &'a mut Vec<Problem>,
    ) -> Checker<'a, 'r> {
        Checker {
            kind,
            list,
            index: Some(index),
            title,
            out,
        }
    }

    /// Problems of a record that is not in a list (the settings), under its own `name`.
    pub fn single(kind: &'static str, name: &'static str, out: &'a mut Vec<Problem>) -> Self {
        Checker {
            kind,
            list: name,
            index: None,
            title: None,
            out,
        }
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        let prefix = match self.index {
            Some(i) => format!("{}[{i}]", self.list),
            None => self.list.to_string(),
        };
        let path = if field.is_empty() {
            prefix
        } else if field.starts_with('[') {
            format!("{prefix}{field}")
        } else {
            format!("{prefix}.{field}")
        };
        let record = match self.index {
            Some(i) => RecordRef::new(self.kind, i, self.title),
            None => RecordRef {
                kind: self.kind,
                position: 0,
                title: None,
            },
        };
        self.out.push(Problem {
            record,
            path,
            message: message.into(),
        });
    }

    pub fn date(&mut self, field: &str, d: NaiveDate) {
        if let Some(m) = date_problem(d) {
            self.push(field, m);
        }
    }

    pub fn time(&mut self, field: &str, t: DateTime<Utc>) {
        if let Some(m) = time_problem(t) {
            self.push(field, m);
        }
    }

    pub fn text(&mut self, field: &str, text: &str, max: usize) {
        if let Some(m) = length_problem(text, max) {
            self.push(field, m);
        }
    }

    pub fn required(&mut self, field: &str, text: &str, max: usize, what: &str) {
        if text.trim().is_empty() {
            self.push(field, format!("{what} is empty"));
        } else {
            self.text(field, text, max);
        }
    }

    pub fn count<T>(&mut self, field: &str, list: &[T], max: usize) {
        if list.len() > max {
            self.push(field, format!("has {} entries; at most {max}", list.len()));
        }
    }

    pub fn timestamps(&mut self, created: DateTime<Utc>, updated: DateTime<Utc>) {
        self.time("created_at", created);
        self.time("updated_at", updated);
        if updated < created {
            self.push(
                "updated_at",
                format!("{updated} is before the record was created ({created})"),
            );
        }
    }

    /// `field` is only written out for a code that is not known.
    fn credit_type(&mut self, field: impl FnOnce() -> String, id: &CreditTypeId) {
        if !known_credit_type(id) {
            self.push(
                &field(),
                format!(
                    "“{}” is not a credit type this app knows",
                    shorten(id.as_str(), 40)
                ),
            );
        }
    }

    fn topic(&mut self, field: impl FnOnce() -> String, id: &TopicId) {
        if !known_topic(id) {
            self.push(
                &field(),
                format!(
                    "“{}” is not a topic this app knows",
                    shorten(id.as_str(), 40)
                ),
            );
        }
    }

    fn condition(&mut self, field: &str, code: &str) {
        if !known_condition(code) {
            self.push(
                field,
                format!(
                    "“{}” is not a holder condition this app knows",
                    shorten(code, 40)
                ),
            );
        }
    }
}

/// Checks an activity (at `index` in `activities`).
pub fn check_activity(a: &Activity, index: usize, out: &mut Vec<Problem>) {
    let mut c = Checker::new("activity", "activities", index, Some(&a.title), out);
    c.required("title", &a.title, limits::TITLE, "the title");
    c.text("provider", &a.provider, limits::PROVIDER);
    c.text("notes", &a.notes, limits::NOTES);
    c.date("start", a.start);
    c.date("end", a.end);
    if a.end < a.start {
        c.push(
            "end",
            format!("ends ({}) before it starts ({})", a.end, a.start),
        );
    }
    if a.credits.is_empty() {
        c.push("credits", "carries no credit (at least one is needed)");
    }
    c.count("credits", &a.credits, limits::CREDITS);
    let mut seen: Vec<&CreditTypeId> = Vec::new();
    for (j, d) in a.credits.iter().enumerate() {
        c.credit_type(|| format!("credits[{j}].credit_type"), &d.credit_type);
        if seen.contains(&&d.credit_type) {
            c.push(
                &format!("credits[{j}].credit_type"),
                "this credit type is listed twice",
            );
        }
        seen.push(&d.credit_type);
        if !d.amount.is_positive() || d.amount > MAX_DESIGNATION {
            c.push(
                &format!("credits[{j}].amount"),
                format!(
                    "{} is not an amount above 0 and at most {}",
                    d.amount.display_short(),
                    MAX_DESIGNATION.display_short()
                ),
            );
        }
    }
    c.count("topics", &a.topics, limits::TOPICS);
    for (j, t) in a.topics.iter().enumerate() {
        c.topic(|| format!("topics[{j}]"), t);
    }
    for (t, h) in &a.topic_hours {
        let field = format!("topic_hours.{t}");
        if !a.topics.contains(t) {
            c.push(&field, "names a topic the activity does not have");
        }
        if !h.is_positive() || *h > MAX_DESIGNATION {
            c.push(
                &field,
                format!(
                    "{} is not an amount above 0 and at most {}",
                    h.display_short(),
                    MAX_DESIGNATION.display_short()
                ),
            );
        }
    }
    c.count("certificates", &a.certificates, limits::CERTIFICATES);
    for (j, f) in a.certificates.iter().enumerate() {
        let at = format!("certificates[{j}]");
        c.required(
            &format!("{at}.name"),
            &f.name,
            limits::TITLE,
            "the file name",
        );
        // The stored type is the one the app wrote: lower case, never empty (the check of a
        // chosen file falls back to its extension; a record does not).
        let stored_type = crate::domain::model::attachment::check_file(&f.name, &f.mime, f.size)
            .is_ok_and(|m| !f.mime.is_empty() && m == f.mime);
        if !stored_type {
            c.push(
                &format!("{at}.mime"),
                format!(
                    "is not a certificate file of at most 10 MB ({}, {} bytes)",
                    shorten(&f.mime, 40),
                    f.size
                ),
            );
        }
        if f.sha256.len() != 64 || !f.sha256.chars().all(|ch| ch.is_ascii_hexdigit()) {
            c.push(
                &format!("{at}.sha256"),
                "is not a SHA-256 digest (64 hex digits)",
            );
        }
        c.date(&format!("{at}.added"), f.added);
        if a.certificates[..j].iter().any(|o| o.id == f.id) {
            c.push(&format!("{at}.id"), "is listed twice");
        }
    }
    c.count("tags", &a.tags, limits::TAGS);
    for (j, t) in a.tags.iter().enumerate() {
        c.text(&format!("tags[{j}]"), t, limits::TAG);
    }
    if let Some(r) = &a.reflection {
        c.text("reflection.learned", &r.learned, limits::NOTES);
        c.text("reflection.will_change", &r.will_change, limits::NOTES);
        if let Some(d) = r.follow_up {
            c.date("reflection.follow_up", d);
        }
        if let Some(o) = &r.outcome {
            c.date("reflection.outcome.date", o.date);
            c.text(
                "reflection.outcome.what_happened",
                &o.what_happened,
                limits::NOTES,
            );
        }
    }
    c.timestamps(a.created_at, a.updated_at);
}

/// Checks a cycle's dates (`field` is "cycle" or "past_cycles[i]").
fn check_cycle(c: &mut Checker, field: &str, cycle: &Cycle) {
    c.date(&format!("{field}.start"), cycle.start);
    c.date(&format!("{field}.end"), cycle.end);
    if cycle.end < cycle.start {
        c.push(
            &format!("{field}.end"),
            format!(
                "the cycle ends ({}) before it starts ({})",
                cycle.end, cycle.start
            ),
        );
    } else if (cycle.end - cycle.start).num_days() > MAX_CYCLE_DAYS {
        c.push(&format!("{field}.end"), "the cycle is longer than 10 years");
    }
    if let Some(d) = cycle.ce_deadline {
        c.date(&format!("{field}.ce_deadline"), d);
        if d < cycle.start {
            c.push(
                &format!("{field}.ce_deadline"),
                format!(
                    "the CE deadline ({d}) is before the cycle starts ({})",
                    cycle.start
                ),
            );
        } else if (d - cycle.end).num_days() > MAX_GRACE_DAYS {
            c.push(
                &format!("{field}.ce_deadline"),
                format!(
                    "the CE deadline ({d}) is more than a year after the cycle ends ({})",
                    cycle.end
                ),
            );
        }
    }
    c.count(
        &format!("{field}.exemptions"),
        &cycle.exemptions,
        limits::EXEMPTIONS,
    );
    for (k, e) in cycle.exemptions.iter().enumerate() {
        let at = format!("{field}.exemptions[{k}]");
        c.required(
            &format!("{at}.rule_id"),
            &e.rule_id,
            limits::RULE_ID,
            "the rule id",
        );
        c.text(&format!("{at}.reason"), &e.reason, limits::REASON);
        c.date(&format!("{at}.date"), e.date);
    }
}

/// Checks a credential (at `index` in `credentials`), its cycles and every rule.
pub fn check_credential(cr: &Credential, index: usize, out: &mut Vec<Problem>) {
    let mut c = Checker::new("credential", "credentials", index, Some(&cr.name), out);
    c.required("name", &cr.name, limits::NAME, "the name");
    c.text("jurisdiction", &cr.jurisdiction, limits::JURISDICTION);
    if let Some(n) = &cr.number {
        c.text("number", n, limits::NUMBER);
    }
    c.text("notes", &cr.notes, limits::NOTES);
    c.count(
        "conditions",
        &cr.conditions.iter().collect::<Vec<_>>(),
        limits::CONDITIONS,
    );
    for code in &cr.conditions {
        c.condition("conditions", code);
    }
    check_cycle(&mut c, "cycle", &cr.cycle);
    c.count("past_cycles", &cr.past_cycles, limits::PAST_CYCLES);
    for (k, p) in cr.past_cycles.iter().enumerate() {
        check_cycle(&mut c, &format!("past_cycles[{k}]"), p);
    }
    if let Some(n) = cr.renewal {
        if !(1..=MAX_CYCLES * 5).contains(&n) {
            c.push(
                "renewal",
                format!("renewal number {n} is not between 1 and 100"),
            );
        }
    }
    c.count("rules", &cr.rules, limits::RULES);
    let mut ids: Vec<&str> = Vec::new();
    for (j, r) in cr.rules.iter().enumerate() {
        if ids.contains(&r.id.as_str()) {
            c.push(
                &format!("rules[{j}].id"),
                format!("the rule id “{}” appears twice", shorten(&r.id, 40)),
            );
        }
        ids.push(&r.id);
        check_rule(&mut c, &format!("rules[{j}]"), r);
    }
    for (j, w) in cr.weights.iter().enumerate() {
        c.credit_type(|| format!("weights[{j}].credit_type"), &w.credit_type);
        if !(1..=MAX_WEIGHT_PERCENT).contains(&w.percent) {
            c.push(
                &format!("weights[{j}].percent"),
                format!("{} % is not a weight from 1 % to 1000 %", w.percent),
            );
        }
    }
    for (j, e) in cr.equivalences.iter().enumerate() {
        c.credit_type(|| format!("equivalences[{j}].from"), &e.from);
        c.credit_type(|| format!("equivalences[{j}].counts_as"), &e.counts_as);
    }
    if let Some(ps) = &cr.pathways {
        if ps.options.is_empty() || ps.needed == 0 || ps.needed as usize > ps.options.len() {
            c.push(
                "pathways.needed",
                format!("asks for {} of {} pathways", ps.needed, ps.options.len()),
            );
        }
        for (j, p) in ps.options.iter().enumerate() {
            c.required(
                &format!("pathways.options[{j}].id"),
                &p.id,
                limits::RULE_ID,
                "the pathway id",
            );
            c.required(
                &format!("pathways.options[{j}].label"),
                &p.label,
                limits::RULE_NOTE,
                "the label",
            );
            for (k, r) in p.rules.iter().enumerate() {
                if !cr.rules.iter().any(|x| &x.id == r) {
                    c.push(
                        &format!("pathways.options[{j}].rules[{k}]"),
                        "names a rule the credential does not have",
                    );
                }
            }
            if let Some(h) = p.evidence.as_ref().and_then(|e| e.hours) {
                check_amount(
                    &mut c,
                    &format!("pathways.options[{j}].evidence.hours"),
                    h,
                    false,
                );
            }
        }
        if let Some(chosen) = &ps.chosen {
            if !ps.options.iter().any(|p| &p.id == chosen) {
                c.push("pathways.chosen", "names no pathway of the credential");
            }
        }
        for (j, e) in ps.evidence.iter().enumerate() {
            c.date(&format!("pathways.evidence[{j}].date"), e.date);
            if !ps.options.iter().any(|p| p.id == e.pathway) {
                c.push(
                    &format!("pathways.evidence[{j}].pathway"),
                    "names no pathway of the credential",
                );
            }
            if let Some(h) = e.hours {
                check_amount(&mut c, &format!("pathways.evidence[{j}].hours"), h, false);
            }
            c.text(
                &format!("pathways.evidence[{j}].note"),
                &e.note,
                limits::NOTES,
            );
        }
    }
    if let Some(p) = &cr.preset {
        c.required("preset.id", &p.id, limits::PRESET_ID, "the preset id");
    }
    c.timestamps(cr.created_at, cr.updated_at);
}

mod rules;

use rules::check_amount;
pub use rules::check_rule;

#[cfg(test)]
mod tests;
