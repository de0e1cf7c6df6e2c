//! The built-in vocabularies: credit types, topics and holder conditions.
//!
//! They are static tables rather than enums so that presets (data) and user-defined entries can name
//! them by code, and so that the UI can list, search and label them without a match per variant.

use crate::domain::model::credits::CreditTypeId;
use crate::domain::model::topics::TopicId;

/// The unit a credit type is counted in.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Credit,
    #[default]
    Hour,
    Point,
    /// IACET Continuing Education Unit: 1 CEU = 10 contact hours.
    Ceu,
}

impl Unit {
    /// The unit a rule (or plan item) accepting `types` counts in: points when it takes only
    /// points (ABIM MOC), credits when only credits (AMA PRA Category 1), otherwise hours (any
    /// type; CEUs are counted as their hours).
    pub fn of_types(types: &[CreditTypeId]) -> Unit {
        let units: Vec<Unit> = types
            .iter()
            .map(|t| credit_type(t).map_or(Unit::Hour, |c| c.unit))
            .collect();
        match units.first() {
            Some(first) if units.iter().all(|u| u == first) && *first != Unit::Ceu => *first,
            _ => Unit::Hour,
        }
    }

    /// "1 hour", "2.5 hours", "1 credit", "12.5 points" (amounts as `display_short`).
    pub fn amount_text(self, a: crate::domain::model::credits::Amount) -> String {
        self.amount_with(a, &a.display_short())
    }

    /// The same with the number already written (in the reader's locale).
    pub fn amount_with(self, a: crate::domain::model::credits::Amount, number: &str) -> String {
        let one = a == crate::domain::model::credits::Amount::hours(1);
        let word = match (self, one) {
            (Unit::Credit, true) => "credit",
            (Unit::Credit, false) => "credits",
            (Unit::Point, true) => "point",
            (Unit::Point, false) => "points",
            (Unit::Hour | Unit::Ceu, true) => "hour",
            (Unit::Hour | Unit::Ceu, false) => "hours",
        };
        format!("{number} {word}")
    }

    /// Short form for tables and progress bars: "h", "cr", "pts".
    pub fn abbrev(self) -> &'static str {
        match self {
            Unit::Credit => "cr",
            Unit::Point => "pts",
            Unit::Hour | Unit::Ceu => "h",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Unit::Credit => "cr",
            Unit::Hour => "h",
            Unit::Point => "pts",
            Unit::Ceu => "CEU",
        }
    }
}

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

#[derive(Debug, PartialEq, Eq)]
pub struct TopicInfo {
    pub code: &'static str,
    pub label: &'static str,
    /// Other words people and boards use for the same topic. Searching any of them finds the topic;
    /// boards that treat two topics as one list both topic codes in their rule instead.
    pub synonyms: &'static [&'static str],
}

const fn tp(
    code: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
) -> TopicInfo {
    TopicInfo {
        code,
        label,
        synonyms,
    }
}

/// Every built-in topic. Codes are stable: they are stored in user data, backups and presets.
pub const TOPICS: &[TopicInfo] = &[
    tp(
        "ethics_professional_responsibility",
        "Ethics & professional responsibility",
        &[
            "medical ethics",
            "professionalism",
            "professional responsibility",
            "bioethics",
        ],
    ),
    tp(
        "medical_errors_patient_safety",
        "Prevention of medical errors / patient safety",
        &[
            "patient safety",
            "medical errors",
            "error prevention",
            "diagnostic error",
        ],
    ),
    tp(
        "risk_management",
        "Risk management",
        &[
            "liability",
            "malpractice prevention",
            "documentation",
            "medical records",
        ],
    ),
    tp(
        "pain_management_opioids",
        "Pain management & opioid prescribing",
        &[
            "opioid prescribing",
            "pain management",
            "safe opioid prescribing",
            "chronic pain",
        ],
    ),
    tp(
        "pain_management_end_of_life_care",
        "Pain management & care of the terminally ill",
        &[
            "terminally ill",
            "pain and symptom management",
            "palliative pain",
        ],
    ),
    tp(
        "controlled_substance_prescribing",
        "Controlled substance prescribing",
        &[
            "controlled substances",
            "prescribing practices",
            "DEA",
            "PDMP",
            "prescription drug monitoring",
        ],
    ),
    tp(
        "substance_use_disorder",
        "Substance use disorders / addiction",
        &[
            "addiction",
            "SUD",
            "opioid use disorder",
            "OUD",
            "MATE Act",
            "buprenorphine",
        ],
    ),
    tp(
        "end_of_life_care",
        "End-of-life & palliative care",
        &["palliative care", "hospice", "terminal care"],
    ),
    tp(
        "domestic_violence",
        "Domestic violence",
        &["intimate partner violence", "family violence", "IPV"],
    ),
    tp(
        "sexual_assault",
        "Sexual assault",
        &["rape", "sexual violence"],
    ),
    tp(
        "child_abuse",
        "Child abuse recognition & reporting",
        &["mandated reporter", "child maltreatment", "child neglect"],
    ),
    tp(
        "dependent_adult_abuse",
        "Dependent adult & elder abuse recognition",
        &[
            "elder abuse",
            "dependent adult abuse",
            "mandated reporter adult",
        ],
    ),
    tp(
        "organ_tissue_donation",
        "Organ & tissue donation",
        &["organ donation", "tissue donation", "transplant"],
    ),
    tp(
        "human_trafficking",
        "Human trafficking",
        &["trafficked persons", "trafficking victims"],
    ),
    tp(
        "implicit_bias",
        "Implicit bias",
        &["unconscious bias", "bias awareness"],
    ),
    tp(
        "cultural_competency",
        "Cultural & linguistic competency",
        &["cultural competence", "linguistic competency", "diversity"],
    ),
    tp(
        "health_equity",
        "Health equity",
        &["health disparities", "equity"],
    ),
    tp("hiv_aids", "HIV/AIDS", &["HIV", "AIDS"]),
    tp(
        "infection_control",
        "Infection control & barrier precautions",
        &["barrier precautions", "sepsis", "infection prevention"],
    ),
    tp(
        "infectious_diseases",
        "Infectious diseases",
        &["infectious disease", "communicable disease"],
    ),
    tp(
        "bioterrorism_wmd",
        "Bioterrorism / weapons of mass destruction",
        &["bioterrorism", "WMD", "disaster preparedness"],
    ),
    tp(
        "dementia",
        "Alzheimer's disease & dementia",
        &["Alzheimer", "dementia care", "cognitive impairment"],
    ),
    tp(
        "geriatrics",
        "Geriatric medicine",
        &["care of older patients", "elderly care", "aging"],
    ),
    tp(
        "older_adult_care",
        "Older adult / geriatric care (nursing)",
        &["gerontology", "older adults"],
    ),
    tp(
        "suicide_prevention",
        "Suicide assessment, treatment & prevention",
        &["suicide", "suicide risk", "mental health crisis"],
    ),
    tp(
        "behavioral_health",
        "Behavioral health",
        &["mental health", "psychiatry"],
    ),
    tp(
        "sexual_harassment_prevention",
        "Sexual harassment prevention",
        &["harassment", "workplace harassment"],
    ),
    tp(
        "professional_boundaries",
        "Professional boundaries & sexual misconduct",
        &["boundaries", "sexual misconduct"],
    ),
    tp(
        "board_laws_rules",
        "State laws & board rules",
        &[
            "jurisprudence",
            "laws and rules",
            "regulations",
            "medical practice act",
        ],
    ),
    tp(
        "duty_to_report",
        "Duty to report misconduct",
        &["reporting misconduct", "impaired colleague"],
    ),
    tp(
        "recognizing_impairment",
        "Recognizing impairment in the workplace",
        &["impairment", "substance impairment"],
    ),
    tp(
        "ehr_proficiency",
        "Electronic health records proficiency",
        &["EHR", "electronic medical records", "EMR"],
    ),
    tp(
        "pharmacotherapeutics",
        "Pharmacotherapeutics / pharmacology",
        &["pharmacology", "pharmacotherapy", "medication management"],
    ),
    tp(
        "pharmacology",
        "Pharmacology (general)",
        &["drug therapy", "prescribing"],
    ),
    tp(
        "forensic_evidence_collection",
        "Forensic evidence collection",
        &["forensic", "evidence collection", "SANE"],
    ),
    tp(
        "public_health_priorities",
        "Public health priorities",
        &["public health", "population health"],
    ),
    tp("nutrition", "Nutrition", &["diet", "dietary counseling"]),
    tp(
        "nutrition_metabolic_health",
        "Nutrition & metabolic health",
        &["metabolic health", "obesity"],
    ),
    tp(
        "osteopathic_medical_education",
        "Osteopathic principles & practice",
        &["OMM", "OMT", "osteopathic manipulative"],
    ),
    tp(
        "practice_area_specialty",
        "Own specialty / practice area",
        &["specialty", "area of practice"],
    ),
    tp(
        "scope_of_practice_specialty",
        "Scope of practice",
        &["scope of practice"],
    ),
    tp(
        "self_assessment_activity",
        "Self-assessment activity",
        &["knowledge self-assessment", "MOC part II"],
    ),
    // Topic groups (see GROUPS): what a board names as one topic covering several.
    tp(
        "patient_safety_risk_management",
        "Patient safety & risk management",
        &[
            "patient safety",
            "risk management",
            "quality improvement",
            "professional conduct",
            "medical records",
            "communication",
        ],
    ),
    tp(
        "professional_responsibility",
        "Professional responsibility (ethics, risk management, abuse)",
        &[
            "professional responsibility",
            "risk management",
            "domestic abuse",
            "child abuse",
        ],
    ),
    // Cap buckets: not clinical topics, but what boards cap ("at most 30% practice management").
    tp(
        "practice_management",
        "Practice management & coding",
        &[
            "coding",
            "reimbursement",
            "billing",
            "office management",
            "teaching methods",
        ],
    ),
    tp(
        "volunteer_service",
        "Volunteer health-care service",
        &["volunteer", "charity care"],
    ),
    tp(
        "professional_enrichment",
        "Professional enrichment",
        &["enrichment", "wellness"],
    ),
    tp(
        "teaching_health_professions",
        "Teaching health professions",
        &["teaching", "faculty", "precepting students"],
    ),
    tp(
        "advanced_training",
        "Advanced training",
        &["fellowship", "residency training"],
    ),
    tp(
        "board_certification_credit",
        "Board certification / recertification credit",
        &["board certification", "recertification", "MOC exam"],
    ),
    tp(
        "scholarly_activities",
        "Scholarly activities",
        &["publication", "research", "poster", "journal article"],
    ),
    tp(
        "osteopathic_preceptoring",
        "Osteopathic preceptoring",
        &["preceptor", "precepting"],
    ),
];

/// Topics boards name as one that covers several: an activity on any member counts toward a rule
/// that names the group (Pennsylvania's 12 hours of patient safety / risk management include
/// medical errors, risk management, and professional conduct & ethics). The group's own code may
/// also be ticked on an activity that covers the whole field.
pub const GROUPS: &[(&str, &[&str])] = &[
    (
        "patient_safety_risk_management",
        &[
            "medical_errors_patient_safety",
            "risk_management",
            "ethics_professional_responsibility",
            "professional_boundaries",
        ],
    ),
    (
        // Texas: ethics and professional responsibility, where risk management, domestic abuse
        // and child abuse count as professional responsibility (22 TAC 161.35).
        "professional_responsibility",
        &[
            "ethics_professional_responsibility",
            "risk_management",
            "domestic_violence",
            "child_abuse",
        ],
    ),
];

/// The members of a group topic (empty for a plain topic).
pub fn group_members(code: &str) -> &'static [&'static str] {
    GROUPS
        .iter()
        .find(|(g, _)| *g == code)
        .map_or(&[], |(_, members)| members)
}

/// The topics a rule naming `topics` accepts: each topic, and the members of each group named.
pub fn expand_topics(topics: &[TopicId]) -> Vec<TopicId> {
    let mut out: Vec<TopicId> = topics.to_vec();
    for t in topics {
        out.extend(group_members(t.as_str()).iter().map(|m| TopicId::new(m)));
    }
    crate::domain::model::sort::sort(&mut out);
    out.dedup();
    out
}

pub fn topic(id: &TopicId) -> Option<&'static TopicInfo> {
    TOPICS.iter().find(|t| t.code == id.as_str())
}

pub fn topic_label(id: &TopicId) -> String {
    topic(id).map_or_else(|| id.as_str().replace('_', " "), |t| t.label.to_string())
}

/// Whether amounts of the type come in quarter hours (the AMA PRA increment): types counted in
/// hours or hour-based credits do, points and CEUs (0.1 CEU = 1 hour) do not. Custom types count
/// hours.
pub fn counts_in_quarter_hours(id: &CreditTypeId) -> bool {
    credit_type(id).is_none_or(|c| matches!(c.unit, Unit::Credit | Unit::Hour))
}

/// Topics whose code, label or synonyms contain `query` (case-insensitive); the picker's search.
pub fn search_topics(query: &str) -> Vec<&'static TopicInfo> {
    let q = query.trim().to_lowercase();
    TOPICS
        .iter()
        .filter(|t| {
            q.is_empty()
                || t.code.contains(&q)
                || t.label.to_lowercase().contains(&q)
                || t.synonyms.iter().any(|s| s.to_lowercase().contains(&q))
        })
        .collect()
}

pub struct ConditionInfo {
    pub code: &'static str,
    /// Phrased as a statement about the holder, shown as a checkbox label.
    pub label: &'static str,
}

/// Facts about the holder that rules can require (`applies_if`) or that deem a rule met.
pub const CONDITIONS: &[ConditionInfo] = &[
    ConditionInfo {
        code: "dea_registrant",
        label: "I hold a DEA registration",
    },
    ConditionInfo {
        code: "prescribes_controlled_substances",
        label: "I prescribe, dispense or administer controlled substances",
    },
    ConditionInfo {
        code: "prescribes_opioids",
        label: "I prescribe opioids",
    },
    ConditionInfo {
        code: "state_controlled_substance_registration",
        label: "I hold a state controlled-substance registration",
    },
    ConditionInfo {
        code: "direct_patient_care",
        label: "I provide direct patient care",
    },
    ConditionInfo {
        code: "treats_children",
        label: "I treat children",
    },
    ConditionInfo {
        code: "treats_adults_26_plus",
        label: "I see adults aged 26 or older",
    },
    ConditionInfo {
        code: "treats_older_adults",
        label: "Over 25% of my patients are 65 or older",
    },
    ConditionInfo {
        code: "primary_care",
        label: "I practise primary care (FM, IM, GP, pediatrics, EM…)",
    },
    ConditionInfo {
        code: "emergency_setting",
        label: "I work in an emergency department",
    },
    ConditionInfo {
        code: "pathologist_or_radiologist",
        label: "I am a pathologist or radiologist",
    },
    ConditionInfo {
        code: "addiction_board_certified",
        label: "I am board-certified in addiction medicine or addiction psychiatry",
    },
    ConditionInfo {
        code: "recent_graduate_sud_curriculum",
        label: "I graduated in the last 5 years from a program with ≥8 h of SUD training",
    },
    ConditionInfo {
        code: "pain_practice",
        label: "Most of my patients are treated for pain with opioids",
    },
    ConditionInfo {
        // For boards whose condition has no code of its own: the requirement shows the board's
        // wording, and applies when the holder says it does.
        code: "board_specific_condition",
        label: "A board-specific condition applies to me (see each requirement's wording)",
    },
    ConditionInfo {
        code: "resident_or_fellow",
        label: "I am in residency or fellowship training",
    },
    ConditionInfo {
        code: "aprn",
        label: "I am an advanced practice registered nurse",
    },
    ConditionInfo {
        code: "prescriptive_authority",
        label: "I have prescriptive authority",
    },
    ConditionInfo {
        code: "national_certification",
        label: "I hold a board-approved national specialty certification",
    },
];

pub fn condition_label(code: &str) -> String {
    CONDITIONS
        .iter()
        .find(|c| c.code == code)
        .map_or_else(|| code.replace('_', " "), |c| c.label.to_string())
}

#[cfg(test)]
mod tests;
