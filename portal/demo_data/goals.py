"""Demo data of shared goals: the main network's goals in every status.

Every goal is made through the services a coordinator and the representatives use (proposing,
opening endorsement, answering, revising, moving the status, indicators and measurements), so the
data is what the portal itself would have written. Afterwards the timestamps are moved back with
``queryset.update`` to give the network a history of about two years; dates are relative to the
day of seeding, so the statuses and the lights hold whenever the demo is loaded.

The network agrees its goals by a majority of its active member organisations (one of them, Laukaa,
has no representative yet, so a unanimous rule could never be met). The goals:

1. *achieved*: a shared guidance point, with two years of monthly measurements;
2. *in progress*: four indicators (increase, decrease, keep) with a year of monthly and quarterly
   measurements, ahead of, near and behind the straight path;
3. *revised*: agreed and in progress, then its text changed (revision 2), being endorsed again;
4. *agreed* by a majority despite an objection, not yet measured;
5. *under endorsement*: a reservation and an objection so far; the coordinator's and the counsellor's
   organisations have not answered (their dashboards show it);
6. *proposed* by a member, waiting for the coordinator;
7. *dropped* with its reason, its round of endorsement cancelled.

The demo's people are fictional: the goal services' e-mail hooks are silenced while seeding.
"""

import datetime
from decimal import Decimal

import pghistory
from django.utils import timezone

from networks.goals import services
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalStatus, Indicator
from networks.goals.progress import add_months
from networks.memberships.models import EndorsementRule, Membership, MembershipStatus
from portal.demo_data.goal_seeding import ENDORSEMENT_DAYS, GoalSeeder, first_of_month, moment, no_mail
from portal.demo_data.people import COORDINATOR_EMAIL

MAIN_NETWORK = "keski-suomi"
_AGREE, _RESERVATIONS, _OBJECT = (
    Endorsement.Answer.AGREE,
    Endorsement.Answer.RESERVATIONS,
    Endorsement.Answer.OBJECT,
)
_AREA = Goal.Area


def seed_goals(*, networks, organisations, people, **_ignored) -> None:
    """The main network's goals in every status (a DEMO_EXTENSIONS hook)."""
    network = networks[MAIN_NETWORK]
    coordinator = people[COORDINATOR_EMAIL]
    today = timezone.localdate()
    active = Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE).count()
    seeder = GoalSeeder(network=network, organisations=organisations, coordinator=coordinator, today=today)

    with pghistory.context(user=coordinator.pk, url="seed_demo"), no_mail():
        services.network_goal_rule_update(
            network=network, rule=EndorsementRule.MAJORITY, set_size=active, days=ENDORSEMENT_DAYS
        )
        _achieved(seeder)
        _in_progress(seeder)
        _revised(seeder)
        _agreed(seeder)
        _under_endorsement(seeder)
        _proposed(seeder)
        _dropped(seeder)

    assert set(Goal.objects.filter(network=network).values_list("status", flat=True)) == set(GoalStatus.values), (
        "the demo must show goals in every status"
    )


# The answers of a round the majority agrees to (six in favour of eleven), one with a reservation.
_MAJORITY = [
    ("gradia", _AGREE, ""),
    ("tyollisyyspalvelut", _AGREE, ""),
    ("jamk", _AGREE, ""),
    ("ohjaamo-jyvaskyla", _AGREE, ""),
    ("hyvinvointialue", _RESERVATIONS, "Sosiaaliohjauksen resurssi riittää aluksi vain kahdelle päivälle viikossa."),
    ("keski-kirjastot", _AGREE, ""),
]


def _achieved(s: GoalSeeder) -> None:
    start, end = first_of_month(s.today, -24), first_of_month(s.today, -2) - datetime.timedelta(days=1)
    goal = s.create(
        title="Yhteinen ohjauspiste palvelee aikuisia yhdestä paikasta",
        description="Avataan oppilaitosten, työllisyyspalveluiden ja Ohjaamon yhteinen ohjauspiste, jossa aikuinen "
        "saa tietoa, neuvontaa ja ohjausta ilman ajanvarausta.",
        rationale="Asiakkaat kiertävät nyt luukulta toiselle; yhteinen piste säästää sekä asiakkaan että "
        "organisaatioiden aikaa.",
        start=start,
        end=end,
        area=_AREA.COST_BENEFIT_GOVERNMENT,
        owner="gradia",
        agreements=["Aikuisohjauksen kumppanuussopimus"],
    )
    round_ = s.endorse(goal, _MAJORITY)
    visits = s.indicator(
        goal,
        owner="tyollisyyspalvelut",
        name="Ohjauspisteen asiakaskäynnit kuukaudessa",
        unit="käyntiä",
        direction=Indicator.Direction.INCREASE,
        baseline_value=Decimal(0),
        baseline_date=start,
        target_value=Decimal(150),
        target_date=end,
        frequency=Indicator.Frequency.MONTHLY,
    )
    services.goal_set_status(goal=goal, status=GoalStatus.IN_PROGRESS, user=s.coordinator)
    s.measure(visits, until=s.today, lead=Decimal("0.06"), notes={1: "Ohjauspiste avattiin kuun puolivälissä."})
    services.goal_set_status(goal=goal, status=GoalStatus.ACHIEVED, user=s.coordinator)
    s.backdate_round(round_, opened=start - datetime.timedelta(days=40), answer_days=[1, 2, 4, 6, 9, 12])
    s.backdate_goal(goal, created=start - datetime.timedelta(days=50), changed=s.days_ago(20))


def _in_progress(s: GoalSeeder) -> None:
    start, end = first_of_month(s.today, -12), first_of_month(s.today, 12) - datetime.timedelta(days=1)
    goal = s.create(
        title="Aikuisten ohjaus tavoittaa useammat ja nopeammin",
        description="Ohjauskäyntien määrä kasvaa, odotusaika lyhenee ja yhä useampi ohjattu aikuinen hakeutuu "
        "koulutukseen. Asiakastyytyväisyys pysyy vähintään nykyisellä tasolla.",
        rationale="Maakunnan aikuisista vain pieni osa tietää, mistä saa maksutonta ohjausta.",
        start=start,
        end=end,
        area=_AREA.SERVICE_PROVISION,
        owner="tyollisyyspalvelut",
        agreements=["Aikuisohjauksen kumppanuussopimus", "Ohjaamon palvelusopimus"],
    )
    round_ = s.endorse(goal, [("jyu", _OBJECT, "Yliopiston ohjaus ei ehdi mukaan ennen syksyä."), *_MAJORITY])
    services.goal_set_status(goal=goal, status=GoalStatus.IN_PROGRESS, user=s.coordinator)
    common = {"baseline_date": start, "target_date": end}
    visits = s.indicator(
        goal,
        owner="tyollisyyspalvelut",
        name="Ohjauskäynnit kuukaudessa",
        unit="käyntiä",
        direction=Indicator.Direction.INCREASE,
        baseline_value=Decimal(120),
        target_value=Decimal(200),
        frequency=Indicator.Frequency.MONTHLY,
        **common,
    )
    s.measure(visits, until=s.today, lead=Decimal("0.05"), notes={6: "Ohjauspiste oli kiinni kaksi viikkoa."})
    waiting = s.indicator(
        goal,
        owner="ohjaamo-jyvaskyla",
        name="Odotusaika ohjausaikaan",
        unit="vrk",
        direction=Indicator.Direction.DECREASE,
        baseline_value=Decimal(21),
        target_value=Decimal(7),
        frequency=Indicator.Frequency.MONTHLY,
        **common,
    )
    s.measure(waiting, until=s.today, lead=Decimal("-0.06"))
    share = s.indicator(
        goal,
        owner="gradia",
        name="Koulutukseen hakeutuneiden osuus ohjatuista",
        unit="%",
        direction=Indicator.Direction.INCREASE,
        baseline_value=Decimal(18),
        target_value=Decimal(30),
        frequency=Indicator.Frequency.QUARTERLY,
        **common,
    )
    s.measure(share, until=s.today, lead=Decimal("-0.20"), notes={2: "Kevään hakujen tulokset puuttuvat vielä."})
    satisfaction = s.indicator(
        goal,
        owner="jamk",
        name="Asiakastyytyväisyys (asteikko 1–5)",
        unit="",
        direction=Indicator.Direction.KEEP,
        baseline_value=Decimal("4.40"),
        target_value=Decimal("4.40"),
        frequency=Indicator.Frequency.QUARTERLY,
        **common,
    )
    s.measure(satisfaction, until=s.today, lead=Decimal(0))
    s.backdate_round(round_, opened=start - datetime.timedelta(days=45), answer_days=[2, 3, 4, 7, 8, 10, 13])
    s.backdate_goal(goal, created=start - datetime.timedelta(days=60), changed=start)


def _revised(s: GoalSeeder) -> None:
    start, end = first_of_month(s.today, -10), first_of_month(s.today, 14) - datetime.timedelta(days=1)
    goal = s.create(
        title="Osaamisen tunnistaminen tavoittaa vapaan sivistystyön opiskelijat",
        description="Kansalaisopisto ja kansanopisto järjestävät osaamisen tunnistamisen työpajoja, joista "
        "aikuinen saa kuvauksen osaamisestaan jatko-opintoja ja työnhakua varten.",
        rationale="Vapaassa sivistystyössä kertynyt osaaminen jää nyt näkymättömiin.",
        start=start,
        end=end,
        area=_AREA.COST_BENEFIT_INDIVIDUALS,
        owner="kansalaisopisto",
        agreements=["Osaamisen tunnistamisen aiesopimus"],
    )
    first = s.endorse(
        goal,
        [
            ("keski-suomen-opisto", _AGREE, ""),
            ("kansalaisopisto", _AGREE, ""),
            ("gradia", _RESERVATIONS, "Tunnistamisen kriteerit on sovittava yhdessä ammatillisen koulutuksen kanssa."),
            ("jamk", _AGREE, ""),
            ("tyollisyyspalvelut", _AGREE, ""),
            ("monikulttuuriyhdistys", _AGREE, ""),
        ],
    )
    services.goal_set_status(goal=goal, status=GoalStatus.IN_PROGRESS, user=s.coordinator)
    workshops = s.indicator(
        goal,
        owner="kansalaisopisto",
        name="Tunnistamisen työpajoihin osallistuneet (kertymä)",
        unit="henkilöä",
        direction=Indicator.Direction.INCREASE,
        baseline_value=Decimal(0),
        baseline_date=start,
        target_value=Decimal(240),
        target_date=end,
        frequency=Indicator.Frequency.QUARTERLY,
    )
    s.measure(workshops, until=s.today, lead=Decimal("-0.02"))
    revised_on = s.days_ago(5)
    services.goal_update(
        goal=goal,
        user=s.coordinator,
        data={
            "description": goal.description + " Työpajoja järjestetään myös verkossa ja selkosuomeksi.",
            "period_end": add_months(end, 6),
        },
        summary="Ohjausryhmä lisäsi verkkotyöpajat ja jatkoi tavoitekautta puolella vuodella.",
    )
    second = EndorsementRound.objects.open().get(goal=goal)
    s.answer(
        goal,
        [
            ("kansalaisopisto", _AGREE, ""),
            ("keski-suomen-opisto", _AGREE, ""),
            ("jyu", _RESERVATIONS, "Verkkotyöpajojen saavutettavuus on varmistettava ennen syksyä."),
        ],
    )
    s.backdate_round(first, opened=start - datetime.timedelta(days=30), answer_days=[1, 2, 5, 6, 8, 11])
    s.backdate_round(second, opened=revised_on, answer_days=[1, 2, 4])
    s.backdate_goal(goal, created=start - datetime.timedelta(days=40), changed=revised_on, revisions=[revised_on])


def _agreed(s: GoalSeeder) -> None:
    start, end = first_of_month(s.today, 0), first_of_month(s.today, 12) - datetime.timedelta(days=1)
    goal = s.create(
        title="Ohjaajien osaaminen vahvistuu yhteisellä koulutuksella",
        description="Verkoston ohjaajat osallistuvat yhteiseen koulutukseen aikuisten ura- ja opinto-ohjauksesta, "
        "monikielisestä ohjauksesta ja digitaalisista ohjausvälineistä.",
        rationale="Yhteinen koulutus luo yhteisen ohjauskäsityksen ja tutustuttaa ohjaajat toisiinsa.",
        start=start,
        end=end,
        area=_AREA.PRACTITIONER_COMPETENCE,
        owner="jamk",
        agreements=["Aikuisohjauksen kumppanuussopimus"],
    )
    round_ = s.endorse(
        goal,
        [
            ("tyollisyyspalvelut", _OBJECT, "Uraohjaajien työaika ei riitä koulutukseen ennen ensi vuotta."),
            *[answer for answer in _MAJORITY if answer[0] != "tyollisyyspalvelut"],
            ("jyu", _AGREE, ""),
        ],
    )
    s.indicator(
        goal,
        owner="jamk",
        name="Koulutukseen osallistuneet ohjaajat",
        unit="henkilöä",
        direction=Indicator.Direction.INCREASE,
        baseline_value=Decimal(0),
        baseline_date=start,
        target_value=Decimal(60),
        target_date=end,
        frequency=Indicator.Frequency.QUARTERLY,
    )
    opened = s.days_ago(30)
    s.backdate_round(round_, opened=opened, answer_days=[1, 2, 3, 5, 6, 8, 9])
    s.backdate_goal(goal, created=s.days_ago(35), changed=opened + datetime.timedelta(days=9))


def _under_endorsement(s: GoalSeeder) -> None:
    start, end = first_of_month(s.today, 0), first_of_month(s.today, 24) - datetime.timedelta(days=1)
    goal = s.create(
        title="Työkyvyn tuen asiakkaat ohjautuvat koulutukseen",
        description="Hyvinvointialueen työkyvyn tuen asiakkaille tarjotaan ohjausta koulutukseen yhteisessä "
        "asiakastapaamisessa, jossa ovat mukana sosiaaliohjaaja ja opinto-ohjaaja.",
        rationale="Osatyökykyisten koulutuspolut katkeavat usein palvelujen rajalla.",
        start=start,
        end=end,
        area=_AREA.SERVICE_PROVISION,
        owner="hyvinvointialue",
        agreements=["Ohjaamon palvelusopimus"],
    )
    round_ = s.endorse(
        goal,
        [
            ("hyvinvointialue", _AGREE, ""),
            ("jamk", _AGREE, ""),
            ("keski-kirjastot", _RESERVATIONS, "Kirjastot voivat tarjota tiloja, mutta eivät ohjaajia."),
            ("ohjaamo-jyvaskyla", _OBJECT, "Tavoite on päällekkäinen Ohjaamon oman työkykyhankkeen kanssa."),
        ],
    )
    s.indicator(
        goal,
        owner="hyvinvointialue",
        name="Koulutukseen ohjautuneet työkyvyn tuen asiakkaat",
        unit="henkilöä",
        direction=Indicator.Direction.INCREASE,
        baseline_value=Decimal(10),
        baseline_date=start,
        target_value=Decimal(40),
        target_date=end,
        frequency=Indicator.Frequency.HALF_YEARLY,
    )
    opened = s.days_ago(6)
    s.backdate_round(round_, opened=opened, answer_days=[0, 1, 3, 4])
    s.backdate_goal(goal, created=s.days_ago(12), changed=opened)


def _proposed(s: GoalSeeder) -> None:
    proposer = s.representatives["keski-kirjastot"]
    goal = s.create(
        title="Kirjastoista aikuisten ohjauksen kohtaamispaikkoja",
        description="Ohjaajat pitävät säännöllisiä ohjausiltoja maakunnan kirjastoissa, ja kirjastojen digituki "
        "ohjaa asiakkaat tarvittaessa ohjaukseen.",
        rationale="Kirjasto on matalan kynnyksen paikka, jonne moni aikuinen tulee muutenkin.",
        start=first_of_month(s.today, 2),
        end=first_of_month(s.today, 14) - datetime.timedelta(days=1),
        area=_AREA.USER_INVOLVEMENT,
        owner="keski-kirjastot",
        agreements=["Kirjastojen ja aikuisohjauksen yhteistyö"],
        user=proposer,
    )
    s.backdate_goal(goal, created=s.days_ago(4), changed=s.days_ago(4))


def _dropped(s: GoalSeeder) -> None:
    start, end = first_of_month(s.today, -9), first_of_month(s.today, 15) - datetime.timedelta(days=1)
    goal = s.create(
        title="Monikielinen ohjaus laajenee koko maakuntaan",
        description="Monikielisen ohjauksen kokeilu laajennetaan Jyväskylästä maakunnan muihin kuntiin.",
        rationale="Maahanmuuttaneita aikuisia asuu yhä enemmän myös pienemmissä kunnissa.",
        start=start,
        end=end,
        area=_AREA.USER_INVOLVEMENT,
        owner="monikulttuuriyhdistys",
        agreements=["Monikielisen ohjauksen kokeilu"],
    )
    round_ = s.endorse(
        goal,
        [
            ("monikulttuuriyhdistys", _AGREE, ""),
            ("kansalaisopisto", _RESERVATIONS, "Tulkkien saatavuus pienissä kunnissa on epävarma."),
            ("tyollisyyspalvelut", _OBJECT, "Kokeilun rahoitus päättyy, eikä laajentamiseen ole varoja."),
        ],
    )
    dropped_on = s.days_ago(60)
    services.goal_set_status(
        goal=goal,
        status=GoalStatus.DROPPED,
        user=s.coordinator,
        reason="Kokeilun rahoitus päättyi ja toiminta siirtyi kansalaisopiston omaksi palveluksi; "
        "laajentamiseen palataan, jos uutta rahoitusta saadaan.",
    )
    # Endorsement was opened two weeks before the goal was dropped (before its deadline).
    opened = dropped_on - datetime.timedelta(days=14)
    s.backdate_round(round_, opened=opened, answer_days=[2, 3, 6])
    EndorsementRound.objects.filter(pk=round_.pk).update(closed_at=moment(dropped_on, 16))
    s.backdate_goal(goal, created=opened - datetime.timedelta(days=7), changed=dropped_on)
