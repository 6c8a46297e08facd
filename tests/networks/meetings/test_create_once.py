"""No doubled writes: each create form of the meetings, sent twice with the same one-time
token, creates once, e-mails once and leads the second time to what the first one created."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as records
from networks.meetings import polls, services
from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Decision,
    Invitee,
    Meeting,
    MeetingStatus,
    MinutesComment,
    TimePoll,
)
from tests import factories
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.networks.meetings.records_helpers import approve, meeting_that_took_place
from tests.networks.meetings.test_pages import _form as meeting_form
from tests.networks.meetings.test_polls import _form_data as poll_form


@pytest.fixture
def planned(network, coordinator, member, observer, organisation):
    meeting = factories.MeetingFactory(network=network, organiser=coordinator, chair=coordinator)
    services.invite(meeting=meeting, user=coordinator, organisations=[organisation])
    return meeting


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation)


def _url(name, **kwargs):
    return reverse(f"meetings:{name}", kwargs=kwargs)


def test_creating_a_meeting_twice_makes_one_and_invites_once(
    client_for, network, coordinator, member, observer, organisation, django_capture_on_commit_callbacks
):
    url = _url("meeting_create", slug=network.slug)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    first = assert_created_once(
        client,
        url,
        lambda: meeting_form(organisations=[organisation.pk]),
        Meeting.objects.count,
        django_capture_on_commit_callbacks,
    )
    assert first["Location"] == Meeting.objects.get().get_absolute_url()
    assert len(mail.outbox) == 3  # the coordinator, the member and the observer: once each


def test_creating_a_poll_twice_makes_one(client_for, network, member, observer, django_capture_on_commit_callbacks):
    url = _url("poll_create", slug=network.slug)
    client = client_for(member)
    assert_form_carries_token(client, url)
    assert_created_once(
        client,
        url,
        lambda: poll_form(people=[str(observer.pk)]),
        TimePoll.objects.count,
        django_capture_on_commit_callbacks,
    )
    assert len(mail.outbox) == 1


def test_adding_an_agenda_item_twice_adds_one(client_for, planned, coordinator, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    assert_form_carries_token(client, _url("agenda_edit", pk=planned.pk))
    data = {"title": "Esitys", "planned_minutes": "30"}
    url = _url("agenda_item_add", pk=planned.pk)
    assert_created_once(client, url, lambda: data, AgendaItem.objects.count, django_capture_on_commit_callbacks)


def test_proposing_an_item_twice_proposes_one(client_for, planned, member, django_capture_on_commit_callbacks):
    url = _url("agenda_propose", pk=planned.pk)
    client = client_for(member)
    assert_form_carries_token(client, url)
    data = {"title": "Uusi hanke", "planned_minutes": "15"}
    assert_created_once(client, url, lambda: data, AgendaItem.objects.count, django_capture_on_commit_callbacks)


def test_carrying_offers_twice_carries_once(
    client_for, network, planned, coordinator, member, django_capture_on_commit_callbacks
):
    start = timezone.now() - datetime.timedelta(days=20)
    earlier = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    unfinished = factories.AgendaItemFactory(meeting=earlier, title="Kesken jäänyt", unfinished=True)
    action = factories.ActionItemFactory(item=unfinished, owner=member, what="Selvitä tilat")
    client = client_for(coordinator)
    assert_form_carries_token(client, _url("agenda_edit", pk=planned.pk))
    assert_created_once(
        client,
        _url("agenda_carry", pk=planned.pk),
        lambda: {"actions": [action.pk], "items": [unfinished.pk]},
        AgendaItem.objects.filter(meeting=planned).count,
        django_capture_on_commit_callbacks,
        made=2,
    )


def test_commenting_twice_comments_once(
    client_for, network, coordinator, organisation, django_capture_on_commit_callbacks
):
    meeting, items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.MINUTES_DRAFT)
    client = client_for(coordinator)
    assert_form_carries_token(client, meeting.get_absolute_url())
    assert_created_once(
        client,
        _url("comment_add", pk=meeting.pk),
        lambda: {"body": "Summa korjattava", "item": items[0].pk},
        MinutesComment.objects.count,
        django_capture_on_commit_callbacks,
    )


def test_amending_minutes_twice_records_one_amendment(
    client_for, held, coordinator, django_capture_on_commit_callbacks
):
    meeting, items = held
    approve(meeting, coordinator)
    url = _url("minutes_amend", pk=meeting.pk, item_pk=items[0].pk)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    items[0].refresh_from_db()
    data = {"minutes": "Korjattu.", "reason": "Kirjoitusvirhe", "version": items[0].updated_at.isoformat()}
    assert_created_once(client, url, lambda: data, Amendment.objects.count, django_capture_on_commit_callbacks)


def test_recording_a_decision_twice_records_one(client_for, held, coordinator, django_capture_on_commit_callbacks):
    meeting, items = held
    url = _url("decision_add", pk=meeting.pk)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    data = {"item": items[0].pk, "text": "Päätettiin"}
    assert_created_once(client, url, lambda: data, Decision.objects.count, django_capture_on_commit_callbacks)


def test_amending_a_decision_twice_records_one_amendment(
    client_for, held, coordinator, django_capture_on_commit_callbacks
):
    meeting, items = held
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Hyväksyttiin 100 €")
    approve(meeting, coordinator)
    url = _url("decision_amend", pk=decision.pk)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    decision.refresh_from_db()
    data = {"text": "Hyväksyttiin 1000 €", "reason": "Kirjoitusvirhe", "version": decision.updated_at.isoformat()}
    assert_created_once(client, url, lambda: data, Amendment.objects.count, django_capture_on_commit_callbacks)


def test_recording_an_action_item_twice_records_one(
    client_for, held, coordinator, member, django_capture_on_commit_callbacks
):
    meeting, items = held
    url = _url("action_add", pk=meeting.pk)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    data = {"item": items[0].pk, "what": "Kokoaa palautteen", "owner": member.pk, "due_on": due}
    assert_created_once(client, url, lambda: data, ActionItem.objects.count, django_capture_on_commit_callbacks)


def test_inviting_twice_invites_and_e_mails_once(client_for, network, coordinator, django_capture_on_commit_callbacks):
    meeting = factories.MeetingFactory(network=network, organiser=coordinator, chair=coordinator)
    newcomer = factories.UserFactory(email="uusi@example.fi")
    factories.NetworkRoleFactory(network=network, user=newcomer)
    url = _url("invitations", pk=meeting.pk)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    assert_created_once(
        client,
        url,
        lambda: {"people": [newcomer.pk]},
        Invitee.objects.filter(meeting=meeting).count,
        django_capture_on_commit_callbacks,
    )
    assert [message.to for message in mail.outbox] == [["uusi@example.fi"]]


def test_picking_a_time_twice_makes_one_meeting_and_invites_once(
    client_for, network, coordinator, member, observer, organisation, django_capture_on_commit_callbacks
):
    start = timezone.now() + datetime.timedelta(days=20)
    poll = polls.poll_create(
        network=network,
        user=coordinator,
        data={"title": "Kevään verkostotapaaminen", "place": "Kirjasto"},
        slots=[
            (start, start + datetime.timedelta(hours=2)),
            (start + datetime.timedelta(days=1), start + datetime.timedelta(days=1, hours=2)),
        ],
        organisations=[organisation],
    )
    mail.outbox.clear()
    client = client_for(coordinator)
    assert_form_carries_token(client, reverse("meetings:poll_detail", kwargs={"pk": poll.pk}))
    slot = poll.slots.order_by("starts_at").last()
    assert_created_once(
        client,
        _url("poll_pick", pk=poll.pk),
        lambda: {"slot": slot.pk, "chair": coordinator.pk},
        Meeting.objects.count,
        django_capture_on_commit_callbacks,
    )
    assert len(mail.outbox) == 3
