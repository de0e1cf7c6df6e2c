#!/usr/bin/env python3
"""Converts the researched requirement facts (requirements_presets.source.json, a copy of
../shared/reference/requirements_presets.json) into the app's preset catalog
(src/domain/presets/catalog.json), in the engine's own rule language.

Free-text facts (holder conditions, first-renewal exemptions, recurrences) are mapped by the
keyword table and the per-preset overrides below; the original wording is always kept in the
rule's note or condition text, so the user sees what the board said. Run after editing the source
or the overrides, then `cargo test --test presets_catalog`. Bump VERSION of a preset whose rules
change so that credentials made from it offer the update.
"""
import json, re, sys, pathlib

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import professions  # noqa: E402  (the other professions' presets, issue 36)

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = pathlib.Path(__file__).with_name('requirements_presets.source.json')
# All 51 RN boards (a copy of ../shared/reference/nursing_presets.json); its entries replace the
# RN drafts of the physician file that share their ids.
NURSING = pathlib.Path(__file__).with_name('nursing_presets.source.json')
OUT = ROOT / 'src/domain/presets/catalog.json'
CHECKED = '2026-11-24'

vocab = ''.join(f.read_text() for f in sorted((ROOT / 'src/domain/model/vocab').glob('*.rs')))
TOPIC_LABELS = dict(re.findall(r'tp\(\s*"([a-z0-9_]+)",\s*"([^"]+)"', vocab))
TYPE_SHORT = {code: short for code, _label, short in re.findall(
    r'ct\(\s*"([A-Z0-9_]+)",\s*"([^"]+)",\s*"([^"]+)"', vocab)}

# Holder conditions recognised in the boards' wording. Order matters: the first patterns that
# match decide; negated phrases ("not a pathologist") go to `none`.
CONDITION_WORDS = [
    (r'pathologist or radiologist', 'pathologist_or_radiologist'),
    (r'residen(t|cy)|fellowship', 'resident_or_fellow'),
    (r'\bAPRN\b|\bNP/CNS\b', 'aprn'),
    (r'prescriptive authority', 'prescriptive_authority'),
    (r'\bDEA\b', 'dea_registrant'),
    (r'(Controlled Substances? (Certificate|Registration|license))|\bCSR\b|\bCDS\b|controlled[- ]substance (registration|license)|OBNDD|Pharmacy controlled', 'state_controlled_substance_registration'),
    (r'opioid|buprenorphine', 'prescribes_opioids'),
    (r'controlled[- ]substances?|Schedule II|controlled dangerous', 'prescribes_controlled_substances'),
    (r'direct patient', 'direct_patient_care'),
    (r'children|pediatric', 'treats_children'),
    (r'adults aged 26|adult populations', 'treats_adults_26_plus'),
    (r'65\+|older adult|geriatric', 'treats_older_adults'),
    (r'primary (health )?care', 'primary_care'),
    (r'emergency', 'emergency_setting'),
    (r'pain[- ]management patients|pain practice', 'pain_practice'),
    (r'prescriber or dispenser|prescribes or dispenses|licensed prescriber', 'prescribes_controlled_substances'),
]

# Conditions with no code of their own that restrict who must comply: the holder opts in.
BOARD_SPECIFIC = ['collaborative practice', 'initially licensed after', 'identified by the DHP Director',
                  'graduated outside', 'educated outside', 'graduated in', 'listed specialties']

def conditions(text):
    any_, none = [], []
    if any(b in text for b in BOARD_SPECIFIC):
        return ['board_specific_condition'], []
    for pattern, code in CONDITION_WORDS:
        for m in re.finditer(pattern, text, re.I):
            before = text[max(0, m.start() - 12):m.start()].lower()
            target = none if re.search(r'\bnot (a |an |the )?$|\bno $', before) else any_
            if code not in target and code not in any_ and code not in none:
                target.append(code)
    # "not a limited licensee enrolled in residency…": the whole phrase is an exclusion.
    if text.lower().startswith('not '):
        return [], any_ + none
    return any_, none

def kind_of(pid):
    if pid == 'us-dea-mate':
        return 'dea_registration'
    if pid == 'aafp-membership':
        return 'membership'
    if pid in ('abim-moc', 'abfm-certification', 'nccpa-pa-c', 'ancc-certification',
               'aoa-osteopathic-cme', 'ca-rcpsc-moc', 'ca-cfpc-mainpro'):
        return 'board_certification'
    if pid == 'ama-pra-certificate-3yr':
        return 'other'
    return 'state_license'

def hundredths(h):
    return int(round(float(h) * 100))

def short_types(types):
    return ' / '.join(TYPE_SHORT.get(t, t) for t in types)

def convert_rule(p, r, cycle_months, used_ids):
    kind = r['kind']
    types = r.get('credit_types') or []
    topic = r.get('topic')
    hours = r.get('hours')
    accepts = {'credit_types': types} if types else {}
    note = r.get('note', '')
    if r.get('confidence'):
        note = f"{note} (Confidence: {r['confidence']}.)".strip()
    recurrence = {'type': 'every_cycle'}
    if r['per'] == 'ever' or kind == 'one_time':
        recurrence = {'type': 'once_ever'}
    rec = r.get('recurrence') or {}
    per_year = False
    if 'every_n_cycles' in rec:
        recurrence = {'type': 'every_n_cycles', 'n': rec['every_n_cycles']}
    elif 'every_months' in rec:
        m = rec['every_months']
        if m == 12 and cycle_months > 12:
            per_year = True
        elif m != cycle_months:
            recurrence = {'type': 'every_n_months', 'months': m}
    topics = [topic] if topic else []
    if hours is None:
        body = {'type': 'completion', 'topics': topics, 'accepts': accepts}
        base = (topic or 'completion') + ('_once' if recurrence['type'] == 'once_ever' else '')
        label = f"{TOPIC_LABELS.get(topic, topic)} training"
    elif per_year:
        body = {'type': 'per_year', 'accepts': accepts, 'topics': topics, 'min_per_year': hundredths(hours)}
        base = (topic or 'total') + '_per_year'
        label = (TOPIC_LABELS.get(topic, topic) if topic else 'Credits') + ' every year'
    elif kind == 'total':
        body = {'type': 'total', 'accepts': accepts, 'min': hundredths(hours)}
        base, label = 'total', 'Total' + (f" ({short_types(types)})" if types else '')
    elif kind == 'category_min':
        body = {'type': 'category_min', 'accepts': accepts, 'min': hundredths(hours)}
        base, label = 'min_' + (types[0].lower() if types else 'any'), f"Minimum {short_types(types)}"
    elif kind == 'category_max':
        body = {'type': 'cap', 'accepts': accepts, 'topics': topics, 'max': hundredths(hours)}
        what = TOPIC_LABELS.get(topic, topic) if topic else short_types(types)
        if topic and types:
            what += f" ({short_types(types)})"
        # "Practice management & coding: at most 15 hours"; a cap on types counts in their unit.
        label = f"{what}: at most {hours:g}" + (' hours' if topic and not types else '')
        base = 'cap_' + (types[0].lower() if types else topic)
    else:  # topic_min, one_time
        body = {'type': 'topic_min', 'topics': topics, 'accepts': accepts, 'min': hundredths(hours)}
        base = topic + ('_once' if recurrence['type'] == 'once_ever' else '')
        label = TOPIC_LABELS.get(topic, topic) + (' (once)' if recurrence['type'] == 'once_ever' else '')
    rid, n = base, 2
    while rid in used_ids:
        rid, n = f"{base}_{n}", n + 1
    used_ids.add(rid)
    rule = {'id': rid, 'label': label, 'kind': body, 'recurrence': recurrence}
    if r.get('applies_if'):
        any_, none = conditions(r['applies_if'])
        rule['applies_if'] = {'any': any_, 'none': none, 'text': r['applies_if']}
    for key in ('effective_from', 'effective_until'):
        if r.get(key):
            rule[key] = r[key]
    if r.get('counts_toward_total') is False:
        rule['counts_toward_total'] = False
    if note:
        rule['note'] = note
    return rule

# One-time facts the boards tie to the first renewals or to years since licensure: due once, by
# renewal n ("within 4 years of licensure" with a 2-year cycle: n = 2), not asked after that.
# Facts not listed stay once in a career (the DEA MATE Act; Massachusetts' one-time courses).
def within_years(years, cycle_months):
    return max(1, -(-years * 12 // cycle_months))

FIRST_RENEWALS = {
    ('us-ca-md', 'pain_management_end_of_life_care'): lambda m: 2,   # by the 2nd renewal or within 4 years
    ('us-ca-do', 'pain_management_end_of_life_care'): lambda m: 2,
    ('us-fl-md', 'hiv_aids'): lambda m: 1,                           # at first renewal only
    ('us-fl-rn', 'hiv_aids'): lambda m: 1,                           # before first renewal
    ('us-ny-md-do', 'child_abuse'): lambda m: 1,                     # for initial licensure
    ('us-mi-md', 'human_trafficking'): lambda m: 1,                  # for initial licensure
    ('us-ga-md-do', 'controlled_substance_prescribing'): lambda m: 1,  # at first renewal after licensure
    ('us-wa-md', 'suicide_prevention'): lambda m: 1,                 # by end of first full reporting period
    ('us-nj-md-do', 'cultural_competency'): lambda m: 1,             # by end of first complete cycle
    ('us-ca-rn', 'implicit_bias'): lambda m: within_years(2, m),     # within first 2 years of licensure
    ('us-ar-md-do', 'controlled_substance_prescribing'): lambda m: within_years(2, m),
    ('us-ky-md-do', 'domestic_violence'): lambda m: within_years(3, m),
    ('us-ky-md-do', 'child_abuse'): lambda m: within_years(5, m),
    ('us-la-md-do', 'board_laws_rules'): lambda m: 1,                # initial renewal orientation
    ('us-nv-md', 'bioterrorism_wmd'): lambda m: within_years(2, m),  # normally within 2 years of licensure
    ('us-al-rn', 'board_laws_rules'): lambda m: 1,                   # before the first renewal
}

# Presets whose rules changed since they first shipped: credentials made from them offer the
# update. 2: topic groups and exclusions (2026-12-01).
VERSIONS = {'us-pa-md': 2, 'us-tx-md-do': 2, 'us-ma-md-do': 2, 'us-ct-md-do': 2}
# 2: one-time rules due by the first renewals (2026-12-01).
for _pid in {pid for pid, _ in FIRST_RENEWALS} | {'us-dea-mate'}:
    VERSIONS[_pid] = VERSIONS.get(_pid, 1) + 1
# Cross-check corrections (2026-12-01).
for _pid in ('us-md-md-do', 'us-nv-do', 'us-nv-md', 'us-il-md-do', 'us-ks-md-do', 'us-ma-md-do',
             'us-la-md-do', 'us-dc-md-do', 'us-ca-do', 'us-mn-md-do'):
    VERSIONS[_pid] = VERSIONS.get(_pid, 1) + 1

# Practice-hours evidence read with its hours (issue 33).
for _pid in ('us-md-rn', 'us-ok-rn', 'us-or-rn', 'us-ut-rn'):
    VERSIONS[_pid] = VERSIONS.get(_pid, 1) + 1

# Facts the generic mapping cannot read from free text, per preset.
def overrides(pid, rules, p):
    by_topic = lambda t: [r for r in rules if t in r['kind'].get('topics', [])]
    total = [r for r in rules if r['kind']['type'] == 'total']
    def not_first_renewal(r, months):
        r['recurrence'] = {'type': 'after_first_cycles', 'after': 1, 'months': months}
        r['note'] = (r.get('note', '') + ' Not required at the first renewal.').strip()
    if pid == 'us-dea-mate':
        p['name'] = 'DEA registration (practitioner) — MATE Act 8-hour training'
        r = rules[0]
        r['applies_if'] = {'all': ['dea_registrant'], 'text': 'holds or applies for a DEA registration (not solely a veterinarian)'}
        r['deemed_met_if'] = ['addiction_board_certified', 'recent_graduate_sud_curriculum']
    if pid == 'us-tx-md-do':
        for r in by_topic('pain_management_opioids'):
            first = json.loads(json.dumps(r))
            first['id'] = r['id'] + '_first'
            first['label'] = r['label'] + ' (first two renewals)'
            first['recurrence'] = {'type': 'first_cycles', 'n': 2}
            r['recurrence'] = {'type': 'after_first_cycles', 'after': 2, 'months': 96}
            r['label'] = r['label'] + ' (then every 8 years)'
            rules.insert(rules.index(r), first)
        co = p['carryover']
        total[0]['kind']['carry_over'] = {'max': hundredths(co['max_hours'])}
    if pid == 'us-ia-md-do':
        total[0]['kind']['carry_over'] = {'max': hundredths(p['carryover']['max_hours']), 'include_topic_hours': True}
    if pid == 'us-ca-md':
        for r in by_topic('pain_management_end_of_life_care'):
            r['applies_if'] = {'none': ['pathologist_or_radiologist'], 'text': 'not a pathologist or radiologist'}
    if pid in ('us-fl-md', 'us-ct-md-do', 'us-ca-rn'):
        for r in total:
            not_first_renewal(r, p['cycle']['length_months'])
    if pid == 'us-sc-md-do':
        for r in rules:
            not_first_renewal(r, p['cycle']['length_months'])
    if pid == 'us-il-md-do':
        for t in ('sexual_harassment_prevention', 'implicit_bias', 'dementia'):
            for r in by_topic(t):
                if r['recurrence']['type'] == 'every_cycle':
                    not_first_renewal(r, p['cycle']['length_months'])
    # Topic groups and exclusions, where the board says so (issue 13).
    if pid == 'us-pa-md':
        # 49 Pa. Code 16.19: the 12 hours of patient safety / risk management include medical
        # records, reducing errors, professional conduct and ethics...; child-abuse and opioid
        # hours cannot count toward them (they do count toward the 100).
        for r in by_topic('medical_errors_patient_safety'):
            r['kind']['topics'] = ['patient_safety_risk_management']
            r['id'] = 'patient_safety_risk_management'
            r['label'] = 'Patient safety & risk management'
            r['excludes_topics'] = ['child_abuse', 'pain_management_opioids',
                                    'controlled_substance_prescribing', 'substance_use_disorder']
    if pid == 'us-tx-md-do':
        # Risk management, domestic abuse and child abuse count as professional responsibility;
        # the opioid hours (Occ. Code 156.055) and trafficking hour (156.060) may count too.
        for r in by_topic('ethics_professional_responsibility'):
            r['kind']['topics'] = ['professional_responsibility', 'pain_management_opioids',
                                   'human_trafficking']
    if pid == 'us-ma-md-do':
        # Opioid, board-regulation and implicit-bias credits may count toward risk management.
        for r in by_topic('risk_management'):
            r['kind']['topics'] = ['risk_management', 'pain_management_opioids',
                                   'board_laws_rules', 'implicit_bias']
    if pid == 'us-ct-md-do':
        # Risk management includes controlled-substance prescribing and pain management.
        for r in by_topic('risk_management'):
            r['kind']['topics'] = ['risk_management', 'controlled_substance_prescribing',
                                   'pain_management_opioids']
    if pid.endswith('-rn'):
        # Renewal pathways: the CE pathway (the preset's total), another CE option (a second
        # total, perhaps with practice hours), and the board's other ways to renew as non-CE
        # evidence (certification, refresher course, academic course, practice hours). The
        # choice is the nurse's; the dashboard follows the chosen or the nearest pathway.
        p['_pathways'] = rn_pathways(pid, rules, p)
    if pid == 'us-mi-md':
        for r in by_topic('implicit_bias'):
            r['kind'] = {'type': 'per_year', 'accepts': {}, 'topics': ['implicit_bias'], 'min_per_year': 100}
            r['label'] = 'Implicit bias every license year'
    issue_33(pid, rules, p)
    return rules

# Every condition a question the holder answers (never text that silently holds); first-renewal
# exemptions and dates in force as the boards state them (issue 33; the catalog lint in
# tests/presets_catalog.rs reads every preset for them).
CONDITIONS_33 = {
    ('us-dc-md-do', 'total'): {'none': ['not_in_active_practice']},
    ('us-ct-rn', 'suicide_prevention'): {'none': ['not_in_active_practice']},
    ('us-tn-md', 'controlled_substance_prescribing'): {'none': ['board_specific_exemption']},
    ('us-tn-do', 'controlled_substance_prescribing'): {'none': ['board_specific_exemption']},
    ('us-ia-rn', 'dependent_adult_abuse'): {'any': ['treats_adults']},
    ('us-pa-rn', 'controlled_substance_prescribing'): {'all': ['aprn', 'prescriptive_authority']},
    ('us-wa-rn', 'suicide_prevention_once'): {'none': ['crna']},
    # Timing conditions the recurrence already says (due by the first renewal).
    ('us-ca-rn', 'implicit_bias_once'): None,
    ('us-al-rn', 'board_laws_rules_once'): None,
}
# The total is never asked at the first renewal (the board's first-renewal note says so
# without conditions).
FIRST_RENEWAL_FREE = {'us-pa-rn', 'us-ma-rn', 'us-dc-rn', 'us-il-rn', 'us-mn-rn', 'us-sc-rn', 'us-va-rn'}
# Rules in force from a date their note gives.
IN_FORCE_FROM = {
    ('us-il-rn', 'cultural_competency'): '2025-01-01',
    ('us-il-rn', 'controlled_substance_prescribing'): '2025-01-01',
    ('us-pa-rn', 'organ_tissue_donation_once'): '2026-05-01',
}
FIRST_RENEWAL_WORDS = re.compile(r'\bexempt|not required|\bno (CE|CME|CNE)\b|excepted|need not|\b0 h\b|no CE requirement', re.I)

RESIDENT_WORDS = re.compile(r'residen|fellow', re.I)
# Presets whose first-renewal note speaks of topic rules only (encoded with them above).
FIRST_RENEWAL_TOPICS_ONLY = {'us-il-md-do'}

def issue_33(pid, rules, p):
    before = json.dumps([rules, p.get('_pathways')], sort_keys=True)
    for r in rules:
        key = (pid, r['id'])
        if key in CONDITIONS_33:
            codes = CONDITIONS_33[key]
            text = (r.get('applies_if') or {}).get('text', '')
            if codes is None:
                r.pop('applies_if', None)
            else:
                r['applies_if'] = {**codes, 'text': text}
        if key in IN_FORCE_FROM:
            r['effective_from'] = IN_FORCE_FROM[key]
    totals = [r for r in rules if r['kind']['type'] == 'total']
    note = p.get('first_cycle_note') or ''
    parts = [s for s in re.split(r'[.;]', note)]
    if any(RESIDENT_WORDS.search(s) and FIRST_RENEWAL_WORDS.search(s + ' exempt' if 'presumed compliant' in s else s) for s in parts):
        # Residents and fellows: met without hours when she says she is one.
        for r in totals:
            r['deemed_met_if'] = sorted(set(r.get('deemed_met_if', [])) | {'resident_or_fellow'})
    note = ' '.join(s for s in parts if not RESIDENT_WORDS.search(s))
    if pid in FIRST_RENEWAL_TOPICS_ONLY:
        note = ''
    if pid in FIRST_RENEWAL_FREE:
        for r in totals:
            if r['recurrence']['type'] == 'every_cycle':
                r['recurrence'] = {'type': 'after_first_cycles', 'after': 1, 'months': p['cycle']['length_months']}
                r['note'] = (r.get('note', '') + ' Not required at the first renewal.').strip()
    elif FIRST_RENEWAL_WORDS.search(note) and not any(
            r['recurrence']['type'] in ('after_first_cycles', 'first_cycles') for r in totals):
        # An exemption that depends on how or when she was licensed: a question at setup.
        for r in totals:
            a = r.setdefault('applies_if', {})
            a['none'] = sorted(set(a.get('none', [])) | {'first_renewal_exempt'})
            a.setdefault('text', '')
    if pid == 'us-dea-mate':
        # Adding the registration says she holds it; the training is attested once, on the
        # first application or renewal after 27 June 2023.
        for r in rules:
            r.pop('applies_if', None)
            r['deemed_met_if'] = r.get('deemed_met_if', []) + ['dea_attested_since_mate']
    # A CE pathway that also asks for evidence, split into one pathway per kind of evidence.
    splits = {
        # Its 20 contact hours come with 500 practice hours in 5 years, or a graduation 2 to 5
        # years ago.
        'us-ne-rn': ('ce', [
            ('ce', '20 contact hours and 500 hours of practice in the previous 5 years', {'kind': 'practice_hours', 'hours': 50000}),
            ('ce_graduate', '20 contact hours, having graduated 2 to 5 years ago', {'kind': 'other'}),
        ]),
        # 21 NCAC 36.0232: 15 contact hours and one of 640 practice hours, a project, a
        # publication or a presentation.
        'us-nc-rn': ('ce_2', [
            ('ce_practice', '15 contact hours and 640 hours of active practice in the previous 2 years', {'kind': 'practice_hours', 'hours': 64000}),
            ('ce_project', '15 contact hours and a nursing project as principal or co-investigator', {'kind': 'other'}),
            ('ce_publication', '15 contact hours and a nursing article, paper, book or chapter (author or co-author)', {'kind': 'other'}),
            ('ce_presentation', '15 contact hours and nursing CE presentations totalling at least 5 contact hours', {'kind': 'other'}),
        ]),
    }
    if pid in splits and p.get('_pathways'):
        options = p['_pathways']['options']
        old_id, parts = splits[pid]
        old = next(o for o in options if o['id'] == old_id)
        i = options.index(old)
        options[i:i + 1] = [{'id': oid, 'label': label, 'rules': old['rules'], 'evidence': ev}
                            for oid, label, ev in parts]
    if json.dumps([rules, p.get('_pathways')], sort_keys=True) != before:
        VERSIONS[pid] = VERSIONS.get(pid, 1) + 1

EVIDENCE_WORDS = [
    (r'^teaching|publication|project|research', 'other'),
    # An employer's certificate of hours practiced is practice-hours evidence (issue 33).
    (r'employer certification|hours practiced', 'practice_hours'),
    (r'certif', 'national_certification'),
    (r'refresher', 'refresher_course'),
    (r'academic|semester|credit hour|degree|post-licensure', 'academic_course'),
    (r'hours practiced|employment|practice hours|hours of (active |licensed )?(nursing )?practice', 'practice_hours'),
    (r'volunteer|uncompensated', 'volunteer_hours'),
]

def evidence_of(text):
    for pattern, kind in EVIDENCE_WORDS:
        if re.search(pattern, text, re.I):
            if kind == 'other':
                return {'kind': 'other'}
            hours = None
            if kind in ('practice_hours', 'volunteer_hours'):
                m = re.search(r'(\d[\d,]*)\s+(?:[a-z]+\s+){0,3}hours', text)
                if m:
                    hours = hundredths(m.group(1).replace(',', ''))
            need = {'kind': kind}
            if hours:
                need['hours'] = hours
            return need
    return {'kind': 'other'}

def short(text, n=200):
    return text if len(text) <= n else text[:n - 1].rstrip() + '…'

def rn_pathways(pid, rules, p):
    totals = [r for r in rules if r['kind']['type'] == 'total']
    alts = [a for a in (p.get('alternatives') or []) if not re.search(r'cannot be combined', a, re.I)]
    if not totals or (len(totals) < 2 and not alts):
        return None
    options = []
    for k, r in enumerate(totals):
        text = (r.get('applies_if') or {}).get('text', '')
        r.pop('applies_if', None)
        hours = r['kind']['min'] / 100
        label = f"Continuing education: {hours:g} contact hours" + (f" ({text})" if text else '')
        option = {'id': 'ce' if k == 0 else f'ce_{k + 1}', 'label': short(label), 'rules': [r['id']]}
        if k > 0:
            ev = evidence_of(text)
            if ev['kind'] != 'other':
                option['evidence'] = ev
            r['label'] = r['label'].replace(' — other CE option', '') + ' (other CE option)'
        options.append(option)
    if pid == 'us-ak-rn':
        # 12 AAC 44.600-630: any two of 30 CE hours, 30 volunteer hours, 320 practice hours.
        options += [
            {'id': 'volunteer', 'label': '30 hours of uncompensated professional nursing activities (12 AAC 44.620)',
             'evidence': {'kind': 'volunteer_hours', 'hours': 3000}},
            {'id': 'practice', 'label': '320 hours of employment as an RN (12 AAC 44.630)',
             'evidence': {'kind': 'practice_hours', 'hours': 32000}},
        ]
        return {'options': options, 'needed': 2}
    for n, alt in enumerate(alts, start=1):
        options.append({'id': f'alt_{n}', 'label': short(alt), 'evidence': evidence_of(alt)})
    return {'options': options, 'needed': 1}

FSMB = ('https://github.com/perlahm0404/research/blob/cc43726ad2fbc1d811d46857820ec34ff2b2734a/'
        'audit-2026-01-03/continuing-medical-education-by-state.pdf')
CROSSCHECK = 'Cross-checked 2026-12-01 against the FSMB board-by-board overview (Oct 2025) and primary texts (../shared/reference/presets_crosscheck.md): '

def rule(kind, hours=None, topic=None, per='cycle', types=None, note='', **extra):
    r = {'kind': kind, 'per': per, 'note': note}
    if hours is not None:
        r['hours'] = hours
    if topic:
        r['topic'] = topic
    if types:
        r['credit_types'] = types
    r.update(extra)
    return r

# The cross-check's findings against our catalog, each fixed here (the source files stay copies of
# the research) or, where the evidence is too thin, answered in docs/presets.md.
def crosscheck(src):
    by = {p['id']: p for p in src}
    def note(pid, text):
        by[pid].setdefault('notes', []).append(CROSSCHECK + text)
    def drop(pid, topic):
        by[pid]['rules'] = [r for r in by[pid]['rules'] if r.get('topic') != topic]
    # MD: COMAR 10.32.01.10C(1): 50 h of Category I or II with at least 25 Category I; the 2014
    # one-hour opioid vote is in no current source.
    md = by['us-md-md-do']
    for r in md['rules']:
        if r['kind'] == 'total':
            r['credit_types'] = ['AMA_PRA_CAT1', 'AMA_PRA_CAT2']
    md['rules'].insert(1, rule('category_min', 25, types=['AMA_PRA_CAT1'],
                               note='At least 25 of the 50 must be Category 1 (COMAR 10.32.01.10C(1)).'))
    drop('us-md-md-do', 'pain_management_opioids')
    md['source_urls'].append('https://casetext.com/regulation/maryland-administrative-code/title-10-maryland-department-of-health/subtitle-32-board-of-physicians/chapter-103201-general-regulations/section-10320110-continuing-medical-education')
    note('us-md-md-do', 'Category I or II with at least 25 Category I; the yearly opioid hour removed (lapsed).')
    # NV-DO: AB 56 (2025) raised the yearly hours from 35 to 40.
    for r in by['us-nv-do']['rules']:
        if r['kind'] == 'total':
            r['hours'] = 40
    by['us-nv-do']['source_urls'].append(FSMB)
    note('us-nv-do', 'AB 56 (2025) §12 raised the total from 35 to 40 hours a year.')
    # NV-MD: AB 56 (2025) removed the WMD course; SBIRT 2 h once; HIV training once.
    drop('us-nv-md', 'bioterrorism_wmd')
    for r in by['us-nv-md']['rules']:
        if r.get('topic') == 'hiv_aids':
            r['kind'], r['per'] = 'one_time', 'ever'
            r.pop('recurrence', None)
    by['us-nv-md']['rules'].append(rule('one_time', 2, 'substance_use_disorder', per='ever',
        note='Screening, brief intervention and referral to treatment (SBIRT), once (FSMB; AB 56, 2025).'))
    by['us-nv-md']['source_urls'].append(FSMB)
    note('us-nv-md', 'WMD course removed by AB 56 (2025); SBIRT 2 h once added; HIV training once, not every 4 years; the 2 h DEI course for psychiatrists is not modelled (specialty-specific).')
    # IL: cultural competency 1 h every 6 years (IAFP 2026 renewal page; FSMB).
    by['us-il-md-do']['rules'].append(rule('topic_min', 1, 'cultural_competency',
        note='Cultural competency, 1 hour every six years (IAFP 2026 renewal page; FSMB).',
        recurrence={'every_months': 72}))
    by['us-il-md-do']['source_urls'].append('https://www.iafp.com/pages/state-mandated-cme')
    note('us-il-md-do', 'cultural competency every 6 years added; the maternal-health implicit-bias hour (from 2026-07-01) is not yet modelled.')
    # KS: Category III, 1 h a year on pain management / opioid prescribing / PDMP (K.A.R.
    # 100-15-4(d), cited by FSMB; the rule text itself was not available to check).
    by['us-ks-md-do']['rules'].append(rule('topic_min', 1, 'pain_management_opioids',
        note='Category III: 1 hour per year of the chosen cycle on pain management, opioid prescribing or the PDMP (K.A.R. 100-15-4(d), as cited by FSMB; rule text not checked). (Confidence: medium.)',
        recurrence={'every_months': 12}))
    by['us-ks-md-do']['source_urls'].append(FSMB)
    note('us-ks-md-do', 'yearly Category III pain/opioid hour added from FSMB; verify against K.A.R. 100-15-4(d).')
    # MA: implicit bias once ("required only if not completed previously"); Category 2 counts.
    ma = by['us-ma-md-do']
    for r in ma['rules']:
        if r.get('topic') == 'implicit_bias':
            r['kind'], r['per'] = 'one_time', 'ever'
        if r['kind'] == 'total':
            r['credit_types'] = r['credit_types'] + ['AMA_PRA_CAT2']
    note('us-ma-md-do', 'implicit bias once (BORIM chart 2024-04-11: "required only if not completed previously"); Category 1 or 2 count toward the 50.')
    # LA: nutrition & metabolic health, 1 h every four years from 2026-01-01, listed specialties.
    by['us-la-md-do']['rules'].append(rule('topic_min', 1, 'nutrition_metabolic_health',
        note='Act 463 (2025): 1 hour every four years on nutrition and metabolic health for listed specialties, content set by LSBME rule (bswllp summary; FSMB says every two years). (Confidence: medium.)',
        recurrence={'every_months': 48}, applies_if='listed specialties (Act 463 of 2025)', effective_from='2026-01-01'))
    by['us-la-md-do']['source_urls'].append(FSMB)
    note('us-la-md-do', 'the 2025 nutrition & metabolic-health hour added from 2026-01-01.')
    # DC: the pharmacology course was for the 2018 renewal only (17 DCMR 4614.2; FSMB).
    for r in by['us-dc-md-do']['rules']:
        if r.get('topic') == 'pharmacology':
            r['effective_until'] = '2018-12-31'
    note('us-dc-md-do', 'the pharmacology course applied to the 2018 renewal only and is no longer asked.')
    # CA-DO: the same B&P 2190.3 geriatrics and 2190.5 path/rad exemption as the MD board.
    ca_do = by['us-ca-do']
    ca_do['rules'].append(rule('topic_min', 10, 'geriatrics',
        note='At least 20% of mandatory CME hours in geriatric medicine for general internists and family physicians with >25% of patients aged 65+ (B&P 2190.3, as for MDs; FSMB). (Confidence: medium.)',
        applies_if='general internist or family physician with >25% of patients aged 65+'))
    for r in ca_do['rules']:
        if r.get('topic') == 'pain_management_end_of_life_care':
            r['applies_if'] = 'not a pathologist or radiologist'
    ca_do['source_urls'].append(FSMB)
    note('us-ca-do', 'conditional geriatrics and the pathologist/radiologist exemption added, as for the MD board.')
    # MN: the 2020–22 opioid window has passed.
    for r in by['us-mn-md-do']['rules']:
        if r.get('topic') == 'pain_management_opioids':
            r['effective_until'] = '2022-12-31'
    note('us-mn-md-do', 'the one-time opioid course applied to the 2020–22 window only and is no longer asked.')
    # The four osteopathic boards the catalog lacked, from FSMB (verify with your board).
    do_boards = [
        {'id': 'us-fl-do', 'name': 'Florida – Board of Osteopathic Medicine (DO)', 'profession': 'Physician (DO)',
         'jurisdiction': 'US-FL', 'cycle': {'length_months': 24, 'anchor_description': 'Biennial (licenses expire March 31 of even years per the board; verify your own date).'},
         'rules': [rule('total', 40, note='40 hours per biennium (FSMB).'),
                   rule('category_min', 20, types=['AOA_1A'], note='At least 20 hours AOA Category 1-A (FSMB).'),
                   rule('topic_min', 1, 'risk_management', note='1 hour risk management (FSMB).'),
                   rule('topic_min', 1, 'board_laws_rules', note='1 hour Florida laws and rules (FSMB).'),
                   rule('topic_min', 1, 'controlled_substance_prescribing', note='1 hour on prescribing controlled substances (FSMB).'),
                   rule('topic_min', 2, 'medical_errors_patient_safety', note='2 hours prevention of medical errors (FSMB).'),
                   rule('topic_min', 2, 'domestic_violence', note='Domestic violence every third renewal (FSMB).', recurrence={'every_n_cycles': 3}),
                   rule('one_time', 1, 'hiv_aids', per='ever', note='HIV/AIDS once (FSMB).')],
         'source_urls': [FSMB], 'confidence': 'medium'},
        {'id': 'us-mi-do', 'name': 'Michigan – Board of Osteopathic Medicine & Surgery (DO)', 'profession': 'Physician (DO)',
         'jurisdiction': 'US-MI', 'cycle': {'length_months': 36, 'anchor_description': 'Triennial (FSMB).'},
         'rules': [rule('total', 150, note='150 hours per 3-year cycle (FSMB).'),
                   rule('category_min', 60, types=['AOA_1A', 'AMA_PRA_CAT1'], note='At least 60 Category 1 (FSMB).'),
                   rule('topic_min', 1, 'ethics_professional_responsibility', note='1 hour medical ethics (FSMB).'),
                   rule('topic_min', 3, 'pain_management_opioids', note='3 hours pain and symptom management, 1 of them on controlled substances (FSMB).'),
                   rule('topic_min', 1, 'implicit_bias', note='Implicit bias training (FSMB; as for MDs, 1 hour per license year).', recurrence={'every_months': 12}),
                   rule('one_time', None, 'human_trafficking', per='ever', note='Human trafficking training once (FSMB).')],
         'source_urls': [FSMB], 'confidence': 'medium'},
        {'id': 'us-pa-do', 'name': 'Pennsylvania – State Board of Osteopathic Medicine (DO)', 'profession': 'Physician (DO)',
         'jurisdiction': 'US-PA', 'cycle': {'length_months': 24, 'anchor_description': 'Biennial; licenses renew by October 31 of even years.'},
         'rules': [rule('total', 100, note='100 hours per biennium (FSMB).'),
                   rule('category_min', 20, types=['AOA_1A'], note='At least 20 hours AOA Category 1-A (FSMB).'),
                   rule('topic_min', 12, 'medical_errors_patient_safety', note='12 hours patient safety / risk management (FSMB).'),
                   rule('topic_min', 2, 'child_abuse', note='2 hours child abuse recognition & reporting (FSMB).'),
                   rule('topic_min', 2, 'pain_management_opioids', note='2 hours pain management / addiction / opioid prescribing (FSMB).')],
         'source_urls': [FSMB], 'confidence': 'medium'},
        {'id': 'us-wa-do', 'name': 'Washington – Board of Osteopathic Medicine & Surgery (DO)', 'profession': 'Physician (DO)',
         'jurisdiction': 'US-WA', 'cycle': {'length_months': 36, 'anchor_description': 'Three-year CME cycle (FSMB).'},
         'rules': [rule('total', 150, note='150 hours per 3 years (FSMB).'),
                   rule('category_min', 60, types=['AOA_1A', 'AMA_PRA_CAT1'], note='At least 60 Category 1 (FSMB).'),
                   rule('topic_min', 2, 'health_equity', note='2 hours health equity (FSMB).'),
                   rule('one_time', 6, 'suicide_prevention', per='ever', note='6 hours suicide assessment, treatment and management, once (FSMB).'),
                   rule('one_time', 1, 'pain_management_opioids', per='ever', note='1 hour opioid prescribing, once (FSMB).')],
         'source_urls': [FSMB], 'confidence': 'medium'},
    ]
    for b in do_boards:
        b['notes'] = ['From the FSMB board-by-board overview (Oct 2025) only: verify with your board.']
    return src + do_boards

LABELS_33 = set()
BUMPED_33 = set()

def professions_of(p):
    """Who a physician-file or RN-file preset is for: the profession chooser orders by it."""
    if p['id'] == 'us-dea-mate':
        return ['physician', 'pa', 'np', 'dentist']
    if p['id'].endswith('-rn') or p['id'] == 'ancc-certification':
        return ['rn', 'np']
    return ['physician']

def main():
    src = crosscheck(json.loads(SRC.read_text()))
    nursing = json.loads(NURSING.read_text())
    by_id = {p['id']: p for p in nursing}
    src = [by_id.pop(p['id'], p) for p in src] + list(by_id.values())
    out = []
    for p in src:
        months = p['cycle']['length_months']
        used = set()
        rules = [convert_rule(p, r, months, used) for r in p['rules']]
        rules = overrides(p['id'], rules, p)
        for r in rules:
            topics = r['kind'].get('topics') or ['']
            n = FIRST_RENEWALS.get((p['id'], topics[0]))
            if n and r['recurrence']['type'] == 'once_ever':
                n = n(months)
                r['recurrence'] = {'type': 'once_within_first_cycles', 'n': n}
                ordinal = {1: 'first', 2: 'second', 3: 'third'}.get(n, f'{n}th')
                r['label'] = r['label'].replace(' (once)', '') + f' (by the {ordinal} renewal)'
                if n > 1:
                    # "(by renewal 2)" became "(by the second renewal)" (issue 33).
                    LABELS_33.add(p['id'])
        asked = sorted({c for r in rules for key in ('all', 'any', 'none')
                        for c in r.get('applies_if', {}).get(key, [])} |
                       {c for r in rules for c in r.get('deemed_met_if', [])})
        notes = list(p.get('notes') or [])
        # The board's words about its pathways stay in the notes (the options carry them short).
        for alt in p.get('alternatives') or []:
            notes.append('Alternative pathway: ' + alt)
        if p.get('carryover') and p['carryover'].get('note'):
            notes.append('Carry-over: ' + p['carryover']['note'])
        pathways = p.pop('_pathways', None)
        if p['id'] in LABELS_33 and p['id'] not in BUMPED_33:
            BUMPED_33.add(p['id'])
            VERSIONS[p['id']] = VERSIONS.get(p['id'], 1) + 1
        out.append({
            'id': p['id'], 'version': VERSIONS.get(p['id'], 1), 'name': p['name'], 'profession': p['profession'],
            'jurisdiction': p['jurisdiction'], 'kind': kind_of(p['id']), 'cycle_months': months,
            'cycle_description': p['cycle'].get('anchor_description', ''),
            'first_renewal_note': p.get('first_cycle_note'),
            'rules': rules, **({'pathways': pathways} if pathways else {}), 'conditions_asked': asked, 'sources': p['source_urls'],
            'confidence': p['confidence'], 'checked': CHECKED, 'notes': notes,
        })
    # The other professions' presets, written in the rule language (professions.py); the NCCPA
    # preset there replaces the draft of the physician file.
    extra = professions.presets()
    ids = {p['id'] for p in extra}
    out = [p for p in out if p['id'] not in ids] + extra
    for p in out:
        p.setdefault('professions', professions_of(p))
    # Compact: the catalog ships inside the app download.
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(',', ':')) + '\n')
    print(f'{len(out)} presets, {sum(len(p["rules"]) for p in out)} rules -> {OUT.relative_to(ROOT)}')

if __name__ == '__main__':
    sys.exit(main())
