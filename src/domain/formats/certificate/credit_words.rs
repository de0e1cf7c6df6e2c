//! The words certificates state their credit in, each with the credit type it names.

/// The credit statements, most specific first: (pattern words before or after the number, type).
/// Each entry: the words that name the type, and whether the number comes before them.
pub(super) const TYPES: &[(&str, &str)] = &[
    ("ama pra category 1 credit", "AMA_PRA_CAT1"),
    ("ama pra category 1", "AMA_PRA_CAT1"),
    ("category 1 credit", "AMA_PRA_CAT1"),
    ("ama pra category 2", "AMA_PRA_CAT2"),
    ("aoa category 1-a", "AOA_1A"),
    ("aoa category 1a", "AOA_1A"),
    ("category 1-a", "AOA_1A"),
    ("aoa category 1-b", "AOA_1B"),
    ("aoa category 2-a", "AOA_2A"),
    ("prescribed credit", "AAFP_PRESCRIBED"),
    ("elective credit", "AAFP_ELECTIVE"),
    ("moc point", "ABIM_MOC_POINT"),
    ("medical knowledge mo", "ABIM_MOC_POINT"),
    // Before "contact hour": a statement is counted under its most specific words only.
    ("pharmacy contact hour", "ACPE"),
    ("nursing contact hour", "ANCC_CONTACT_HOUR"),
    ("contact hour", "ANCC_CONTACT_HOUR"),
    ("european cme credit", "EACCME_ECMEC"),
    ("ecmec", "EACCME_ECMEC"),
    ("section 1", "RCPSC_SECTION_1"),
    ("section 3", "RCPSC_SECTION_3"),
    ("mainpro+ certified", "MAINPRO_CERTIFIED"),
    ("certified credit", "MAINPRO_CERTIFIED"),
    ("ceu", "CEU"),
    ("continuing education unit", "CEU"),
    // AAPA's Category 1 kinds before plain Category 1: NCCPA weights them.
    ("aapa category 1 self-assessment", "AAPA_CAT1_SA"),
    ("aapa category 1 pi-cme", "AAPA_CAT1_PI"),
    ("aapa category 1 performance improvement", "AAPA_CAT1_PI"),
    ("aapa category 1", "AAPA_CAT1"),
    // EMS: "approved by CAPCE for 1.5 CEHs" (continuing education hours).
    ("capce", "CAPCE"),
    (" ceh", "CAPCE"),
    // Respiratory care: "1.0 contact hour of Continuing Respiratory Care Education (CRCE)".
    ("continuing respiratory care education", "AARC_CRCE"),
    ("crce", "AARC_CRCE"),
];
