"""Checking the minutes with two minute checkers: the pages.

Guards the finding "today the chair alone approves the minutes and attendees can only comment": the edit
form names the checkers; only the named checkers (and the chair) confirm, only the checkers object, the
meeting's other people get 403 and outsiders 404; each is a page that says what happens, then a POST; the
printed minutes carry the signature block; the meeting's page and the printed minutes keep their query
budgets with checkers named, for 3 and 30 agenda items."""

import pytest
from django.urls import reverse

from networks.meetings import checking, services
from networks.meetings.models import MeetingStatus, MinutesCheck
from tests import factories
from tests.networks.meetings.records_helpers import meeting_that_took_place
from tests.networks.meetings.test_budgets import _grow_items, _grow_meeting
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(network, coordinator, organisation, member, observer):
    """A held meeting chaired by the coordinator, the member and the observer its checkers, minutes in draft."""
    meeting, _items = meeting_that_took_place(network, coordinator, organisation)
    meeting = services.meeting_update(
        meeting=meeting, user=coordinator, data={"first_checker": member, "second_checker": observer}
    )
    return services.minutes_circulate(meeting=meeting, user=coordinator)


def _url(name, meeting):
    return reverse(f"meetings:{name}", kwargs={"pk": meeting.pk})


def test_the_edit_form_names_the_checkers(client_for, network, coordinator, organisation, member, observer):
    meeting, _items = meeting_that_took_place(network, coordinator, organisation)
    client = client_for(coordinator)
    page = client.get(_url("meeting_edit", meeting)).content.decode()
    assert 'name="first_checker"' in page and 'name="second_checker"' in page
    data = {
        "kind": meeting.kind,
        "title": meeting.title,
        "description": "",
        "chair": coordinator.pk,
        "first_checker": member.pk,
        "second_checker": member.pk,
        "version": meeting.updated_at.isoformat(),
    }
    response = client.post(_url("meeting_edit", meeting), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200  # the same person twice: the form back with the error
    assert "Name two different people as the minute checkers." in response.content.decode()
    data["second_checker"] = observer.pk
    response = client.post(_url("meeting_edit", meeting), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.checker_ids == (member.pk, observer.pk)


def test_a_checker_confirms_on_a_confirmation_page_then_by_post(client_for, draft, member):
    client = client_for(member)
    page = client.get(_url("meeting_detail", draft)).content.decode()
    assert _url("minutes_confirm", draft) in page and _url("minutes_object", draft) in page
    confirm = client.get(_url("minutes_confirm", draft), HTTP_ACCEPT_LANGUAGE="en")
    assert confirm.status_code == 200
    assert "as a minute checker" in confirm.content.decode()
    assert not MinutesCheck.objects.exists()  # the GET changed nothing
    assert client.post(_url("minutes_confirm", draft)).status_code == 302
    assert MinutesCheck.objects.get().user == member
    # Confirmed: the page no longer offers it, and a second POST is refused on the meeting's page.
    assert _url("minutes_confirm", draft) not in client.get(_url("meeting_detail", draft)).content.decode()
    response = client.post(_url("minutes_confirm", draft), follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "You have already confirmed the minutes." in response.content.decode()
    assert MinutesCheck.objects.count() == 1


def test_the_last_confirmation_approves_the_minutes(client_for, draft, coordinator, member, observer):
    for person in (member, coordinator, observer):
        assert client_for(person).post(_url("minutes_confirm", draft)).status_code == 302
    draft.refresh_from_db()
    assert draft.status == MeetingStatus.MINUTES_APPROVED


def test_the_chair_is_not_offered_the_one_step_approval_when_checkers_are_named(client_for, draft, coordinator):
    page = client_for(coordinator).get(_url("meeting_detail", draft)).content.decode()
    assert 'value="approve"' not in page
    assert _url("minutes_confirm", draft) in page
    assert _url("minutes_object", draft) not in page  # the chair does not object to their own minutes


def test_a_checker_objects_with_a_reason_that_the_chair_then_reads(client_for, draft, network, coordinator, observer):
    client_for(coordinator).post(_url("minutes_confirm", draft))
    client = client_for(observer)
    assert client.get(_url("minutes_object", draft)).status_code == 200
    empty = client.post(_url("minutes_object", draft), {"reason": " "})
    assert empty.status_code == 200 and not MinutesCheck.objects.filter(verdict="objected").exists()
    assert client.post(_url("minutes_object", draft), {"reason": "Läsnäolijat puuttuvat."}).status_code == 302
    assert not MinutesCheck.objects.current().filter(verdict="confirmed").exists()
    chair_page = client_for(coordinator).get(_url("meeting_detail", draft)).content.decode()
    assert "Läsnäolijat puuttuvat." in chair_page
    # Another of the network's people, neither chair nor checker, does not see the objection.
    other_member = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=other_member, role="member")
    assert "Läsnäolijat puuttuvat." not in client_for(other_member).get(_url("meeting_detail", draft)).content.decode()


@pytest.mark.parametrize("name", ["minutes_confirm", "minutes_object"])
def test_outsiders_get_404_and_the_meetings_other_people_403(client_for, draft, outsider, network, name):
    other_member = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=other_member, role="member")
    for method in ("get", "post"):
        assert getattr(client_for(outsider), method)(_url(name, draft)).status_code == 404
        assert getattr(client_for(other_member), method)(_url(name, draft)).status_code == 403
    assert not MinutesCheck.objects.exists()


def test_the_chair_gets_403_on_the_objection_page(client_for, draft, coordinator):
    assert client_for(coordinator).post(_url("minutes_object", draft), {"reason": "x"}).status_code == 403


def test_the_printed_minutes_show_the_signature_block(client_for, draft, coordinator, member, observer):
    for person in (coordinator, member, observer):
        checking.minutes_sign(meeting=draft, user=person)
    page = client_for(member).get(_url("print_minutes", draft), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    block = page[page.index('id="signatures-heading"') :]
    for person in (coordinator, member, observer):
        assert person.get_full_name() in block
    assert block.count("Minute checker") == 2 and "Chair" in block
    assert block.count("confirmed on") == 3


def test_a_checker_who_did_not_attend_reads_the_draft_they_check(client_for, draft, member):
    """The checkers are named among the invitees: they read and comment the draft even if not marked present."""
    assert not draft.attendances.filter(user=member).exists()
    assert draft.permits(member, "comment")
    assert client_for(member).get(_url("print_minutes", draft)).status_code == 200


def test_the_printed_draft_shows_who_has_confirmed_so_far(client_for, draft, member):
    checking.minutes_sign(meeting=draft, user=member)
    page = client_for(member).get(_url("print_minutes", draft), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    block = page[page.index('id="signatures-heading"') :]
    assert block.count("confirmed on") == 1 and block.count("not confirmed yet") == 2


@pytest.mark.parametrize("page", ["meeting_detail", "print_minutes"])
@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_pages_keep_their_budget_with_checkers_named(
    request, client_for, network, organisation, coordinator, member, observer, draft, viewer, page
):
    """The same budget as without checkers, plus one query for the confirmations and objections."""
    checking.minutes_sign(meeting=draft, user=member)
    checking.minutes_object(meeting=draft, user=observer, reason="Korjattavaa")
    _grow_items(draft, [member], 3)
    budget = {"meeting_detail": 15, "print_minutes": 14}[page] + 1
    client = client_for(request.getfixturevalue(viewer))
    assert_budget(client, _url(page, draft), budget=budget, grow=_grow_meeting(draft, network, member, organisation))
