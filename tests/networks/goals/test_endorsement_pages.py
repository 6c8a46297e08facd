"""Endorsement pages of shared goals: answering through the page, access, the rule and
opening pages, the history of revisions and answers, and the goal page's panel."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks.goals import endorsement, services
from networks.goals.endorsement_panel import endorsement_panel
from networks.goals.models import Endorsement, EndorsementRound, Goal
from networks.goals.selectors import goal_page
from networks.memberships.models import EndorsementRule
from portal.access import can
from tests import factories
from tests.networks.goals.endorsement_cast import (
    EN,
    A,
    O,
    S,
    add_member,
    agreed,
    answer,
    reload,
    three_members,
    today,
    url,
)
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English (the portal's default language is Finnish)."""
    with translation.override("en"):
        yield


@pytest.fixture
def three(network, organisation, member, partner_organisation):
    """The cast organisation (the member represents it), Gradia and Omnia, each with a representative."""
    return three_members(network, organisation, member, partner_organisation)


def test_a_deputy_answers_and_a_person_representing_two_chooses(goal, three, coordinator, network, client):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    # the member is also Omnia's deputy
    network.memberships.filter(organisation=three.orgs[2]).update(deputy=three.reps[0])
    client.force_login(three.reps[0])
    response = client.get(url("endorsement_answer", goal), headers=EN)
    assert response.status_code == 200
    choices = [choice for choice, _label in response.context["form"].fields["organisation"].choices]
    assert sorted(int(str(choice)) for choice in choices) == sorted([three.orgs[0].pk, three.orgs[2].pk])
    response = client.post(
        url("endorsement_answer", goal),
        {"organisation": three.orgs[2].pk, "answer": A.AGREE, "reason": "", "round": round_.pk},
    )
    assert response.status_code == 302
    assert Endorsement.objects.get().answered_by == three.reps[0]


def test_the_answer_form_wants_a_reason_for_a_reservation(goal, three, coordinator, client):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    client.force_login(three.reps[0])
    data = {"organisation": three.orgs[0].pk, "answer": A.RESERVATIONS, "reason": "  ", "round": round_.pk}
    response = client.post(url("endorsement_answer", goal), data, headers=EN)
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert not Endorsement.objects.exists()


def test_an_answer_through_the_page_and_the_goal_agreed(goal, three, coordinator, client):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[1], three.reps[1])
    answer(goal, three.orgs[2], three.reps[2])
    client.force_login(three.reps[0])
    data = {"organisation": three.orgs[0].pk, "answer": A.RESERVATIONS, "reason": "Aikataulu", "round": round_.pk}
    response = client.post(url("endorsement_answer", goal), data, headers=EN, follow=True)
    assert response.redirect_chain[-1][0] == url("goal_detail", goal)
    texts = [str(message) for message in response.context["messages"]]
    assert any("has been recorded" in text for text in texts)
    assert any("agreed the goal" in text for text in texts)
    assert reload(goal).status == S.AGREED


def test_a_stale_answer_form_after_a_revision_is_refused(goal, three, coordinator, client):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    services.goal_update(goal=goal, user=coordinator, data={"title": "Uusi"}, summary="Muutos.")
    client.force_login(three.reps[0])
    data = {"organisation": three.orgs[0].pk, "answer": A.AGREE, "round": round_.pk}
    response = client.post(url("endorsement_answer", goal), data)
    assert response.status_code == 302
    assert not Endorsement.objects.exists()


def test_the_answer_page_without_an_open_round_goes_back_to_the_goal(goal, member, client):
    client.force_login(member)
    response = client.get(url("endorsement_answer", goal))
    assert response.status_code == 302 and response.url == url("goal_detail", goal)


# --- access -----------------------------------------------------------------------------------------

ROLES = ("anonymous", "outsider", "observer", "member", "coordinator", "admin")


def _statuses(client_for, cast, method, target, data=None):
    result = {}
    for role in ROLES:
        client = client_for(cast[role])
        response = client.get(target) if method == "get" else client.post(target, data or {})
        result[role] = response.status_code
    return result


def test_access_to_the_rule_page(client_for, cast, network):
    target = reverse("goals:goal_rule", kwargs={"slug": network.slug})
    expected = dict(zip(ROLES, (302, 404, 403, 403, 200, 200), strict=True))
    assert _statuses(client_for, cast, "get", target) == expected
    assert _statuses(client_for, cast, "post", target) == expected


def test_access_to_opening_endorsement(client_for, cast, goal):
    expected = dict(zip(ROLES, (302, 404, 403, 403, 200, 200), strict=True))
    assert _statuses(client_for, cast, "get", url("endorsement_open", goal)) == expected
    assert _statuses(client_for, cast, "post", url("endorsement_open", goal)) == expected
    assert not EndorsementRound.objects.exists()


def test_access_to_answering(client_for, cast, goal):
    endorsement.endorsement_open(goal=goal, user=cast["coordinator"])
    expected = dict(zip(ROLES, (302, 404, 403, 200, 403, 200), strict=True))
    assert _statuses(client_for, cast, "get", url("endorsement_answer", goal)) == expected
    assert _statuses(client_for, cast, "post", url("endorsement_answer", goal)) == expected
    assert not Endorsement.objects.exists()


def test_access_to_the_history(client_for, cast, goal):
    endorsement.endorsement_open(goal=goal, user=cast["coordinator"])
    expected = dict(zip(ROLES, (302, 404, 200, 200, 200, 200), strict=True))
    assert _statuses(client_for, cast, "get", url("goal_endorsements", goal)) == expected
    assert client_for(cast["member"]).post(url("goal_endorsements", goal)).status_code == 405


# --- the pages -------------------------------------------------------------------------------------


def test_setting_the_rule(client, coordinator, network):
    client.force_login(coordinator)
    target = reverse("goals:goal_rule", kwargs={"slug": network.slug})
    data = {"goal_rule": EndorsementRule.MAJORITY, "goal_rule_size": "", "goal_endorsement_days": 10}
    response = client.post(target, data, headers=EN)
    assert response.status_code == 200 and "goal_rule_size" in response.context["form"].errors
    response = client.post(target, {**data, "goal_endorsement_days": 0, "goal_rule_size": 9})
    assert response.status_code == 200 and "goal_endorsement_days" in response.context["form"].errors
    response = client.post(target, {**data, "goal_rule_size": 9, **version_of(network)})
    assert response.status_code == 302
    network.refresh_from_db()
    assert (network.goal_rule, network.goal_rule_size, network.goal_endorsement_days) == ("majority", 9, 10)
    response = client.post(
        target, {"goal_rule": "all", "goal_rule_size": 9, "goal_endorsement_days": 21, **version_of(network)}
    )
    network.refresh_from_db()
    assert (network.goal_rule, network.goal_rule_size) == ("all", None)


def test_opening_endorsement_through_the_page_tells_the_representatives(
    client, goal, three, coordinator, network, mailoutbox, django_capture_on_commit_callbacks
):
    deputy = factories.UserFactory(email="varahenkilo@example.fi")
    network.memberships.filter(organisation=three.orgs[1]).update(deputy=deputy)
    client.force_login(coordinator)
    response = client.get(url("endorsement_open", goal), headers=EN)
    assert response.status_code == 200
    assert response.context["form"]["deadline"].value() == today() + datetime.timedelta(days=21)
    past = (today() - datetime.timedelta(days=1)).isoformat()
    response = client.post(url("endorsement_open", goal), {"deadline": past})
    assert response.status_code == 200 and "deadline" in response.context["form"].errors
    deadline = today() + datetime.timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("endorsement_open", goal), {"deadline": deadline.isoformat()})
    assert response.status_code == 302
    assert EndorsementRound.objects.get().deadline == deadline
    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == sorted([r.email for r in three.reps] + ["varahenkilo@example.fi"])
    message = next(m for m in mailoutbox if m.to == [three.reps[0].email])
    assert goal.title in message.subject
    assert url("endorsement_answer", goal) in message.body
    # once open, the page sends the coordinator back
    response = client.get(url("endorsement_open", goal))
    assert response.status_code == 302


def test_a_members_proposal_is_mailed_to_the_coordinators(
    network, member, coordinator, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    data = {
        "title": "Jäsenen ehdotus",
        "description": "Kuvaus",
        "rationale": "",
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2026, 12, 31),
        "quality_area": Goal.Area.USER_INVOLVEMENT,
        "owner_organisation": organisation,
        "contact": member,
    }
    with django_capture_on_commit_callbacks(execute=True):
        goal = services.goal_create(network=network, user=member, data=data)
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert "Jäsenen ehdotus" in mailoutbox[0].subject
    assert url("goal_detail", goal) in mailoutbox[0].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.goal_create(network=network, user=coordinator, data={**data, "title": "Oma"})
    assert mailoutbox == []


def test_the_history_shows_every_revision_and_every_answer(goal, three, coordinator, client, observer):
    goal = agreed(goal, three, coordinator)
    services.goal_update(goal=goal, user=coordinator, data={"title": "Toinen versio"}, summary="Laajennettu.")
    answer(goal, three.orgs[0], three.reps[0], A.OBJECT, "Liian laaja.")
    answer(goal, three.orgs[0], three.reps[0], A.RESERVATIONS, "No, käy.")
    client.force_login(observer)
    response = client.get(url("goal_endorsements", goal), headers=EN)
    assert response.status_code == 200
    html = response.content.decode()
    revisions = response.context["revisions"]
    assert [revision.number for revision in revisions] == [2, 1]
    assert [len(revision.round_list) for revision in revisions] == [1, 1]
    assert len(revisions[0].round_list[0].answers.all()) == 2
    for text in ("Toinen versio", "Ohjauksen saavutettavuus paranee", "Laajennettu.", "Liian laaja.", "No, käy."):
        assert text in html
    assert "replaced by a later answer" in html
    assert html.count(three.orgs[1].name) >= 1 and str(three.reps[2]) in html


def test_the_history_page_takes_the_same_queries_however_long(goal, three, coordinator, client, observer):
    client.force_login(observer)
    endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    with CaptureQueriesContext(connection) as small:
        client.get(url("goal_endorsements", goal))
    for number in range(4):
        services.goal_update(goal=goal, user=coordinator, data={"title": f"Versio {number}"}, summary="Muutos.")
        for org, rep in zip(three.orgs[:2], three.reps[:2], strict=True):
            answer(goal, org, rep, A.OBJECT)
            answer(goal, org, rep)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url("goal_endorsements", goal))
    assert response.status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)


# --- the panel on the goal page --------------------------------------------------------------------


def test_the_panel_says_who_has_answered_and_who_has_not(goal, three, coordinator, network, member):
    for name in ("Neljäs", "Viides", "Kuudes"):
        add_member(network, name)
    endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    answer(goal, three.orgs[1], three.reps[1], A.RESERVATIONS)
    answer(goal, three.orgs[2], three.reps[2], A.OBJECT)
    page_goal = goal_page().get(pk=goal.pk)
    panel = endorsement_panel(page_goal, member)
    assert panel["progress"] == "2 of 6 in favour, 3 missing, 1 objection"
    assert [row.name for row in panel["answered"]] == ["Gradia", "Jyväskylän kansalaisopisto", "Omnia"]
    assert [row.name for row in panel["missing"]] == ["Kuudes", "Neljäs", "Viides"]
    assert (
        panel["may_answer"]
        and not panel["may_open"]
        and [row.name for row in panel["my_rows"]] == ["Jyväskylän kansalaisopisto"]
    )
    assert panel["deadline"] == today() + datetime.timedelta(days=21) and panel["days_left"] == 21
    coordinator_panel = endorsement_panel(goal_page().get(pk=goal.pk), coordinator)
    assert not coordinator_panel["may_answer"] and not coordinator_panel["may_open"]


def test_the_panel_example_four_of_six(goal, three, coordinator, network, member):
    others = [add_member(network, name) for name in ("Neljäs", "Viides", "Kuudes")]
    endorsement.endorsement_open(goal=goal, user=coordinator)
    for org, rep in zip(three.orgs, three.reps, strict=True):
        answer(goal, org, rep)
    answer(goal, others[0][0], others[0][1])
    panel = endorsement_panel(goal_page().get(pk=goal.pk), member)
    assert panel["progress"] == "4 of 6 in favour, 2 missing"


def test_the_panel_takes_one_query(goal, three, coordinator, member):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    page_goal = goal_page().get(pk=goal.pk)
    can(member, page_goal, "manage")  # the page asks this anyway (the person's role, once per request)
    with CaptureQueriesContext(connection) as queries:
        panel = endorsement_panel(page_goal, member)
        assert page_goal.permits(member, "answer")  # answered from the panel's query
    assert len(queries.captured_queries) == 1
    assert panel["tally"].answered == 1


def test_the_panel_before_endorsement_and_after(goal, three, coordinator, client, member):
    panel = endorsement_panel(goal_page().get(pk=goal.pk), coordinator)
    assert panel["round"] is None and panel["may_open"] and not panel["may_answer"]
    goal = agreed(goal, three, coordinator)
    panel = endorsement_panel(goal_page().get(pk=goal.pk), member)
    assert panel["round"].outcome == O.AGREED and not panel["may_answer"]
    assert len(panel["answered"]) == 3


def test_the_panel_renders_on_the_goal_page(goal, three, coordinator, client, member):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[1], three.reps[1])
    client.force_login(member)
    response = client.get(url("goal_detail", goal), headers=EN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 of 3 in favour, 2 missing" in html
    assert url("endorsement_answer", goal) in html
    assert url("goal_endorsements", goal) in html
