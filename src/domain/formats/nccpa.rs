//! The fields NCCPA's CME log asks for, one entry per activity, ready to copy. PAs have no
//! provider feed to NCCPA (AAPA and PAEA credits must be logged by the PA herself), so the
//! tracker gives her each activity as NCCPA's form wants it: type of credit, dates, credits,
//! title, sponsor and provider.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::model::activity::{Accreditor, Activity};
use crate::domain::model::credits::{Amount, CreditTypeId};

/// NCCPA's types of credit, as its log names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NccpaType {
    Category1,
    /// Category 1 self-assessment: NCCPA adds half again when logged.
    SelfAssessment,
    /// Category 1 performance improvement: NCCPA doubles the first 20 of a cycle.
    PerformanceImprovement,
    Category2,
}

impl NccpaType {
    pub fn label(self) -> &'static str {
        match self {
            NccpaType::Category1 => "Category 1",
            NccpaType::SelfAssessment => "Category 1 – Self-Assessment CME",
            NccpaType::PerformanceImprovement => "Category 1 – PI-CME",
            NccpaType::Category2 => "Category 2",
        }
    }
}

/// One activity as NCCPA's log asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NccpaEntry {
    pub activity_id: Uuid,
    pub kind: NccpaType,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// As the certificate states them: NCCPA applies its own weighting when she logs them.
    pub credits: Amount,
    pub title: String,
    /// Who designated the credit (AAPA, the ACCME-accredited provider's accreditor…).
    pub sponsor: String,
    pub provider: String,
    /// Whether a certificate is kept with the activity (NCCPA's audit asks for it).
    pub certificate: bool,
}

const CATEGORY_1: &[&str] = &["AAPA_CAT1", "AMA_PRA_CAT1", "NCCPA_CAT1"];

/// The completed activities ending in `from..=to`, oldest first, each with its NCCPA type: the
/// Category 1 designation it carries (self-assessment and PI-CME named as such), else its hours
/// as Category 2. Activities with no credit in hours or credits (points only) are left out.
pub fn log<'a>(
    activities: impl IntoIterator<Item = &'a Activity>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NccpaEntry> {
    let mut out: Vec<NccpaEntry> = activities
        .into_iter()
        .filter(|a| a.is_completed() && a.end >= from && a.end <= to)
        .filter_map(entry)
        .collect();
    out.sort_by(|x, y| (x.end, x.start, &x.title).cmp(&(y.end, y.start, &y.title)));
    out
}

fn entry(a: &Activity) -> Option<NccpaEntry> {
    let amount = |code: &str| a.amount_of(&CreditTypeId::new(code));
    let largest_cat1 = CATEGORY_1
        .iter()
        .map(|c| (*c, amount(c)))
        .max_by_key(|(_, x)| *x)
        .filter(|(_, x)| *x > Amount::ZERO);
    let (kind, credits, designated_by) = if amount("AAPA_CAT1_SA") > Amount::ZERO {
        (
            NccpaType::SelfAssessment,
            amount("AAPA_CAT1_SA"),
            "AAPA_CAT1",
        )
    } else if amount("AAPA_CAT1_PI") > Amount::ZERO {
        (
            NccpaType::PerformanceImprovement,
            amount("AAPA_CAT1_PI"),
            "AAPA_CAT1",
        )
    } else if let Some((code, x)) = largest_cat1 {
        (NccpaType::Category1, x, code)
    } else if a.hours() > Amount::ZERO {
        (NccpaType::Category2, a.hours(), "")
    } else {
        return None;
    };
    let sponsor = match designated_by {
        "AAPA_CAT1" => "AAPA".to_string(),
        "AMA_PRA_CAT1" | "NCCPA_CAT1" => match a.accreditor {
            Accreditor::None | Accreditor::Other => {
                "AMA PRA Category 1 (accredited provider)".into()
            }
            other => other.label().to_string(),
        },
        _ => a.provider.clone(),
    };
    Some(NccpaEntry {
        activity_id: a.id,
        kind,
        start: a.start,
        end: a.end,
        credits,
        title: a.title.clone(),
        sponsor,
        provider: a.provider.clone(),
        certificate: !a.certificates.is_empty(),
    })
}

/// The header of the copied table, in the order of NCCPA's form.
pub const COLUMNS: [&str; 7] = [
    "Type of credit",
    "Start date",
    "End date",
    "Credits",
    "Title",
    "Sponsor",
    "Provider",
];

/// One entry as a line of tab-separated fields (dates as `date` writes them): pasted into a
/// spreadsheet, each field lands in its own column.
pub fn line(e: &NccpaEntry, date: &dyn Fn(NaiveDate) -> String) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    [
        e.kind.label().to_string(),
        date(e.start),
        date(e.end),
        e.credits.display_short(),
        clean(&e.title),
        clean(&e.sponsor),
        clean(&e.provider),
    ]
    .join("\t")
}

/// The whole log with its header, one line per entry.
pub fn table(entries: &[NccpaEntry], date: &dyn Fn(NaiveDate) -> String) -> String {
    std::iter::once(COLUMNS.join("\t"))
        .chain(entries.iter().map(|e| line(e, date)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    fn iso(d: NaiveDate) -> String {
        d.to_string()
    }

    #[test]
    fn each_activity_gets_nccpa_s_type_its_credits_and_sponsor() {
        let mut ama = activity("2026-02-10")
            .title("Cardiology update")
            .credit("AMA_PRA_CAT1", "6")
            .build();
        ama.accreditor = Accreditor::Accme;
        ama.provider = "State Heart Society".into();
        let sa = activity("2026-03-01")
            .title("Board review\tquestions")
            .credit("AAPA_CAT1_SA", "10")
            .build();
        let cat2 = activity("2026-01-05")
            .title("Journal club")
            .credit("NCCPA_CAT2", "2")
            .build();
        let planned = activity("2026-11-01")
            .credit("AAPA_CAT1", "5")
            .planned()
            .build();
        let before = activity("2024-04-30").credit("AAPA_CAT1", "5").build();
        let acts = [ama, sa, cat2, planned, before];
        let entries = log(acts.iter(), date("2024-05-01"), date("2026-12-31"));
        let kinds: Vec<(&str, String)> = entries
            .iter()
            .map(|e| (e.kind.label(), e.credits.display_short()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Category 2", "2".to_string()),
                ("Category 1", "6".to_string()),
                ("Category 1 – Self-Assessment CME", "10".to_string())
            ],
            "oldest first; planned and earlier activities left out; SA as on the certificate"
        );
        assert_eq!(entries[1].sponsor, "ACCME");
        assert_eq!(entries[2].sponsor, "AAPA");
        let text = table(&entries, &iso);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], COLUMNS.join("\t"));
        assert_eq!(
            lines[2],
            "Category 1\t2026-02-10\t2026-02-10\t6\tCardiology update\tACCME\tState Heart Society"
        );
        assert_eq!(
            lines[3].split('\t').nth(4),
            Some("Board review questions"),
            "a tab inside a title never makes a column of its own"
        );
    }
}
