"""Decisions: recorded per agenda item once a meeting has taken place, edited and deleted until the
minutes are approved, then changed only by a recorded amendment; the network's decision log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as services
from networks.meetings.models import Amendment, Decision, MeetingStatus
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.meetings.records_helpers import approve, meeting_that_took_place
from tests.querybudget import assert_budget
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db

EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation)


def _add_url(meeting):
    return reverse("meetings:decision_add", kwargs={"pk": meeting.pk})


def test_the_organiser_records_a_decision_linked_to_a_goal(client_for, held, coordinator, goal):
    meeting, items = held
    client = client_for(coordinator)
    assert client.get(_add_url(meeting) + f"?item={items[1].pk}").status_code == 200
    response = client.post(_add_url(meeting), {"item": items[1].pk, "text": "Päätettiin jatkaa.", "goal": goal.pk})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/meetings/{meeting.pk}/#records-{items[1].pk}")
    decision = Decision.objects.get()
    assert (decision.item, decision.goal, decision.network, decision.recorded_by) == (
        items[1],
        goal,
        meeting.network,
        coordinator,
    )
    assert decision.decided_on == timezone.localdate(meeting.starts_at)


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("outsider", 404), ("observer", 403), ("member", 403)]
)
def test_only_those_who_manage_record_decisions(client_for, cast, held, role, status):
    meeting, items = held
    response = client_for(cast[role]).post(_add_url(meeting), {"item": items[0].pk, "text": "Luvaton"})
    assert response.status_code == status
    assert not Decision.objects.exists()


def test_no_decisions_before_the_meeting_has_taken_place(client_for, network, coordinator, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)
    response = client_for(coordinator).post(_add_url(meeting), {"item": items[0].pk, "text": "Liian aikaisin"}, **EN)
    assert response.status_code == 302
    assert not Decision.objects.exists()
    with pytest.raises(DomainError):
        services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Liian aikaisin")


def test_a_goal_of_another_network_or_an_item_of_another_meeting_is_refused(
    client_for, held, coordinator, other_network, network, organisation
):
    meeting, items = held
    foreign_goal = factories.GoalFactory(network=other_network)
    response = client_for(coordinator).post(
        _add_url(meeting), {"item": items[0].pk, "text": "Pidä tämä teksti", "goal": foreign_goal.pk}, **EN
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "Pidä tämä teksti" in response.content.decode()
    _other, other_items = meeting_that_took_place(network, coordinator, organisation)
    with pytest.raises(DomainError):
        services.decision_add(meeting=meeting, item=other_items[0], user=coordinator, text="Väärä kohta")
    with pytest.raises(DomainError):
        services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="x", goal=foreign_goal)


def test_edit_and_delete_while_held_then_only_amend_after_approval(client_for, held, coordinator, member, goal):
    meeting, items = held
    decision = services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Alkuperäinen")
    client = client_for(coordinator)
    edit = reverse("meetings:decision_edit", kwargs={"pk": decision.pk})
    assert client.post(edit, {"text": "Korjattu", "goal": goal.pk, **version_of(decision)}).status_code == 302
    decision.refresh_from_db()
    assert (decision.text, decision.goal) == ("Korjattu", goal)
    assert client_for(member).get(edit).status_code == 403

    approve(meeting, coordinator)
    client = client_for(coordinator)
    response = client.get(edit)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:decision_amend", kwargs={"pk": decision.pk})
    delete = reverse("meetings:decision_delete", kwargs={"pk": decision.pk})
    assert client.post(delete, {"confirm": "yes"}).status_code == 302
    assert Decision.objects.filter(pk=decision.pk).exists()
    with pytest.raises(DomainError):
        services.decision_update(decision=decision, user=coordinator, text="Myöhässä")


def test_deleting_asks_for_confirmation(client_for, held, coordinator):
    meeting, items = held
    decision = services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Vahinko")
    client = client_for(coordinator)
    url = reverse("meetings:decision_delete", kwargs={"pk": decision.pk})
    page = client.get(url, **EN)
    assert page.status_code == 200
    assert 'name="confirm"' in page.content.decode()
    assert Decision.objects.filter(pk=decision.pk).exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not Decision.objects.filter(pk=decision.pk).exists()


def test_an_amendment_after_approval_is_recorded_with_before_after_and_reason(
    client_for, held, coordinator, member, observer
):
    meeting, items = held
    decision = services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Hyväksyttiin 100 €")
    approve(meeting, coordinator)
    url = reverse("meetings:decision_amend", kwargs={"pk": decision.pk})
    for person, status in ((member, 403), (observer, 403)):
        assert client_for(person).get(url).status_code == status
    client = client_for(coordinator)
    missing = client.post(url, {"text": "Hyväksyttiin 1000 €", "reason": "", **version_of(decision)}, **EN)
    assert missing.status_code == 200
    assert "Hyväksyttiin 1000 €" in missing.content.decode()
    assert (
        client.post(
            url, {"text": "Hyväksyttiin 1000 €", "reason": "Kirjoitusvirhe", **version_of(decision)}
        ).status_code
        == 302
    )
    amendment = Amendment.objects.get()
    assert (amendment.before, amendment.after, amendment.reason, amendment.made_by, amendment.decision) == (
        "Hyväksyttiin 100 €",
        "Hyväksyttiin 1000 €",
        "Kirjoitusvirhe",
        coordinator,
        decision,
    )
    decision.refresh_from_db()
    assert decision.text == "Hyväksyttiin 1000 €"


def test_amending_before_approval_is_not_possible(client_for, held, coordinator):
    meeting, items = held
    decision = services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Luonnos")
    url = reverse("meetings:decision_amend", kwargs={"pk": decision.pk})
    assert client_for(coordinator).get(url).status_code == 403
    with pytest.raises(DomainError):
        services.decision_amend(decision=decision, user=coordinator, text="Uusi", reason="Syy")


# --- the decision log --------------------------------------------------------------------------------


@pytest.fixture
def log(network, coordinator, member, observer, organisation, goal):
    """An approved meeting with two decisions (one linked to ``goal``) and a held one with a draft decision."""
    approved, items = meeting_that_took_place(network, coordinator, organisation, days_ago=40)
    services.decision_add(meeting=approved, item=items[0], user=coordinator, text="Hyväksyttiin talousarvio", goal=goal)
    services.decision_add(meeting=approved, item=items[1], user=coordinator, text="Valittiin puheenjohtaja")
    approve(approved, coordinator)
    draft, draft_items = meeting_that_took_place(network, coordinator, organisation, days_ago=1)
    services.decision_add(meeting=draft, item=draft_items[0], user=coordinator, text="Luonnospäätös")
    return network


def _log(network, query=""):
    return reverse("meetings:decision_log", kwargs={"slug": network.slug}) + query


def test_members_read_approved_decisions_coordinators_also_drafts(client_for, log, member, observer, coordinator):
    for person in (member, observer):
        page = client_for(person).get(_log(log), **EN).content.decode()
        assert "Hyväksyttiin talousarvio" in page and "Valittiin puheenjohtaja" in page
        assert "Luonnospäätös" not in page
    page = client_for(coordinator).get(_log(log), **EN).content.decode()
    assert "Luonnospäätös" in page
    assert "Draft minutes" in page


def test_the_log_filters_by_text_goal_and_dates(client_for, log, member, goal):
    client = client_for(member)
    page = client.get(_log(log, "?q=talousarvio")).content.decode()
    assert "Hyväksyttiin talousarvio" in page and "Valittiin puheenjohtaja" not in page
    page = client.get(_log(log, f"?goal={goal.pk}")).content.decode()
    assert "Hyväksyttiin talousarvio" in page and "Valittiin puheenjohtaja" not in page
    future = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    page = client.get(_log(log, f"?date_from={future}"), **EN).content.decode()
    assert "No decision matches the filters." in page
    # A bad value is ignored, not an error.
    assert client.get(_log(log, "?date_to=eilen&goal=x")).status_code == 200


def test_outsiders_do_not_see_the_log(client_for, log, outsider):
    assert client_for(outsider).get(_log(log)).status_code == 404
    assert client_for(None).get(_log(log)).status_code == 302


@pytest.mark.parametrize("viewer", ["coordinator", "member"])
def test_the_log_does_not_grow_with_the_decisions(
    client_for, cast, log, network, coordinator, organisation, goal, viewer
):
    def grow():
        for _ in range(3):
            meeting, items = meeting_that_took_place(network, coordinator, organisation, days_ago=60, items=5)
            for item in items:
                for number in range(12):
                    factories.DecisionFactory(item=item, goal=goal if number % 2 else None, text=f"Päätös {number}")
            approve(meeting, coordinator)

    # session, user, MFA check, network, the coordinator's right (role), goal choices, the paginator's count,
    # a page of decisions (meeting, item, goal)
    assert_budget(client_for(cast[viewer]), _log(log), budget=9, grow=grow)
