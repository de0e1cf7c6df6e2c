"""Presets for the professions beyond physicians and registered nurses (issue 36), written in the
app's own rule language (rule_language.py). Facts are from ../shared/reference/professions_ce.md,
each checked against the source named in the preset (the rule or the certifying body's own page)
before it was encoded; where only a secondary source was found, the confidence says so and so does
the note. More state boards are in professions_states.py.

convert.py appends these to the catalog; `cargo test --test presets_catalog --test
presets_scenarios` then runs the lint and the scenario tests over every one.
"""

from rule_language import (FIRST_ONLY, HOME_STUDY, PA_CAT1, SECONDARY, after_first, cap, category_min,
                           completion, live_at_least, preset, state_preset, topic, total, when)
from professions_states import more_states, pharmacy_more, physician_assistants_more


def physician_assistants():
    nccpa = 'https://www.nccpa.net/ContinuingMedicalEducation'
    return [
        preset('nccpa-pa-c', 'NCCPA PA-C certification maintenance', 'Physician assistant', ['pa'],
               'US (NCCPA)', 'board_certification', 24,
               'Five 2-year CME logging periods in a 10-year certification maintenance cycle; CME logged '
               'and the fee paid by 11:59 p.m. PT, December 31 of the expiration year.',
               [total(100, '100 CME credits in each 2-year period, logged with NCCPA.'),
                category_min(50, PA_CAT1, 'Category 1 CME',
                             'At least 50 of the 100 are Category 1; the rest Category 1 or 2.',
                             rid='min_category_1')],
               [nccpa, 'https://www.nccpa.net/?p=4170'], 'high',
               ['Self-assessment Category 1 counts 1.5 times (NCCPA: “a self-assessment activity worth '
                '10 credits will be converted to 15 credits”): log it as AAPA Category 1 Self-Assessment CME.',
                'The first 20 PI-CME credits of each period count twice (NCCPA: “the first 20 PI-CME credits '
                'logged during every two-year cycle will be doubled”): log them as AAPA Category 1 PI-CME.',
                'Earning window: May 1 of the year the certification was issued to December 31 of the '
                'expiration year. The recertification exam (PANRE or PANRE-LA) falls in years 9–10.',
                'CME hours a state requires are not weighted by the state (Kentucky PA society).'],
               weights=[('AAPA_CAT1_SA', 150), ('AAPA_CAT1_PI', 200, 20)], version=2),
        state_preset('fl', 'pa', 'Florida – Board of Medicine (physician assistant)', 'Physician assistant', ['pa'],
               24,
               'Biennial; PA licenses expire January 31 of even years (biennium February 1 to January 31).',
               [total(100, '100 hours of CME per biennium, at least 50 Category 1 — or current NCCPA '
                      'certification (64B8-30.005).'),
                category_min(50, PA_CAT1, 'Category 1 CME', 'At least 50 of the 100 are Category 1.',
                             rid='min_category_1'),
                topic('medical_errors_patient_safety', 2, 'Prevention of medical errors',
                      '2 hours on the prevention of medical errors every renewal (64B8-30.005).'),
                topic('domestic_violence', 2, 'Domestic violence',
                      '2 hours on domestic violence every third biennium (64B8-30.005).',
                      recurrence={'type': 'every_n_cycles', 'n': 3}),
                topic('hiv_aids', 1, 'HIV/AIDS (by the first renewal)', '1 hour on HIV/AIDS for the first renewal.',
                      rid='hiv_aids_once', recurrence=FIRST_ONLY),
                topic('controlled_substance_prescribing', 3, 'Controlled substance prescribing',
                      '3 hours on the safe and effective prescribing of controlled substances each renewal '
                      '(from 2017-01-01), within the 10 hours a prescribing PA earns in the supervising '
                      'physician’s specialty. (Confidence: medium — secondary source.)',
                      applies_if=when('prescribing physician assistant', any_=['prescriptive_authority']))],
               ['https://regulations.justia.com/states/florida/64/64b8/chapter-64b8-30/section-64b8-30-005',
                'https://flboardofmedicine.gov/latest-news/information-for-pas-cme-requirements/',
                'https://flboardofmedicine.gov/latest-news/calling-all-physician-assistants/'], 'high',
               ['Reported in CE Broker.', 'Prescribing PAs: 10 hours in the supervising physician’s specialty '
                '(not modelled: it depends on the specialty).'],
               pathways={'options': [
                   {'id': 'ce', 'label': 'Continuing education: 100 hours, at least 50 Category 1',
                    'rules': ['total', 'min_category_1']},
                   {'id': 'nccpa', 'label': 'Current NCCPA certification (accepted instead of the 100 hours)',
                    'evidence': {'kind': 'national_certification'}}], 'needed': 1}),
        state_preset('tx', 'pa', 'Texas – Physician Assistant Board', 'Physician assistant', ['pa'],
               24,
               '24-month registration period; NCCPA certification is not required for renewal.',
               [total(40, '40 hours of CME every 24 months (22 TAC §185.6).'),
                category_min(20, PA_CAT1, 'Formal Category 1 CME',
                             'At least 20 hours of formal Category 1 CME from an AAPA- or ACCME-accredited sponsor.',
                             rid='min_category_1'),
                completion('human_trafficking', 'Human trafficking course',
                           'An HHSC-approved human-trafficking prevention course (counts within the 20).'),
                topic('pain_management_opioids', 2, 'Opioid prescribing',
                      'At least 2 hours on the prescribing of opioids and other controlled substances.')],
               ['https://www.law.cornell.edu/regulations/texas/22-Tex-Admin-Code-SS-185-6',
                'https://www.tmb.state.tx.us/apply-renew/physician-assistant/continuing-education-requirements-physician-assistants'],
               'high', []),
    ]


def nurse_practitioners():
    return [
        preset('aanpcb-np', 'AANPCB nurse practitioner recertification (FNP, AGNP, ENP…)', 'Nurse practitioner',
               ['np'], 'US (AANPCB)', 'board_certification', 60,
               'Five-year certification period from the certification date.',
               [total(100, '100 contact hours of advanced continuing education in the 5 years.'),
                topic('pharmacotherapeutics', 25, 'Pharmacology',
                      'At least 25 of the 100 hours in pharmacology: a part of an activity’s hours, '
                      'not extra hours (AANP: 2.5 h of CE may carry 0.20 h of pharmacology).')],
               ['https://www.aanpcert.org/faq-ce',
                'https://support.aanp.org/hc/en-us/articles/23085150719643'], 'high',
               ['The 100 hours and the 25 of pharmacology apply to those recertifying from January 1, 2017.',
                'Precepting may replace some non-pharmacology hours (AANPCB handbook; not modelled).'],
               pathways={'options': [
                   {'id': 'ce', 'label': '100 contact hours (25 pharmacology) and 1,000 hours of NP clinical practice',
                    'rules': ['total', 'pharmacotherapeutics'],
                    'evidence': {'kind': 'practice_hours', 'hours': 100000}},
                   {'id': 'exam', 'label': 'Pass the AANPCB certification examination again',
                    'evidence': {'kind': 'other'}}], 'needed': 1}),
        state_preset('nc', 'np', 'North Carolina – Board of Nursing (nurse practitioner)', 'Nurse practitioner', ['np'],
               24,
               'NP approval renews every two years in the birth month.',
               [total(50, '50 contact hours every 2 years, at least 20 of them ANCC- or ACCME-approved — or '
                      'maintain national certification (21 NCAC 36.0807).'),
                category_min(20, ['ANCC_CONTACT_HOUR', 'AANP_CONTACT_HOUR', 'AMA_PRA_CAT1'],
                             'ANCC- or ACCME-approved hours', 'At least 20 of the 50 approved by ANCC or ACCME.',
                             rid='min_approved'),
                topic('controlled_substance_prescribing', 1, 'Controlled substance prescribing',
                      'At least 1 hour on controlled-substance prescribing practices each renewal.',
                      applies_if=when('prescribes controlled substances', any_=['prescribes_controlled_substances']))],
               ['https://ncbon.com/node/122'], 'high', [],
               pathways={'options': [
                   {'id': 'ce', 'label': 'Continuing education: 50 contact hours (20 ANCC/ACCME)',
                    'rules': ['total', 'min_approved']},
                   {'id': 'certification', 'label': 'National certification maintained',
                    'evidence': {'kind': 'national_certification'}}], 'needed': 1}),
    ]


def pharmacy():
    patient_safety = 'medical_errors_patient_safety'
    return [
        preset('ptcb-cpht', 'PTCB Certified Pharmacy Technician (CPhT) recertification', 'Pharmacy technician',
               ['pharmacy_technician'], 'US (PTCB)', 'board_certification', 24,
               'Two-year recertification cycle ending on the certification expiration date.',
               [total(20, '20 hours of technician-specific CE in each cycle; none carried over.'),
                topic('board_laws_rules', 1, 'Pharmacy law', '1 hour of pharmacy law (ACPE topic 03).'),
                topic(patient_safety, 1, 'Patient safety', '1 hour of patient safety (ACPE topic 05).')],
               ['https://ptcb.zendesk.com/hc/en-us/articles/206222598-What-do-I-need-to-know-about-continuing-education-CE-'],
               'high',
               ['Only technician-specific CE counts: an ACPE activity’s UAN ends in -T; PTCB does not accept '
                'pharmacist-specific (-P) CE.',
                'At most 10 of the 20 hours from one relevant 3-credit college course (grade C or better); '
                'in-service hours are not accepted since 2018.',
                'Reinstatement asks 2 hours of law instead of 1.'],
               ),
        state_preset('fl', 'rph', 'Florida – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 24, 'Biennial; CE in the 24 months before the renewal date.',
               [total(30, '30 hours of approved CE per biennium (64B16-26.103).'),
                live_at_least(10, 30, 'At least 10 of the 30 hours through live presentations.'),
                topic(patient_safety, 2, 'Prevention of medication errors', '2 hours on medication errors each biennium.'),
                topic('controlled_substance_prescribing', 2, 'Validation of controlled-substance prescriptions',
                      '2 hours on validating prescriptions for controlled substances each biennium.'),
                topic('hiv_aids', 1, 'HIV/AIDS (by the first renewal)', '1 hour on HIV/AIDS at the first renewal.',
                      rid='hiv_aids_once', recurrence=FIRST_ONLY)],
               ['https://regulations.justia.com/states/florida/64/64b16/chapter-64b16-26/section-64b16-26-103'],
               'high',
               ['Consultant and nuclear pharmacists: 24 more hours in their specialty (not modelled).',
                'Reported in CE Broker.'],
               first_renewal_note='Licensed at least 12 months before the first renewal: 15 hours, 5 of them live; '
                                  'licensed less than 12 months before it: no general hours.'),
        state_preset('md', 'rph', 'Maryland – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 24, 'Biennial renewal.',
               [total(30, '30 hours of approved CE every 2 years (COMAR 10.34.18.03).'),
                live_at_least(2, 30, 'At least 2 of the 30 hours live.'),
                topic(patient_safety, 1, 'Preventing medication errors', '1 hour on preventing medication errors.'),
                topic('immunizations', 4, 'Vaccine administration', '4 hours on vaccines for pharmacists who administer them.',
                      applies_if=when('administers vaccines', any_=['administers_vaccines']))],
               ['http://www.dsd.state.md.us/comar/comarhtml/10/10.34.18.03.htm'], 'high',
               ['Keep CE records 4 years.']),
        state_preset('pa', 'rph', 'Pennsylvania – State Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'],
               24, 'Biennial renewal.',
               [total(30, '30 contact hours per biennium from ACPE-accredited providers (49 Pa. Code §27.32).',
                      types=['ACPE'], label='Total (ACPE h)'),
                topic(patient_safety, 2, 'Patient safety (ACPE topic)', '2 hours in the ACPE topic “Patient Safety”.'),
                topic('immunizations', 2, 'Injectable medications and immunizations',
                      '2 hours on administering injectables for pharmacists authorized to administer them.',
                      applies_if=when('authorized to administer injectables', any_=['administers_vaccines']))],
               ['http://www.pacode.com/secure/data/049/chapter27/s27.32.html'], 'high',
               ['The board audits a random 5 % of renewals; keep certificates 2 years.']),
        state_preset('tx', 'rph', 'Texas – State Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 24, 'Biennial renewal.',
               [total(30, 'At least 30 hours of approved CE each renewal period (TSBP rule 295.8).'),
                topic('board_laws_rules', 1, 'Texas pharmacy law', 'At least 1 hour on Texas pharmacy laws or rules.'),
                topic('controlled_substance_prescribing', 2, 'Controlled substances',
                      '2 hours on prescribing and monitoring controlled substances.'),
                completion('human_trafficking', 'Human trafficking course', 'An HHSC-approved human-trafficking course.')],
               ['https://www.pharmacy.texas.gov/infocist/continue.asp'], 'high',
               ['A secondary source adds 1 hour on mental health (rxce.com): not encoded until the board says so.']),
        state_preset('ca', 'rph', 'California – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 24, 'Biennial; CE in the 2 years before renewal.',
               [total(30, '30 hours of approved CPE in the 2 years before renewal (B&P §4231); not required at '
                      'the first renewal.', recurrence=after_first(24)),
                topic(['board_laws_rules', 'ethics_professional_responsibility'], 2, 'Law and ethics',
                      '2 of the 30 hours on law and ethics. (Confidence: medium — secondary source.)',
                      rid='law_ethics'),
                topic('immunizations', 1, 'Immunizations',
                      '1 hour on immunizations for pharmacists who administer vaccines. (Confidence: medium — secondary source.)',
                      applies_if=when('administers vaccines', any_=['administers_vaccines']))],
               ['https://instalawyer.io/laws/california-code/section-4231',
                'https://legacy.freece.com/PharmacyBoards/State/California'], 'medium',
               ['The statute text checked is the version operative until 2024-01-01.', SECONDARY],
               first_renewal_note='No CE for the first renewal (B&P §4231).'),
    ]


def ems():
    levels = [('paramedic', 'Paramedic (NRP)', 60, 30, 15, 15, 35),
              ('aemt', 'Advanced EMT (NRAEMT)', 50, 25, 12.5, 12.5, 28.5),
              ('emt', 'EMT (NREMT)', 40, 20, 10, 10, 24),
              ('emr', 'Emergency Medical Responder (NREMR)', 16, 8, 4, 4, 10)]
    out = []
    for code, name, t, n, l, i, dist in levels:
        out.append(preset(
            f'nremt-{code}', f'NREMT National Continued Competency Program – {name}', 'EMS clinician', ['ems'],
            'US (NREMT)', 'board_certification', 24, 'Two-year recertification cycle ending March 31.',
            [total(t, f'{t:g} hours every 2 years in three components.'),
             topic('nremt_national', n, 'National component (NCCR)', f'{n:g} hours on the NREMT national topics.'),
             topic('nremt_local', l, 'Local / state component (LCCR)',
                   f'{l:g} hours on what the state or agency sets (her own choice where it sets nothing).'),
             topic('nremt_individual', i, 'Individual component (ICCR)', f'{i:g} hours of any EMS-related education.'),
             cap(dist, f'Distributive (online, self-paced): at most {dist:g} hours',
                 'Distributive education is capped in each component; these are the components’ caps added up. '
                 '(Confidence: medium — CAPCE provider’s table.)', 'cap_distributive', formats=['on_demand_online'])],
            ['https://www.nremt.org/rwd/public/document/nccp',
             'https://nremt.org/Document/Frequently-Asked-Questions',
             'https://ems.safetyunlimited.com/ems-ce/capce-nccp-overview.asp'], 'high',
            ['Assign each course to one component, as in the NREMT transcript.',
             'Accepted: state-accepted or CAPCE-accredited education, EMS programs, accredited college courses; '
             'not duty time, instructor or preceptor hours. Keep documentation at least 5 years.',
             'NREMT’s “NCCP 2025” guidelines may change the components: verify with NREMT.']))
    return out


def respiratory():
    aarc = 'https://archive2023.aarc.org/advocacy/state-society-resources/state-licensure-information/'
    nbrc = preset(
        'nbrc-cmp', 'NBRC Credential Maintenance Program (CRT, RRT and specialty credentials)',
        'Respiratory therapist', ['respiratory_therapist'], 'US (NBRC)', 'board_certification', 60,
        'Five-year credential maintenance cycle (credentials issued since July 1, 2002).',
        [total(30, '30 hours of CE in the 5 years, when she documents CE instead of the quarterly assessments.',
               types=['AARC_CRCE', 'CE_HOUR', 'AMA_PRA_CAT1', 'ANCC_CONTACT_HOUR'],
               label='Total (CRCE h / CE h / AMA Cat 1 / ANCC h)')],
        ['https://www.nbrc.org/cmp-participation/',
         'https://www.nbrc.org/perspectives-on-credential-maintenance-part-1/'], 'medium',
        ['How much CE the assessments leave to document depends on the results: NBRC says it.',
         'Some older credentials never expire.'],
        pathways={'options': [
            {'id': 'ce', 'label': 'Document 30 hours of continuing education', 'rules': ['total']},
            {'id': 'assessments', 'label': 'Quarterly assessments (and the CE NBRC then asks for)',
             'evidence': {'kind': 'other'}},
            {'id': 'credential', 'label': 'Earn another NBRC credential', 'evidence': {'kind': 'national_certification'}},
            {'id': 'exam', 'label': 'Pass the same examination again', 'evidence': {'kind': 'other'}}],
            'needed': 1})

    def state(code, name, hours, rules, notes=()):
        return state_preset(code, 'rt', f'{name} – respiratory care license', 'Respiratory therapist',
                            ['respiratory_therapist'], 24, 'Biennial renewal.',
                      [total(hours, f'{hours:g} hours of CE per biennial renewal (AARC state licensure table).')] + rules,
                      [aarc], 'medium', ['From the AARC state licensure table (~2023): verify with your board.', *notes])
    return [nbrc,
            state('al', 'Alabama', 24, [cap(12, 'Non-traditional: at most 12 hours',
                                            'At least 12 of the 24 hours traditional (live).', 'cap_home_study',
                                            formats=HOME_STUDY)]),
            state('az', 'Arizona', 20, [topic('ethics_professional_responsibility', 2, 'Ethics', '2 hours of ethics.'),
                                        cap(15, 'Non-traditional: at most 15 hours',
                                            'At least 5 of the 20 hours traditional (live).', 'cap_home_study',
                                            formats=HOME_STUDY)]),
            state('ca', 'California', 30, [topic(['board_laws_rules', 'ethics_professional_responsibility'], 3,
                                                 'State law and professional ethics',
                                                 '3 hours on California law and professional ethics.', rid='law_ethics')]),
            state('fl', 'Florida', 24, [topic('medical_errors_patient_safety', 2, 'Prevention of medical errors',
                                              '2 hours on medical errors.'),
                                        topic('board_laws_rules', 2, 'Florida laws and rules', '2 hours on laws and rules.'),
                                        topic('human_trafficking', 1, 'Human trafficking', '1 hour on human trafficking.')],
                  ['Renewal May 31 of odd years.']),
            state('dc', 'District of Columbia', 16, [
                topic('ethics_professional_responsibility', 2, 'Ethics', '2 hours of ethics.'),
                topic('cultural_competency', 2, 'LGBTQ cultural competency', '2 hours on LGBTQ cultural competency.'),
                topic('public_health_priorities', 1.6, 'Public health priorities',
                      '10 % of the hours on the published public-health priorities.')]),
            ]


def occupational_therapy():
    return [
        preset('nbcot-otr-cota', 'NBCOT certification renewal (OTR, COTA)', 'Occupational therapist',
               ['occupational_therapist'], 'US (NBCOT)', 'board_certification', 36,
               'Three-year renewal cycle; renewal season January to March of the renewal year.',
               [total(36, '36 units in the 3 years, from the activities of NBCOT’s Certification Renewal Activities '
                      'Chart.', types=['NBCOT_UNIT'], label='Total (NBCOT units)')],
               ['https://www.nbcot.org/certificants/certification', 'https://content.nbcot.org/certification/renew',
                'http://www.nbcot.org/webarticles/anmviewer.asp?a=125&z=133'], 'high',
               ['Courses count one unit per clock hour (NBCOT: “1 CEU = 10 clock hours … convert 1 clock hour into '
                '1 PDU”); presenting, publishing and other activities earn the units the chart gives — log them '
                'as NBCOT units.'],
               equivalences=[('CE_HOUR', 'NBCOT_UNIT'), ('AOTA_CEU', 'NBCOT_UNIT'), ('CEU', 'NBCOT_UNIT')]),
        state_preset('nc', 'ot', 'North Carolina – Board of Occupational Therapy', 'Occupational therapist',
               ['occupational_therapist'], 12, 'License year July 1 to June 30.',
               [total(15, '15 points each license year; one contact hour is one point (21 NCAC 38 .0802, .0801).'),
                topic('ethics_professional_responsibility', 1, 'Ethics', 'At least 1 hour on ethics.')],
               ['http://reports.oah.state.nc.us/ncac/title%2021%20-%20occupational%20licensing%20boards%20and%20commissions/chapter%2038%20-%20occupational%20therapy/21%20ncac%2038%20.0802.html',
                'http://reports.oah.state.nc.us/ncac/title%2021%20-%20occupational%20licensing%20boards%20and%20commissions/chapter%2038%20-%20occupational%20therapy/21%20ncac%2038%20.0801.html'],
               'high', ['No carry-over; employer orientation training does not count.']),
    ]


def physical_therapy():
    def state(code, name, months, cycle, rules, sources, confidence='high', notes=(), **kw):
        return state_preset(code, 'pt', f'{name} – physical therapist license', 'Physical therapist',
                            ['physical_therapist'], months, cycle, rules, sources, confidence, list(notes), **kw)
    return [
        state('md', 'Maryland', 24, 'Two-year period April 1 to March 31.',
              [total(30, '30 contact hours (3 CEUs) per 2-year period (COMAR 10.38.08.03); PTAs 20.')],
              ['https://dsd.maryland.gov/regulations/Pages/10.38.08.03.aspx', 'http://mdrules.elaws.us/comar/10.38.08.05'],
              notes=['No carry-over; APTA and FSBPT courses are approved.']),
        state('mn', 'Minnesota', 24, 'Two-year reporting period.',
              [total(20, '20 contact hours per 2-year period (Minn. R. 5601.2100).'),
               topic('ethics_professional_responsibility', 2, 'Professional ethics', 'At least 2 hours on professional ethics.')],
              ['https://www.revisor.mn.gov/rules/5601.2100/']),
        state('ms', 'Mississippi', 24, 'Two-year period July 1 to June 30.',
              [total(30, '30 CCUs per 2-year period.'),
               topic(['ethics_professional_responsibility', 'board_laws_rules'], 3,
                     'Ethics, professionalism or jurisprudence', '3 hours on ethics, professionalism or jurisprudence.',
                     rid='ethics_jurisprudence')],
              ['https://msbpt.ms.gov/secure/continuingeducation.asp'],
              notes=['At least 25 % clinical and at least 15 hours from certified activities (not modelled).',
                     'Reported in CE Broker.']),
        state('ct', 'Connecticut', 12, 'Annual registration period.',
              [total(20, '20 hours each registration period; not required at the first renewal.',
                     recurrence=after_first(12))],
              ['https://portal.ct.gov/DPH/Public-Health-Hearing-Office/Physical-Therapist/Physical-Therapist-Continuing-Education'],
              notes=['No carry-over; keep certificates 3 years.'],
              first_renewal_note='Not required at the first renewal.'),
    ]


def dentistry():
    return [
        state_preset('ca', 'dds', 'California – Dental Board (dentist)', 'Dentist', ['dentist'],                24, 'Biennial license renewal.',
               [total(50, '50 units of CE per 2-year renewal (16 CCR §1016–1017).'),
                topic('infection_control', 2, 'Infection control', '2 units on infection control (Board-approved provider).'),
                topic('board_laws_rules', 2, 'California Dental Practice Act', '2 units on the Dental Practice Act.'),
                completion('bls_cpr', 'Basic life support (in person)', 'A current in-person BLS course.'),
                cap(4, 'Basic life support: at most 4 units', 'At most 4 units of BLS count.', 'cap_bls',
                    topics=['bls_cpr']),
                topic('pain_management_opioids', 2, 'Schedule II opioid prescribing',
                      '2 units on the risks of Schedule II opioids (dentists, renewals from 2023-01-01).',
                      effective_from='2023-01-01'),
                cap(25, 'Home study: at most 25 units', 'At most half of the units from courses not taken live.',
                    'cap_home_study', formats=HOME_STUDY)],
               ['https://www.dbc.ca.gov/licensees/continuing_education.shtml',
                'https://casetext.com/regulation/california-code-of-regulations/title-16-professional-and-vocational-regulations/division-10-dental-board-of-california/chapter-1-general-provisions-applicable-to-all-licensees/article-4-continuing-education/section-1017-continuing-education-units-required-for-renewal-of-license-or-permit'],
               'high', ['Courses from ADA CERP or AGD PACE providers are accepted.',
                        'Permit holders (general anesthesia, sedation) need more units (not modelled).',
                        'Keep certificates for 3 renewal periods.']),
        state_preset('fl', 'dds', 'Florida – Board of Dentistry (dentist)', 'Dentist', ['dentist'],                24, 'Biennial renewal.',
               [total(30, '30 hours per biennium (64B5-12.013).'),
                topic('medical_errors_patient_safety', 2, 'Prevention of medical errors', '2 hours on the prevention of medical errors.'),
                completion('bls_cpr', 'Basic life support (CPR)', 'Current BLS / CPR.'),
                topic('controlled_substance_prescribing', 2, 'Controlled substance prescribing',
                      '2 hours on prescribing controlled substances each biennium (SB 648, 2019).',
                      applies_if=when('prescribes controlled substances', any_=['prescribes_controlled_substances']))],
               ['https://regulations.justia.com/states/florida/64/64b5/chapter-64b5-12/section-64b5-12-013'], 'high',
               ['Hygienists: 24 hours. Sedation permit holders: 4 hours on medical emergencies (not modelled).',
                'Reported in CE Broker.']),
    ]


def psychology():
    return [
        state_preset('ca', 'psy', 'California – Board of Psychology', 'Psychologist', ['psychologist'], 24, 'Biennial renewal.',
               [total(36, '36 hours of continuing professional development per renewal (B&P §2915).'),
                topic(['board_laws_rules', 'ethics_professional_responsibility'], 4, 'Laws and ethics',
                      'At least 4 hours on laws and ethics each renewal (16 CCR 1397.61.1, from 2023-01-01).',
                      rid='law_ethics', effective_from='2023-01-01')],
               ['https://self-law.org/code/ca/business-and-professions-code/2915',
                'https://regulations.justia.com/states/california/title-16/division-13-1/article-10/section-1397-61-1/'],
               'high', ['Cultural diversity and social-justice hours are reported by a secondary source only (not encoded).']),
        state_preset('tx', 'psy', 'Texas – Behavioral Health Executive Council (psychologist)', 'Psychologist',
               ['psychologist'], 24, 'Renewal every 2 years, at the end of the birth month.',
               [total(40, '40 hours per renewal, at least half from or endorsed by an approved provider.'),
                topic(['ethics_professional_responsibility', 'board_laws_rules'], 6, 'Ethics, rules and professional responsibility',
                      '6 hours on ethics, the Council’s rules or professional responsibility.', rid='ethics_rules'),
                topic('cultural_competency', 6, 'Cultural diversity', '6 hours on cultural diversity or competency.')],
               ['https://abpp.org/news-events/continuing-education-information/state-requirements-for-ce/',
                'https://sassalor980.amebaownd.com/posts/31799197'], 'low',
               [SECONDARY]),
        state_preset('ny', 'psy', 'New York – State Board for Psychology', 'Psychologist', ['psychologist'], 36, 'Three-year registration period.',
               [total(36, '36 hours per 3-year registration period.')],
               ['https://abpp.org/news-events/continuing-education-information/state-requirements-for-ce/'], 'medium',
               ['From the ABPP state table (“Please verify with the state psychology board”).']),
    ]


def social_work():
    return [
        state_preset('tx', 'sw', 'Texas – Behavioral Health Executive Council (social worker)', 'Social worker',
               ['social_worker'], 24, 'Two-year renewal period.',
               [total(30, '30 hours per renewal period; from 2024-01-01 at least half from listed providers.'),
                topic('ethics_professional_responsibility', 6, 'Ethics and social-work values',
                      'At least 6 hours on professional ethics and social-work values.'),
                topic('cultural_competency', 3, 'Cultural diversity or competency', '3 hours on cultural diversity or competency.'),
                topic('clinical_supervision', 6, 'Supervision', '6 hours on supervision for board-approved supervisors.',
                      applies_if=when('board-approved supervisor', any_=['clinical_supervisor']))],
               ['https://bhec.texas.gov/texas-state-board-of-social-worker-examiners/renewing-a-social-work-license/'],
               'high', []),
        state_preset('ca', 'lcsw', 'California – Board of Behavioral Sciences (LCSW)', 'Social worker', ['social_worker'],
               24, 'Biennial renewal.',
               [total(36, '36 hours every 2 years.'),
                topic(['board_laws_rules', 'ethics_professional_responsibility'], 6, 'Law and ethics',
                      '6 hours on law and ethics each renewal.', rid='law_ethics'),
                cap(18, 'Self-study: at most 18 hours', 'At most 18 hours of self-study.', 'cap_home_study',
                    formats=HOME_STUDY)],
               ['http://store.ceutopia.com/category_s/1869.htm'], 'low', [SECONDARY]),
    ]


def presets():
    return (physician_assistants() + physician_assistants_more() + nurse_practitioners() + pharmacy() + pharmacy_more() + ems() + respiratory()
            + occupational_therapy() + physical_therapy() + dentistry() + psychology() + social_work()
            + more_states())
