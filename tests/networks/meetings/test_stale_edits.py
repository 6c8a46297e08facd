"""No lost updates: every edit form of a meeting's records refuses a stale save. Before,
decisions, action items, agenda items and the minutes were saved silently over a newer save."""

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as records
from networks.meetings import agenda, minutes
from networks.meetings.models import ActionItem, AgendaItem, Decision, MeetingStatus
from tests.networks.meetings.records_helpers import meeting_that_took_place, record_action
from tests.stale_edits import assert_stale_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(network, coordinator, member, organisation):
    return meeting_that_took_place(network, coordinator, organisation)


@pytest.fixture
def approved(network, coordinator, member, organisation):
    return meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.MINUTES_APPROVED)


def test_decision_edit(client_for, held, coordinator):
    meeting, items = held
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Alkuperäinen")
    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:decision_edit", kwargs={"pk": decision.pk}),
        change=lambda: records.decision_update(decision=decision, user=coordinator, text="Toisen muutos"),
        overrides={"text": "Minun muutokseni"},
        saved=lambda: {"text": Decision.objects.get(pk=decision.pk).text},
    )


def test_decision_amend(client_for, approved, coordinator):
    meeting, items = approved
    decision = Decision.objects.create(
        network=meeting.network, meeting=meeting, item=items[0], text="Alkuperäinen", decided_on=timezone.localdate()
    )
    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:decision_amend", kwargs={"pk": decision.pk}),
        change=lambda: records.decision_amend(decision=decision, user=coordinator, text="Toisen", reason="Virhe"),
        overrides={"text": "Minun korjaukseni", "reason": "Kirjoitusvirhe"},
        saved=lambda: {"text": Decision.objects.get(pk=decision.pk).text},
    )


def test_action_edit(client_for, held, coordinator):
    meeting, items = held
    action = record_action(meeting, items[0], coordinator, what="Alkuperäinen")

    def change():
        records.action_update(
            action=action, user=coordinator, item=items[0], what="Toisen", owner=coordinator, due_on=action.due_on
        )

    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:action_edit", kwargs={"pk": action.pk}),
        change=change,
        overrides={"what": "Minun tehtäväni"},
        saved=lambda: {"what": ActionItem.objects.get(pk=action.pk).what},
    )


def test_action_status(client_for, held, coordinator):
    meeting, items = held
    action = record_action(meeting, items[0], coordinator)
    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:action_status", kwargs={"pk": action.pk}),
        change=lambda: records.action_set_status(action=action, user=coordinator, status="done", note="Tehty"),
        overrides={"status": "dropped", "note": "Ei enää tarpeen"},
        saved=lambda: {"status": ActionItem.objects.get(pk=action.pk).status},
    )


def test_agenda_item_edit(client_for, network, coordinator, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)
    item = items[0]
    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:agenda_item_edit", kwargs={"pk": meeting.pk, "item_pk": item.pk}),
        change=lambda: agenda.item_update(item=item, user=coordinator, data={"title": "Toisen otsikko"}),
        overrides={"title": "Minun otsikkoni"},
        saved=lambda: {"title": AgendaItem.objects.get(pk=item.pk).title},
    )


def test_minutes_edit(client_for, held, coordinator):
    meeting, items = held
    item = items[0]
    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:minutes_edit", kwargs={"pk": meeting.pk, "item_pk": item.pk}),
        change=lambda: minutes.minutes_write(item=item, user=coordinator, text="Toisen kirjaus"),
        overrides={"minutes": "Minun kirjaukseni"},
        saved=lambda: {"minutes": AgendaItem.objects.get(pk=item.pk).minutes},
    )


def test_minutes_amend(client_for, approved, coordinator):
    meeting, items = approved
    item = items[0]
    assert_stale_refused(
        client_for(coordinator),
        reverse("meetings:minutes_amend", kwargs={"pk": meeting.pk, "item_pk": item.pk}),
        change=lambda: minutes.minutes_amend(item=item, user=coordinator, text="Toisen korjaus", reason="Virhe"),
        overrides={"minutes": "Minun korjaukseni", "reason": "Kirjoitusvirhe"},
        saved=lambda: {"minutes": AgendaItem.objects.get(pk=item.pk).minutes},
    )
