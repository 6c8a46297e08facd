"""Meeting tests call services directly and match their (English) refusals: run them in English.

Pages are still requested in the portal's default language (Finnish) unless a test sends another: the
locale middleware activates the request's language for each request.

``other`` is another network's meeting with its records and a time poll, whose ids the tests of forged
requests try on our network's pages."""

import datetime

import pytest
from django.utils import timezone, translation

from networks.meetings import actions as records
from networks.meetings.models import Invitee, TimePoll, TimeSlot
from tests import factories
from tests.networks.meetings.records_helpers import meeting_that_took_place, record_action


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def other(other_network, outsider):
    """Another network's held meeting with an agenda item, a decision, an action item, an invitee, a goal,
    and an open time poll with its slots."""
    organisation = other_network.memberships.get().organisation
    meeting, items = meeting_that_took_place(other_network, outsider, organisation)
    decision = records.decision_add(meeting=meeting, item=items[0], user=outsider, text="Toisen päätös")
    action = record_action(meeting, items[0], outsider, what="Toisen tehtävä")
    poll = TimePoll.objects.create(network=other_network, title="Toisen kysely", organiser=outsider)
    poll.invitees.add(outsider)
    start = timezone.now() + datetime.timedelta(days=10)
    slot = TimeSlot.objects.create(poll=poll, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    invitee = Invitee.objects.filter(meeting=meeting).first()
    goal = factories.GoalFactory(network=other_network, title="Toisen tavoite")
    names = ["organisation", "meeting", "item", "decision", "action", "invitee", "goal", "poll", "slot"]
    return dict(zip(names, (organisation, meeting, items[0], decision, action, invitee, goal, poll, slot), strict=True))
