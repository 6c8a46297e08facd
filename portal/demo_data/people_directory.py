"""Demo data of the people directory: the main network's own expertise terms and contacts without accounts.

Every person is fictional and every address is under ``example.fi``.
"""

from networks.memberships.models import NetworkRole
from partners.directory.models import Affiliation, ExpertiseArea
from portal.accounts.models import User
from portal.lib.access import Role

# The main network's curated vocabulary: (slug, name, description, e-mails of people who use the term).
NETWORK_TERMS = [
    (
        "ks-ohjauksen-etakanavat",
        "Ohjaus etäkanavissa",
        "Chat-, puhelin- ja videoyhteydellä annettava ohjaus.",
        ["ohjaaja@verkosto.example.fi", "johanna.heinonen@ohjaamo-jkl.example.fi"],
    ),
    (
        "ks-monialainen-yhteistyo",
        "Monialainen asiakasyhteistyö",
        "Asiakkaan ohjaus yhdessä työllisyys-, sosiaali- ja koulutuspalveluiden kanssa.",
        [
            "koordinaattori@verkosto.example.fi",
            "paivi.karjalainen@hyvaks.example.fi",
            "olli.rantanen@tyollisyys.example.fi",
        ],
    ),
    (
        "ks-koulutustarjonta",
        "Keski-Suomen koulutustarjonta",
        "Maakunnan oppilaitosten koulutukset ja haut.",
        ["ohjaaja@verkosto.example.fi", "aino.korhonen@gradia.example.fi", "leena.nieminen@jamk.example.fi"],
    ),
    (
        "ks-tyonantajayhteistyo",
        "Työnantajayhteistyö",
        "Yritysten ja työnantajien kanssa tehtävä ohjaus- ja rekrytointiyhteistyö.",
        ["olli.rantanen@tyollisyys.example.fi"],
    ),
]

# Contacts without an account: (e-mail, first, last, title, phone, languages, shared term slugs,
#  network term slugs, organisation slug).
CONTACTS = [
    (
        "kaisa.nurmi@laukaa.example.fi",
        "Kaisa",
        "Nurmi",
        "etsivä nuorisotyöntekijä",
        "+358 40 615 3327",
        ["fi"],
        ["nuorten-aikuisten-ohjaus"],
        ["ks-monialainen-yhteistyo"],
        "laukaa",
    ),
    (
        "erik.lindqvist@jamk.example.fi",
        "Erik",
        "Lindqvist",
        "uraohjaaja",
        "+358 50 402 7718",
        ["sv", "fi", "en"],
        ["urasuunnittelu", "jatkuva-oppiminen"],
        ["ks-koulutustarjonta"],
        "jamk",
    ),
    (
        "fatima.yusuf@monikulttuuri.example.fi",
        "Fatima",
        "Yusuf",
        "kotoutumisohjaaja",
        "+358 44 980 1462",
        ["so", "ar", "fi", "en"],
        ["maahanmuuttajien-ohjaus", "kielikoulutus"],
        ["ks-monialainen-yhteistyo"],
        "monikulttuuriyhdistys",
    ),
    (
        "tiina.hakala@keskikirjastot.example.fi",
        "Tiina",
        "Hakala",
        "kirjastonhoitaja",
        "",
        ["fi"],
        ["digituki"],
        ["ks-ohjauksen-etakanavat"],
        "keski-kirjastot",
    ),
]


def seed_people_directory(*, networks, organisations, people, areas) -> None:
    """Give the main network its own terms (used by some of its people) and add contacts without accounts."""
    main = networks["keski-suomi"]
    terms = {}
    for slug, name, description, emails in NETWORK_TERMS:
        term = ExpertiseArea.objects.create(slug=slug, name=name, description=description, network=main)
        terms[slug] = term
        term.people.add(*[people[email] for email in emails if email in people])
    for email, first, last, title, phone, languages, shared, own, organisation_slug in CONTACTS:
        contact = User(
            email=email,
            first_name=first,
            last_name=last,
            title=title,
            phone=phone,
            languages=languages,
            is_contact=True,
        )
        contact.set_unusable_password()
        contact.full_clean()
        contact.save()
        contact.expertise.set([areas[slug] for slug in shared if slug in areas] + [terms[slug] for slug in own])
        Affiliation.objects.create(
            user=contact, organisation=organisations[organisation_slug], title=title, primary=True
        )
        NetworkRole.objects.create(network=main, user=contact, role=Role.MEMBER)
