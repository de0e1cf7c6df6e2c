//! Reading a certificate's text (a PDF's text layer, or a provider's completion e-mail pasted in)
//! for the fields an activity needs: title, completion date, provider, and each credit type with
//! its amount. Everything found is a suggestion the person confirms; nothing is saved unconfirmed.
//!
//! Pure text rules, no network and no model: the wordings accredited providers print (the AMA's
//! designation statement, AOA, AAFP, ANCC, ACPE, ABIM MOC, Royal College, EACCME, CEUs). Runs in
//! the worker with the PDF reader, so none of it is in the first download.

use chrono::NaiveDate;

use crate::domain::model::credits::{Amount, CreditTypeId};

/// What a certificate's text states.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CertificateFields {
    pub title: Option<String>,
    pub provider: Option<String>,
    /// The completion (or activity) date; the last date for a date range.
    pub completed: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub credits: Vec<(CreditTypeId, Amount)>,
    /// "CEU" stated without saying whose: the amount, for the person to say which reading is
    /// meant (an IACET CEU is ten contact hours; many boards' and AARC's "CEU" is one). Left out
    /// of `credits` until she answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceu_unclear: Option<Amount>,
    /// How a CEU was read when the text says whose it is ("IACET CEUs: 1 CEU = 10 contact hours").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceu_read_as: Option<String>,
    /// A pharmacy activity's ACPE Universal Activity Number: its format, topic and audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uan: Option<super::uan::Uan>,
}

mod credit_words;
use credit_words::TYPES;

impl CertificateFields {
    /// Whether the text stated anything worth pre-filling.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.provider.is_none()
            && self.completed.is_none()
            && self.credits.is_empty()
            && self.ceu_unclear.is_none()
            && self.uan.is_none()
    }

    /// The draft with the unclear CEUs read one way: `ten_hours` (IACET) or one hour each.
    pub fn with_ceus_as(&self, ten_hours: bool) -> crate::domain::draft::ActivityDraft {
        let mut f = self.clone();
        if let Some(a) = f.ceu_unclear.take() {
            let t = if ten_hours { "CEU" } else { "CE_HOUR" };
            f.credits.push((CreditTypeId::new(t), a));
        }
        f.to_draft()
    }

    /// A new activity form filled with what the text states; the person checks every field
    /// before saving (nothing is saved unconfirmed). Fields the text does not state keep the
    /// form's defaults.
    pub fn to_draft(&self) -> crate::domain::draft::ActivityDraft {
        let mut d = crate::domain::draft::ActivityDraft::default();
        if let Some(t) = &self.title {
            d.title = t.clone();
        }
        if let Some(p) = &self.provider {
            d.provider = p.clone();
        }
        if let Some(end) = self.completed {
            let start = self.start.unwrap_or(end);
            d.start = start.to_string();
            if start != end {
                d.end = end.to_string();
            }
        }
        if !self.credits.is_empty() {
            d.credits = self
                .credits
                .iter()
                .map(|(t, a)| crate::domain::draft::CreditDraft {
                    credit_type: t.as_str().to_string(),
                    amount: a.display_short(),
                })
                .collect();
        }
        if let Some(u) = &self.uan {
            u.fill(&mut d);
        }
        d
    }
}

/// Reads the fields a certificate or completion e-mail states. HTML is reduced to its text first.
pub fn read(text: &str) -> CertificateFields {
    let plain = strip_html(text);
    let lines: Vec<&str> = plain
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = lines.join("\n");
    let lower = joined.to_lowercase();
    let mut out = CertificateFields {
        credits: credits(&lower),
        ..Default::default()
    };
    out.uan = super::uan::Uan::find(&joined);
    // Pharmacy: an ACPE UAN on the page makes its contact hours ACPE hours.
    if out.uan.is_some() || lower.contains("acpe") || lower.contains("uan") {
        for (t, _) in &mut out.credits {
            if t.as_str() == "ANCC_CONTACT_HOUR" {
                *t = CreditTypeId::new("ACPE");
            }
        }
    }
    // Respiratory care: a CRCE statement names its contact hours ("1.0 contact hour of Continuing
    // Respiratory Care Education (CRCE)"): the same credit, counted once, as CRCE hours.
    if out.credits.iter().any(|(t, _)| t.as_str() == "AARC_CRCE") && !lower.contains("nursing") {
        out.credits
            .retain(|(t, _)| t.as_str() != "ANCC_CONTACT_HOUR");
    }
    // Royal College hours: "for a maximum of 6 hours" beside "Section 1".
    if out
        .credits
        .iter()
        .all(|(t, _)| t.as_str() != "RCPSC_SECTION_1")
        && lower.contains("royal college")
        && lower.contains("section 1")
    {
        if let Some(a) = number_before(&lower, "hours") {
            out.credits.push((CreditTypeId::new("RCPSC_SECTION_1"), a));
        }
    }
    read_ceus(&lower, &mut out);
    let (start, end) = dates(&lines);
    out.start = start;
    out.completed = end;
    out.title = labelled(
        &lines,
        &[
            "activity title",
            "course title",
            "program title",
            "title",
            "course",
            "program",
            "activity",
        ],
    )
    .or_else(|| quoted_title(&joined))
    .or_else(|| after_phrase(&lines, &["participated in", "completed", "attended"]));
    out.provider = labelled(
        &lines,
        &[
            "provider",
            "provided by",
            "sponsor",
            "presented by",
            "accredited provider",
        ],
    )
    .or_else(|| designating_provider(&joined))
    .or_else(|| provided_by(&joined));
    out
}

/// "CEU" means different amounts: an IACET CEU is ten contact hours, a pharmacy CEU is 0.1 per
/// contact hour (ACPE), and AARC's CRCE and many boards' "CEU" is one contact hour. The text's
/// own words decide (an accreditor named, or the contact hours stated beside it); else the
/// person is asked, and nothing is assumed.
fn read_ceus(lower: &str, out: &mut CertificateFields) {
    let Some(at) = out.credits.iter().position(|(t, _)| t.as_str() == "CEU") else {
        return;
    };
    let ceus = out.credits[at].1;
    let hours = out
        .credits
        .iter()
        .find(|(t, _)| t.as_str() == "ANCC_CONTACT_HOUR" || t.as_str() == "ACPE")
        .map(|(_, a)| *a);
    let ten = ceus.scale_percent(1000);
    // "1.5 contact hours (0.15 CEU)": the CEUs restate the hours (pharmacy and IACET alike, ten
    // hours a CEU). One credit, stated twice: counted once, as the hours.
    if hours == Some(ten) {
        out.credits.remove(at);
        out.ceu_read_as =
            Some("CEUs stated beside the contact hours: the same credit, counted once".into());
        return;
    }
    let (reading, replace): (Option<&str>, Option<(&str, Amount)>) = if lower.contains("iacet") {
        (Some("IACET CEUs: 1 CEU = 10 contact hours"), None)
    } else if lower.contains("acpe") || lower.contains("pharmacy") {
        (
            Some("Pharmacy CEUs (ACPE): 0.1 CEU = 1 contact hour"),
            Some(("ACPE", ten)),
        )
    } else if lower.contains("aarc") || lower.contains("crce") {
        (
            Some("AARC CEUs: one contact hour each (CRCE)"),
            Some(("AARC_CRCE", ceus)),
        )
    } else if hours == Some(ceus) {
        (
            Some("CEUs of one contact hour each (as many boards count them)"),
            Some(("CE_HOUR", ceus)),
        )
    } else {
        (None, None)
    };
    match (reading, replace) {
        (Some(r), None) => out.ceu_read_as = Some(r.to_string()),
        (Some(r), Some((code, amount))) => {
            out.credits.remove(at);
            if !out.credits.iter().any(|(t, _)| t.as_str() == code) {
                out.credits.push((CreditTypeId::new(code), amount));
            }
            out.ceu_read_as = Some(r.to_string());
        }
        (None, _) => {
            out.credits.remove(at);
            out.ceu_unclear = Some(ceus);
        }
    }
}

/// The text of an HTML e-mail as a mail client shows it: tags dropped, block ends as line
/// breaks, the cells of a table row side by side (a tab between them, so a label cell and its
/// value cell read as "Course<tab>Managing pain"), common entities decoded.
fn strip_html(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut tag = String::new();
    for ch in text.chars() {
        match ch {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                let closing = tag.starts_with('/');
                let t = tag.trim_start_matches('/').to_lowercase();
                let name: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
                match name.as_str() {
                    // A cell's end: the next cell of the row follows on the same line.
                    "td" | "th" if closing => out.push('\t'),
                    "td" | "th" => {}
                    "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "table" => {
                        out.push('\n')
                    }
                    _ => {}
                }
            }
            c if in_tag => tag.push(c),
            c => out.push(c),
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&trade;", "™")
        .replace("&reg;", "®")
        .replace("&#8482;", "™")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Every "<number> <type words>" (or "<type words>: <number>") statement, each type once (the
/// largest amount stated for it: "a maximum of 1.5 … awarded 1.5" is one designation).
fn credits(lower: &str) -> Vec<(CreditTypeId, Amount)> {
    let mut out: Vec<(CreditTypeId, Amount)> = Vec::new();
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    // Type words may wrap onto the next line ("0.75 AMA PRA" / "Category 1 Credits"); the
    // number is looked for on the line where they begin.
    let flowing = lower.replace('\n', " ");
    for (words, code) in TYPES {
        let mut from = 0;
        while let Some(pos) = flowing[from..].find(words) {
            let at = from + pos;
            from = at + words.len();
            if taken.iter().any(|r| r.contains(&at)) {
                continue;
            }
            let amount = number_just_before(&lower[..at])
                .or_else(|| number_just_after(&flowing[at + words.len()..]));
            let Some(amount) = amount else { continue };
            taken.push(at..at + words.len());
            match out.iter_mut().find(|(t, _)| t.as_str() == *code) {
                Some((_, a)) => *a = (*a).max(amount),
                None => out.push((CreditTypeId::new(code), amount)),
            }
        }
    }
    out
}

/// A number ending just before `text`'s end on its last line, allowing a few words between
/// ("1.5 AMA PRA …", "up to 12.00 prescribed", "4.0 ceus").
fn number_just_before(text: &str) -> Option<Amount> {
    // Within the statement's own line: the line above may end in a date ("August 22, 2026").
    let line = &text[text.rfind('\n').map_or(0, |at| at + 1)..];
    let tail: String = line
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let words: Vec<&str> = tail.split_whitespace().collect();
    // The number is one of the last four words (skipping "(s)", "hours of", "the").
    for w in words.iter().rev().take(4) {
        if let Some(a) = parse_number(w) {
            return Some(a);
        }
    }
    None
}

/// "Credits: 4.0", "contact hours: 2.0", "Contact hours awarded: 1.2" (a word or two between
/// the type and its colon).
fn number_just_after(text: &str) -> Option<Amount> {
    let head: String = text.chars().take(40).collect();
    let mut head = head.trim_start_matches(['s', ')', '™', '®']).trim_start();
    for _ in 0..3 {
        if let Some(rest) = head
            .strip_prefix(':')
            .or_else(|| head.strip_prefix('='))
            .or_else(|| head.strip_prefix('-'))
        {
            return rest.split_whitespace().next().and_then(parse_number);
        }
        // Skip one word of letters ("awarded", "earned", "(ancc)") and look again.
        let word_end = head
            .find(|c: char| !(c.is_alphabetic() || c == '(' || c == ')'))
            .filter(|&end| end > 0)?;
        head = head[word_end..].trim_start();
    }
    None
}

fn number_before(lower: &str, word: &str) -> Option<Amount> {
    let at = lower.find(word)?;
    number_just_before(&lower[..at])
}

fn parse_number(w: &str) -> Option<Amount> {
    let w = w.trim_matches(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','));
    if w.is_empty() || !w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // Years and ids are not credit amounts.
    let a = Amount::parse(w).ok()?;
    (a.is_positive() && a <= Amount::hours(999)).then_some(a)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Dates in the text: labelled completion dates first ("Date of Completion: August 22, 2025"),
/// else a range or a single date. Returns (start, end).
fn dates(lines: &[&str]) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let labelled = lines.iter().find_map(|l| {
        let low = l.to_lowercase();
        [
            "date of completion",
            "completion date",
            "completed on",
            "date completed",
            "date:",
        ]
        .iter()
        .any(|k| low.contains(k))
        .then(|| all_dates(l))
        .filter(|d| !d.is_empty())
    });
    let found = labelled.unwrap_or_else(|| lines.iter().flat_map(|l| all_dates(l)).collect());
    match found.as_slice() {
        [] => (None, None),
        [one] => (Some(*one), Some(*one)),
        many => {
            let min = *many.iter().min().expect("not empty");
            let max = *many.iter().max().expect("not empty");
            // A course spanning more than a few weeks is two unrelated dates: keep the last.
            if (max - min).num_days() <= 31 {
                (Some(min), Some(max))
            } else {
                (Some(max), Some(max))
            }
        }
    }
}

/// Every date written in a line: "August 22, 2025", "22 August 2025", "2025-08-22",
/// "08/22/2025" (US order), "June 1-3, 2025" (a range).
fn all_dates(line: &str) -> Vec<NaiveDate> {
    let low = line.to_lowercase();
    let mut out = Vec::new();
    let tokens: Vec<String> = low
        .replace(',', " ")
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| c == '.' || c == '(' || c == ')')
                .to_string()
        })
        .collect();
    let month_of = |t: &str| {
        MONTHS
            .iter()
            .position(|m| t.len() >= 3 && m.starts_with(t))
            .map(|i| i as u32 + 1)
    };
    let year_of = |t: &str| t.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y));
    for (i, t) in tokens.iter().enumerate() {
        // ISO and US numeric forms.
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            out.push(d);
            continue;
        }
        if let Ok(d) = NaiveDate::parse_from_str(t, "%m/%d/%Y") {
            out.push(d);
            continue;
        }
        if let Some(m) = month_of(t) {
            // "August 22 2025" or "June 1-3 2025".
            if let (Some(day), Some(year)) = (
                tokens.get(i + 1),
                tokens.get(i + 2).and_then(|y| year_of(y)),
            ) {
                let (a, b) = day.split_once(['-', '–']).unwrap_or((day.as_str(), ""));
                if let Some(d) = a
                    .parse()
                    .ok()
                    .and_then(|a| NaiveDate::from_ymd_opt(year, m, a))
                {
                    out.push(d);
                }
                if let Some(d) = b
                    .parse()
                    .ok()
                    .and_then(|b| NaiveDate::from_ymd_opt(year, m, b))
                {
                    out.push(d);
                }
            }
            // "22 August 2025".
            if let (Some(day), Some(year)) = (
                i.checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .and_then(|d| d.parse::<u32>().ok()),
                tokens.get(i + 1).and_then(|y| year_of(y)),
            ) {
                if let Some(d) = NaiveDate::from_ymd_opt(year, m, day) {
                    out.push(d);
                }
            }
        }
    }
    out
}

/// "Course title: Managing chronic pain" → the value after the first matching label: at the
/// start of a line, in the next table cell ("Course<tab>Managing chronic pain"), or mid-line in
/// a one-line e-mail ("… on June 3. Provider: Example Health. You earned …"), up to the end of
/// its sentence.
fn labelled(lines: &[&str], labels: &[&str]) -> Option<String> {
    for label in labels {
        for l in lines {
            let low = l.to_lowercase();
            // A label cell and its value cell.
            if let Some((cell, value)) = l.split_once('\t') {
                let cell = cell.trim().trim_end_matches(':').trim().to_lowercase();
                let value = value.split('\t').next().unwrap_or("").trim();
                if cell == *label && !value.is_empty() {
                    return Some(clean(value));
                }
            }
            let mut from = 0;
            while let Some(at) = low[from..].find(label) {
                let at = from + at;
                from = at + label.len();
                // At the start of the line, or after a sentence's end.
                let before = low[..at].trim_end();
                if !(before.is_empty() || before.ends_with(['.', '!', '?', '\t'])) {
                    continue;
                }
                let rest = low[at + label.len()..].trim_start();
                let Some(v) = rest.strip_prefix(':') else {
                    continue;
                };
                let start = l.len() - v.len();
                let value = sentence(&l[start..]);
                if !value.is_empty() {
                    return Some(clean(value));
                }
            }
        }
    }
    None
}

/// Text up to the end of its sentence (". " before a capital, or a tab), or all of it.
fn sentence(text: &str) -> &str {
    let t = text.trim();
    let mut end = t.len();
    for (i, _) in t.match_indices(". ") {
        if t[i + 2..].chars().next().is_some_and(char::is_uppercase) {
            end = i;
            break;
        }
    }
    if let Some(tab) = t.find('\t') {
        end = end.min(tab);
    }
    t[..end].trim().trim_end_matches('.')
}

/// "Sponsored by Example University.", "presented by the Example Medical Society on …",
/// "offered by Example Health, on …": the body after the phrase, to the end of its clause.
fn provided_by(text: &str) -> Option<String> {
    let low = text.to_lowercase();
    for phrase in [
        "jointly provided by ",
        "provided by ",
        "sponsored by ",
        "presented by ",
        "offered by ",
        "hosted by ",
    ] {
        if let Some(at) = low.find(phrase) {
            let rest = &text[at + phrase.len()..];
            let low_rest = rest.to_lowercase();
            let end = [", ", ". ", " on ", " for ", "\n", "\t"]
                .iter()
                .filter_map(|e| low_rest.find(e))
                .min()
                .unwrap_or(rest.len());
            let who = rest[..end].trim().trim_end_matches('.');
            if who.len() >= 3 && who.len() <= 150 {
                return Some(clean(who));
            }
        }
    }
    None
}

/// A title in quotes: “Safer Opioid Prescribing”.
fn quoted_title(text: &str) -> Option<String> {
    for (open, close) in [('“', '”'), ('"', '"')] {
        if let Some(a) = text.find(open) {
            let rest = &text[a + open.len_utf8()..];
            if let Some(b) = rest.find(close) {
                let t = rest[..b].trim();
                if t.len() >= 6 && t.len() <= 200 && !t.contains('\n') {
                    return Some(clean(t));
                }
            }
        }
    }
    None
}

/// "… participated in the live activity titled Advances in Heart Failure on …".
fn after_phrase(lines: &[&str], phrases: &[&str]) -> Option<String> {
    for (i, l) in lines.iter().enumerate() {
        let low = l.to_lowercase();
        for p in phrases {
            if let Some(at) = low.find(p) {
                let mut rest = l[at + p.len()..].trim();
                for lead in [
                    "the live activity titled",
                    "the enduring material titled",
                    "the activity",
                    "the course",
                    "titled",
                ] {
                    if rest.to_lowercase().starts_with(lead) {
                        rest = rest[lead.len()..].trim();
                    }
                }
                // The title printed on a line of its own under the phrase ("has participated in
                // the enduring material titled" / "Managing Chronic Pain"), or pointed at
                // ("completed the following course:").
                let lead_only = rest.is_empty()
                    || ["titled", "titled:", "entitled", "entitled:"]
                        .iter()
                        .any(|w| rest.to_lowercase().ends_with(w))
                    || rest.to_lowercase().starts_with("the following");
                if lead_only {
                    match lines.get(i + 1).and_then(|next| title_line(next)) {
                        Some(t) => return Some(t),
                        None => continue,
                    }
                }
                let end = [
                    " on ",
                    " held ",
                    " from ",
                    ", on",
                    " and is awarded",
                    " and was awarded",
                ]
                .iter()
                .filter_map(|e| rest.to_lowercase().find(e))
                .min()
                .unwrap_or(rest.len());
                let t = rest[..end].trim().trim_end_matches(['.', ',', ':']);
                if t.len() >= 6 && t.len() <= 200 {
                    return Some(clean(t));
                }
            }
        }
    }
    None
}

/// A line that can be a title on its own: not a labelled field ("Date: …"), not a date, of a
/// title's length.
fn title_line(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches(['.', ',']);
    let labelled = t.find(':').is_some_and(|at| {
        let label = t[..at].to_lowercase();
        at < 30
            && [
                "date", "title", "course", "provider", "credit", "hour", "program", "activity",
                "location", "name", "sponsor", " by",
            ]
            .iter()
            .any(|w| label.contains(w))
    });
    (t.len() >= 6 && t.len() <= 200 && !labelled && all_dates(t).is_empty()).then(|| clean(t))
}

/// "The American College of Cardiology designates this …" → the designating body.
fn designating_provider(text: &str) -> Option<String> {
    let low = text.to_lowercase();
    let at = low.find(" designates this")?;
    let line_start = low[..at].rfind('\n').map_or(0, |i| i + 1);
    // The sentence that designates: after the last full stop that ends a sentence (not the one
    // of "St." or "Dr.").
    let mut start = line_start;
    for (i, _) in text[line_start..at].match_indices(". ") {
        let before = text[line_start..line_start + i]
            .rsplit(' ')
            .next()
            .unwrap_or("");
        if !matches!(before, "St" | "Dr" | "Mt" | "Ft" | "Inc" | "Co") {
            start = line_start + i + 2;
        }
    }
    let who = text[start..at].trim();
    let who = who
        .strip_prefix("The ")
        .or_else(|| who.strip_prefix("the "))
        .unwrap_or(who);
    (who.len() >= 3 && who.len() <= 150).then(|| clean(who))
}

fn clean(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == '"' || c == '“' || c == '”')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
