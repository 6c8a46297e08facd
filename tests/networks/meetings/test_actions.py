"""Action items: recorded at a held meeting with an owner and a due date; their status changed by the
owner, the organiser and the coordinators; the person's own list, the network's list, the dashboard, the goal
page and the meeting page's records of each item."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as services
from networks.meetings.access import MEETING_PAGE
from networks.meetings.models import ActionItem, ActionStatus, Invitee, MeetingStatus
from networks.meetings.selectors.pages import meeting_page
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


def _due(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _action(meeting, item, coordinator, owner, *, days=14, what="Kokoaa palautteen"):
    return services.action_add(meeting=meeting, item=item, user=coordinator, what=what, owner=owner, due_on=_due(days))


def test_the_organiser_records_an_action_item_for_the_owners_organisation(client_for, held, coordinator, member):
    meeting, items = held
    client = client_for(coordinator)
    url = reverse("meetings:action_add", kwargs={"pk": meeting.pk})
    assert client.get(url + f"?item={items[0].pk}").status_code == 200
    response = client.post(
        url, {"item": items[0].pk, "what": "Kokoaa palautteen", "owner": member.pk, "due_on": _due(14).isoformat()}
    )
    assert response.status_code == 302
    action = ActionItem.objects.get()
    # The organisation defaults to the one the owner was invited through.
    invitee = Invitee.objects.get(meeting=meeting, user=member)
    assert (action.owner, action.organisation, action.status, action.created_by) == (
        member,
        invitee.organisation,
        ActionStatus.OPEN,
        coordinator,
    )
    assert action.organisation is not None


def test_the_owner_must_be_of_the_network_or_invited(client_for, held, coordinator, outsider):
    meeting, items = held
    url = reverse("meetings:action_add", kwargs={"pk": meeting.pk})
    data = {"item": items[0].pk, "what": "Ulkopuolinen", "owner": outsider.pk, "due_on": _due(5).isoformat()}
    response = client_for(coordinator).post(url, data, **EN)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(DomainError):
        services.action_add(meeting=meeting, item=items[0], user=coordinator, what="x", owner=outsider, due_on=_due(5))


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("outsider", 404), ("observer", 403), ("member", 403)]
)
def test_only_those_who_manage_record_action_items(client_for, cast, held, role, status):
    meeting, _items = held
    assert client_for(cast[role]).get(reverse("meetings:action_add", kwargs={"pk": meeting.pk})).status_code == status


def test_no_action_items_on_a_planned_meeting(network, coordinator, member, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)
    with pytest.raises(DomainError):
        _action(meeting, items[0], coordinator, member)


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("outsider", 404), ("observer", 403), ("member", 200), ("coordinator", 200), ("admin", 200)],
)
def test_the_owner_organiser_and_coordinators_change_the_status(
    client_for, cast, held, coordinator, member, role, status
):
    meeting, items = held
    action = _action(meeting, items[0], coordinator, member)
    url = reverse("meetings:action_status", kwargs={"pk": action.pk})
    assert client_for(cast[role]).get(url).status_code == status


def test_the_owner_marks_it_done_and_dropping_needs_a_note(client_for, held, coordinator, member):
    meeting, items = held
    action = _action(meeting, items[0], coordinator, member)
    client = client_for(member)
    url = reverse("meetings:action_status", kwargs={"pk": action.pk})
    response = client.post(url, {"status": "dropped", "note": "", **version_of(action)}, **EN)
    assert response.status_code == 200
    assert "Say why the action item is dropped." in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    response = client.post(
        url, {"status": "done", "note": "Valmis", "next": reverse("meetings:my_actions"), **version_of(action)}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:my_actions")
    action.refresh_from_db()
    assert (action.status, action.status_note) == (ActionStatus.DONE, "Valmis")
    assert action.status_changed_at is not None
    # An outside address is never followed.
    response = client.post(url, {"status": "open", "next": "https://evil.example.com/", **version_of(action)})
    assert response["Location"].startswith(f"/meetings/{meeting.pk}/")


def test_my_action_items_open_first(client_for, held, coordinator, member):
    meeting, items = held
    done = _action(meeting, items[0], coordinator, member, days=-5, what="Valmis tehtävä")
    services.action_set_status(action=done, user=member, status=ActionStatus.DONE)
    _action(meeting, items[0], coordinator, member, days=20, what="Avoin tehtävä")
    _action(meeting, items[0], coordinator, coordinator, days=1, what="Jonkun muun tehtävä")
    page = client_for(member).get(reverse("meetings:my_actions"), **EN).content.decode()
    assert page.index("Avoin tehtävä") < page.index("Valmis tehtävä")
    assert "Jonkun muun tehtävä" not in page


def test_the_networks_action_items_filtered(client_for, held, coordinator, member, observer, outsider):
    meeting, items = held
    done = _action(meeting, items[0], coordinator, member, what="Tehty asia")
    services.action_set_status(action=done, user=member, status=ActionStatus.DONE)
    _action(meeting, items[0], coordinator, coordinator, what="Koordinaattorin asia")
    url = reverse("meetings:network_actions", kwargs={"slug": meeting.network.slug})
    # Action items are part of the minutes: an observer who did not attend sees them once approved.
    assert "Tehty asia" not in client_for(observer).get(url).content.decode()
    approve(meeting, coordinator)
    page = client_for(observer).get(url + "?status=done").content.decode()
    assert "Tehty asia" in page and "Koordinaattorin asia" not in page
    page = client_for(observer).get(url + f"?owner={coordinator.pk}").content.decode()
    assert "Tehty asia" not in page and "Koordinaattorin asia" in page
    assert client_for(observer).get(url + "?owner=x&status=nonsense").status_code == 200
    assert client_for(outsider).get(url).status_code == 404


def _many(network, coordinator, organisation, owner, n):
    meeting, items = meeting_that_took_place(network, coordinator, organisation, items=3)
    ActionItem.objects.bulk_create(
        ActionItem(
            network=network,
            meeting=meeting,
            item=items[number % 3],
            what=f"Massatehtävä {number}",
            owner=owner,
            organisation=organisation,
            due_on=_due(number - n // 2),
            status=[ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED][number % 3],
        )
        for number in range(n)
    )


@pytest.mark.parametrize("viewer", ["member", "observer"])
def test_the_network_list_does_not_grow(client_for, cast, network, coordinator, member, organisation, viewer):
    _many(network, coordinator, organisation, member, 3)
    url = reverse("meetings:network_actions", kwargs={"slug": network.slug})
    # session, user, MFA check, network, owner choices, the paginator's count, a page of action items (owner,
    # organisation, meeting, item), the coordinator's right (role)
    assert_budget(
        client_for(cast[viewer]),
        url,
        budget=9,
        grow=lambda: _many(network, coordinator, organisation, member, 300),
    )


def test_my_list_does_not_grow(client_for, network, coordinator, member, organisation):
    _many(network, coordinator, organisation, member, 3)
    # session, user, MFA check, the paginator's count, a page of action items (network, organisation, meeting, item)
    assert_budget(
        client_for(member),
        reverse("meetings:my_actions"),
        budget=6,
        grow=lambda: _many(network, coordinator, organisation, member, 300),
    )


# --- the dashboard, the goal page and the meeting page -------------------------------------------------


def test_the_dashboard_lists_open_action_items_overdue_first_and_the_next_meetings(
    client_for, held, network, coordinator, member
):
    meeting, items = held
    _action(meeting, items[0], coordinator, member, days=10, what="Tuleva tehtävä")
    _action(meeting, items[0], coordinator, member, days=-3, what="Myöhässä oleva tehtävä")
    done = _action(meeting, items[0], coordinator, member, days=2, what="Tehty tehtävä")
    services.action_set_status(action=done, user=member, status=ActionStatus.DONE)
    upcoming = factories.MeetingFactory(network=network, organiser=coordinator, title="Joulukokous")
    Invitee.objects.create(meeting=upcoming, user=member, reply="yes")
    page = client_for(member).get(reverse("portal:home"), **EN).content.decode()
    assert page.index("Myöhässä oleva tehtävä") < page.index("Tuleva tehtävä")
    assert "Overdue" in page
    assert "Tehty tehtävä" not in page
    assert "Joulukokous" in page and "You are coming" in page


def test_the_goal_page_shows_what_approved_minutes_decided(
    client_for, network, coordinator, member, organisation, goal
):
    approved, items = meeting_that_took_place(network, coordinator, organisation, days_ago=30)
    items[0].goal = goal
    items[0].save()
    services.decision_add(meeting=approved, item=items[0], user=coordinator, text="Tavoitepäätös", goal=goal)
    _action(approved, items[0], coordinator, member, what="Tavoitteen tehtävä")
    approve(approved, coordinator)
    draft, draft_items = meeting_that_took_place(network, coordinator, organisation)
    services.decision_add(meeting=draft, item=draft_items[0], user=coordinator, text="Keskeneräinen", goal=goal)
    page = client_for(member).get(reverse("goals:goal_detail", kwargs={"pk": goal.pk}), **EN).content.decode()
    assert "Decided at meetings" in page
    assert "Tavoitepäätös" in page and "Tavoitteen tehtävä" in page
    assert "Keskeneräinen" not in page


def test_the_item_records_partial_shows_records_and_links_without_queries(
    rf, held, coordinator, member, goal, django_assert_num_queries
):
    meeting, items = held
    services.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Osapäätös", goal=goal)
    _action(meeting, items[0], coordinator, member, what="Osatehtävä")
    meeting = meeting_page().get(pk=meeting.pk)
    item = meeting.items.all()[0]
    for user, manage in ((coordinator, True), (member, False)):
        request = rf.get("/")
        request.user = user
        may = meeting.access(user).rights(*MEETING_PAGE)
        assert may["manage"] is manage and may["record"] is manage  # the meeting is held
        context = {"meeting": meeting, "item": item, "may": may, "user": user, "request": request}
        with django_assert_num_queries(0):
            html = render_to_string("networks/meetings/includes/item_records.html", context)
        assert "Osapäätös" in html and "Osatehtävä" in html and goal.title in html
        assert (reverse("meetings:decision_add", kwargs={"pk": meeting.pk}) in html) is manage
        # The owner changes their own action item's status.
        assert "/status/" in html
