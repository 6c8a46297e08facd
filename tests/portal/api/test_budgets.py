"""Query budgets of every list of the API at two data sizes (HOUSE-STYLE rule 22): a page is one query whatever
the rows behind it.

A signed-in request also reads the token with its person (one query), writes its last use (one UPDATE, at most
once a minute) and counts the request in the rate limit's window (Django's database cache here: the window's key
looked up, the cache's size for culling, the INSERT, in a savepoint); each measurement starts from a fresh window
and a token whose last use is old, so that both sizes take the same path. An open-data request counts only the
rate limit."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from networks.meetings.models import MeetingStatus
from networks.memberships.models import NetworkRole
from portal.api.models import AccessToken
from tests import factories
from tests.querybudget import grow_network

# the database cache's add: the table's size (culling), a savepoint, the key's row, the INSERT, the release
RATE_LIMIT = 5
TOKEN = 2  # the token with its person, the UPDATE of its last use
PAGE = 1


def _measure(api, url):
    cache.clear()
    AccessToken.objects.update(last_used_at=None)
    return _bearer_count(api, url)


def _bearer_count(api, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


def _assert_budget(api, url, *, budget, grow, rows):
    small, _ = _measure(api, url)
    assert len(api.get(url).json()["items"]) == rows[0]
    grow()
    large, sql = _measure(api, url)
    assert len(api.get(url).json()["items"]) == rows[1]
    detail = "\n".join(sql)
    assert small == large == budget, f"{url}: {small} then {large} queries, budget {budget}:\n{detail}"


def _held(network, organiser, n):
    starts = timezone.now() - datetime.timedelta(days=10)
    meetings = [
        factories.MeetingFactory(
            network=network,
            organiser=organiser,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            status=MeetingStatus.MINUTES_APPROVED,
        )
        for _ in range(n)
    ]
    return [factories.AgendaItemFactory(meeting=meeting) for meeting in meetings]


SIGNED_IN = TOKEN + RATE_LIMIT + PAGE


def test_networks(bearer, member):
    def grow():
        for network in factories.NetworkFactory.create_batch(60):
            NetworkRole.objects.create(network=network, user=member, role="member")

    _assert_budget(bearer(member), reverse("api:network_list"), budget=SIGNED_IN, grow=grow, rows=(1, 50))


def test_organisations(bearer, member, network, organisation):
    grow = lambda: grow_network(network, organisation, 60)  # noqa: E731
    _assert_budget(bearer(member), reverse("api:organisation_list"), budget=SIGNED_IN, grow=grow, rows=(1, 50))


def test_meetings(bearer, member, network, coordinator):
    _held(network, coordinator, 2)
    grow = lambda: _held(network, coordinator, 60)  # noqa: E731
    _assert_budget(bearer(member), reverse("api:meeting_list"), budget=SIGNED_IN, grow=grow, rows=(2, 50))


def test_goals(bearer, member, network):
    factories.GoalFactory(network=network)
    grow = lambda: [factories.GoalFactory(network=network) for _ in range(60)]  # noqa: E731
    _assert_budget(bearer(member), reverse("api:goal_list"), budget=SIGNED_IN, grow=grow, rows=(1, 50))


def test_decisions(bearer, member, network, coordinator):
    factories.DecisionFactory(item=_held(network, coordinator, 1)[0])
    grow = lambda: [factories.DecisionFactory(item=item) for item in _held(network, coordinator, 60)]  # noqa: E731
    _assert_budget(bearer(member), reverse("api:decision_list"), budget=SIGNED_IN, grow=grow, rows=(1, 50))


def test_action_items(bearer, member, network, coordinator):
    factories.ActionItemFactory(item=_held(network, coordinator, 1)[0], owner=member)
    items = lambda: _held(network, coordinator, 60)  # noqa: E731
    grow = lambda: [factories.ActionItemFactory(item=item, owner=coordinator) for item in items()]  # noqa: E731
    _assert_budget(bearer(member), reverse("api:action_item_list"), budget=SIGNED_IN, grow=grow, rows=(1, 50))


class Anonymous:
    def __init__(self, client):
        self.client = client

    def get(self, url, **headers):
        return self.client.get(url, **headers)


def _public_services(n):
    return [factories.GuidanceServiceFactory(is_public=True) for _ in range(n)]


@pytest.mark.parametrize("name", ["api:public_service_list", "api:public_organisation_list"])
def test_open_data(client, name):
    _public_services(2)
    factories.GuidanceServiceFactory(is_public=False)
    grow = lambda: _public_services(60)  # noqa: E731
    _assert_budget(Anonymous(client), reverse(name), budget=RATE_LIMIT + PAGE, grow=grow, rows=(2, 50))
