"""A second pair of eyes on meetings: forged requests. Ids of another meeting or network in URLs and forms;
POSTs by those who may not; changes after approval; replies, answers and status changes by those not
concerned. What pages give away and take in (draft minutes, feeds, redirects, script, CSRF) is
test_leaks.py."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as records
from networks.meetings import services
from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Invitee,
    Meeting,
    MeetingStatus,
    MinutesComment,
    SlotAnswer,
    TimePoll,
    TimeSlot,
)
from tests.networks.meetings.records_helpers import meeting_that_took_place, record_action

pytestmark = pytest.mark.django_db


def _url(name, **kwargs):
    return reverse(f"meetings:{name}", kwargs=kwargs)


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    """Our network's held meeting, organised and chaired by the coordinator; the organisation invited."""
    return meeting_that_took_place(network, coordinator, organisation)


@pytest.fixture
def planned(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)


# --- ids of another meeting or network -----------------------------------------------------------------


ITEM_URLS = ["agenda_item_edit", "agenda_item_delete", "agenda_item_accept", "agenda_item_move", "minutes_edit"]


@pytest.mark.parametrize("name", [*ITEM_URLS, "minutes_amend"])
def test_an_agenda_item_of_another_meeting_is_not_found(client_for, coordinator, planned, held, other, name):
    meeting = planned[0] if name.startswith("agenda") else held[0]
    if name == "minutes_amend":
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.MINUTES_APPROVED)
    url = _url(name, pk=meeting.pk, item_pk=other["item"].pk)
    data = {"title": "Kaapattu", "direction": "up", "minutes": "Kaapattu", "reason": "x"}
    assert client_for(coordinator).post(url, data).status_code == 404
    other["item"].refresh_from_db()
    assert other["item"].title != "Kaapattu" and other["item"].minutes != "Kaapattu"


@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_invitees_decisions_and_action_items_of_another_network_are_not_found(client_for, cast, planned, other, role):
    client = client_for(cast[role])
    url = _url("invitee_remove", pk=planned[0].pk, invitee_pk=other["invitee"].pk)
    # the member may not manage our meeting at all; the coordinator may, but not another meeting's invitee
    assert client.post(url, {"confirm": "yes"}).status_code == (404 if role == "coordinator" else 403)
    for name in ("decision_edit", "decision_delete", "decision_amend"):
        response = client.post(_url(name, pk=other["decision"].pk), {"text": "x", "confirm": "yes", "reason": "x"})
        assert response.status_code == 404
    assert client.post(_url("action_status", pk=other["action"].pk), {"status": "done"}).status_code == 404
    assert Invitee.objects.filter(pk=other["invitee"].pk).exists()
    assert Decision.objects.get(pk=other["decision"].pk).text == "Toisen päätös"
    assert ActionItem.objects.get(pk=other["action"].pk).status == "open"


def test_a_slot_of_another_poll_is_neither_answered_nor_picked(client_for, coordinator, network, other):
    poll = TimePoll.objects.create(network=network, title="Oma kysely", organiser=coordinator)
    poll.invitees.add(coordinator)
    start = timezone.now() + datetime.timedelta(days=3)
    TimeSlot.objects.create(poll=poll, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    client = client_for(coordinator)
    client.post(_url("poll_answer", pk=poll.pk), {f"slot_{other['slot'].pk}": "yes"})
    assert not SlotAnswer.objects.filter(slot=other["slot"]).exists()
    response = client.post(_url("poll_pick", pk=poll.pk), {"slot": other["slot"].pk})
    assert response.status_code == 400
    assert not Meeting.objects.filter(network=poll.network, title="Oma kysely").exists()
    # and the other network's poll itself is not there for us
    assert client.post(_url("poll_pick", pk=other["poll"].pk), {"slot": other["slot"].pk}).status_code == 404
    assert client.get(_url("poll_detail", pk=other["poll"].pk)).status_code == 404


def test_a_comment_on_an_item_of_another_meeting_is_refused(client_for, coordinator, held, other):
    meeting, _items = held
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    client_for(coordinator).post(_url("comment_add", pk=meeting.pk), {"item": other["item"].pk, "body": "Hei"})
    assert not MinutesComment.objects.exists()


def test_another_networks_goal_is_not_linked(client_for, coordinator, held, planned, other):
    meeting, items = held
    client = client_for(coordinator)
    client.post(_url("decision_add", pk=meeting.pk), {"item": items[0].pk, "text": "Päätös", "goal": other["goal"].pk})
    assert not Decision.objects.filter(meeting=meeting).exists()
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Oma")
    client.post(_url("decision_edit", pk=decision.pk), {"text": "Oma", "goal": other["goal"].pk})
    decision.refresh_from_db()
    assert decision.goal_id is None
    client.post(_url("agenda_item_add", pk=planned[0].pk), {"title": "Uusi", "goal": other["goal"].pk})
    assert not AgendaItem.objects.filter(meeting=planned[0], title="Uusi").exists()


def test_another_networks_person_is_not_presenter_chair_owner_or_invitee(
    client_for, coordinator, network, held, planned, other, outsider
):
    client = client_for(coordinator)
    other_org = other["organisation"]
    client.post(_url("agenda_item_add", pk=planned[0].pk), {"title": "Esittäjä", "presenter": outsider.pk})
    assert not AgendaItem.objects.filter(title="Esittäjä").exists()
    meeting, items = held
    action = {"item": items[0].pk, "what": "Tehtävä", "due_on": "2030-01-01"}
    client.post(_url("action_add", pk=meeting.pk), action | {"owner": outsider.pk})
    client.post(_url("action_add", pk=meeting.pk), action | {"owner": coordinator.pk, "organisation": other_org.pk})
    assert not ActionItem.objects.filter(meeting=meeting).exists()
    client.post(_url("invitations", pk=planned[0].pk), {"people": [outsider.pk]})
    client.post(_url("invitations", pk=planned[0].pk), {"organisations": [other_org.pk]})
    assert not Invitee.objects.filter(meeting=planned[0], user=outsider).exists()
    client.post(_url("attendance", pk=meeting.pk), {"people": [outsider.pk]})
    assert not Attendance.objects.filter(meeting=meeting, user=outsider).exists()
    when = {"kind": "network", "date": "2030-01-01", "start_time": "10:00", "end_time": "11:00"}
    version = planned[0].updated_at.isoformat()
    client.post(
        _url("meeting_edit", pk=planned[0].pk), when | {"title": "Muokattu", "chair": outsider.pk, "version": version}
    )
    planned[0].refresh_from_db()
    assert planned[0].chair_id == coordinator.pk
    new = when | {"title": "Uusi kokous", "chair": outsider.pk, "people": [outsider.pk]}
    client.post(_url("meeting_create", slug=network.slug), new)
    assert not Meeting.objects.filter(title="Uusi kokous").exists()


# --- forged POSTs by those who may not ---------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), [("outsider", 404), ("observer", 403), ("member", 403)])
def test_forged_posts_change_nothing(client_for, cast, held, planned, role, status):
    meeting, items = held
    ahead = planned[0]
    client = client_for(cast[role])
    posts = [
        (_url("meeting_edit", pk=ahead.pk), {"title": "Kaapattu"}),
        (_url("meeting_cancel", pk=ahead.pk), {"reason": "Kaapattu"}),
        (_url("meeting_status", pk=meeting.pk), {"to": "circulate"}),
        (_url("agenda_item_add", pk=ahead.pk), {"title": "Kaapattu"}),
        (_url("agenda_item_delete", pk=ahead.pk, item_pk=planned[1][0].pk), {}),
        (_url("invitations", pk=ahead.pk), {"people": [cast[role].pk]}),
        (_url("attendance", pk=meeting.pk), {"people": [cast[role].pk]}),
        (_url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk), {"minutes": "Kaapattu"}),
        (_url("decision_add", pk=meeting.pk), {"item": items[0].pk, "text": "Kaapattu"}),
        (_url("action_add", pk=meeting.pk), {"item": items[0].pk, "what": "Kaapattu"}),
        (_url("comment_add", pk=meeting.pk), {"body": "Kaapattu"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == status, url
    ahead.refresh_from_db()
    meeting.refresh_from_db()
    assert ahead.status == MeetingStatus.PLANNED and meeting.status == MeetingStatus.HELD
    assert AgendaItem.objects.filter(pk=planned[1][0].pk).exists()
    assert not AgendaItem.objects.filter(title="Kaapattu").exists()
    assert not Decision.objects.exists() and not ActionItem.objects.exists() and not MinutesComment.objects.exists()
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_only_the_chair_approves(client_for, network, coordinator, member, organisation):
    meeting, _items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.MINUTES_DRAFT)
    Meeting.objects.filter(pk=meeting.pk).update(chair=member)
    # the organiser and coordinator is not the chair
    assert client_for(coordinator).post(_url("meeting_status", pk=meeting.pk), {"to": "approve"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT
    # the chair (a member) approves, but cannot move other steps
    response = client_for(member).post(_url("meeting_status", pk=meeting.pk), {"to": "approve"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED


def test_an_outsider_sees_nothing_of_a_meeting(client_for, outsider, held):
    meeting, _items = held
    client = client_for(outsider)
    for name in ("meeting_detail", "print_agenda", "print_minutes", "meeting_ics", "meeting_status", "invitations"):
        assert client.get(_url(name, pk=meeting.pk)).status_code == 404, name
    slug = meeting.network.slug
    for name in ("meeting_list", "calendar", "decision_log", "network_actions", "poll_list", "meeting_create"):
        assert client.get(_url(name, slug=slug)).status_code == 404, name


def test_nothing_changes_after_approval_but_by_amendment(client_for, network, coordinator, member, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Alkuperäinen")
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    meeting = services.minutes_approve(meeting=meeting, user=coordinator)
    client = client_for(coordinator)
    client.post(_url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk), {"minutes": "Muutettu"})
    client.post(_url("decision_edit", pk=decision.pk), {"text": "Muutettu"})
    client.post(_url("decision_delete", pk=decision.pk), {"confirm": "yes"})
    client.post(_url("attendance", pk=meeting.pk), {"people": [member.pk]})
    client.post(_url("decision_add", pk=meeting.pk), {"item": items[0].pk, "text": "Uusi"})
    client.post(_url("comment_add", pk=meeting.pk), {"body": "Myöhässä"})
    client.post(_url("agenda_item_delete", pk=meeting.pk, item_pk=items[1].pk))
    items[0].refresh_from_db()
    assert items[0].minutes == ""
    assert list(Decision.objects.values_list("text", flat=True)) == ["Alkuperäinen"]
    assert not Attendance.objects.exists() and not MinutesComment.objects.exists()
    assert AgendaItem.objects.filter(pk=items[1].pk).exists()


def test_replies_answers_and_status_changes_only_by_those_concerned(
    client_for, network, coordinator, member, observer, held, planned
):
    ahead = planned[0]
    Invitee.objects.filter(meeting=ahead, user=observer).delete()
    assert client_for(observer).post(_url("reply", pk=ahead.pk), {"answer": "yes"}).status_code == 403
    assert not Invitee.objects.filter(meeting=ahead, user=observer).exists()
    poll = TimePoll.objects.create(network=network, title="Kysely", organiser=coordinator)
    start = timezone.now() + datetime.timedelta(days=3)
    slot = TimeSlot.objects.create(poll=poll, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    assert client_for(observer).post(_url("poll_answer", pk=poll.pk), {f"slot_{slot.pk}": "yes"}).status_code == 403
    assert client_for(member).post(_url("poll_close", pk=poll.pk), {"confirm": "yes"}).status_code == 403
    assert not SlotAnswer.objects.exists() and TimePoll.objects.get(pk=poll.pk).is_open
    meeting, items = held
    action = record_action(meeting, items[0], coordinator, member)
    assert client_for(observer).post(_url("action_status", pk=action.pk), {"status": "done"}).status_code == 403
    assert ActionItem.objects.get(pk=action.pk).status == "open"
