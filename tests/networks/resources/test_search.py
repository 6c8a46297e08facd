"""Resources in the portal's search: found by their words in any form and language and by their tags, and only by
those who may read them (public ones by everyone); the index follows adding, editing and deleting."""

import pytest

from networks.resources import services
from portal.search import index
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.networks.resources.factories import document, link
from tests.portal.search.search_helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(network, coordinator, member):
    area = factories.ExpertiseAreaFactory(name="Maahanmuuttajien ohjaus", network=None)
    private = document(
        network, member, title="Kotoutumisen ohjauksen opas", description="Aikuisten maahanmuuttajien neuvonta."
    )
    public = link(network, coordinator, title="Julkinen kurssikalenteri", public=True, expertise=[area])
    index.rebuild()
    return private, public


def test_the_networks_people_find_its_resources(member, observer, resources):
    for person in (member, observer):
        assert titles(person, "oppaita", "resource") == ["Kotoutumisen ohjauksen opas"]
        assert titles(person, "neuvontaa", "resource") == ["Kotoutumisen ohjauksen opas"]


def test_others_find_only_public_resources(outsider, resources):
    assert titles(outsider, "opas", "resource") == []
    assert titles(outsider, "kurssikalenterit", "resource") == ["Julkinen kurssikalenteri"]
    assert titles(outsider, "maahanmuuttajien", "resource") == ["Julkinen kurssikalenteri"]


def test_a_result_links_to_the_resource(member, resources):
    from portal.search import query

    groups = query.grouped(member, query.parse("opas"))
    entry = next(group for group in groups if group.kind == "resource").results[0]
    assert entry.url == resources[0].get_absolute_url()


def test_the_index_follows_edits_and_deletes(member, resources, django_capture_on_commit_callbacks):
    private, _public = resources
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_update(resource=private, data={"title_fi": "Kotoutumisen käsikirja"})
    assert titles(member, "käsikirjat", "resource") == ["Kotoutumisen käsikirja"]
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(resource=private)
    assert titles(member, "käsikirja", "resource") == []


def _subtitle(resource):
    return SearchEntry.objects.get(kind=SearchKind.RESOURCE, object_id=resource.pk).subtitle


def test_a_renamed_network_goal_or_area_reaches_the_rows(
    network, coordinator, member, goal, django_capture_on_commit_callbacks
):
    area = factories.ExpertiseAreaFactory(name="Uraohjaus", network=network)
    with django_capture_on_commit_callbacks(execute=True):
        resource = document(network, member, title="Muistio", goals=[goal], expertise=[area])
    with django_capture_on_commit_callbacks(execute=True):
        network.name = "Pohjois-Savon ohjausverkosto"
        network.save(update_fields=["name"])
        goal.title = "Etäohjauksen laatu paranee"
        goal.save(update_fields=["title"])
        area.name = "Työvarjostus"
        area.save()
    assert _subtitle(resource) == "Pohjois-Savon ohjausverkosto"
    assert titles(member, "etäohjaukselle", "resource") == ["Muistio"]
    assert titles(member, "työvarjostukseen", "resource") == ["Muistio"]
    with django_capture_on_commit_callbacks(execute=True):
        goal.delete()
    assert titles(member, "etäohjaukselle", "resource") == []


def test_a_public_resource_names_only_a_public_network(network, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        public = link(network, coordinator, title="Julkinen linkki", public=True)
        private = link(network, coordinator, title="Sisäinen linkki")
    assert (_subtitle(public), _subtitle(private)) == ("", network.name)
    with django_capture_on_commit_callbacks(execute=True):
        network.is_public = True
        network.save(update_fields=["is_public"])
    assert _subtitle(public) == network.name
