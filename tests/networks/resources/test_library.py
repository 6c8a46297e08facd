"""The network's library: filters by kind, area of expertise, goal and quality area, the search box, pages, the
empty state, the results changed in place with htmx; and the e-mail that tells the network about a new one."""

import pytest
from django.urls import reverse

from networks.resources.models import Resource
from portal.search import index
from tests import factories
from tests.networks.resources.factories import document, link

pytestmark = pytest.mark.django_db


def _titles(client, network, **params):
    response = client.get(reverse("resources:resource_list", kwargs={"slug": network.slug}), params)
    assert response.status_code == 200
    return [resource.title_fi for resource in response.context["page_obj"].object_list]


@pytest.fixture
def shelf(network, coordinator, member, goal):
    """A document tagged with an area of the network's vocabulary, a goal and a quality area; a link tagged with
    a portal-wide area and another quality area; an untagged document."""
    own_area = factories.ExpertiseAreaFactory(name="Osaamisen tunnistaminen", network=network)
    shared_area = factories.ExpertiseAreaFactory(name="Urasuunnittelu", network=None)
    document(
        network,
        coordinator,
        title="Osaamisen tunnistamisen opas",
        description="Miten aikuisen aiempi osaaminen tunnistetaan.",
        expertise=[own_area],
        goals=[goal],
        quality_areas=["competence"],
    )
    link(
        network,
        member,
        title="Työmarkkinatori",
        url="https://tyomarkkinatori.fi/",
        expertise=[shared_area],
        quality_areas=["user_involvement"],
    )
    document(network, member, title="Kokousmuistion pohja")
    index.rebuild()
    return {"own_area": own_area, "shared_area": shared_area, "goal": goal}


def test_the_library_lists_the_networks_resources_newest_first(client_for, network, member, shelf, other_network):
    document(other_network, factories.UserFactory(), title="Toisen verkoston opas")
    assert _titles(client_for(member), network) == [
        "Kokousmuistion pohja",
        "Työmarkkinatori",
        "Osaamisen tunnistamisen opas",
    ]


def test_filters(client_for, network, member, shelf):
    client = client_for(member)
    assert _titles(client, network, kind="link") == ["Työmarkkinatori"]
    assert _titles(client, network, kind="document") == ["Kokousmuistion pohja", "Osaamisen tunnistamisen opas"]
    assert _titles(client, network, expertise=shelf["own_area"].pk) == ["Osaamisen tunnistamisen opas"]
    assert _titles(client, network, expertise=shelf["shared_area"].pk) == ["Työmarkkinatori"]
    assert _titles(client, network, goal=shelf["goal"].pk) == ["Osaamisen tunnistamisen opas"]
    assert _titles(client, network, quality_area="user_involvement") == ["Työmarkkinatori"]
    assert _titles(client, network, kind="document", quality_area="competence") == ["Osaamisen tunnistamisen opas"]


def test_an_invalid_filter_is_ignored_and_the_others_kept(client_for, network, member, shelf, other_network):
    client = client_for(member)
    foreign_goal = factories.GoalFactory(network=other_network)
    assert len(_titles(client, network, goal=foreign_goal.pk)) == 3
    assert _titles(client, network, kind="link", quality_area="nonsense", expertise="x") == ["Työmarkkinatori"]


def test_the_search_box(client_for, network, member, shelf):
    client = client_for(member)
    assert _titles(client, network, q="aiempi osaaminen") == ["Osaamisen tunnistamisen opas"]
    # Finnish words in other forms, and tags, through the portal's search index
    assert _titles(client, network, q="oppaat") == ["Osaamisen tunnistamisen opas"]
    assert _titles(client, network, q="urasuunnittelun") == ["Työmarkkinatori"]
    assert _titles(client, network, q="muistio") == ["Kokousmuistion pohja"]
    assert _titles(client, network, q="tyomarkkinatori.fi") == ["Työmarkkinatori"]
    response = client.get(reverse("resources:resource_list", kwargs={"slug": network.slug}), {"q": "kvanttifysiikka"})
    assert list(response.context["page_obj"].object_list) == []
    assert _titles(client, network, q="???") == []
    assert reverse("resources:resource_list", kwargs={"slug": network.slug}) + '"' in response.text  # clear link


def test_the_search_finds_the_swedish_title(client_for, network, member):
    resource = link(network, member, title="Opas")
    Resource.objects.filter(pk=resource.pk).update(title_sv="Vägledningshandbok")
    assert _titles(client_for(member), network, q="vägledningshandbok") == ["Opas"]


def test_the_empty_library_invites_to_add(client_for, network, member, observer):
    url = reverse("resources:resource_list", kwargs={"slug": network.slug})
    add = reverse("resources:resource_create", kwargs={"slug": network.slug})
    page = client_for(member).get(url)
    assert page.context["page_obj"].paginator.count == 0
    assert add in page.text
    assert add not in client_for(observer).get(url).text


def test_the_library_is_paginated(client_for, network, member):
    for number in range(27):
        link(network, member, title=f"Linkki {number:02d}", url=f"https://example.fi/{number}")
    client = client_for(member)
    assert len(_titles(client, network)) == 25
    assert _titles(client, network, page=2) == ["Linkki 01", "Linkki 00"]


def test_htmx_gets_only_the_results(client_for, network, member, shelf):
    url = reverse("resources:resource_list", kwargs={"slug": network.slug})
    response = client_for(member).get(url, {"kind": "link"}, headers={"HX-Request": "true"})
    assert response.text.lstrip().startswith('<section id="resource-results"')
    assert "Työmarkkinatori" in response.text and "<html" not in response.text
    assert "HX-Request" in response["Vary"]


def test_htmx_restoring_its_history_gets_the_whole_page(client_for, network, member, shelf):
    """The filters push their address: going back to it when htmx no longer keeps the page asks for it again
    with ``HX-Request``, and the answer replaces the whole body."""
    url = reverse("resources:resource_list", kwargs={"slug": network.slug})
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = client_for(member).get(url, {"kind": "link"}, headers=headers)
    assert "<html" in response.text and 'id="resource-results"' in response.text
    assert "HX-Request" in response["Vary"]
    assert "HX-Request" in client_for(member).get(url)["Vary"]  # the page and its region never stand for each other


def test_adding_a_resource_tells_the_network(
    client_for, network, coordinator, member, observer, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("resources:resource_create", kwargs={"slug": network.slug})
    data = {"kind": "link", "title_fi": "Työmarkkinatori", "url": "https://tyomarkkinatori.fi/"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(member).post(url, data)
    resource = Resource.objects.get()
    assert response["Location"] == resource.get_absolute_url()
    assert sorted(message.to[0] for message in mailoutbox) == sorted([coordinator.email, observer.email])
    assert "Työmarkkinatori" in mailoutbox[0].subject
    assert resource.get_absolute_url() in mailoutbox[0].body


def test_a_resource_is_added_once_however_often_the_form_is_sent(client_for, network, member):
    client = client_for(member)
    url = reverse("resources:resource_create", kwargs={"slug": network.slug})
    token = client.get(url).context["form"].fields["once"].initial
    data = {"kind": "link", "title_fi": "Linkki", "url": "https://example.fi/", "once": token}
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Resource.objects.count() == 1
