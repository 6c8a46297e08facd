"""Query budgets of the goal board and the goal page (HOUSE-STYLE rule 22): the same number of
queries with 5 goals as with 500, each with indicators and measurements, and with a goal page whose goal
grows many indicators, measurements, agreements, rounds and answers."""

import datetime
import itertools

import pytest
from django.urls import reverse

from networks.goals import endorsement
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalRevision, GoalStatus, Indicator, Measurement
from networks.memberships.models import Membership, NetworkRole
from partners.agreements.models import Agreement
from tests import factories
from tests.querybudget import assert_budget

AREAS = itertools.cycle(Goal.Area.values)
STATUSES = itertools.cycle([GoalStatus.PROPOSED, GoalStatus.AGREED, GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED])
_counter = itertools.count()


def _bulk_goals(network, organisation, owner, n, *, indicators=2, measurements=4):
    """``n`` goals of ``network`` with their first revisions, each with ``indicators`` indicators of
    ``measurements`` measurements: a few bulk inserts, however many."""
    goals = Goal.objects.bulk_create(
        Goal(
            network=network,
            title=f"Massatavoite {next(_counter)}",
            description="Kuvaus",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2027, 12, 31),
            quality_area=next(AREAS),
            status=next(STATUSES),
            owner_organisation=organisation,
        )
        for _ in range(n)
    )
    GoalRevision.objects.bulk_create(
        GoalRevision(
            goal=goal,
            number=1,
            title=goal.title,
            description=goal.description,
            period_start=goal.period_start,
            period_end=goal.period_end,
        )
        for goal in goals
    )
    _bulk_indicators(goals, owner, indicators, measurements)
    return goals


def _bulk_indicators(goals, owner, indicators, measurements):
    made = Indicator.objects.bulk_create(
        Indicator(
            goal=goal,
            name=f"Mittari {number}",
            baseline_value=10,
            baseline_date=datetime.date(2026, 1, 1),
            target_value=30,
            target_date=datetime.date(2026, 12, 31),
            owner=owner,
            position=number,
        )
        for goal in goals
        for number in range(indicators)
    )
    Measurement.objects.bulk_create(
        Measurement(indicator=indicator, measured_on=datetime.date(2026, month + 1, 1), value=10 + month)
        for indicator in made
        for month in range(measurements)
    )


@pytest.fixture
def world(network, organisation, partner_organisation, coordinator, member, agreement):
    """5 goals in the cast's network; the page's goal under endorsement with one answer, an indicator with
    a measurement and a linked agreement."""
    goal = factories.GoalFactory(network=network, owner_organisation=organisation, contact=coordinator)
    goal.agreements.add(agreement)
    _bulk_indicators([goal], member, 1, 1)
    endorsement.endorsement_open(goal=goal, user=coordinator)
    endorsement.endorsement_answer(goal=goal, organisation=organisation, user=member, answer="agree")
    _bulk_goals(network, organisation, member, 4)
    _meeting_records(network, coordinator, member, goal, 1)
    return goal


def _meeting_records(network, organiser, owner, goal, n):
    """``n`` approved meetings of ``network``, each with an agenda item linked to ``goal`` that has a decision
    linked to it and an action item (the goal page lists them)."""
    for _ in range(n):
        meeting = factories.MeetingFactory(network=network, organiser=organiser, status="minutes_approved")
        item = factories.AgendaItemFactory(meeting=meeting, goal=goal)
        factories.DecisionFactory(item=item, goal=goal)
        factories.ActionItemFactory(item=item, owner=owner)


def _grow(network, organisation, member, goal):
    def grow():
        _bulk_goals(network, organisation, member, 495)
        _meeting_records(network, member, member, goal, 10)
        # The page's goal: many indicators and measurements, agreements, old rounds, members and answers.
        _bulk_indicators([goal], member, 30, 12)
        goal.agreements.add(
            *Agreement.objects.bulk_create(
                Agreement(network=network, title=f"Lisäsopimus {number}", kind="cooperation") for number in range(20)
            )
        )
        orgs = factories.OrganisationFactory.create_batch(40)
        Membership.objects.bulk_create(Membership(network=network, organisation=org, status="active") for org in orgs)
        people = factories.UserFactory.create_batch(40)
        NetworkRole.objects.bulk_create(NetworkRole(network=network, user=person, role="member") for person in people)
        revision = goal.revisions.get()
        rounds = EndorsementRound.objects.bulk_create(
            EndorsementRound(
                goal=goal, revision=revision, rule="all", deadline=datetime.date(2025, 1, 1), outcome="not_reached"
            )
            for _ in range(3)
        )
        open_round = goal.rounds.open().get()
        Endorsement.objects.bulk_create(
            Endorsement(round=round_, organisation=org, answer="reservations", reason="Varauma.", answered_by=person)
            for round_ in [*rounds, open_round]
            for org, person in zip(orgs, people, strict=True)
        )

    return grow


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
@pytest.mark.parametrize("group", ["status", "area"])
def test_the_board_does_not_grow_with_the_goals(
    request, client_for, network, organisation, member, world, viewer, group
):
    client = client_for(request.getfixturevalue(viewer))
    url = reverse("goals:goal_board", kwargs={"slug": network.slug}) + f"?group={group}&year=2026"
    # session, user, MFA check, network, owner choices, the viewer's role in the network, the paginator's count,
    # a page of goals (owner, indicator count, open deadline), group totals. The role is asked once: the
    # network's access is kept for the request, so the coordinator's buttons ("edit") no longer ask it a second
    # time after the propose button ("take_part") did (10 → 9).
    assert_budget(client, url, budget=10, grow=_grow(network, organisation, member, world))


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_goal_page_does_not_grow_with_the_goals(request, client_for, network, organisation, member, world, viewer):
    client = client_for(request.getfixturevalue(viewer))
    url = reverse("goals:goal_detail", kwargs={"pk": world.pk})
    # session, user, MFA check, the goal (network, owner, contact, proposer), agreements, rounds, answers,
    # indicators, measurements, the viewer's role, the endorsement panel's active members; + 3 for the meetings
    #: the decisions linked to the goal, the agenda items linked to it and their action items; + 1 for the
    #: glossary: the network's agreed terms, marked in the description; + 1 for the header's unread count
    assert_budget(client, url, budget=16, grow=_grow(network, organisation, member, world))


@pytest.mark.django_db
def test_the_index_does_not_grow_with_the_goals(client_for, network, organisation, member, world):
    def grow():
        _grow(network, organisation, member, world)()
        for _ in range(10):
            other = factories.NetworkFactory()
            factories.NetworkRoleFactory(network=other, user=member)
            _bulk_goals(other, organisation, member, 20, indicators=1, measurements=1)

    # session, user, MFA check, the networks with their counts
    assert_budget(client_for(member), reverse("goals:goal_index"), budget=5, grow=grow)
