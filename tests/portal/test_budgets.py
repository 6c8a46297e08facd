"""Query budget of the dashboard: the same number of queries however many networks, meetings and
organisations the person has.

When a budget changes, the commit says which queries came or went. The baseline for a signed-in page is:
session, user, MFA requirement (1 query), then the page's own queries.
"""

import pytest
from django.urls import reverse

from networks.meetings.models import Invitee
from tests import factories
from tests.querybudget import assert_budget, grow_network


@pytest.fixture
def small_world(network, organisation, member):
    grow_network(network, organisation, 3)
    return network


def _meeting_for(network, person):
    """A planned meeting ``person`` is invited to, and an action item of theirs from it."""
    meeting = factories.MeetingFactory(network=network)
    Invitee.objects.create(meeting=meeting, user=person)
    factories.ActionItemFactory(item=factories.AgendaItemFactory(meeting=meeting), owner=person)


@pytest.mark.django_db
def test_dashboard(client, member, small_world, organisation):
    client.force_login(member)
    _meeting_for(small_world, member)

    def grow():
        for i in range(30):
            net = factories.NetworkFactory()
            factories.NetworkRoleFactory(network=net, user=member)
            grow_network(net, organisation, 10 if i % 10 == 0 else 1)
            _meeting_for(net, member)
        for _ in range(20):
            factories.AffiliationFactory(user=member, primary=False)

    # session, user, MFA check, networks, affiliations, agreements awaiting the person's organisation's signature,
    # goals awaiting the person's organisation's answer; + 2 for meetings: the person's open action items and
    # their next meetings; + 1 for survey rounds: the surveys waiting for the person's organisations; + 1 for
    # joint activities: the person's upcoming activities; + 1 for news: the latest items of the person's networks;
    # + 1 for the header's unread count
    assert_budget(client, reverse("portal:home"), budget=13, grow=grow)
