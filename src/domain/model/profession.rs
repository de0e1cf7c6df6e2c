//! Who the clinician is ("I am a… pharmacist"). The choice orders what exists — the catalog, the
//! credit types the activity form offers, the topics — and hides nothing: a clinician may hold
//! several licenses, and a pharmacist may still log a course that carries AMA credit.

use serde::{Deserialize, Serialize};

use crate::domain::model::vocab::{self, CreditTypeInfo, TopicInfo};

/// A profession the chooser offers; the codes are the catalog's (`Preset::professions`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Profession {
    Physician,
    Pa,
    Np,
    Rn,
    Pharmacist,
    PharmacyTechnician,
    Ems,
    RespiratoryTherapist,
    OccupationalTherapist,
    PhysicalTherapist,
    Dentist,
    Psychologist,
    SocialWorker,
}

impl Profession {
    pub const ALL: &'static [Profession] = <Profession as strum::VariantArray>::VARIANTS;

    /// The catalog's code ("pharmacy_technician").
    pub fn code(self) -> &'static str {
        match self {
            Profession::Physician => "physician",
            Profession::Pa => "pa",
            Profession::Np => "np",
            Profession::Rn => "rn",
            Profession::Pharmacist => "pharmacist",
            Profession::PharmacyTechnician => "pharmacy_technician",
            Profession::Ems => "ems",
            Profession::RespiratoryTherapist => "respiratory_therapist",
            Profession::OccupationalTherapist => "occupational_therapist",
            Profession::PhysicalTherapist => "physical_therapist",
            Profession::Dentist => "dentist",
            Profession::Psychologist => "psychologist",
            Profession::SocialWorker => "social_worker",
        }
    }

    pub fn from_code(code: &str) -> Option<Profession> {
        Profession::ALL.iter().copied().find(|p| p.code() == code)
    }

    /// As the chooser offers it: "I am a… physician assistant (PA)".
    pub fn label(self) -> &'static str {
        match self {
            Profession::Physician => "Physician (MD, DO)",
            Profession::Pa => "Physician assistant (PA)",
            Profession::Np => "Nurse practitioner (NP, APRN)",
            Profession::Rn => "Registered nurse (RN)",
            Profession::Pharmacist => "Pharmacist",
            Profession::PharmacyTechnician => "Pharmacy technician",
            Profession::Ems => "EMS clinician (EMT, paramedic)",
            Profession::RespiratoryTherapist => "Respiratory therapist",
            Profession::OccupationalTherapist => "Occupational therapist",
            Profession::PhysicalTherapist => "Physical therapist",
            Profession::Dentist => "Dentist",
            Profession::Psychologist => "Psychologist",
            Profession::SocialWorker => "Social worker",
        }
    }

    /// In "For …" headings: "physician assistants".
    pub fn plural(self) -> &'static str {
        match self {
            Profession::Physician => "physicians",
            Profession::Pa => "physician assistants",
            Profession::Np => "nurse practitioners",
            Profession::Rn => "registered nurses",
            Profession::Pharmacist => "pharmacists",
            Profession::PharmacyTechnician => "pharmacy technicians",
            Profession::Ems => "EMS clinicians",
            Profession::RespiratoryTherapist => "respiratory therapists",
            Profession::OccupationalTherapist => "occupational therapists",
            Profession::PhysicalTherapist => "physical therapists",
            Profession::Dentist => "dentists",
            Profession::Psychologist => "psychologists",
            Profession::SocialWorker => "social workers",
        }
    }

    /// The credit types her certificates carry, most common first (by code).
    fn credit_types(self) -> &'static [&'static str] {
        match self {
            Profession::Physician => &[
                "AMA_PRA_CAT1",
                "AMA_PRA_CAT2",
                "AOA_1A",
                "AOA_1B",
                "AOA_2A",
                "AOA_2B",
                "AAFP_PRESCRIBED",
                "AAFP_ELECTIVE",
                "ABIM_MOC_POINT",
                "OTHER_MOC_POINT",
            ],
            Profession::Pa => &[
                "AAPA_CAT1",
                "AAPA_CAT1_SA",
                "AAPA_CAT1_PI",
                "NCCPA_CAT1",
                "NCCPA_CAT2",
                "AMA_PRA_CAT1",
            ],
            Profession::Np => &[
                "ANCC_CONTACT_HOUR",
                "ANCC_PHARMACOLOGY",
                "AANP_CONTACT_HOUR",
                "AMA_PRA_CAT1",
                "ACPE",
            ],
            Profession::Rn => &[
                "ANCC_CONTACT_HOUR",
                "BRN_CONTACT_HOUR",
                "FL_BON_CONTACT_HOUR",
                "CEU",
            ],
            Profession::Pharmacist | Profession::PharmacyTechnician => &["ACPE", "CEU"],
            Profession::Ems => &["CAPCE", "CE_HOUR"],
            Profession::RespiratoryTherapist => &["AARC_CRCE", "CE_HOUR"],
            Profession::OccupationalTherapist => &["NBCOT_UNIT", "AOTA_CEU", "CE_HOUR"],
            Profession::PhysicalTherapist => &["CE_HOUR", "CEU"],
            Profession::Dentist => &["ADA_CERP", "AGD_PACE", "CE_HOUR"],
            Profession::Psychologist => &["APA_CE", "CE_HOUR"],
            Profession::SocialWorker => &["ASWB_ACE", "CE_HOUR"],
        }
    }

    /// The topics her boards name most, first in the picker (by code).
    fn topics(self) -> &'static [&'static str] {
        match self {
            Profession::Physician => &[
                "ethics_professional_responsibility",
                "pain_management_opioids",
                "controlled_substance_prescribing",
                "implicit_bias",
                "medical_errors_patient_safety",
            ],
            Profession::Pa => &[
                "controlled_substance_prescribing",
                "pain_management_opioids",
                "medical_errors_patient_safety",
                "human_trafficking",
                "self_assessment_activity",
            ],
            Profession::Np => &[
                "pharmacotherapeutics",
                "controlled_substance_prescribing",
                "pain_management_opioids",
                "board_laws_rules",
            ],
            Profession::Rn => &[
                "board_laws_rules",
                "medical_errors_patient_safety",
                "human_trafficking",
                "implicit_bias",
                "domestic_violence",
            ],
            Profession::Pharmacist | Profession::PharmacyTechnician => &[
                "board_laws_rules",
                "medical_errors_patient_safety",
                "immunizations",
                "compounding",
                "pain_management_opioids",
                "hiv_aids",
                "controlled_substance_prescribing",
            ],
            Profession::Ems => &["nremt_national", "nremt_local", "nremt_individual"],
            Profession::RespiratoryTherapist => &[
                "ethics_professional_responsibility",
                "board_laws_rules",
                "medical_errors_patient_safety",
            ],
            Profession::OccupationalTherapist | Profession::PhysicalTherapist => {
                &["ethics_professional_responsibility", "board_laws_rules"]
            }
            Profession::Dentist => &[
                "infection_control",
                "board_laws_rules",
                "bls_cpr",
                "controlled_substance_prescribing",
                "pain_management_opioids",
            ],
            Profession::Psychologist | Profession::SocialWorker => &[
                "ethics_professional_responsibility",
                "board_laws_rules",
                "cultural_competency",
                "clinical_supervision",
                "suicide_prevention",
            ],
        }
    }
}

/// "physician assistants and pharmacists".
pub fn plural_list(chosen: &[Profession]) -> String {
    let names: Vec<&str> = chosen.iter().map(|p| p.plural()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Every credit type, those of the chosen professions first (in their order), then the rest in
/// the table's order. With none chosen: the table's order, and nothing first.
pub fn credit_types_for(
    chosen: &[Profession],
) -> (Vec<&'static CreditTypeInfo>, Vec<&'static CreditTypeInfo>) {
    let mut first: Vec<&'static CreditTypeInfo> = Vec::new();
    for code in chosen.iter().flat_map(|p| p.credit_types()) {
        if let Some(info) = vocab::CREDIT_TYPES.iter().find(|c| c.code == *code) {
            if !first.iter().any(|f| f.code == info.code) {
                first.push(info);
            }
        }
    }
    let rest = vocab::CREDIT_TYPES
        .iter()
        .filter(|c| !first.iter().any(|f| f.code == c.code))
        .collect();
    (first, rest)
}

/// Whether the topic is one the chosen professions' boards name most.
pub fn topic_is_theirs(chosen: &[Profession], topic: &TopicInfo) -> bool {
    chosen.iter().any(|p| p.topics().contains(&topic.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_name_known_types_and_topics() {
        for p in Profession::ALL {
            assert_eq!(Profession::from_code(p.code()), Some(*p));
            let json = serde_json::to_string(p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.code()), "stored as its code");
            for t in p.credit_types() {
                assert!(vocab::CREDIT_TYPES.iter().any(|c| c.code == *t), "{t}");
            }
            for t in p.topics() {
                assert!(vocab::TOPICS.iter().any(|c| c.code == *t), "{t}");
            }
        }
    }

    #[test]
    fn a_pharmacist_sees_acpe_first_and_every_other_type_after() {
        let (first, rest) = credit_types_for(&[Profession::Pharmacist]);
        assert_eq!(first[0].code, "ACPE");
        assert_eq!(first.len() + rest.len(), vocab::CREDIT_TYPES.len());
        let (none, all) = credit_types_for(&[]);
        assert!(none.is_empty());
        assert_eq!(all[0].code, vocab::CREDIT_TYPES[0].code);
        assert_eq!(
            plural_list(&[Profession::Pa, Profession::Pharmacist, Profession::Rn]),
            "physician assistants, pharmacists and registered nurses"
        );
    }
}
