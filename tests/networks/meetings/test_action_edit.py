"""Correcting an action item while the minutes can still change, and reminders after a change."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as services
from networks.meetings.models import ActionStatus
from portal.lib.errors import DomainError
from tests.networks.meetings.records_helpers import approve, meeting_that_took_place
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation)


def _due(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def action(held, coordinator, member):
    meeting, items = held
    return services.action_add(
        meeting=meeting, item=items[0], user=coordinator, what="Kokoaa palautteen", owner=member, due_on=_due(2)
    )


def test_the_organiser_corrects_an_action_item_and_a_new_due_date_is_reminded_again(
    client_for, held, action, coordinator, observer
):
    _meeting, items = held
    type(action).objects.filter(pk=action.pk).update(due_reminder_sent_at=timezone.now())
    url = reverse("meetings:action_edit", kwargs={"pk": action.pk})
    page = client_for(coordinator).get(url, headers={"accept-language": "en"})
    assert "Edit the action item" in page.content.decode() and "Kokoaa palautteen" in page.content.decode()
    response = client_for(coordinator).post(
        url,
        {
            "item": items[1].pk,
            "what": "Kokoaa palautteen lomakkeella",
            "owner": observer.pk,
            "due_on": _due(9),
            **version_of(action),
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.item, action.what, action.owner, action.due_on) == (
        items[1],
        "Kokoaa palautteen lomakkeella",
        observer,
        _due(9),
    )
    assert action.due_reminder_sent_at is None


def test_a_bad_correction_keeps_the_input(client_for, held, action, coordinator, outsider):
    url = reverse("meetings:action_edit", kwargs={"pk": action.pk})
    _meeting, items = held
    response = client_for(coordinator).post(
        url, {"item": items[0].pk, "what": "Uusi teksti", "owner": outsider.pk, "due_on": _due(3)}
    )
    assert response.status_code == 200
    assert "Uusi teksti" in response.content.decode()
    action.refresh_from_db()
    assert action.what == "Kokoaa palautteen"


def test_after_approval_the_action_item_is_corrected_no_more(held, action, coordinator, member):
    meeting, items = held
    approve(meeting, coordinator)
    with pytest.raises(DomainError):
        services.action_update(
            action=action, user=coordinator, item=items[0], what="Muutettu", owner=member, due_on=_due(5)
        )


def test_an_action_item_opened_again_is_reminded_again(action, member):
    type(action).objects.filter(pk=action.pk).update(
        due_reminder_sent_at=timezone.now(), overdue_reminder_sent_at=timezone.now()
    )
    done = services.action_set_status(action=action, user=member, status=ActionStatus.DONE)
    assert done.due_reminder_sent_at is not None
    reopened = services.action_set_status(action=done, user=member, status=ActionStatus.OPEN)
    assert (reopened.due_reminder_sent_at, reopened.overdue_reminder_sent_at) == (None, None)
