"""Builders shared by the tests of decisions, action items and reminders."""

import datetime

from django.utils import timezone

from networks.meetings import actions, services
from networks.meetings.models import MeetingStatus
from tests import factories


def meeting_that_took_place(network, coordinator, organisation, *, status=MeetingStatus.HELD, days_ago=2, items=2):
    """A meeting of ``network`` organised and chaired by ``coordinator``, ``organisation`` invited (so its people
    are invitees), held ``days_ago`` days ago and moved on to ``status``; with ``items`` agenda items."""
    start = (timezone.localtime() - datetime.timedelta(days=days_ago)).replace(
        hour=13, minute=0, second=0, microsecond=0
    )
    meeting = services.meeting_create(
        network=network,
        user=coordinator,
        data={
            "title": "Syystapaaminen",
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=2),
            "chair": coordinator,
        },
        organisations=[organisation],
    )
    agenda = [
        factories.AgendaItemFactory(meeting=meeting, position=number, title=f"Asiakohta {number + 1}")
        for number in range(items)
    ]
    if status != MeetingStatus.PLANNED:
        meeting = services.meeting_mark_held(meeting=meeting, user=coordinator)
    if status in (MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED):
        meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    if status == MeetingStatus.MINUTES_APPROVED:
        meeting = services.minutes_approve(meeting=meeting, user=coordinator)
    return meeting, agenda


def record_action(meeting, item, by, owner=None, what="Tehtävä"):
    """An action item recorded by ``by`` (and owned by them unless ``owner``), due today."""
    return actions.action_add(
        meeting=meeting, item=item, user=by, what=what, owner=owner or by, due_on=timezone.localdate()
    )


def approve(meeting, coordinator):
    """Move a held meeting on to approved minutes."""
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    return services.minutes_approve(meeting=meeting, user=coordinator)
