//! The credit types: who designates them, their unit, and how they read in hours.

use super::*;

pub struct CreditTypeInfo {
    pub code: &'static str,
    pub label: &'static str,
    pub short: &'static str,
    /// The body whose system this type belongs to (for grouping in pickers).
    pub family: &'static str,
    pub unit: Unit,
    /// Hours represented by one unit, in percent (CEU = 1000, i.e. ×10). Used when a rule counts
    /// hours and accepts a type counted in another unit.
    pub hours_percent: u32,
}

const fn ct(
    code: &'static str,
    label: &'static str,
    short: &'static str,
    family: &'static str,
    unit: Unit,
) -> CreditTypeInfo {
    CreditTypeInfo {
        code,
        label,
        short,
        family,
        unit,
        hours_percent: 100,
    }
}

/// Every built-in credit type. Codes are stable: they are stored in user data and backups.
pub const CREDIT_TYPES: &[CreditTypeInfo] = &[
    ct(
        "AMA_PRA_CAT1",
        "AMA PRA Category 1 Credit™",
        "AMA Cat 1",
        "AMA",
        Unit::Credit,
    ),
    ct(
        "AMA_PRA_CAT2",
        "AMA PRA Category 2 Credit™",
        "AMA Cat 2",
        "AMA",
        Unit::Credit,
    ),
    ct("AOA_1A", "AOA Category 1-A", "AOA 1-A", "AOA", Unit::Credit),
    ct("AOA_1B", "AOA Category 1-B", "AOA 1-B", "AOA", Unit::Credit),
    ct("AOA_2A", "AOA Category 2-A", "AOA 2-A", "AOA", Unit::Credit),
    ct("AOA_2B", "AOA Category 2-B", "AOA 2-B", "AOA", Unit::Credit),
    ct(
        "AAFP_PRESCRIBED",
        "AAFP Prescribed credit",
        "AAFP Presc.",
        "AAFP",
        Unit::Credit,
    ),
    ct(
        "AAFP_ELECTIVE",
        "AAFP Elective credit",
        "AAFP Elect.",
        "AAFP",
        Unit::Credit,
    ),
    ct(
        "ANCC_CONTACT_HOUR",
        "ANCC contact hours",
        "ANCC h",
        "Nursing",
        Unit::Hour,
    ),
    ct(
        "ANCC_PHARMACOLOGY",
        "ANCC pharmacology (pharmacotherapeutics) hours",
        "ANCC pharm h",
        "Nursing",
        Unit::Hour,
    ),
    ct(
        "BRN_CONTACT_HOUR",
        "California BRN contact hours",
        "CA BRN h",
        "Nursing",
        Unit::Hour,
    ),
    ct(
        "FL_BON_CONTACT_HOUR",
        "Florida Board of Nursing contact hours",
        "FL BON h",
        "Nursing",
        Unit::Hour,
    ),
    ct(
        "ACPE",
        "ACPE pharmacy CE (contact hours)",
        "ACPE h",
        "Pharmacy",
        Unit::Hour,
    ),
    ct(
        "ABIM_MOC_POINT",
        "ABIM MOC points",
        "ABIM MOC",
        "Boards",
        Unit::Point,
    ),
    ct(
        "OTHER_MOC_POINT",
        "Other board MOC points",
        "MOC pts",
        "Boards",
        Unit::Point,
    ),
    ct(
        "AAPA_CAT1",
        "AAPA Category 1 CME",
        "AAPA Cat 1",
        "PA",
        Unit::Credit,
    ),
    ct(
        "NCCPA_CAT1",
        "NCCPA Category 1 CME",
        "NCCPA Cat 1",
        "PA",
        Unit::Credit,
    ),
    ct(
        "NCCPA_CAT2",
        "NCCPA Category 2 CME",
        "NCCPA Cat 2",
        "PA",
        Unit::Credit,
    ),
    // AAPA designates these kinds of Category 1 separately; NCCPA weights them (its CME page:
    // self-assessment +50 %, the first 20 PI-CME credits of a cycle doubled).
    ct(
        "AAPA_CAT1_SA",
        "AAPA Category 1 Self-Assessment CME",
        "AAPA SA-CME",
        "PA",
        Unit::Credit,
    ),
    ct(
        "AAPA_CAT1_PI",
        "AAPA Category 1 Performance Improvement CME",
        "AAPA PI-CME",
        "PA",
        Unit::Credit,
    ),
    ct(
        "AANP_CONTACT_HOUR",
        "AANP-accredited contact hours",
        "AANP h",
        "Nursing",
        Unit::Hour,
    ),
    ct(
        "CAPCE",
        "CAPCE-accredited EMS continuing education (hours)",
        "CAPCE h",
        "EMS",
        Unit::Hour,
    ),
    ct(
        "AARC_CRCE",
        "AARC CRCE (respiratory care contact hours)",
        "CRCE h",
        "Respiratory care",
        Unit::Hour,
    ),
    ct(
        "NBCOT_UNIT",
        "NBCOT renewal units (PDUs)",
        "NBCOT units",
        "Occupational therapy",
        Unit::RenewalUnit,
    ),
    CreditTypeInfo {
        code: "AOTA_CEU",
        label: "AOTA CEUs (0.1 CEU = 1 contact hour)",
        short: "AOTA CEU",
        family: "Occupational therapy",
        unit: Unit::Ceu,
        hours_percent: 1000,
    },
    ct(
        "ADA_CERP",
        "ADA CERP continuing dental education (credit hours)",
        "ADA CERP h",
        "Dentistry",
        Unit::Hour,
    ),
    ct(
        "AGD_PACE",
        "AGD PACE continuing dental education (credit hours)",
        "AGD PACE h",
        "Dentistry",
        Unit::Hour,
    ),
    ct(
        "APA_CE",
        "APA-approved CE credits (1 credit = 1 hour)",
        "APA CE",
        "Psychology",
        Unit::Credit,
    ),
    ct(
        "ASWB_ACE",
        "ASWB ACE continuing education (hours)",
        "ASWB ACE h",
        "Social work",
        Unit::Hour,
    ),
    ct(
        "MAINPRO_CERTIFIED",
        "Mainpro+ Certified credits",
        "Mainpro+ cert.",
        "Canada",
        Unit::Credit,
    ),
    ct(
        "MAINPRO_NON_CERTIFIED",
        "Mainpro+ Non-certified credits",
        "Mainpro+ non-cert.",
        "Canada",
        Unit::Credit,
    ),
    ct(
        "RCPSC_SECTION_1",
        "Royal College MOC Section 1 (group learning)",
        "RCPSC S1",
        "Canada",
        Unit::Credit,
    ),
    ct(
        "RCPSC_SECTION_2",
        "Royal College MOC Section 2 (self-learning)",
        "RCPSC S2",
        "Canada",
        Unit::Credit,
    ),
    ct(
        "RCPSC_SECTION_3",
        "Royal College MOC Section 3 (assessment)",
        "RCPSC S3",
        "Canada",
        Unit::Credit,
    ),
    ct(
        "CMQ_RECOGNIZED",
        "CMQ recognized activities (hours)",
        "CMQ recog.",
        "Canada",
        Unit::Hour,
    ),
    ct(
        "CMQ_NON_RECOGNIZED",
        "CMQ non-recognized activities (hours)",
        "CMQ non-recog.",
        "Canada",
        Unit::Hour,
    ),
    ct(
        "CMQ_PRACTICE_ASSESSMENT",
        "CMQ practice assessment (hours)",
        "CMQ assess.",
        "Canada",
        Unit::Hour,
    ),
    ct(
        "MBA_EDUCATIONAL",
        "MBA CPD: educational activities (hours)",
        "MBA edu.",
        "Australia",
        Unit::Hour,
    ),
    ct(
        "MBA_REVIEWING_PERFORMANCE",
        "MBA CPD: reviewing performance (hours)",
        "MBA review",
        "Australia",
        Unit::Hour,
    ),
    ct(
        "MBA_MEASURING_OUTCOMES",
        "MBA CPD: measuring outcomes (hours)",
        "MBA outcomes",
        "Australia",
        Unit::Hour,
    ),
    ct(
        "EACCME_ECMEC",
        "European CME credits (EACCME® ECMEC®)",
        "ECMEC",
        "Europe",
        Unit::Credit,
    ),
    ct(
        "UK_CPD_CREDIT",
        "UK CPD credits (1 credit = 1 hour)",
        "UK CPD",
        "UK",
        Unit::Credit,
    ),
    ct(
        "TMA_APPROVED",
        "Texas Medical Association approved",
        "TMA",
        "US states",
        Unit::Credit,
    ),
    ct(
        "KS_CATEGORY_I",
        "Kansas Category I",
        "KS Cat I",
        "US states",
        Unit::Credit,
    ),
    ct(
        "UT_DOPL",
        "Utah DOPL-approved",
        "UT DOPL",
        "US states",
        Unit::Credit,
    ),
    ct(
        "WA_CAT_II",
        "Washington Category II (non-accredited CME)",
        "WA Cat II",
        "US states",
        Unit::Credit,
    ),
    ct(
        "WA_CAT_III",
        "Washington Category III (teaching)",
        "WA Cat III",
        "US states",
        Unit::Credit,
    ),
    ct(
        "WA_CAT_IV",
        "Washington Category IV (papers, publications)",
        "WA Cat IV",
        "US states",
        Unit::Credit,
    ),
    ct(
        "WA_CAT_V",
        "Washington Category V (self-directed, QA)",
        "WA Cat V",
        "US states",
        Unit::Credit,
    ),
    ct(
        "POINT_OF_CARE",
        "Point-of-care learning",
        "POC",
        "Other",
        Unit::Credit,
    ),
    ct(
        "INFORMAL",
        "Informal / self-study CME",
        "Informal",
        "Other",
        Unit::Credit,
    ),
    ct("CE_HOUR", "CE hours (generic)", "CE h", "Other", Unit::Hour),
    CreditTypeInfo {
        code: "CEU",
        label: "Continuing Education Units (1 CEU = 10 h)",
        short: "CEU",
        family: "Other",
        unit: Unit::Ceu,
        hours_percent: 1000,
    },
];

pub fn credit_type(id: &CreditTypeId) -> Option<&'static CreditTypeInfo> {
    CREDIT_TYPES.iter().find(|c| c.code == id.as_str())
}

/// A label for any credit type id, built-in or user-defined (`custom:Hospital grand rounds`).
pub fn credit_type_label(id: &CreditTypeId) -> String {
    match credit_type(id) {
        Some(info) => info.label.to_string(),
        None => id
            .as_str()
            .strip_prefix("custom:")
            .unwrap_or(id.as_str())
            .to_string(),
    }
}

/// Hours per unit in percent; unknown and custom types count one hour per unit.
pub fn hours_percent(id: &CreditTypeId) -> u32 {
    // Called for every designation the engine counts: look up only the few types not counted
    // in hours, instead of scanning the whole table.
    static OTHER_UNITS: std::sync::OnceLock<Vec<(&'static str, u32)>> = std::sync::OnceLock::new();
    let other = OTHER_UNITS.get_or_init(|| {
        CREDIT_TYPES
            .iter()
            .filter(|c| c.hours_percent != 100)
            .map(|c| (c.code, c.hours_percent))
            .collect()
    });
    other
        .iter()
        .find(|(code, _)| *code == id.as_str())
        .map_or(100, |(_, p)| *p)
}

/// The general types a board's own category takes in, from the board's rule: a limit or minimum
/// on the category applies to them however the activity was logged.
const CATEGORY_MEMBERS: &[(&str, &[&str])] = &[
    // WAC 246-919-460: Category II is CME "with nonaccredited sponsorship" (AMA PRA Category 2 is
    // the physician's own claim for exactly that); Category V is self-directed learning.
    ("WA_CAT_II", &["AMA_PRA_CAT2"]),
    ("WA_CAT_V", &["INFORMAL"]),
];

/// Whether credit of type `member` falls in the board category `category` (a type is in its own).
pub fn in_category(member: &CreditTypeId, category: &CreditTypeId) -> bool {
    member == category
        || CATEGORY_MEMBERS
            .iter()
            .any(|(c, members)| *c == category.as_str() && members.contains(&member.as_str()))
}

/// Other spellings of the built-in types, as transcripts, certificates and other trackers write
/// them (compared in lower case, without ™/® and extra spaces; the label and short label are
/// matched besides). "CEU" alone is not here: an IACET CEU is ten hours, but many boards' "CEU"
/// is one contact hour, so a bare "CEU" is asked about, never assumed.
const ALIASES: &[(&str, &str)] = &[
    ("ama pra category 1 credit", "AMA_PRA_CAT1"),
    ("ama pra category 1 credits", "AMA_PRA_CAT1"),
    ("ama pra category 1", "AMA_PRA_CAT1"),
    ("ama pra cat 1", "AMA_PRA_CAT1"),
    ("ama category 1", "AMA_PRA_CAT1"),
    ("ama cat 1", "AMA_PRA_CAT1"),
    ("ama cat i", "AMA_PRA_CAT1"),
    ("ama pra category i", "AMA_PRA_CAT1"),
    ("category 1", "AMA_PRA_CAT1"),
    ("category i", "AMA_PRA_CAT1"),
    ("cat 1", "AMA_PRA_CAT1"),
    ("prac1", "AMA_PRA_CAT1"),
    ("ama pra category 2 credit", "AMA_PRA_CAT2"),
    ("ama pra category 2", "AMA_PRA_CAT2"),
    ("ama category 2", "AMA_PRA_CAT2"),
    ("ama cat 2", "AMA_PRA_CAT2"),
    ("category 2", "AMA_PRA_CAT2"),
    ("category ii", "AMA_PRA_CAT2"),
    ("cat 2", "AMA_PRA_CAT2"),
    ("abim moc", "ABIM_MOC_POINT"),
    ("abim moc point", "ABIM_MOC_POINT"),
    ("abim moc points", "ABIM_MOC_POINT"),
    ("abim medical knowledge moc points", "ABIM_MOC_POINT"),
    ("abim mk", "ABIM_MOC_POINT"),
    ("ancc", "ANCC_CONTACT_HOUR"),
    ("ancc contact hour", "ANCC_CONTACT_HOUR"),
    ("ancc contact hours", "ANCC_CONTACT_HOUR"),
    ("nursing contact hours", "ANCC_CONTACT_HOUR"),
    ("nursing contact hours (ancc)", "ANCC_CONTACT_HOUR"),
    ("acpe", "ACPE"),
    ("acpe contact hours", "ACPE"),
    ("acpe credit", "ACPE"),
    ("aoa category 1-a", "AOA_1A"),
    ("aoa category 1a", "AOA_1A"),
    ("aoa cat 1-a", "AOA_1A"),
    ("aoa 1a", "AOA_1A"),
    ("aoa category 1-b", "AOA_1B"),
    ("aoa category 1b", "AOA_1B"),
    ("aoa 1b", "AOA_1B"),
    ("aafp prescribed", "AAFP_PRESCRIBED"),
    ("aafp prescribed credits", "AAFP_PRESCRIBED"),
    ("aafp elective", "AAFP_ELECTIVE"),
    ("aafp elective credits", "AAFP_ELECTIVE"),
    ("aapa category 1", "AAPA_CAT1"),
    ("aapa category 1 cme", "AAPA_CAT1"),
    ("aapa cat 1", "AAPA_CAT1"),
    ("aapa category 1 self-assessment cme", "AAPA_CAT1_SA"),
    ("aapa category 1 sa-cme", "AAPA_CAT1_SA"),
    ("sa-cme", "AAPA_CAT1_SA"),
    ("aapa category 1 pi-cme", "AAPA_CAT1_PI"),
    ("pi-cme", "AAPA_CAT1_PI"),
    ("aanp contact hours", "AANP_CONTACT_HOUR"),
    ("capce", "CAPCE"),
    ("capce hours", "CAPCE"),
    ("aarc crce", "AARC_CRCE"),
    ("crce", "AARC_CRCE"),
    ("nbcot units", "NBCOT_UNIT"),
    ("nbcot pdu", "NBCOT_UNIT"),
    ("aota ceu", "AOTA_CEU"),
    ("aota ceus", "AOTA_CEU"),
    ("ada cerp", "ADA_CERP"),
    ("agd pace", "AGD_PACE"),
    ("pace", "AGD_PACE"),
    ("apa ce", "APA_CE"),
    ("apa ce credits", "APA_CE"),
    ("aswb ace", "ASWB_ACE"),
    ("iacet ceu", "CEU"),
    ("iacet ceus", "CEU"),
];

/// The built-in type a name stands for, by its code, label, short label or a common spelling.
pub fn credit_type_named(text: &str) -> Option<&'static CreditTypeInfo> {
    let plain = |s: &str| {
        s.to_lowercase()
            .replace(['™', '®'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = plain(text);
    CREDIT_TYPES
        .iter()
        .find(|c| {
            c.code.eq_ignore_ascii_case(text.trim())
                || plain(c.label) == wanted
                || plain(c.short) == wanted
        })
        .or_else(|| {
            let code = ALIASES.iter().find(|(a, _)| *a == wanted)?.1;
            CREDIT_TYPES.iter().find(|c| c.code == code)
        })
}

/// Whether amounts of the type are designated in quarter hours. AMA PRA credits are: "activities
/// may be designated for, and credit awarded to physicians in, 15-minute / 0.25-credit
/// increments" (the AMA PRA booklet; Category 2 is claimed the same way). Every other type is
/// taken as its certificate states it, to the hundredth: ANCC contact hours, ACPE, CEUs and most
/// nursing, pharmacy and allied CE are awarded in tenths or hundredths (1.2 contact hours), and a
/// form refusing them would make a nurse misstate her certificate.
pub fn designated_in_quarters(id: &CreditTypeId) -> bool {
    matches!(id.as_str(), "AMA_PRA_CAT1" | "AMA_PRA_CAT2")
}
