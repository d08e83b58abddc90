#!/usr/bin/python3
"""Writes data/countries.tsv: the UN member States (193) and observer States (2).

Run by hand with Debian's interpreter when the UN membership or groups change, and commit
the output; the build does not run it:

    /usr/bin/python3 build-aux/gen-countries.py > data/countries.tsv

Columns (tab-separated, no header): alpha-2, alpha-3, numeric, UN regional group (empty when
the State is in none), "member" or "observer", English name, French name.

Names: ISO 3166-1 codes and names come from Debian's iso-codes package, French names from
its French message catalogue. ISO's inverted forms ("Congo, The Democratic Republic of the",
"Korea, Republic of") are not what a field officer reads in UPR documents, so the States
below whose ISO name is inverted or differs from United Nations usage get the UN short name
(UNTERM, as in Human Rights Council documents) in both languages. The short colloquial forms
of iso-codes' "common_name" ("South Korea", "Vietnam") are not used: UPR documents never
use them. Apostrophes stay ASCII, as in iso-codes.
"""

import collections
import gettext
import json
import sys

ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json'
ISO_FR_MO = '/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo'

# UN regional groups (alpha-2 codes). The United States attends WEOG as an observer and is
# counted there for elections; Türkiye takes part in both WEOG and Asia-Pacific and is
# counted in WEOG for elections; Israel is a full member of WEOG; Kiribati is in
# Asia-Pacific. Every member State is in exactly one group here.
GROUPS = {
    'african': '''
        DZ AO BJ BW BF BI CV CM CF TD KM CG CI CD DJ EG GQ ER SZ ET GA GM GH GN GW KE LS
        LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TG TN UG TZ ZM ZW
    ''',
    'asia-pacific': '''
        AF BH BD BT BN KH CN CY KP FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN
        MM NR NP OM PK PW PG PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE
    ''',
    'eastern-european': '''
        AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MK PL MD RO RU RS SK SI UA
    ''',
    'grulac': '''
        AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN
        LC VC SR TT UY VE
    ''',
    'weog': '''
        AD AU AT BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR
        GB US
    ''',
}

EXPECTED_GROUP_SIZES = {
    'african': 54,
    'asia-pacific': 54,
    'eastern-european': 23,
    'grulac': 33,
    'weog': 29,  # 28 members and the United States
}

# Observer States. The State of Palestine is a full member of the Asia-Pacific Group; the
# Holy See belongs to no group.
OBSERVERS = {'VA': None, 'PS': 'asia-pacific'}

# UN short names where ISO's differ: (English, French).
UN_NAMES = {
    'BO': ('Bolivia (Plurinational State of)', 'Bolivie (État plurinational de)'),
    'CD': ('Democratic Republic of the Congo', 'République démocratique du Congo'),
    'CG': ('Congo', 'Congo'),
    'FM': ('Micronesia (Federated States of)', 'Micronésie (États fédérés de)'),
    'IR': ('Iran (Islamic Republic of)', "Iran (République islamique d')"),
    'KP': ("Democratic People's Republic of Korea",
           'République populaire démocratique de Corée'),
    'KR': ('Republic of Korea', 'République de Corée'),
    'LA': ("Lao People's Democratic Republic", 'République démocratique populaire lao'),
    'MD': ('Republic of Moldova', 'République de Moldova'),
    'PS': ('State of Palestine', 'État de Palestine'),
    'RU': ('Russian Federation', 'Fédération de Russie'),
    'SY': ('Syrian Arab Republic', 'République arabe syrienne'),
    'TZ': ('United Republic of Tanzania', 'République-Unie de Tanzanie'),
    'VA': ('Holy See', 'Saint-Siège'),
    'VE': ('Venezuela (Bolivarian Republic of)', 'Venezuela (République bolivarienne du)'),
    'VN': ('Viet Nam', 'Viet Nam'),
}

# French names where iso-codes' translation differs from UN usage.
UN_NAMES_FR = {
    'CV': 'Cabo Verde',
    'GQ': 'Guinée équatoriale',
    'IQ': 'Iraq',
    'MM': 'Myanmar',
    'SB': 'Îles Salomon',
    'SR': 'Suriname',
    'SV': 'El Salvador',
    'TL': 'Timor-Leste',
}


def main():
    with open(ISO_JSON, encoding='utf-8') as f:
        iso = {c['alpha_2']: c for c in json.load(f)['3166-1']}
    with open(ISO_FR_MO, 'rb') as f:
        french = gettext.GNUTranslations(f)

    group_of = {}
    for group, codes in GROUPS.items():
        codes = codes.split()
        if len(codes) != EXPECTED_GROUP_SIZES[group]:
            sys.exit(f'{group}: {len(codes)} States, expected {EXPECTED_GROUP_SIZES[group]}')
        for code in codes:
            if code in group_of:
                sys.exit(f'{code} is in two groups')
            group_of[code] = group
    if len(group_of) != 193:
        sys.exit(f'{len(group_of)} member States, expected 193')

    rows = []
    for code in list(group_of) + list(OBSERVERS):
        if code not in iso:
            sys.exit(f'{code} is not in iso-codes')
        c = iso[code]
        name_en, name_fr = UN_NAMES.get(code, (c['name'], french.gettext(c['name'])))
        name_fr = UN_NAMES_FR.get(code, name_fr)
        if ',' in name_en or ',' in name_fr:
            sys.exit(f'{code}: inverted name {name_en!r} / {name_fr!r}: add a UN name')
        status = 'observer' if code in OBSERVERS else 'member'
        group = OBSERVERS[code] if code in OBSERVERS else group_of[code]
        rows.append((code, c['alpha_3'], c['numeric'], group or '', status, name_en, name_fr))

    for row in sorted(rows):
        for field in row:
            if '\t' in field or '\n' in field:
                sys.exit(f'{row[0]}: tab or newline in a field')
        print('\t'.join(row))

    counts = collections.Counter(r[3] for r in rows)
    print(', '.join(f'{g or "none"} {n}' for g, n in sorted(counts.items())), file=sys.stderr)


if __name__ == '__main__':
    main()
