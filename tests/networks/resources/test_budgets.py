"""Query budgets of the resource library (HOUSE-STYLE rule 22): the library, a resource's page and the public
page's section make the same number of queries with a few resources, tags and versions as with hundreds."""

import pytest
from django.urls import reverse

from networks.resources.models import Resource, ResourceKind, ResourceVersion, Visibility
from tests import factories
from tests.networks.resources.factories import document
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db


def _bulk(network, user, n, *, areas, goals, versions=1):
    """``n`` documents of ``network``, each tagged with every one of ``areas`` and ``goals``, with ``versions``
    versions (rows only: the pages never open the files)."""
    resources = Resource.objects.bulk_create(
        Resource(
            network=network,
            kind=ResourceKind.DOCUMENT,
            title=f"Opas {number}",
            title_fi=f"Opas {number}",
            description_fi="Kuvaus",
            visibility=Visibility.PUBLIC if number % 2 else Visibility.NETWORK,
            quality_areas=["competence"],
            added_by=user,
        )
        for number in range(n)
    )
    for resource in resources:
        resource.expertise.set(areas)
        resource.goals.set(goals)
    ResourceVersion.objects.bulk_create(
        ResourceVersion(
            resource=resource,
            number=number,
            file=f"resources/{resource.pk}-{number}",
            original_name=f"opas-{number}.pdf",
            content_type="application/pdf",
            size=1000,
            uploaded_by=user,
        )
        for resource in resources
        for number in range(1, versions + 1)
    )
    return resources


@pytest.fixture
def world(network, coordinator, member, goal):
    areas = [factories.ExpertiseAreaFactory(network=network), factories.ExpertiseAreaFactory(network=None)]
    resource = document(network, member, expertise=areas, goals=[goal], quality_areas=["competence"], public=True)
    _bulk(network, member, 3, areas=areas, goals=[goal])
    return network, member, resource, areas, goal


def _grow(world_):
    network, _member, resource, areas, goal = world_

    def grow():
        more_areas = [*areas, *factories.ExpertiseAreaFactory.create_batch(5, network=network)]
        goals = [goal, *factories.GoalFactory.create_batch(5, network=network)]
        _bulk(network, factories.UserFactory(), 300, areas=more_areas, goals=goals, versions=3)
        resource.expertise.set(more_areas)
        resource.goals.set(goals)
        ResourceVersion.objects.bulk_create(
            ResourceVersion(
                resource=resource,
                number=number,
                file=f"resources/x-{number}",
                original_name=f"opas-{number}.pdf",
                content_type="application/pdf",
                size=1000,
                uploaded_by=factories.UserFactory(),
            )
            for number in range(2, 60)
        )

    return grow


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_library_does_not_grow(request, client_for, world, viewer):
    url = reverse("resources:resource_list", kwargs={"slug": world[0].slug})
    # session, user, MFA check, network, the filter's areas and goals, the role, the count, a page of resources
    # with their current versions, their areas, their goals
    url += "?kind=document&quality_area=competence&q=opas"
    assert_budget(
        client_for(request.getfixturevalue(viewer)), url, budget=12, grow=_grow(world)
    )  # + the header's unread count


@pytest.mark.parametrize(("viewer", "budget"), [("coordinator", 10), ("member", 10), ("outsider", 10), (None, 5)])
def test_the_resource_page_does_not_grow(request, client_for, world, viewer, budget):
    person = request.getfixturevalue(viewer) if viewer else None
    # session, user, MFA check (the anonymous visitor: none of these, but the session's), the resource (network,
    # adder), its areas, its goals, the role, the versions' count and page (with their uploaders)
    assert_budget(client_for(person), world[2].get_absolute_url(), budget=budget, grow=_grow(world))


def test_the_public_section_does_not_grow(client_for, world):
    network = world[0]
    network.is_public = True
    network.save(update_fields=["is_public"])
    url = reverse("networks:network_public", kwargs={"slug": network.slug})
    # the network, the public resources' count and page
    assert_budget(client_for(None), url, budget=3, grow=_grow(world))
