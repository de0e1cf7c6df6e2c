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

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = pathlib.Path(__file__).with_name('requirements_presets.source.json')
# All 51 RN boards (a copy of ../shared/reference/nursing_presets.json); its entries replace the
# RN drafts of the physician file that share their ids.
NURSING = pathlib.Path(__file__).with_name('nursing_presets.source.json')
OUT = ROOT / 'src/domain/presets/catalog.json'
CHECKED = '2026-11-24'

vocab = (ROOT / 'src/domain/vocab.rs').read_text()
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
                  'graduated outside', 'educated outside', 'graduated in']

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
    return rules

EVIDENCE_WORDS = [
    (r'^teaching|publication|project|research', 'other'),
    (r'certif', 'national_certification'),
    (r'refresher', 'refresher_course'),
    (r'academic|semester|credit hour|degree|post-licensure', 'academic_course'),
    (r'hours practiced|employment|practice hours|hours of practice', 'practice_hours'),
    (r'volunteer|uncompensated', 'volunteer_hours'),
]

def evidence_of(text):
    for pattern, kind in EVIDENCE_WORDS:
        if re.search(pattern, text, re.I):
            if kind == 'other':
                return {'kind': 'other'}
            hours = None
            if kind in ('practice_hours', 'volunteer_hours'):
                m = re.search(r'(\d[\d,]*)\s*(?:\w+\s+)?hours', text)
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

def main():
    src = json.loads(SRC.read_text())
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
                r['label'] = r['label'].replace(' (once)', '') + (' (by the first renewal)' if n == 1 else f' (by renewal {n})')
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
        out.append({
            'id': p['id'], 'version': VERSIONS.get(p['id'], 1), 'name': p['name'], 'profession': p['profession'],
            'jurisdiction': p['jurisdiction'], 'kind': kind_of(p['id']), 'cycle_months': months,
            'cycle_description': p['cycle'].get('anchor_description', ''),
            'first_renewal_note': p.get('first_cycle_note'),
            'rules': rules, **({'pathways': pathways} if pathways else {}), 'conditions_asked': asked, 'sources': p['source_urls'],
            'confidence': p['confidence'], 'checked': CHECKED, 'notes': notes,
        })
    # Compact: the catalog ships inside the app download.
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(',', ':')) + '\n')
    print(f'{len(out)} presets, {sum(len(p["rules"]) for p in out)} rules -> {OUT.relative_to(ROOT)}')

if __name__ == '__main__':
    sys.exit(main())
