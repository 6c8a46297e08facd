"""Shared goals on the dashboard: goals waiting for the person's organisation's answer, and for
coordinators the proposals waiting for endorsement to be opened."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.goals import selectors
from networks.goals.endorsement import endorsement_answer, endorsement_open
from networks.goals.models import EndorsementRound, Goal
from networks.goals.services import goal_create, goal_update
from networks.memberships.models import Membership
from portal.lib.access import MembershipStatus
from tests import factories
from tests.querybudget import assert_budget

HOME = "/"
EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def open_goal(goal, coordinator, partner_organisation):
    """The cast goal under endorsement; two active members (organisation and partner), neither has answered."""
    endorsement_open(goal=goal, user=coordinator)
    return goal


def _data(**overrides):
    return {
        "title": "Kirjastot ohjauksen kohtaamispaikoiksi",
        "description": "Ohjausiltoja kirjastoissa.",
        "rationale": "",
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2026, 12, 31),
        "quality_area": Goal.Area.USER_INVOLVEMENT,
        "owner_organisation": None,
        "contact": None,
        **overrides,
    }


@pytest.mark.django_db
def test_representative_sees_goals_waiting_for_the_organisations_answer(client_for, member, open_goal, organisation):
    response = client_for(member).get(HOME, **EN)
    assert "Goals waiting for your organisation's answer" in response.text
    assert reverse("goals:endorsement_answer", kwargs={"pk": open_goal.pk}) in response.text
    assert organisation.name in response.text

    endorsement_answer(goal=open_goal, organisation=organisation, user=member, answer="agree")
    response = client_for(member).get(HOME, **EN)
    assert "goals-awaiting-answer" not in response.text


@pytest.mark.django_db
def test_deputy_sees_it_too_but_not_observers_or_outsiders(client_for, observer, outsider, open_goal, organisation):
    deputy = factories.UserFactory()
    Membership.objects.filter(organisation=organisation, network=open_goal.network).update(deputy=deputy)
    assert [r.goal for r in selectors.goals_awaiting_answer(user=deputy)] == [open_goal]
    for person in (observer, outsider):
        assert selectors.goals_awaiting_answer(user=person) == []
        assert "goals-awaiting-answer" not in client_for(person).get(HOME).text


@pytest.mark.django_db
def test_not_waiting_when_the_membership_is_paused_or_the_deadline_passed(member, open_goal, organisation):
    round_ = EndorsementRound.objects.get(goal=open_goal)
    [waiting] = selectors.goals_awaiting_answer(user=member)
    assert waiting.pk == round_.pk and waiting.my_organisation_names == [organisation.name]
    assert waiting.awaiting_count == 1

    EndorsementRound.objects.filter(pk=round_.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    assert selectors.goals_awaiting_answer(user=member) == []

    EndorsementRound.objects.filter(pk=round_.pk).update(deadline=timezone.localdate())
    assert len(selectors.goals_awaiting_answer(user=member)) == 1
    Membership.objects.filter(organisation=organisation, network=open_goal.network).update(
        status=MembershipStatus.PAUSED
    )
    assert selectors.goals_awaiting_answer(user=member) == []


@pytest.mark.django_db
def test_coordinator_sees_proposals_and_revised_goals_waiting_for_endorsement(
    client_for, coordinator, member, network, goal, partner_organisation, organisation
):
    proposal = goal_create(network=network, user=member, data=_data())
    # A revised goal whose round ended without agreement waits for endorsement to be opened again.
    revised = factories.GoalFactory(network=network, title="Uudistettu tavoite")
    endorsement_open(goal=revised, user=coordinator)
    endorsement_answer(goal=revised, organisation=organisation, user=member, answer="agree")
    Membership.objects.filter(organisation=partner_organisation).update(representative=coordinator)
    endorsement_answer(goal=revised, organisation=partner_organisation, user=coordinator, answer="agree")
    revised.refresh_from_db()
    assert revised.status == Goal.Status.AGREED
    goal_update(goal=revised, user=coordinator, data={"description": "Uusi teksti."}, summary="Tarkennettu.")
    EndorsementRound.objects.filter(goal=revised, outcome="open").update(outcome="not_reached")
    # A goal under endorsement waits for the members, not the coordinator.
    endorsement_open(goal=factories.GoalFactory(network=network), user=coordinator)

    waiting = selectors.goal_proposals_waiting(network_ids=[network.pk])
    assert {g.pk for g in waiting} == {goal.pk, proposal.pk, revised.pk}
    assert waiting[0].waiting_count == 3

    response = client_for(coordinator).get(HOME, **EN)
    assert "Goal proposals waiting for you" in response.text
    assert reverse("goals:goal_detail", kwargs={"pk": proposal.pk}) in response.text
    assert "revised; endorsement to be opened again" in response.text
    # Members do not get the coordinator's list.
    assert "goal-proposals" not in client_for(member).get(HOME).text


@pytest.mark.django_db
def test_coordinator_dashboard_queries_do_not_grow_with_goals(client_for, coordinator, network, open_goal):
    # The coordinator represents the second member: the answer list shows the open goal.
    Membership.objects.filter(network=network).exclude(organisation=open_goal.owner_organisation).update(
        representative=coordinator
    )

    def grow():
        for _ in range(30):
            factories.GoalFactory(network=network)
            endorsement_open(goal=factories.GoalFactory(network=network), user=coordinator)

    # session, user, MFA check, networks, affiliations, agreements awaiting signature, goals awaiting an
    # answer; for a coordinator: the to-do list, the agreement to-do list and the goal proposals; + 2 for meetings
    # the person's open action items and their next meetings; survey rounds: the surveys waiting for the
    # person's organisations and the response rate of the open rounds they coordinate; the trust trend; joint
    # activities: the upcoming activities and the organisations with no new contacts this year; the latest news;
    # the header's unread count
    assert_budget(client_for(coordinator), HOME, budget=19, grow=grow)
