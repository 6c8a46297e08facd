"""Query budgets of the map pages: the same number of queries with 10 organisations as with 60, with
surveys, meetings, activities and agreements growing with them."""

import pytest
from django.urls import reverse

from tests.networks.trust.map import builders
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db

# From the cache: signing in (3), the network, the person's role in it (the survey's ties are the
# coordinators'), its closed surveys, the organisations, the fingerprints of the agreements', the meetings' and
# the activities' ties (one aggregate each), the drawn page from the cache. Drawing it first adds the sources'
# ties (the closed survey's and the meetings' through their own cache), the layout's and the SVG's cache
# look-ups and writing the five to the database cache (five queries each).
BUDGET = {True: 12, False: 46}
CHANGE_BUDGET = 22
# A member's map has no survey: no closed surveys, no survey ties to read, draw or keep.
MEMBER_BUDGET = 38


def _grow(network):
    def grow():
        orgs = builders.bulk_world(network, 60, ratings_per_org=15, meetings=80, activities=40, rounds=3)
        builders.agreement(network, orgs[:5])
        builders.agreement(network, orgs[5:9])

    return grow


@pytest.fixture
def small(network):
    from tests import factories

    builders.bulk_world(factories.NetworkFactory(slug="pieni"), 3)  # another network's data is no load here
    orgs = builders.bulk_world(network, 10, ratings_per_org=3, meetings=4, activities=2, rounds=2)
    builders.agreement(network, orgs[:3])
    return network


def test_map_budget_when_drawn(client_for, coordinator, small):
    url = reverse("trust:network_map", kwargs={"slug": small.slug})
    assert_budget(client_for(coordinator), url, budget=BUDGET[False], grow=_grow(small))


def test_map_budget_from_the_cache(client_for, coordinator, small):
    url = reverse("trust:network_map", kwargs={"slug": small.slug})
    client = client_for(coordinator)
    client.get(url)
    grow = _grow(small)

    def grow_and_draw():
        grow()
        client.get(url)

    assert_budget(client, url, budget=BUDGET[True], grow=grow_and_draw)


def test_map_budget_with_filters(client_for, coordinator, small):
    query = "?shown=1&sources=meetings&sources=survey&level=strategic&page=2&npage=2"
    url = reverse("trust:network_map", kwargs={"slug": small.slug}) + query
    assert_budget(client_for(coordinator), url, budget=BUDGET[False], grow=_grow(small))


def test_change_budget(client_for, coordinator, small):
    url = reverse("trust:network_map_change", kwargs={"slug": small.slug})
    assert_budget(client_for(coordinator), url, budget=CHANGE_BUDGET, grow=_grow(small))


def test_map_budget_for_a_member(client_for, member, small):
    url = reverse("trust:network_map", kwargs={"slug": small.slug})
    assert_budget(client_for(member), url, budget=MEMBER_BUDGET, grow=_grow(small))
