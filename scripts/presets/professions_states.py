"""More state boards for the professions of professions.py (issue 36): physician assistants,
pharmacists, and dentists, physical therapists, psychologists and social workers in more populous
states. Each fact read in the source the preset names; confidence and notes say where a source is
secondary."""

from rule_language import (HOME_STUDY, PA_CAT1, SECONDARY, _rule, after_first, cap, category_min,
                           completion, live_at_least, state_preset, topic, total, when)


def physician_assistants_more():
    """More PA boards, each from its rule (or the board's page quoting it)."""
    nccpa_instead = lambda label: {'options': [
        {'id': 'ce', 'label': label, 'rules': ['total', 'min_category_1']},
        {'id': 'nccpa', 'label': 'Current NCCPA certification (accepted instead of the hours)',
         'evidence': {'kind': 'national_certification'}}], 'needed': 1}

    def pa(code, name, months, cycle, rules, sources, confidence, notes, **kw):
        return state_preset(code, 'pa', f'{name} (physician assistant)', 'Physician assistant', ['pa'],
                            months, cycle, rules, sources, confidence, notes, **kw)
    return [
        pa('ca', 'California – Physician Assistant Board', 24, 'Biennial; CME in the two years before the license expires.',
           [total(50, '50 hours of approved CME every two years (16 CCR 1399.615) — or NCCPA certification at renewal.'),
            category_min(50, PA_CAT1 + ['AOA_1A', 'AAFP_PRESCRIBED'], 'Category 1 CME',
                         'The 50 hours are Category I (preapproved) by AAPA, AMA, AOA, AAFP, ACCME or a state medical society.',
                         rid='min_category_1'),
            topic('geriatrics', 10, 'Geriatric medicine',
                  'From 2025-01-01: 20 % of the mandatory hours on geriatric medicine, dementia care or the care of older '
                  'patients, for PAs in primary care whose patients are over 25 % aged 65+ (B&P 3524.6).',
                  applies_if=when('primary care with over 25 % of patients aged 65+', all_=['primary_care', 'treats_older_adults']),
                  effective_from='2025-01-01')],
           ['https://pab.ca.gov/licensees/cmeregs.shtml', 'https://www.pac.ca.gov/licensees/cmeregs'], 'high',
           ['Keep certificates 4 years.', 'Courses with a direct patient-care part must include implicit bias content '
            '(a course-content rule, not an hours rule).'],
           pathways=nccpa_instead('Continuing education: 50 hours of Category 1')),
        pa('nc', 'North Carolina – Medical Board', 24,
           'Two-year CME period from the birthday after licensure (the NCCPA period for NCCPA-certified PAs).',
           [total(50, '50 hours of Category 1 CME (as NCCPA recognizes it) every two years (21 NCAC 32S .0216) — or '
                  'current NCCPA certification.'),
            category_min(50, PA_CAT1 + ['AOA_1A', 'AAFP_PRESCRIBED'], 'Category 1 CME', 'All 50 hours Category 1.',
                         rid='min_category_1'),
            topic('controlled_substance_prescribing', 2, 'Controlled substance prescribing',
                  '2 of the hours on controlled-substance prescribing practices and prescribing for chronic pain, also '
                  'for NCCPA-certified PAs; the DEA MATE training counts (NCMB FAQ).',
                  applies_if=when('prescribes controlled substances', any_=['prescribes_controlled_substances']))],
           ['http://reports.oah.state.nc.us/ncac/title%2021%20-%20occupational%20licensing%20boards%20and%20commissions/chapter%2032%20-%20north%20carolina%20medical%20board/subchapter%20s/21%20ncac%2032s%20.0216.html',
            'http://www.ncmedboard.org/resources-information/faqs/controlled-substances-cme-requirement'], 'high',
           ['Licenses renew every year; the CME period is two years.'],
           pathways=nccpa_instead('Continuing education: 50 hours of Category 1')),
        pa('il', 'Illinois – Department of Financial and Professional Regulation', 24,
           'Biennial; licenses expire March 1 of even years; CE in the 24 months before.',
           [total(50, '50 hours per 2-year cycle (68 IAC 1350.116); not required at the first renewal.', recurrence=after_first(24)),
            category_min(25, PA_CAT1 + ['AOA_1A', 'AAFP_PRESCRIBED'], 'Category 1 CME',
                         'At least 25 of the 50 hours Category 1 as NCCPA determines it.', rid='min_category_1',
                         recurrence=after_first(24)),
            topic('sexual_harassment_prevention', 1, 'Sexual harassment prevention', '1 hour every renewal.',
                  recurrence=after_first(24)),
            topic('implicit_bias', 1, 'Implicit bias', '1 hour every renewal (from 2023).', recurrence=after_first(24)),
            topic('dementia', 1, "Alzheimer's disease & dementia", '1 hour every renewal for those serving patients 26 and older.',
                  recurrence=after_first(24), applies_if=when('serves patients aged 26+', any_=['treats_adults_26_plus'])),
            topic('pain_management_opioids', 3, 'Safe opioid prescribing',
                  '3 hours on safe opioid prescribing every two years for controlled-substance prescribers (Illinois PA society).',
                  applies_if=when('holds an Illinois controlled substance license', any_=['state_controlled_substance_registration'])),
            topic('cultural_competency', 1, 'Cultural competency', '1 hour within three renewal periods (from 2025).',
                  recurrence={'type': 'every_n_cycles', 'n': 3}, effective_from='2025-01-01'),
            topic('child_abuse', 1, 'Child abuse recognition & reporting', 'Mandated-reporter training at least every 6 years.',
                  recurrence={'type': 'every_n_months', 'months': 72},
                  applies_if=when('has contact with children', any_=['treats_children']))],
           ['https://www.ilga.gov/commission/jcar/admincode/068/068013500001160R.html',
            'http://ilga.gov/legislation/ilcs/documents/022500950K11.5.htm',
            'https://www.illinoispa.org/license-renewal-cme-requirements-1'], 'high',
           ['The state mandates (harassment, bias, dementia, opioids, cultural competency, child abuse) are from the '
            'Illinois PA society\'s summary; the 50/25 hours from the rule. Schedule II prescribers: 10 hours of '
            'pharmacology every two years (not modelled).'],
           first_renewal_note='No CE for the first renewal of an Illinois license (68 IAC 1350.116(a)(3)).'),
        pa('oh', 'Ohio – State Medical Board', 24, 'Biennial license, valid two years from issue.',
           [topic('pharmacology', 12, 'Pharmacology (prescribers)',
                  'At least 12 hours of pharmacology every two years from an accredited institution for PAs who '
                  'prescribe (R.C. 4730.49). (Confidence: medium — the statute text read is an older version.)',
                  applies_if=when('prescribes', any_=['prescriptive_authority']))],
           ['https://legalfix.com/statutes/state-codes/ohio/title-47/chapter-4730/section-4730-14',
            'http://codes.ohio.gov/orc/4730.49'], 'medium',
           ['Renewal asks current NCCPA certification and its CME (R.C. 4730.14(B)); there is no separate hour '
            'count. Add the NCCPA preset beside this one.'],
           pathways={'options': [
               {'id': 'nccpa', 'label': 'Current NCCPA certification, with the CME it requires (R.C. 4730.14)',
                'evidence': {'kind': 'national_certification'}}], 'needed': 1}),
        pa('wa', 'Washington – Medical Commission', 24, 'Two-year CME cycle with the license renewal.',
           [total(100, '100 hours of CME every two years (WAC 246-918-180) — or current NCCPA certification or '
                  'an AAPA/NCCPA maintenance program.'),
            category_min(40, PA_CAT1 + ['AOA_1A', 'AAFP_PRESCRIBED'], 'Category I CME',
                         'At least 40 of the 100 hours in Category I (accredited sponsorship).', rid='min_category_1'),
            topic('suicide_prevention', 6, 'Suicide assessment, treatment and management (once)',
                  'A one-time 6-hour training from the Department of Health model list, by the end of the first full '
                  'CME period (WAC 246-918-185).', rid='suicide_prevention_once',
                  recurrence={'type': 'once_within_first_cycles', 'n': 1})],
           ['https://app.leg.wa.gov/wac/default.aspx?cite=246-918-180',
            'https://app.leg.wa.gov/WAC/default.aspx?cite=246-918&dispo=true&full=true'], 'high',
           ['Health equity CE (WAC 246-918-195) and the one-time opioid prescribing course (WAC 246-918-825) are in '
            'the chapter but their hours were not read: not encoded.'],
           pathways=nccpa_instead('Continuing education: 100 hours, at least 40 Category I')),
        pa('ny', 'New York – State Education Department', 36, 'Triennial registration.',
           [completion('infection_control', 'Infection control', 'Infection control and barrier precautions training at '
                       'initial registration and every four years (Public Health Law §239).',
                       recurrence={'type': 'every_n_months', 'months': 48}),
            topic('pain_management_opioids', 3, 'Pain management, palliative care and addiction',
                  '3 hours every three years for prescribers with a DEA registration (Public Health Law §3309-a(3)).',
                  applies_if=when('holds a DEA registration', any_=['dea_registrant'])),
            completion('child_abuse', 'Child abuse identification and reporting (once)',
                       'Two hours on identifying and reporting child abuse, once, for the first registration.',
                       rid='child_abuse_once', recurrence={'type': 'once_ever'})],
           ['https://www.a1ceus.com/descriptions/', 'https://www.continuingeducation.com/medicine/state-ce-requirements/new-york'],
           'medium', ['New York asks no CME hours of PAs beyond these courses (NCCPA certification is asked at first '
                      'registration). ' + SECONDARY]),
    ]

def pharmacy_more():
    """More pharmacist boards: the rule or statute where it was found, else a compiled table."""
    table = 'https://www.cecentral.com/licensure/cpe/'
    old = ('From a compiled state table (Medscape data, 2014, republished by CECentral): the board may '
           'have added topics since. Verify with your board.')
    every_6 = {'type': 'every_n_months', 'months': 72}

    def rph(code, name, months, cycle, rules, sources, confidence, notes, **kw):
        return state_preset(code, 'rph', f'{name} – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'],
                            months, cycle, rules, sources, confidence, notes, **kw)
    return [
        rph('ny', 'New York', 36, 'Triennial registration period.',
            [total(45, '45 hours of acceptable formal CE each triennial registration period (Educ. Law §6827).'),
             cap(22, 'Self-study: at most 22 hours', 'No more than 22 of the 45 hours of self-study courses.',
                 'cap_home_study', formats=HOME_STUDY),
             topic('medical_errors_patient_safety', 3, 'Reducing medication and prescription errors',
                   'At least 3 hours on strategies and techniques to reduce medication and prescription errors.'),
             topic('compounding', 3, 'Compounding',
                   '3 hours on pharmaceutical compounding (the amended §6827). (Confidence: medium — secondary sources.)')],
            ['https://www.op.nysed.gov/professions/pharmacist/laws-rules-regulations/article-137?page=1',
             'https://regulations.justia.com/states/new-york/title-8/chapter-ii/subchapter-b/part-63/section-63-7/',
             'https://netce.com/ce-requirements/pharmacist/ny'], 'high',
            ['Collaborative drug therapy management: 5 more hours, live (not modelled).',
             'New York receives nothing from CE sponsors: keep the certificates.']),
        rph('il', 'Illinois', 24, 'Biennial; CE in the 24 months before the license expires.',
            [total(30, '30 hours from ACPE-accredited providers in the 24 months before expiry (68 IAC 1330.100); '
                   'not required at the first renewal.', types=['ACPE'], label='Total (ACPE h)', recurrence=after_first(24)),
             topic('sexual_harassment_prevention', 1, 'Sexual harassment prevention',
                   '1 hour every renewal (68 IAC 1130.400); not at the first renewal.', recurrence=after_first(24)),
             topic('implicit_bias', 1, 'Implicit bias', '1 hour every renewal from 2023; not at the first renewal. '
                   '(Confidence: medium — secondary source.)', recurrence=after_first(24)),
             topic('dementia', 1, "Alzheimer's disease & dementia",
                   '1 hour for those who serve adults 26 and older; not at the first renewal. (Confidence: medium.)',
                   recurrence=after_first(24), applies_if=when('provides services to adults aged 26+', any_=['treats_adults_26_plus'])),
             topic('child_abuse', 1, 'Child abuse recognition & reporting',
                   'Mandated-reporter training once every 6 years for those who see children. (Confidence: medium.)',
                   recurrence=every_6, applies_if=when('has contact with children', any_=['treats_children']))],
            ['https://ilga.gov/commission/jcar/admincode/068/068013300A01000R.html',
             'https://legalclarity.org/illinois-pharmacist-ce-requirements-and-compliance-guide',
             'https://cme.wustl.edu/index.cfm?do=cnt.page&pg=2185'], 'high',
            ['The same hours cannot count for more than one renewal.'],
            first_renewal_note='No CE for the first renewal after original licensure (68 IAC 1330.100(a)(2)).'),
        rph('ga', 'Georgia', 24, 'Biennial renewal.',
            [total(30, 'At least 30 hours of approved continuing pharmacy education in the biennium before renewal '
                   '(O.C.G.A. §26-4-45); correspondence courses count.')],
            ['https://www.legalfix.com/statutes/state-codes/georgia/title-26/chapter-4/article-3/section-26-4-45'],
            'medium', ['Board rules may name topics the statute does not: verify with your board.']),
        rph('mi', 'Michigan', 24, 'Biennial renewal.',
            [total(30, '30 hours every 2 years.'),
             live_at_least(10, 30, 'At least 10 of the 30 hours live.'),
             topic('pain_management_opioids', 1, 'Pain and symptom management', 'At least 1 hour on pain and symptom management.'),
             completion('human_trafficking', 'Human trafficking (once)', 'Training on identifying victims of human '
                        'trafficking, once (MCL 333.16148).', rid='human_trafficking_once', recurrence={'type': 'once_ever'}),
             _rule('implicit_bias_per_year', 'Implicit bias every license year',
                   {'type': 'per_year', 'accepts': {}, 'topics': ['implicit_bias'], 'min_per_year': 100},
                   'Implicit bias training, 1 hour for each year of the license cycle (the rule for every licensed '
                   'health professional). (Confidence: medium.)')],
            ['https://www.continuingeducation.com/pharmacy/state-ce-requirements/michigan'], 'medium',
            [SECONDARY, 'At most 12 hours a day count (not modelled).'],
            first_renewal_note='Licensed more than 1 but less than 2 years: 15 hours, 1 on pain and symptom management.'),
        rph('nj', 'New Jersey', 24, 'Biennial; licenses renew April 30 of odd years.',
            [total(30, '30 credits per biennium (N.J.S.A. 45:14-11.11; N.J.A.C. 13:39-3A); not required at the first '
                   'renewal.', recurrence=after_first(24)),
             live_at_least(10, 30, 'At least 10 credits live.'),
             topic('board_laws_rules', 3, 'Pharmacy law', '3 credits on pharmacy law.', recurrence=after_first(24)),
             topic('pain_management_opioids', 1, 'Prescription opioid drugs', '1 credit on prescription opioid drugs.',
                   recurrence=after_first(24)),
             topic('immunizations', 2, 'Immunizations', '2 of the 30 credits on immunization for pharmacists approved to '
                   'immunize.', recurrence=after_first(24),
                   applies_if=when('approved to administer immunizations', any_=['administers_vaccines']))],
            ['http://www.njconsumeraffairs.gov/proposal/pharmpro.htm',
             'https://casetext.com/regulation/new-jersey-administrative-code/title-13-law-and-public-safety/chapter-39-state-board-of-pharmacy/subchapter-3a-continuing-education/section-1339-3a4-continuing-education-credit-hour-reporting-procedure',
             'https://staging.freece.com/pharmacy-ce-requirements/new-jersey'], 'medium',
            ['Topic credits from a secondary source (freece.com); keep documentation 5 years (13:39-3A.4).',
             'Collaborative drug therapy management: 10 credits per condition (not modelled).'],
            first_renewal_note='No CE for the first renewal.'),
        rph('az', 'Arizona', 24, 'Biennial renewal.',
            [total(30, '30 contact hours from approved providers.'),
             topic('board_laws_rules', 3, 'Pharmacy law', 'At least 3 contact hours of approved pharmacy law courses.')],
            [table], 'low', [old]),
        rph('ct', 'Connecticut', 12, 'Annual renewal.',
            [total(15, '15 contact hours each year.'),
             live_at_least(5, 15, 'At least 5 of the 15 hours live.'),
             topic('board_laws_rules', 1, 'Pharmacy or drug law', 'At least 1 hour on pharmacy law or drug law.')],
            [table], 'low', [old]),
        rph('al', 'Alabama', 12, 'Annual renewal.',
            [total(15, 'At least 15 hours of ACPE-approved CE each year.', types=['ACPE'], label='Total (ACPE h)'),
             live_at_least(3, 15, 'At least 3 of the 15 hours live.')],
            [table], 'low', [old]),
        rph('ar', 'Arkansas', 24, 'Biennial renewal.',
            [total(30, '30 hours every biennium.'),
             category_min(12, ['ACPE'], 'ACPE-accredited hours', 'At least 12 of the 30 hours ACPE-accredited.')],
            [table, 'https://universitylearning.com/blog/medical-news/2016/12/18/ce-pharmacists-find-states-requirements/'],
            'low', [old]),
        rph('co', 'Colorado', 24, 'Biennial renewal.',
            [total(24, '24 hours of ACPE-approved (or equivalent) continuing pharmaceutical education.')],
            [table], 'low', [old]),
        rph('de', 'Delaware', 24, 'Biennial renewal.',
            [total(30, '30 hours every 2 years.'),
             topic('medical_errors_patient_safety', 2, 'Medication safety / errors', 'At least 2 hours on medication safety or errors.')],
            [table, 'https://universitylearning.com/blog/medical-news/2016/12/18/ce-pharmacists-find-states-requirements/'],
            'low', [old]),
    ]

def more_states():
    """Dentists, physical therapists, psychologists and social workers in more populous states."""
    every_3rd = {'type': 'every_n_cycles', 'n': 3}
    return [
        state_preset('tx', 'dds', 'Texas – State Board of Dental Examiners (dentist)', 'Dentist', ['dentist'], 24, 'Biennial registration.',
               [total(24, '24 hours of acceptable CE per biennial renewal (22 TAC §104.1).'),
                cap(8, 'Risk management: at most 8 hours', 'At most 8 hours of risk-management, record-keeping and ethics '
                    'courses; at least 16 technical or scientific hours.', 'cap_risk_management',
                    topics=['risk_management', 'ethics_professional_responsibility']),
                _rule('pain_management_opioids_per_year', 'Opioid prescribing every year',
                      {'type': 'per_year', 'accepts': {}, 'topics': ['pain_management_opioids'], 'min_per_year': 200},
                      'At least 2 hours a year on safe and effective pain management and opioid prescribing, for dentists '
                      'whose practice includes direct patient care (Occ. Code §257.005).',
                      applies_if=when('practice includes direct patient care', any_=['direct_patient_care']))],
               ['https://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=R&app=9&p_dir=&p_rloc=&p_tloc=&p_ploc=&pg=1&p_tac=&ti=22&pt=5&ch=104&rl=1',
                'https://texas.public.law/statutes/tex._occ._code_section_257.005'], 'high',
               ['Courses from the providers of 22 TAC §104.2.']),
        state_preset('ca', 'pt', 'California – Physical Therapy Board', 'Physical therapist', ['physical_therapist'], 24, 'Biennial; the license expires the last day of the birth month.',
               [total(30, '30 hours of continuing competency every two years (16 CCR 1399.93).'),
                topic(['ethics_professional_responsibility', 'board_laws_rules'], 2, 'Ethics, laws and regulations',
                      '2 of the 30 hours on ethics, laws and regulations.', rid='ethics_laws'),
                topic('bls_cpr', 4, 'Life support for health care professionals',
                      '4 hours of basic life support for health care professionals (with a hands-on skills test).')],
               ['http://www.ptbc.ca.gov/licensees/ccreqprop_faq.shtml', 'https://www.ccapta.org/page/ContinuingCompetencyRequirementsRegulations'],
               'high', ['Keep documents 5 years.'],
               first_renewal_note='First renewal, submitted before the license expires: 15 hours (4 life support, 2 ethics and '
                                  'laws, 9 other).'),
        state_preset('fl', 'psy', 'Florida – Board of Psychology', 'Psychologist', ['psychologist'], 24,
               'Biennial; licenses expire May 31 of even years.',
               [total(40, '40 hours of continuing psychological education per biennium (64B19-13.003).'),
                topic(['ethics_professional_responsibility', 'board_laws_rules'], 3, 'Ethics and Florida laws and rules',
                      '3 hours: 2 on professional ethics and 1 on the Florida statutes and rules of psychology.', rid='ethics_laws'),
                topic('medical_errors_patient_safety', 2, 'Prevention of medical errors', '2 hours on preventing medical errors.'),
                topic('domestic_violence', 2, 'Domestic violence', '2 hours on domestic violence every third renewal.',
                      recurrence=every_3rd)],
               ['https://www.law.cornell.edu/regulations/florida/Fla-Admin-Code-Ann-R-64B19-13-003',
                'https://programservices.org/news-highlights/recent-changes-in-the-florida-mental-health-continuing-education-requirements'],
               'high', ['At most 5 credits a biennium for attending conventions (not modelled).', 'Reported in CE Broker.']),
        state_preset('fl', 'lcsw', 'Florida – Board of Clinical Social Work, Marriage & Family Therapy and Mental Health Counseling (LCSW)',
               'Social worker', ['social_worker'], 24, 'Biennial renewal.',
               [total(30, '30 hours per biennium (64B4-6.001); not required at the first renewal.',
                      recurrence=after_first(24)),
                topic('medical_errors_patient_safety', 2, 'Prevention of medical errors', '2 hours on preventing medical errors.',
                      recurrence=after_first(24)),
                topic(['ethics_professional_responsibility', 'professional_boundaries'], 3, 'Ethics and boundaries (or teletherapy)',
                      '3 hours on professional ethics and boundary issues, or on teletherapy, in alternating biennia.',
                      rid='ethics_boundaries', recurrence=after_first(24)),
                topic('domestic_violence', 2, 'Domestic violence', '2 hours on domestic violence within 6 months of licensure and '
                      'every third renewal.', recurrence=every_3rd),
                topic('board_laws_rules', 3, 'Florida laws and rules', '3 hours on laws and rules every third biennium.',
                      recurrence=every_3rd),
                topic('clinical_supervision', 4, 'Supervision', '4 hours of supervisory training every third biennium for qualified supervisors.',
                      recurrence=every_3rd, applies_if=when('qualified supervisor', any_=['clinical_supervisor'])),
                cap(6, 'Non-clinical: at most 6 hours', 'At most 6 hours for administrative, office-management or other non-clinical skills.',
                    'cap_practice_management', topics=['practice_management'])],
               ['http://flrules.elaws.us/fac/64b4-6.001/'], 'high', ['Reported in CE Broker.'],
               first_renewal_note='No CE for the first renewal, except domestic violence within 6 months of licensure.'),
        state_preset('ny', 'lcsw', 'New York – State Board for Social Work (LMSW, LCSW)', 'Social worker', ['social_worker'], 36, 'Triennial registration.',
               [total(36, '36 hours from Department-approved providers each triennial registration period (Educ. Law §7710; '
                      '8 NYCRR 74.10); not required in the period of first licensure.',
                      recurrence=after_first(36)),
                cap(12, 'Self-study: at most 12 hours', 'At most 12 of the 36 hours by self-study.', 'cap_home_study',
                    formats=HOME_STUDY),
                topic('professional_boundaries', 3, 'Professional boundaries',
                      '3 hours on appropriate professional boundaries each registration period starting from 2023-04-01. '
                      '(Confidence: medium — secondary source.)', effective_from='2026-04-01'),
                completion('child_abuse', 'Child abuse identification and reporting (once)',
                           'Two hours on identifying and reporting child abuse, once; these hours do not count as CE.',
                           rid='child_abuse_once', recurrence={'type': 'once_ever'}, counts_toward_total=False)],
               ['https://d1tvxue8o4w0fl.cloudfront.net/statute/consolidated-laws-of-new-york/chapter-education/title-8-the-professions/article-154-social-work/section-7710-mandatory-continuing-education',
                'https://regulations.justia.com/states/new-york/title-8/chapter-ii/subchapter-b/part-74/section-74-10',
                'https://www.op.nysed.gov/professions/licensed-master-social-worker/continuing-education/continuing-education-faqs?page=1'],
               'high', ['The boundaries hours apply from the first registration period beginning on or after 2023-04-01 '
                        '(encoded from renewals due after 2026-04-01).'],
               first_renewal_note='No CE in the registration period of first licensure (Educ. Law §7710(1)(b)).'),
    ]
