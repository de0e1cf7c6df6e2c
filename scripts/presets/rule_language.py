"""Writing presets in the app's own rule language (the JSON of src/domain/model/rule.rs): a rule
of each kind, a recurrence, a condition, a whole preset. Used by professions.py and
professions_states.py."""

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


def after_first(months):
    """Not asked at the first renewal; every cycle of `months` after it."""
    return {'type': 'after_first_cycles', 'after': 1, 'months': months}


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


def state_preset(code, suffix, name, profession, professions, months, cycle, rules, sources, confidence,
                 notes, **kw):
    """A state board's license: `us-<code>-<suffix>`, jurisdiction US-<CODE>."""
    return preset(f'us-{code}-{suffix}', name, profession, professions, f'US-{code.upper()}', 'state_license',
                  months, cycle, rules, sources, confidence, notes, **kw)
