//! Holder conditions a rule may apply to ("prescribes controlled substances", …).

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
    ConditionInfo {
        code: "not_in_active_practice",
        label: "I am not in active practice, as my board defines it",
    },
    ConditionInfo {
        code: "board_specific_exemption",
        label: "A board's stated exemption applies to me (see each requirement's wording)",
    },
    ConditionInfo {
        code: "treats_adults",
        label: "I regularly examine, attend, counsel or treat adults",
    },
    ConditionInfo {
        code: "crna",
        label: "I am an active certified registered nurse anesthetist (CRNA)",
    },
    ConditionInfo {
        code: "administers_vaccines",
        label: "I administer vaccines or other injectable medications",
    },
    ConditionInfo {
        code: "clinical_supervisor",
        label: "I supervise candidates for licensure (board-approved supervisor)",
    },
    ConditionInfo {
        code: FIRST_RENEWAL_EXEMPT,
        label: "My first renewal qualifies for the board's first-renewal exemption (see its note)",
    },
    ConditionInfo {
        code: "dea_attested_since_mate",
        label: "I have applied for or renewed my DEA registration since 27 June 2023 (and attested to the training then)",
    },
];

/// A condition that holds only at the first renewal: the board's first-renewal exemption (the
/// engine reads it as false from the second renewal on, however it was answered).
pub const FIRST_RENEWAL_EXEMPT: &str = "first_renewal_exempt";

pub fn condition_label(code: &str) -> String {
    CONDITIONS
        .iter()
        .find(|c| c.code == code)
        .map_or_else(|| code.replace('_', " "), |c| c.label.to_string())
}
