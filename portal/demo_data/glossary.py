"""Demo data of the glossary: the main network's common language.

A handful of terms of adult guidance in Finnish, Swedish and English: most agreed by the member organisations
(a closed round with their representatives' answers), one changed once (its earlier definition kept), one
proposed and under endorsement, one proposed and still discussed. Dates are relative to the day of seeding.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from networks.glossary.models import DefinitionVersion, Term, TermAnswer, TermComment, TermRound, TermStatus
from networks.goals.models import RoundOutcome
from networks.memberships.models import Membership, NetworkRole
from portal.demo_data.people import COORDINATOR_EMAIL, COUNSELLOR_EMAIL
from portal.lib.access import MembershipStatus, Role

# (Finnish, Swedish, English term; Finnish, Swedish, English definition; status)
TERMS = [
    (
        "ohjaus",
        "vägledning",
        "guidance",
        "Aikuisen tukeminen koulutus-, ura- ja elämänvalinnoissa niin, että hän tekee itse omat ratkaisunsa.",
        "Stöd till vuxna i val som gäller utbildning, karriär och liv, så att personen själv fattar sina beslut.",
        "Supporting adults in their education, career and life choices so that they make their own decisions.",
        TermStatus.AGREED,
    ),
    (
        "neuvonta",
        "rådgivning",
        "advice",
        "Tiedon antamista ja selittämistä aikuisen kysymykseen: palveluista, koulutuksista ja etuuksista.",
        "Information och förklaringar som svar på en vuxens fråga om tjänster, utbildningar och förmåner.",
        "Giving and explaining information in answer to an adult's question: on services, education and benefits.",
        TermStatus.AGREED,
    ),
    (
        "osaamisen tunnistaminen",
        "erkännande av kunnande",
        "recognition of prior learning",
        "Muualla kuin koulutuksessa hankitun osaamisen näkyväksi tekeminen ja arvioiminen.",
        "Att synliggöra och bedöma kunnande som förvärvats utanför utbildningen.",
        "Making visible and assessing competences acquired outside formal education.",
        TermStatus.AGREED,
    ),
    (
        "palveluohjaus",
        "servicehandledning",
        "case management",
        "Asiakkaan ohjaaminen oikeaan palveluun ja palvelujen yhteensovittaminen hänen kanssaan.",
        "",
        "",
        TermStatus.PROPOSED,
    ),
    (
        "ohjaamo",
        "",
        "one-stop guidance centre",
        "Alle 30-vuotiaiden matalan kynnyksen palvelupiste, jossa eri organisaatiot ohjaavat yhdessä.",
        "",
        "",
        TermStatus.PROPOSED,
    ),
]
FIRST_GUIDANCE = "Aikuisen auttaminen koulutusvalinnoissa."


def _people(network, people):
    people = people or {}
    coordinator = people.get(COORDINATOR_EMAIL) or next(
        (role.user for role in NetworkRole.objects.filter(network=network, role=Role.COORDINATOR).order_by("pk")),
        None,
    )
    counsellor = people.get(COUNSELLOR_EMAIL) or coordinator
    return coordinator, counsellor


def _round(term, coordinator, *, outcome, opened, answering) -> TermRound:
    round_ = TermRound.objects.create(
        term=term,
        rule=term.network.goal_rule,
        set_size=term.network.goal_rule_size,
        deadline=(opened + datetime.timedelta(days=21)).date(),
        outcome=outcome,
        opened_by=coordinator,
        closed_at=opened + datetime.timedelta(days=10) if outcome != RoundOutcome.OPEN else None,
    )
    TermRound.objects.filter(pk=round_.pk).update(opened_at=opened)
    answers = answering if outcome != RoundOutcome.OPEN else answering[: len(answering) // 2]
    TermAnswer.objects.bulk_create(
        TermAnswer(round=round_, organisation_id=organisation_id, answer="agree", answered_by_id=person_id)
        for organisation_id, person_id in answers
    )
    return round_


def seed_glossary(network, *, people=None, **_ignored) -> list[Term]:
    """The main network's glossary (see the module's docstring); the same each time for the same database."""
    coordinator, counsellor = _people(network, people)
    now = timezone.now()
    answering = list(
        Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE)
        .filter(Q(representative__isnull=False) | Q(deputy__isnull=False))
        .order_by("organisation__name")
        .values_list("organisation_id", "representative_id")
    )
    answering = [(organisation, person) for organisation, person in answering if person is not None]
    made = []
    for index, (fi, sv, en, def_fi, def_sv, def_en, status) in enumerate(TERMS):
        proposed = now - datetime.timedelta(days=120 - index * 20)
        term = Term.objects.create(
            network=network,
            term_fi=fi,
            term_sv=sv,
            term_en=en,
            definition_fi=def_fi,
            definition_sv=def_sv,
            definition_en=def_en,
            status=status,
            proposed_by=counsellor if index % 2 else coordinator,
            proposed_at=proposed,
            defined_by=coordinator,
            defined_at=proposed + datetime.timedelta(days=3),
            status_changed_at=proposed + datetime.timedelta(days=20),
        )
        made.append(term)
        if status == TermStatus.AGREED:
            _round(
                term,
                coordinator,
                outcome=RoundOutcome.AGREED,
                opened=proposed + datetime.timedelta(days=5),
                answering=answering,
            )
        elif index == 3:
            _round(
                term,
                coordinator,
                outcome=RoundOutcome.OPEN,
                opened=now - datetime.timedelta(days=2),
                answering=answering,
            )
    DefinitionVersion.objects.create(
        term=made[0],
        term_fi="ohjaus",
        definition_fi=FIRST_GUIDANCE,
        defined_by=counsellor,
        defined_at=made[0].proposed_at,
        replaced_by=coordinator,
        replaced_at=made[0].defined_at,
    )
    made[0].related.set([made[1], made[3]])
    made[2].related.set([made[0]])
    TermComment.objects.create(term=made[4], author=counsellor, body="Onko tämä yleisnimi vai palvelun nimi?")
    TermComment.objects.create(term=made[4], author=coordinator, body="Ohjaamo on valtakunnallinen palvelumalli.")
    return made
