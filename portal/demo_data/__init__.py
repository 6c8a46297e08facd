"""Data tables for ``manage.py seed_demo``: a made-up adult guidance network of Central Finland.

The organisation names are those of real kinds of actor in the region, but every
business ID is computed from an invented seven-digit number in the 98xxxxx range
(not issued to real businesses), every address is under ``example.fi`` and every
person is fictional.
"""

from datetime import date

from networks.memberships.models import MembershipLevel
from partners.directory.models import OrganisationKind
from portal.demo_data.people import (  # noqa: F401 - re-exported for seed_demo
    ADMIN_EMAIL,
    COORDINATOR_EMAIL,
    COUNSELLOR_EMAIL,
    OBSERVER_EMAIL,
    OUTSIDER_EMAIL,
    PEOPLE,
)
from portal.lib.access import MembershipStatus, Role

# Functions called at the end of the demo seeding, each with keyword arguments ``networks``,
# ``organisations`` and ``people`` (dicts by slug / e-mail) and ``areas`` (expertise terms by slug).
# Each part of the directory registers its own in this list.
DEMO_EXTENSIONS: list = []

# The documented password of every seeded account; the command prints it.
DEMO_PASSWORD = "verkosto-demo-2026"  # noqa: S105 - public by design, printed by seed_demo

MAIN_NETWORK = "keski-suomi"

# (slug, name)
EXPERTISE_AREAS = [
    ("osaamisen-tunnistaminen", "Aiemmin hankitun osaamisen tunnistaminen"),
    ("maahanmuuttajien-ohjaus", "Maahanmuuttajien ohjaus"),
    ("urasuunnittelu", "Urasuunnittelu"),
    ("digituki", "Digituki"),
    ("tyonhaku", "Työnhaku"),
    ("opintojen-rahoitus", "Opintojen rahoitus"),
    ("nuorten-aikuisten-ohjaus", "Nuorten aikuisten ohjaus"),
    ("jatkuva-oppiminen", "Jatkuva oppiminen"),
    ("tyokyvyn-tuki", "Työkyvyn tuki"),
    ("kielikoulutus", "Suomen kielen koulutus ja kotoutuminen"),
    ("yrittajyys", "Yrittäjyysneuvonta"),
    ("erityinen-tuki", "Erityistä tukea tarvitsevien ohjaus"),
]

# (slug, name, description, require_mfa_for_coordinators)
NETWORKS = [
    (
        MAIN_NETWORK,
        "Keski-Suomen aikuisohjauksen verkosto",
        "Keski-Suomen oppilaitosten, työllisyyspalveluiden, kuntien, kirjastojen ja järjestöjen "
        "yhteinen verkosto, joka kehittää aikuisten elinikäistä ohjausta maakunnassa. Verkosto "
        "sopii yhteisistä ohjauskäytännöistä, jakaa tietoa koulutustarjonnasta ja ohjaa asiakkaan "
        "oikean palvelun luo.",
        True,
    ),
    (
        "jyvaskylan-seudun-maahanmuuttajaohjaus",
        "Jyväskylän seudun maahanmuuttajaohjauksen verkosto",
        "Maahanmuuttajien koulutus- ja työllistymispolkujen ohjauksen yhteistyöverkosto: "
        "kielikoulutus, osaamisen tunnistaminen ja ohjaus monikielisesti.",
        True,
    ),
    (
        "ohjaamot",
        "Ohjaamojen yhteistyöverkosto",
        "Keski-Suomen Ohjaamojen ja niiden kumppaneiden verkosto alle 30-vuotiaiden "
        "matalan kynnyksen ohjauksen kehittämiseen.",
        True,
    ),
]

# (slug, name, short name, kind, invented base number for the business ID, municipality, web domain)
ORGANISATIONS = [
    (
        "gradia",
        "Jyväskylän koulutuskuntayhtymä Gradia",
        "Gradia",
        OrganisationKind.VOCATIONAL,
        "9810012",
        "Jyväskylä",
        "gradia",
    ),
    (
        "jamk",
        "Jyväskylän ammattikorkeakoulu JAMK",
        "JAMK",
        OrganisationKind.UAS,
        "9810027",
        "Jyväskylä",
        "jamk",
    ),
    ("jyu", "Jyväskylän yliopisto", "JYU", OrganisationKind.UNIVERSITY, "9810035", "Jyväskylä", "jyu"),
    (
        "keski-suomen-opisto",
        "Keski-Suomen kansanopisto",
        "KSKO",
        OrganisationKind.FOLK_HIGH_SCHOOL,
        "9810043",
        "Uurainen",
        "kansanopisto",
    ),
    (
        "kansalaisopisto",
        "Jyväskylän kansalaisopisto",
        "Kansalaisopisto",
        OrganisationKind.ADULT_EDUCATION_CENTRE,
        "9810051",
        "Jyväskylä",
        "kansalaisopisto",
    ),
    (
        "kesayliopisto",
        "Jyväskylän kesäyliopisto",
        "Kesäyliopisto",
        OrganisationKind.SUMMER_UNIVERSITY,
        "9810068",
        "Jyväskylä",
        "kesayliopisto",
    ),
    (
        "tyollisyyspalvelut",
        "Jyväskylän kaupungin työllisyyspalvelut",
        "Työllisyyspalvelut",
        OrganisationKind.EMPLOYMENT_SERVICES,
        "9810076",
        "Jyväskylä",
        "tyollisyys",
    ),
    (
        "ohjaamo-jyvaskyla",
        "Ohjaamo Jyväskylä",
        "Ohjaamo",
        OrganisationKind.ONE_STOP_GUIDANCE,
        "9810084",
        "Jyväskylä",
        "ohjaamo-jkl",
    ),
    ("laukaa", "Laukaan kunta", "Laukaa", OrganisationKind.MUNICIPALITY, "9810092", "Laukaa", "laukaa"),
    (
        "hyvinvointialue",
        "Keski-Suomen hyvinvointialue",
        "Hyvaks",
        OrganisationKind.WELLBEING_COUNTY,
        "9810105",
        "Jyväskylä",
        "hyvaks",
    ),
    (
        "keski-kirjastot",
        "Keski-kirjastot",
        "Keski",
        OrganisationKind.LIBRARY,
        "9810113",
        "Jyväskylä",
        "keskikirjastot",
    ),
    (
        "monikulttuuriyhdistys",
        "Keski-Suomen monikulttuurinen yhdistys ry",
        "Monikulttuuriyhdistys",
        OrganisationKind.NGO,
        "9810121",
        "Jyväskylä",
        "monikulttuuri",
    ),
    (
        "aanekosken-konepaja",
        "Äänekosken Konepaja Oy",
        "Konepaja",
        OrganisationKind.EMPLOYER,
        "9810138",
        "Äänekoski",
        "konepaja",
    ),
    (
        "ohjaamo-jamsa",
        "Ohjaamo Jämsä",
        "Ohjaamo Jämsä",
        OrganisationKind.ONE_STOP_GUIDANCE,
        "9810146",
        "Jämsä",
        "ohjaamo-jamsa",
    ),
]

_A = MembershipStatus.ACTIVE
_L = MembershipLevel

# (network slug, organisation slug, level, status, joined on). Ohjaamo Jämsä is deliberately
# not in the main network: the outsider demo account works there.
MEMBERSHIPS = [
    (MAIN_NETWORK, "gradia", _L.STRATEGIC, _A, date(2015, 9, 1)),
    (MAIN_NETWORK, "jamk", _L.STRATEGIC, _A, date(2015, 9, 1)),
    (MAIN_NETWORK, "jyu", _L.COORDINATION, _A, date(2016, 1, 15)),
    (MAIN_NETWORK, "keski-suomen-opisto", _L.COOPERATION, _A, date(2018, 3, 1)),
    (MAIN_NETWORK, "kansalaisopisto", _L.COOPERATION, _A, date(2017, 8, 14)),
    (MAIN_NETWORK, "kesayliopisto", _L.NETWORKING, MembershipStatus.PAUSED, date(2019, 5, 20)),
    (MAIN_NETWORK, "tyollisyyspalvelut", _L.STRATEGIC, _A, date(2015, 9, 1)),
    (MAIN_NETWORK, "ohjaamo-jyvaskyla", _L.COORDINATION, _A, date(2016, 2, 1)),
    (MAIN_NETWORK, "laukaa", _L.COOPERATION, _A, date(2021, 4, 12)),
    (MAIN_NETWORK, "hyvinvointialue", _L.COORDINATION, _A, date(2023, 1, 1)),
    (MAIN_NETWORK, "keski-kirjastot", _L.COOPERATION, _A, date(2020, 10, 5)),
    (MAIN_NETWORK, "monikulttuuriyhdistys", _L.NETWORKING, _A, date(2022, 2, 7)),
    (MAIN_NETWORK, "aanekosken-konepaja", _L.NETWORKING, MembershipStatus.APPLIED, None),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "tyollisyyspalvelut", _L.COORDINATION, _A, date(2019, 1, 10)),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "gradia", _L.COOPERATION, _A, date(2019, 1, 10)),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "kansalaisopisto", _L.COOPERATION, _A, date(2019, 6, 3)),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "keski-suomen-opisto", _L.NETWORKING, _A, date(2020, 8, 17)),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "monikulttuuriyhdistys", _L.STRATEGIC, _A, date(2019, 1, 10)),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "keski-kirjastot", _L.NETWORKING, _A, date(2021, 9, 1)),
    ("ohjaamot", "ohjaamo-jyvaskyla", _L.COORDINATION, _A, date(2017, 3, 1)),
    ("ohjaamot", "ohjaamo-jamsa", _L.COOPERATION, _A, date(2018, 1, 8)),
    ("ohjaamot", "tyollisyyspalvelut", _L.NETWORKING, _A, date(2017, 3, 1)),
    ("ohjaamot", "hyvinvointialue", _L.NETWORKING, _A, date(2023, 1, 1)),
]

# The demo accounts, keyed by the label printed in the table.

DEMO_ACCOUNTS = [
    ("admin", ADMIN_EMAIL),
    ("coordinator", COORDINATOR_EMAIL),
    ("counsellor", COUNSELLOR_EMAIL),
    ("observer", OBSERVER_EMAIL),
    ("outsider", OUTSIDER_EMAIL),
]


# Further affiliations: (e-mail, organisation slug, title, since, until); until None is a current,
# secondary affiliation, a date is past work.
OTHER_AFFILIATIONS = [
    ("antti.hamalainen@jamk.example.fi", "kesayliopisto", "tuntiopettaja", date(2022, 1, 10), None),
    ("hanna.lahtinen@kansalaisopisto.example.fi", "monikulttuuriyhdistys", "vapaaehtoinen", date(2021, 9, 1), None),
    (COUNSELLOR_EMAIL, "ohjaamo-jyvaskyla", "ohjaaja", date(2019, 3, 1), date(2022, 12, 31)),
    ("lauri.miettinen@ohjaamo-jkl.example.fi", "laukaa", "nuorisotyöntekijä", date(2017, 6, 1), date(2022, 8, 14)),
]

# Roles in networks other than the member role in the main network, which everyone working for an
# active or paused member organisation gets. (network slug, e-mail, role)
ROLES = [
    (MAIN_NETWORK, COORDINATOR_EMAIL, Role.COORDINATOR),
    (MAIN_NETWORK, OBSERVER_EMAIL, Role.OBSERVER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "noora.ahonen@tyollisyys.example.fi", Role.COORDINATOR),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "ali.hassan@tyollisyys.example.fi", Role.MEMBER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "aino.korhonen@gradia.example.fi", Role.MEMBER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "hanna.lahtinen@kansalaisopisto.example.fi", Role.MEMBER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "riikka.kinnunen@kansanopisto.example.fi", Role.MEMBER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "olga.smirnova@monikulttuuri.example.fi", Role.MEMBER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "sari.jokinen@monikulttuuri.example.fi", Role.MEMBER),
    ("jyvaskylan-seudun-maahanmuuttajaohjaus", "minna.leppanen@keskikirjastot.example.fi", Role.OBSERVER),
    ("ohjaamot", "johanna.heinonen@ohjaamo-jkl.example.fi", Role.COORDINATOR),
    ("ohjaamot", "lauri.miettinen@ohjaamo-jkl.example.fi", Role.MEMBER),
    ("ohjaamot", "heidi.kallio@ohjaamo-jamsa.example.fi", Role.MEMBER),
    ("ohjaamot", "olli.rantanen@tyollisyys.example.fi", Role.MEMBER),
    ("ohjaamot", "paivi.karjalainen@hyvaks.example.fi", Role.MEMBER),
]

# People who get no member role in the main network although their organisation is in it: the
# admin (a superuser sees everything anyway) and the employer's production manager (the
# employer has only applied).
NO_MAIN_ROLE = {ADMIN_EMAIL, "markku.ojala@konepaja.example.fi"}

# For the --scale benchmark data.
SCALE_FIRST_NAMES = [
    "Anna", "Antti", "Eeva", "Eero", "Helmi", "Heikki", "Iida", "Janne", "Kati", "Kalle",
    "Laura", "Lasse", "Maria", "Matti", "Niina", "Oskari", "Pirjo", "Pekka", "Suvi", "Teemu",
]  # fmt: skip
SCALE_LAST_NAMES = [
    "Aaltonen", "Heikkilä", "Hiltunen", "Jääskeläinen", "Kettunen", "Koponen", "Lindholm", "Manninen",
    "Nurmi", "Peltonen", "Puustinen", "Saarinen", "Tuominen", "Vainio", "Väisänen", "Ylönen",
]  # fmt: skip
SCALE_TITLES = [
    "opinto-ohjaaja",
    "uraohjaaja",
    "työllisyyskoordinaattori",
    "kirjastonhoitaja",
    "palveluohjaaja",
    "koulutussuunnittelija",
    "kotoutumiskoordinaattori",
    "sosiaaliohjaaja",
]
SCALE_MUNICIPALITIES = [
    "Jyväskylä", "Jämsä", "Äänekoski", "Laukaa", "Keuruu", "Saarijärvi", "Viitasaari", "Muurame",
    "Hankasalmi", "Joutsa", "Kannonkoski", "Karstula", "Kinnula", "Konnevesi", "Kuhmoinen", "Kyyjärvi",
    "Luhanka", "Multia", "Petäjävesi", "Pihtipudas", "Toivakka", "Uurainen",
]  # fmt: skip

# The people directory's demo data: the main network's own expertise terms and contacts without accounts.
from portal.demo_data.people_directory import seed_people_directory  # noqa: E402 - needs the tables above

DEMO_EXTENSIONS.append(seed_people_directory)

# Membership on the collaboration continuum: representatives, history over three years, an application
# and an invitation.
from portal.demo_data.memberships import seed_membership_history  # noqa: E402 - needs the tables above

DEMO_EXTENSIONS.append(seed_membership_history)

# Guidance services: what each demo organisation offers adults (the service map's data).
from portal.demo_data.services import seed_services  # noqa: E402 - needs the tables above

DEMO_EXTENSIONS.append(seed_services)

# The public guidance finder: services shown to the public, and a Swedish-speaking walk-in service in Vaasa.
from portal.demo_data.public_services import seed_public_services  # noqa: E402 - needs the services above

DEMO_EXTENSIONS.append(seed_public_services)

# Partner agreements: the main network's agreements in every state.
from portal.demo_data.agreements import seed_agreements  # noqa: E402 - needs the tables above

DEMO_EXTENSIONS.append(seed_agreements)

# Shared goals: the main network's goals in every status, linked to the agreements above.
from portal.demo_data.goals import seed_goals  # noqa: E402 - needs the tables above

DEMO_EXTENSIONS.append(seed_goals)

# Meetings: a year of the main network's meetings in every status, with decisions linked to the
# goals above, action items and an open time poll.
from portal.demo_data.meetings import seed_meetings  # noqa: E402 - needs the tables above

DEMO_EXTENSIONS.append(seed_meetings)
