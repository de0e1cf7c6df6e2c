"""Presets for the professions beyond physicians and registered nurses (issue 36), written in the
app's own rule language. Facts are from ../shared/reference/professions_ce.md, each checked
against the source named in the preset (the rule or the certifying body's own page) before it was
encoded; where only a secondary source was found, the confidence says so and so does the note.

convert.py appends these to the catalog; `cargo test --test presets_catalog --test
presets_scenarios` then runs the lint and the scenario tests over every one.
"""

CHECKED = '2026-12-07'

# Formats a "live hours" minimum leaves out: the board's home study.
HOME_STUDY = ['on_demand_online', 'journal_reading']

EVERY = {'type': 'every_cycle'}


def _rule(rid, label, kind, note, recurrence=None, applies_if=None, **extra):
    r = {'id': rid, 'label': label, 'kind': kind, 'recurrence': recurrence or EVERY}
    if applies_if:
        r['applies_if'] = applies_if
    r.update(extra)
    if note:
        r['note'] = note
    return r


def h(hours):
    return int(round(hours * 100))


def total(hours, note, types=(), rid='total', label='Total', **kw):
    kind = {'type': 'total', 'accepts': {'credit_types': list(types)} if types else {}, 'min': h(hours)}
    return _rule(rid, label, kind, note, **kw)


def category_min(hours, types, label, note, rid=None, **kw):
    kind = {'type': 'category_min', 'accepts': {'credit_types': list(types)}, 'min': h(hours)}
    return _rule(rid or 'min_' + types[0].lower(), label, kind, note, **kw)


def topic(topics, hours, label, note, rid=None, types=(), **kw):
    topics = [topics] if isinstance(topics, str) else list(topics)
    kind = {'type': 'topic_min', 'topics': topics,
            'accepts': {'credit_types': list(types)} if types else {}, 'min': h(hours)}
    return _rule(rid or topics[0], label, kind, note, **kw)


def completion(topics, label, note, rid=None, **kw):
    topics = [topics] if isinstance(topics, str) else list(topics)
    kind = {'type': 'completion', 'topics': topics, 'accepts': {}}
    return _rule(rid or topics[0] + '_course', label, kind, note, **kw)


def cap(hours, label, note, rid, formats=(), topics=(), types=()):
    kind = {'type': 'cap', 'accepts': {'credit_types': list(types)} if types else {},
            'topics': list(topics), 'max': h(hours)}
    if formats:
        kind['formats'] = list(formats)
    return _rule(rid, label, kind, note)


def live_at_least(live, of, note):
    """"At least `live` of the `of` hours live": home study counts up to the rest."""
    return cap(of - live, f'Home study: at most {of - live:g} hours', note, 'cap_home_study',
               formats=HOME_STUDY)


def when(text, any_=(), none=(), all_=()):
    a = {'text': text}
    if any_:
        a['any'] = list(any_)
    if none:
        a['none'] = list(none)
    if all_:
        a['all'] = list(all_)
    return a


FIRST_ONLY = {'type': 'once_within_first_cycles', 'n': 1}


def preset(pid, name, profession, professions, jurisdiction, kind, months, cycle, rules, sources,
           confidence, notes, pathways=None, weights=(), equivalences=(), first_renewal_note=None,
           version=1):
    asked = sorted({c for r in rules for key in ('all', 'any', 'none')
                    for c in r.get('applies_if', {}).get(key, [])})
    p = {'id': pid, 'version': version, 'name': name, 'profession': profession,
         'professions': professions, 'jurisdiction': jurisdiction, 'kind': kind,
         'cycle_months': months, 'cycle_description': cycle, 'first_renewal_note': first_renewal_note,
         'rules': rules}
    if pathways:
        p['pathways'] = pathways
    if weights:
        # (type, percent) or (type, percent, hours weighted per window).
        p['weights'] = [{'credit_type': w[0], 'percent': w[1], **({'up_to': h(w[2])} if len(w) > 2 else {})}
                        for w in weights]
    if equivalences:
        p['equivalences'] = [{'from': f, 'counts_as': t} for f, t in equivalences]
    p.update({'conditions_asked': asked, 'sources': sources, 'confidence': confidence,
              'checked': CHECKED, 'notes': notes})
    return p


SECONDARY = 'Secondary source only: verify with your board.'
PA_CAT1 = ['AAPA_CAT1', 'AAPA_CAT1_SA', 'AAPA_CAT1_PI', 'AMA_PRA_CAT1', 'NCCPA_CAT1']


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
        preset('us-fl-pa', 'Florida – Board of Medicine (physician assistant)', 'Physician assistant', ['pa'],
               'US-FL', 'state_license', 24,
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
        preset('us-tx-pa', 'Texas – Physician Assistant Board', 'Physician assistant', ['pa'],
               'US-TX', 'state_license', 24,
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


def physician_assistants_more():
    """More PA boards, each from its rule (or the board's page quoting it)."""
    nccpa_instead = lambda label: {'options': [
        {'id': 'ce', 'label': label, 'rules': ['total', 'min_category_1']},
        {'id': 'nccpa', 'label': 'Current NCCPA certification (accepted instead of the hours)',
         'evidence': {'kind': 'national_certification'}}], 'needed': 1}
    after_first = {'type': 'after_first_cycles', 'after': 1, 'months': 24}

    def pa(code, name, months, cycle, rules, sources, confidence, notes, **kw):
        return preset(f'us-{code}-pa', f'{name} (physician assistant)', 'Physician assistant', ['pa'],
                      f'US-{code.upper()}', 'state_license', months, cycle, rules, sources, confidence, notes, **kw)
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
           [total(50, '50 hours per 2-year cycle (68 IAC 1350.116); not required at the first renewal.', recurrence=after_first),
            category_min(25, PA_CAT1 + ['AOA_1A', 'AAFP_PRESCRIBED'], 'Category 1 CME',
                         'At least 25 of the 50 hours Category 1 as NCCPA determines it.', rid='min_category_1',
                         recurrence=after_first),
            topic('sexual_harassment_prevention', 1, 'Sexual harassment prevention', '1 hour every renewal.',
                  recurrence=after_first),
            topic('implicit_bias', 1, 'Implicit bias', '1 hour every renewal (from 2023).', recurrence=after_first),
            topic('dementia', 1, "Alzheimer's disease & dementia", '1 hour every renewal for those serving patients 26 and older.',
                  recurrence=after_first, applies_if=when('serves patients aged 26+', any_=['treats_adults_26_plus'])),
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
        preset('us-nc-np', 'North Carolina – Board of Nursing (nurse practitioner)', 'Nurse practitioner', ['np'],
               'US-NC', 'state_license', 24,
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
        preset('us-fl-rph', 'Florida – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 'US-FL',
               'state_license', 24, 'Biennial; CE in the 24 months before the renewal date.',
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
        preset('us-md-rph', 'Maryland – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 'US-MD',
               'state_license', 24, 'Biennial renewal.',
               [total(30, '30 hours of approved CE every 2 years (COMAR 10.34.18.03).'),
                live_at_least(2, 30, 'At least 2 of the 30 hours live.'),
                topic(patient_safety, 1, 'Preventing medication errors', '1 hour on preventing medication errors.'),
                topic('immunizations', 4, 'Vaccine administration', '4 hours on vaccines for pharmacists who administer them.',
                      applies_if=when('administers vaccines', any_=['administers_vaccines']))],
               ['http://www.dsd.state.md.us/comar/comarhtml/10/10.34.18.03.htm'], 'high',
               ['Keep CE records 4 years.']),
        preset('us-pa-rph', 'Pennsylvania – State Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'],
               'US-PA', 'state_license', 24, 'Biennial renewal.',
               [total(30, '30 contact hours per biennium from ACPE-accredited providers (49 Pa. Code §27.32).',
                      types=['ACPE'], label='Total (ACPE h)'),
                topic(patient_safety, 2, 'Patient safety (ACPE topic)', '2 hours in the ACPE topic “Patient Safety”.'),
                topic('immunizations', 2, 'Injectable medications and immunizations',
                      '2 hours on administering injectables for pharmacists authorized to administer them.',
                      applies_if=when('authorized to administer injectables', any_=['administers_vaccines']))],
               ['http://www.pacode.com/secure/data/049/chapter27/s27.32.html'], 'high',
               ['The board audits a random 5 % of renewals; keep certificates 2 years.']),
        preset('us-tx-rph', 'Texas – State Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 'US-TX',
               'state_license', 24, 'Biennial renewal.',
               [total(30, 'At least 30 hours of approved CE each renewal period (TSBP rule 295.8).'),
                topic('board_laws_rules', 1, 'Texas pharmacy law', 'At least 1 hour on Texas pharmacy laws or rules.'),
                topic('controlled_substance_prescribing', 2, 'Controlled substances',
                      '2 hours on prescribing and monitoring controlled substances.'),
                completion('human_trafficking', 'Human trafficking course', 'An HHSC-approved human-trafficking course.')],
               ['https://www.pharmacy.texas.gov/infocist/continue.asp'], 'high',
               ['A secondary source adds 1 hour on mental health (rxce.com): not encoded until the board says so.']),
        preset('us-ca-rph', 'California – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'], 'US-CA',
               'state_license', 24, 'Biennial; CE in the 2 years before renewal.',
               [total(30, '30 hours of approved CPE in the 2 years before renewal (B&P §4231); not required at '
                      'the first renewal.', recurrence={'type': 'after_first_cycles', 'after': 1, 'months': 24}),
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


def pharmacy_more():
    """More pharmacist boards: the rule or statute where it was found, else a compiled table."""
    table = 'https://www.cecentral.com/licensure/cpe/'
    old = ('From a compiled state table (Medscape data, 2014, republished by CECentral): the board may '
           'have added topics since. Verify with your board.')
    every_6 = {'type': 'every_n_months', 'months': 72}
    after_first = {'type': 'after_first_cycles', 'after': 1, 'months': 24}

    def rph(code, name, months, cycle, rules, sources, confidence, notes, **kw):
        return preset(f'us-{code}-rph', f'{name} – Board of Pharmacy (pharmacist)', 'Pharmacist', ['pharmacist'],
                      f'US-{code.upper()}', 'state_license', months, cycle, rules, sources, confidence, notes, **kw)
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
                   'not required at the first renewal.', types=['ACPE'], label='Total (ACPE h)', recurrence=after_first),
             topic('sexual_harassment_prevention', 1, 'Sexual harassment prevention',
                   '1 hour every renewal (68 IAC 1130.400); not at the first renewal.', recurrence=after_first),
             topic('implicit_bias', 1, 'Implicit bias', '1 hour every renewal from 2023; not at the first renewal. '
                   '(Confidence: medium — secondary source.)', recurrence=after_first),
             topic('dementia', 1, "Alzheimer's disease & dementia",
                   '1 hour for those who serve adults 26 and older; not at the first renewal. (Confidence: medium.)',
                   recurrence=after_first, applies_if=when('provides services to adults aged 26+', any_=['treats_adults_26_plus'])),
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
                   'renewal.', recurrence=after_first),
             live_at_least(10, 30, 'At least 10 credits live.'),
             topic('board_laws_rules', 3, 'Pharmacy law', '3 credits on pharmacy law.', recurrence=after_first),
             topic('pain_management_opioids', 1, 'Prescription opioid drugs', '1 credit on prescription opioid drugs.',
                   recurrence=after_first),
             topic('immunizations', 2, 'Immunizations', '2 of the 30 credits on immunization for pharmacists approved to '
                   'immunize.', recurrence=after_first,
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
        return preset(f'us-{code}-rt', f'{name} – respiratory care license', 'Respiratory therapist',
                      ['respiratory_therapist'], f'US-{code.upper()}', 'state_license', 24, 'Biennial renewal.',
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
        preset('us-nc-ot', 'North Carolina – Board of Occupational Therapy', 'Occupational therapist',
               ['occupational_therapist'], 'US-NC', 'state_license', 12, 'License year July 1 to June 30.',
               [total(15, '15 points each license year; one contact hour is one point (21 NCAC 38 .0802, .0801).'),
                topic('ethics_professional_responsibility', 1, 'Ethics', 'At least 1 hour on ethics.')],
               ['http://reports.oah.state.nc.us/ncac/title%2021%20-%20occupational%20licensing%20boards%20and%20commissions/chapter%2038%20-%20occupational%20therapy/21%20ncac%2038%20.0802.html',
                'http://reports.oah.state.nc.us/ncac/title%2021%20-%20occupational%20licensing%20boards%20and%20commissions/chapter%2038%20-%20occupational%20therapy/21%20ncac%2038%20.0801.html'],
               'high', ['No carry-over; employer orientation training does not count.']),
    ]


def physical_therapy():
    def state(code, name, months, cycle, rules, sources, confidence='high', notes=(), **kw):
        return preset(f'us-{code}-pt', f'{name} – physical therapist license', 'Physical therapist',
                      ['physical_therapist'], f'US-{code.upper()}', 'state_license', months, cycle, rules,
                      sources, confidence, list(notes), **kw)
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
                     recurrence={'type': 'after_first_cycles', 'after': 1, 'months': 12})],
              ['https://portal.ct.gov/DPH/Public-Health-Hearing-Office/Physical-Therapist/Physical-Therapist-Continuing-Education'],
              notes=['No carry-over; keep certificates 3 years.'],
              first_renewal_note='Not required at the first renewal.'),
    ]


def dentistry():
    return [
        preset('us-ca-dds', 'California – Dental Board (dentist)', 'Dentist', ['dentist'], 'US-CA', 'state_license',
               24, 'Biennial license renewal.',
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
        preset('us-fl-dds', 'Florida – Board of Dentistry (dentist)', 'Dentist', ['dentist'], 'US-FL', 'state_license',
               24, 'Biennial renewal.',
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
        preset('us-ca-psy', 'California – Board of Psychology', 'Psychologist', ['psychologist'], 'US-CA',
               'state_license', 24, 'Biennial renewal.',
               [total(36, '36 hours of continuing professional development per renewal (B&P §2915).'),
                topic(['board_laws_rules', 'ethics_professional_responsibility'], 4, 'Laws and ethics',
                      'At least 4 hours on laws and ethics each renewal (16 CCR 1397.61.1, from 2023-01-01).',
                      rid='law_ethics', effective_from='2023-01-01')],
               ['https://self-law.org/code/ca/business-and-professions-code/2915',
                'https://regulations.justia.com/states/california/title-16/division-13-1/article-10/section-1397-61-1/'],
               'high', ['Cultural diversity and social-justice hours are reported by a secondary source only (not encoded).']),
        preset('us-tx-psy', 'Texas – Behavioral Health Executive Council (psychologist)', 'Psychologist',
               ['psychologist'], 'US-TX', 'state_license', 24, 'Renewal every 2 years, at the end of the birth month.',
               [total(40, '40 hours per renewal, at least half from or endorsed by an approved provider.'),
                topic(['ethics_professional_responsibility', 'board_laws_rules'], 6, 'Ethics, rules and professional responsibility',
                      '6 hours on ethics, the Council’s rules or professional responsibility.', rid='ethics_rules'),
                topic('cultural_competency', 6, 'Cultural diversity', '6 hours on cultural diversity or competency.')],
               ['https://abpp.org/news-events/continuing-education-information/state-requirements-for-ce/',
                'https://sassalor980.amebaownd.com/posts/31799197'], 'low',
               [SECONDARY]),
        preset('us-ny-psy', 'New York – State Board for Psychology', 'Psychologist', ['psychologist'], 'US-NY',
               'state_license', 36, 'Three-year registration period.',
               [total(36, '36 hours per 3-year registration period.')],
               ['https://abpp.org/news-events/continuing-education-information/state-requirements-for-ce/'], 'medium',
               ['From the ABPP state table (“Please verify with the state psychology board”).']),
    ]


def social_work():
    return [
        preset('us-tx-sw', 'Texas – Behavioral Health Executive Council (social worker)', 'Social worker',
               ['social_worker'], 'US-TX', 'state_license', 24, 'Two-year renewal period.',
               [total(30, '30 hours per renewal period; from 2024-01-01 at least half from listed providers.'),
                topic('ethics_professional_responsibility', 6, 'Ethics and social-work values',
                      'At least 6 hours on professional ethics and social-work values.'),
                topic('cultural_competency', 3, 'Cultural diversity or competency', '3 hours on cultural diversity or competency.'),
                topic('clinical_supervision', 6, 'Supervision', '6 hours on supervision for board-approved supervisors.',
                      applies_if=when('board-approved supervisor', any_=['clinical_supervisor']))],
               ['https://bhec.texas.gov/texas-state-board-of-social-worker-examiners/renewing-a-social-work-license/'],
               'high', []),
        preset('us-ca-lcsw', 'California – Board of Behavioral Sciences (LCSW)', 'Social worker', ['social_worker'],
               'US-CA', 'state_license', 24, 'Biennial renewal.',
               [total(36, '36 hours every 2 years.'),
                topic(['board_laws_rules', 'ethics_professional_responsibility'], 6, 'Law and ethics',
                      '6 hours on law and ethics each renewal.', rid='law_ethics'),
                cap(18, 'Self-study: at most 18 hours', 'At most 18 hours of self-study.', 'cap_home_study',
                    formats=HOME_STUDY)],
               ['http://store.ceutopia.com/category_s/1869.htm'], 'low', [SECONDARY]),
    ]


def more_states():
    """Dentists, physical therapists, psychologists and social workers in more populous states."""
    every_3rd = {'type': 'every_n_cycles', 'n': 3}
    return [
        preset('us-tx-dds', 'Texas – State Board of Dental Examiners (dentist)', 'Dentist', ['dentist'], 'US-TX',
               'state_license', 24, 'Biennial registration.',
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
        preset('us-ca-pt', 'California – Physical Therapy Board', 'Physical therapist', ['physical_therapist'], 'US-CA',
               'state_license', 24, 'Biennial; the license expires the last day of the birth month.',
               [total(30, '30 hours of continuing competency every two years (16 CCR 1399.93).'),
                topic(['ethics_professional_responsibility', 'board_laws_rules'], 2, 'Ethics, laws and regulations',
                      '2 of the 30 hours on ethics, laws and regulations.', rid='ethics_laws'),
                topic('bls_cpr', 4, 'Life support for health care professionals',
                      '4 hours of basic life support for health care professionals (with a hands-on skills test).')],
               ['http://www.ptbc.ca.gov/licensees/ccreqprop_faq.shtml', 'https://www.ccapta.org/page/ContinuingCompetencyRequirementsRegulations'],
               'high', ['Keep documents 5 years.'],
               first_renewal_note='First renewal, submitted before the license expires: 15 hours (4 life support, 2 ethics and '
                                  'laws, 9 other).'),
        preset('us-fl-psy', 'Florida – Board of Psychology', 'Psychologist', ['psychologist'], 'US-FL', 'state_license', 24,
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
        preset('us-fl-lcsw', 'Florida – Board of Clinical Social Work, Marriage & Family Therapy and Mental Health Counseling (LCSW)',
               'Social worker', ['social_worker'], 'US-FL', 'state_license', 24, 'Biennial renewal.',
               [total(30, '30 hours per biennium (64B4-6.001); not required at the first renewal.',
                      recurrence={'type': 'after_first_cycles', 'after': 1, 'months': 24}),
                topic('medical_errors_patient_safety', 2, 'Prevention of medical errors', '2 hours on preventing medical errors.',
                      recurrence={'type': 'after_first_cycles', 'after': 1, 'months': 24}),
                topic(['ethics_professional_responsibility', 'professional_boundaries'], 3, 'Ethics and boundaries (or teletherapy)',
                      '3 hours on professional ethics and boundary issues, or on teletherapy, in alternating biennia.',
                      rid='ethics_boundaries', recurrence={'type': 'after_first_cycles', 'after': 1, 'months': 24}),
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
        preset('us-ny-lcsw', 'New York – State Board for Social Work (LMSW, LCSW)', 'Social worker', ['social_worker'], 'US-NY',
               'state_license', 36, 'Triennial registration.',
               [total(36, '36 hours from Department-approved providers each triennial registration period (Educ. Law §7710; '
                      '8 NYCRR 74.10); not required in the period of first licensure.',
                      recurrence={'type': 'after_first_cycles', 'after': 1, 'months': 36}),
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


def presets():
    return (physician_assistants() + physician_assistants_more() + nurse_practitioners() + pharmacy() + pharmacy_more() + ems() + respiratory()
            + occupational_therapy() + physical_therapy() + dentistry() + psychology() + social_work()
            + more_states())
