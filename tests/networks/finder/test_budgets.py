"""Query budgets of the finder's list and a public service's page: the same number of queries at two data sizes.

A visitor's page reads no session and no person. The finder is measured on a cold cache (the database cache in
the tests: with Redis its queries are not database queries): the version (read, added, read again: 7 queries
with the database backend's culling count and savepoint), the list (a miss: 1), the count and the page of
services with their organisations (2), and the write of the list (5). A warm list costs 2 (test_pages.py).
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import factories
from tests.querybudget import assert_budget


def _public_services(n, organisation=None):
    for _ in range(n):
        factories.GuidanceServiceFactory(
            organisation=organisation or factories.OrganisationFactory(),
            is_public=True,
            topics=["career"],
            municipalities=["179"],
            regions=["keski-suomi"],
            opening_hours_fi="Ma–pe 9–15",
        )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?q=ohjauspalvelu", "?municipality=179&topic=career&lang=sv"])
def test_finder(client, query):
    _public_services(3)
    url = reverse("finder:finder") + query

    def grow():
        _public_services(60)
        cache.clear()

    cache.clear()
    assert_budget(client, url, budget=15, grow=grow)


@pytest.mark.django_db
def test_service_page(client):
    organisation = factories.OrganisationFactory()
    _public_services(2, organisation)
    service = organisation.services.first()
    url = reverse("finder:service", kwargs={"slug": organisation.slug, "pk": service.pk})
    # the service with its organisation
    assert_budget(client, url, budget=1, grow=lambda: _public_services(60, organisation))


@pytest.mark.django_db
def test_organisation_page(client):
    organisation = factories.OrganisationFactory()
    _public_services(2, organisation)
    url = reverse("finder:organisation", kwargs={"slug": organisation.slug})
    # the organisation, the count and a page of its services
    assert_budget(client, url, budget=3, grow=lambda: _public_services(60, organisation))


@pytest.mark.django_db
def test_network_embed(client, network):
    network.embed_origins = ["https://www.example.fi"]
    network.save()

    def members(n):
        for _ in range(n):
            organisation = factories.OrganisationFactory()
            factories.MembershipFactory(network=network, organisation=organisation)
            _public_services(2, organisation)

    members(2)
    url = reverse("finder:embed_network", kwargs={"slug": network.slug})

    def grow():
        members(40)
        cache.clear()

    cache.clear()
    # the network, then as the finder: the version (7 on a cold database cache), the list (1), count and page (2),
    # the list's write (5)
    assert_budget(client, url, budget=16, grow=grow)
