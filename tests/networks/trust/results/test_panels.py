"""The coordinators' dashboard panel: the trust trend of each coordinated network and the strongest and weakest
ties of its latest closed trust survey, from the stored results in a constant number of queries."""

import pytest
from django.urls import reverse

from tests import factories
from tests.networks.trust.results.factories import orgs_in, trust_round
from tests.querybudget import count_queries

pytestmark = pytest.mark.django_db


def _closed_rounds(network, count, score=3):
    orgs = orgs_in(network, 3)
    a, b, c = orgs
    for number in range(count):
        trust_round(network, orgs, {(a, b): {"score": 1 + (score + number) % 4}, (b, a): {"score": 4}, (c, a): {}})
    return orgs


def test_coordinators_see_the_trend_and_ties(client, network, coordinator, member):
    a, b, _c = _closed_rounds(network, 5)
    client.force_login(coordinator)
    page = client.get(reverse("portal:home")).text
    assert 'id="trust-trend"' in page
    assert page.count("trust:round_results") == 0 and page.count("/results/") == 4  # the last four rounds
    assert f"{a.name} – {b.name}" in page or f"{b.name} – {a.name}" in page
    client.force_login(member)
    assert 'id="trust-trend"' not in client.get(reverse("portal:home")).text


def test_no_panel_without_closed_rounds(client, network, coordinator):
    client.force_login(coordinator)
    assert 'id="trust-trend"' not in client.get(reverse("portal:home")).text


def test_the_panel_queries_do_not_grow(client, network, coordinator):
    _closed_rounds(network, 1)
    client.force_login(coordinator)
    small, _ = count_queries(client, reverse("portal:home"))
    _closed_rounds(network, 4)
    for _ in range(3):
        other = factories.NetworkFactory()
        factories.NetworkRoleFactory(network=other, user=coordinator, role="coordinator")
        _closed_rounds(other, 2)
    large, sql = count_queries(client, reverse("portal:home"))
    assert small == large, "\n".join(sql)
