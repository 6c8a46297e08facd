"""Demo data of partner agreements: the main network's agreements in every state.

Dates are relative to the day of seeding, so the states hold whenever the demo is loaded: an
expired first version renewed by an active second one (with an amendment), a service agreement in
its notice window, a letter of intent being signed, a stalled draft, and a terminated agreement.
The changes are made through the services, inside a history context naming the coordinator, so
the agreements' history pages have something to show.
"""

import datetime

import pghistory
from django.utils import timezone

from partners.agreements import services
from partners.agreements.models import Agreement, AgreementParty, AgreementStatus, Commitment
from portal.demo_data.people import COORDINATOR_EMAIL

_HOURS = "h/kk"
_EUROS = "€/v"

# slug → (own objectives, roles, [(kind, description, amount, unit)])
PARTIES = {
    "gradia": (
        "Opiskelijoiksi hakeutuvat aikuiset saavat ohjausta ennen hakua.",
        "Vastaa yhteisen ohjauspisteen koulutusneuvonnasta tiistaisin.",
        [
            ("staff_time", "Opinto-ohjaajan työaikaa ohjauspisteeseen", 16, _HOURS),
            ("premises", "Ohjaustila Viitaniemen kampuksella", None, ""),
        ],
    ),
    "tyollisyyspalvelut": (
        "Työnhakijat löytävät koulutuspolun nopeammin.",
        "Ohjaa asiakkaat ohjauspisteeseen ja vastaa työllisyyspalveluiden neuvonnasta.",
        [("staff_time", "Uraohjaajan työaikaa", 24, _HOURS), ("money", "Osuus markkinoinnin kuluista", 4000, _EUROS)],
    ),
    "jamk": (
        "Korkeakoulutukseen hakeutuvien aikuisten ohjaus tehostuu.",
        "Vastaa korkeakoulutuksen ja jatkuvan oppimisen neuvonnasta.",
        [("staff_time", "Hakijapalveluiden asiantuntijan työaikaa", 8, _HOURS)],
    ),
    "ohjaamo-jyvaskyla": (
        "Alle 30-vuotiaat saavat matalan kynnyksen ohjausta yhdestä paikasta.",
        "Ylläpitää palvelupistettä ja ajanvarausta.",
        [
            ("services", "Ohjaamon palvelupiste ja ajanvaraus", None, ""),
            ("premises", "Asiakastilat Kauppakadulla", None, ""),
        ],
    ),
    "hyvinvointialue": (
        "Sosiaali- ja terveyspalveluiden asiakkaat ohjautuvat koulutukseen.",
        "Tuo sosiaaliohjauksen osaamisen ohjauspisteeseen.",
        [("staff_time", "Sosiaaliohjaajan työaikaa", 12, _HOURS)],
    ),
    "kansalaisopisto": (
        "Aiemmin hankitun osaamisen tunnistaminen tavoittaa vapaan sivistystyön opiskelijat.",
        "Järjestää tunnistamisen työpajat.",
        [("services", "Osaamisen tunnistamisen työpajat neljästi vuodessa", 4, "kpl/v")],
    ),
    "keski-suomen-opisto": ("", "", []),
    "keski-kirjastot": (
        "Kirjastojen digituki ja aikuisohjaus kohtaavat.",
        "",
        [("premises", "Kirjastojen asiakastilat ohjaustapaamisiin", None, "")],
    ),
    "laukaa": ("", "", []),
    "monikulttuuriyhdistys": (
        "Maahanmuuttaneet aikuiset saavat ohjausta omalla kielellään.",
        "Tuo vapaaehtoiset tulkit ohjaustapaamisiin.",
        [("staff_time", "Vapaaehtoisten tulkkien aikaa", 10, _HOURS)],
    ),
}

TEXT = {
    "purpose": (
        "Yhteinen aikuisohjauksen palvelupiste, jossa aikuinen saa tietoa, neuvontaa ja ohjausta yhdestä paikasta."
    ),
    "indicators": "Ohjauskäyntien määrä, asiakaspalaute (asteikko 1–5), koulutukseen ohjautuneiden osuus.",
    "review_arrangements": (
        "Ohjausryhmä arvioi yhteistyön kerran vuodessa. Osapuoli voi irtautua kolmen kuukauden irtisanomisajalla."
    ),
}


def _add_parties(agreement: Agreement, slugs, organisations) -> list[AgreementParty]:
    parties = []
    for slug in slugs:
        objectives, roles, commitments = PARTIES[slug]
        party = AgreementParty.objects.create(
            agreement=agreement, organisation=organisations[slug], own_objectives=objectives, roles=roles
        )
        Commitment.objects.bulk_create(
            Commitment(party=party, agreement=agreement, kind=kind, description=text, amount=amount, unit=unit)
            for kind, text, amount, unit in commitments
        )
        parties.append(party)
    return parties


def _sign(parties, *, user, on: datetime.date, names) -> None:
    for party, (name, title) in zip(parties, names, strict=False):
        services.party_sign(party=party, user=user, signatory_name=name, signatory_title=title, signed_on=on)


_SIGNATORIES = [
    ("Pirjo Lehtinen", "rehtori"),
    ("Jukka Mäkelä", "työllisyyspalvelujohtaja"),
    ("Kari Nieminen", "vararehtori"),
]


def seed_agreements(*, networks, organisations, people, **_ignored) -> None:
    """The main network's agreements in every state (a DEMO_EXTENSIONS hook)."""
    network = networks["keski-suomi"]
    coordinator = people[COORDINATOR_EMAIL]
    today = timezone.localdate()
    year = datetime.timedelta(days=365)

    def create(title, kind, **fields):
        return services.agreement_create(
            network=network, created_by=coordinator, title=title, kind=kind, **{**TEXT, **fields}
        )

    with pghistory.context(user=coordinator.pk, url="seed_demo"):
        # 1. The first strategic partnership, signed three years ago, now expired ...
        first = create(
            "Aikuisohjauksen kumppanuussopimus",
            Agreement.Kind.STRATEGIC,
            valid_from=today - 3 * year,
            valid_until=today - year - datetime.timedelta(days=1),
            review_date=today - 2 * year,
        )
        parties = _add_parties(first, ["gradia", "tyollisyyspalvelut", "jamk"], organisations)
        services.agreement_start_negotiation(agreement=first)
        _sign(parties, user=coordinator, on=today - 3 * year, names=_SIGNATORIES)
        Agreement.objects.filter(pk=first.pk).update(activated_on=today - 3 * year)
        services.agreements_refresh_statuses(today=today)

        # 2. ... renewed for two more years, signed, and amended once since.
        second = services.agreement_renew(agreement=first, user=coordinator)
        second.valid_from = today - year
        second.valid_until = today + year
        second.review_date = today + datetime.timedelta(days=20)
        second.save()
        services.agreement_start_negotiation(agreement=second)
        _sign(list(second.parties.all()), user=coordinator, on=today - year, names=_SIGNATORIES)
        services.agreement_update(
            agreement=Agreement.objects.get(pk=second.pk),
            data={"indicators": TEXT["indicators"] + " Uutena: verkko-ohjauksen käyttäjämäärä."},
            user=coordinator,
            amendment_summary="Ohjausryhmä lisäsi verkko-ohjauksen mittariksi kokouksessaan.",
        )

        # 3. A service agreement in its notice window (expiring in 45 days).
        service = create(
            "Ohjaamon palvelusopimus",
            Agreement.Kind.SERVICE,
            valid_from=today - 2 * year,
            valid_until=today + datetime.timedelta(days=45),
            notice_period_days=90,
        )
        parties = _add_parties(service, ["ohjaamo-jyvaskyla", "tyollisyyspalvelut", "hyvinvointialue"], organisations)
        services.agreement_start_negotiation(agreement=service)
        _sign(parties, user=coordinator, on=today - 2 * year, names=_SIGNATORIES)

        # 4. A letter of intent being signed: one party has signed, two have not.
        intent = create(
            "Osaamisen tunnistamisen aiesopimus",
            Agreement.Kind.MOU,
            valid_from=today + datetime.timedelta(days=30),
            valid_until=None,
            notice_period_days=60,
            review_date=today + year,
        )
        parties = _add_parties(intent, ["kansalaisopisto", "gradia", "keski-suomen-opisto"], organisations)
        services.agreement_start_negotiation(agreement=intent)
        _sign(parties[1:2], user=coordinator, on=today - datetime.timedelta(days=3), names=_SIGNATORIES[:1])

        # 5. A draft nobody has touched for six weeks (the dashboard calls it stalled).
        draft = create(
            "Kirjastojen ja aikuisohjauksen yhteistyö",
            Agreement.Kind.COOPERATION,
            indicators="",
            review_arrangements="",
        )
        _add_parties(draft, ["keski-kirjastot", "laukaa"], organisations)
        Agreement.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - datetime.timedelta(days=42))

        # 6. An agreement ended early.
        ended = create(
            "Monikielisen ohjauksen kokeilu",
            Agreement.Kind.COOPERATION,
            valid_from=today - year,
            valid_until=today + year,
        )
        parties = _add_parties(ended, ["monikulttuuriyhdistys", "kansalaisopisto"], organisations)
        services.agreement_start_negotiation(agreement=ended)
        _sign(parties, user=coordinator, on=today - year, names=_SIGNATORIES)
        services.agreement_terminate(
            agreement=Agreement.objects.get(pk=ended.pk),
            reason="Kokeilun rahoitus päättyi; toiminta siirtyi kansalaisopiston omaksi palveluksi.",
            terminated_on=today - datetime.timedelta(days=60),
        )

    assert set(Agreement.objects.filter(network=network).values_list("status", flat=True)) == set(
        AgreementStatus.values
    ), "the demo must show agreements in every state"
