//! The topics requirements name: labels, synonyms, groups, and the picker's search.

use super::*;

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
    // ACPE topic designators 06 and 07 (`domain::formats::uan`); pharmacy boards require
    // immunization hours of pharmacists who vaccinate.
    tp(
        "immunizations",
        "Immunizations & vaccine administration",
        &[
            "immunization",
            "vaccines",
            "vaccination",
            "vaccine administration",
        ],
    ),
    tp(
        "compounding",
        "Compounding",
        &[
            "sterile compounding",
            "non-sterile compounding",
            "USP 797",
            "USP 800",
        ],
    ),
    tp(
        "bls_cpr",
        "Basic life support / CPR",
        &[
            "BLS",
            "CPR",
            "cardiopulmonary resuscitation",
            "basic life support",
        ],
    ),
    // NREMT's three components: the clinician assigns each course to one, as in the NREMT
    // transcript (National Continued Competency Program).
    tp(
        "nremt_national",
        "NREMT national component (NCCR)",
        &[
            "national continued competency requirements",
            "NCCR",
            "national component",
        ],
    ),
    tp(
        "nremt_local",
        "NREMT local / state component (LCCR)",
        &[
            "local continued competency requirements",
            "LCCR",
            "state component",
            "local component",
        ],
    ),
    tp(
        "nremt_individual",
        "NREMT individual component (ICCR)",
        &[
            "individual continued competency requirements",
            "ICCR",
            "individual component",
        ],
    ),
    tp(
        "clinical_supervision",
        "Clinical supervision",
        &["supervision", "supervisor training"],
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

/// The topic a file or another tracker names: by code, label or synonym ("Ethics", "Geriatric
/// Medicine", "HIV/AIDS"), else the one topic whose label begins with the name ("Pain
/// Management" is "Pain management & opioid prescribing").
pub fn topic_named(text: &str) -> Option<TopicId> {
    let plain = |s: &str| {
        s.to_lowercase()
            .replace(" and ", " & ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = plain(text);
    if wanted.is_empty() {
        return None;
    }
    let exact = TOPICS.iter().find(|t| {
        t.code.eq_ignore_ascii_case(text.trim())
            || plain(t.label) == wanted
            || t.synonyms.iter().any(|s| plain(s) == wanted)
    });
    let found = exact.or_else(|| {
        let starting: Vec<&TopicInfo> = TOPICS
            .iter()
            .filter(|t| plain(t.label).starts_with(&wanted))
            .collect();
        (starting.len() == 1).then(|| starting[0])
    });
    found.map(|t| TopicId::new(t.code))
}

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
