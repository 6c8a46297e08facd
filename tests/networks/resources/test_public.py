"""What a public resource shows to those who read it only because it is public: its texts, the portal's areas of
expertise and its current version; not the network's own goals and vocabulary, the name of a network whose page
is not public, nor the earlier versions. What anyone reads is changed only by the network's coordinators."""

import pytest
from django.urls import reverse

from networks.resources import services
from networks.resources.views.resources import PUBLIC_CHANGE_REFUSED
from tests import factories
from tests.networks.resources.factories import document, docx_bytes, upload

pytestmark = pytest.mark.django_db


def _download_url(resource, number):
    return reverse("resources:version_download", kwargs={"uuid": resource.uuid, "number": number})


@pytest.fixture
def tagged(network, coordinator, goal):
    """A public document of the private network, tagged with a goal, a portal term and the network's own term."""
    portal_area = factories.ExpertiseAreaFactory(name="Maahanmuuttajien ohjaus", network=None)
    own_area = factories.ExpertiseAreaFactory(name="Verkoston sisäinen termi", network=network)
    return document(network, coordinator, public=True, goals=[goal], expertise=[portal_area, own_area])


def test_goals_and_the_networks_own_terms_are_for_its_people(client_for, tagged, goal, member, outsider):
    for person in (None, outsider):
        page = client_for(person).get(tagged.get_absolute_url())
        assert page.status_code == 200
        assert goal.title not in page.text
        assert reverse("goals:goal_detail", kwargs={"pk": goal.pk}) not in page.text
        assert "Maahanmuuttajien ohjaus" in page.text and "Verkoston sisäinen termi" not in page.text
    page = client_for(member).get(tagged.get_absolute_url()).text
    assert goal.title in page and "Verkoston sisäinen termi" in page


def test_a_private_networks_name_is_not_shown(client_for, network, tagged, outsider):
    for person in (None, outsider):
        assert network.name not in client_for(person).get(tagged.get_absolute_url()).text
    network.is_public = True
    network.save(update_fields=["is_public"])
    page = client_for(None).get(tagged.get_absolute_url()).text
    assert network.name in page and reverse("networks:network_public", kwargs={"slug": network.slug}) in page


def test_only_the_current_version_is_public(client_for, network, coordinator, member, outsider):
    resource = document(network, coordinator, public=True, name="vanha.pdf")
    services.version_add(resource=resource, uploaded_file=upload("uusi.docx", docx_bytes()), user=coordinator)
    for person in (None, outsider):
        client = client_for(person)
        page = client.get(resource.get_absolute_url()).text
        assert _download_url(resource, 2) in page and "uusi.docx" in page
        assert _download_url(resource, 1) not in page and "vanha.pdf" not in page
        download = client.get(_download_url(resource, 2))
        assert download.status_code == 200 and b"".join(download.streaming_content) == docx_bytes()
    anonymous = client_for(None).get(_download_url(resource, 1))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login"))
    assert client_for(outsider).get(_download_url(resource, 1)).status_code == 404
    old = client_for(member).get(_download_url(resource, 1))
    assert old.status_code == 200 and b"".join(old.streaming_content)
    assert "vanha.pdf" in client_for(member).get(resource.get_absolute_url()).text


def test_a_public_resource_is_changed_only_by_coordinators(client_for, network, coordinator, member):
    resource = document(network, member, title="Jäsenen opas")
    resource.visibility = "public"
    resource.save(update_fields=["visibility"])
    client = client_for(member)
    page = client.get(resource.get_absolute_url())
    assert str(PUBLIC_CHANGE_REFUSED) in page.text
    assert reverse("resources:resource_edit", kwargs={"uuid": resource.uuid}) not in page.text
    assert reverse("resources:resource_delete", kwargs={"uuid": resource.uuid}) in page.text  # still theirs
    edit = reverse("resources:resource_edit", kwargs={"uuid": resource.uuid})
    version_create = reverse("resources:version_create", kwargs={"uuid": resource.uuid})
    for method, url in (("get", edit), ("get", version_create), ("post", edit)):
        response = getattr(client, method)(url, {"title_fi": "Muutettu"} if method == "post" else {}, follow=True)
        assert response.redirect_chain == [(resource.get_absolute_url(), 302)]
        assert [str(message) for message in response.context["messages"]] == [str(PUBLIC_CHANGE_REFUSED)]
    resource.refresh_from_db()
    assert resource.title_fi == "Jäsenen opas" and resource.versions.count() == 1
    coordinators = client_for(coordinator)
    assert coordinators.get(edit).status_code == 200
    assert str(PUBLIC_CHANGE_REFUSED) not in coordinators.get(resource.get_absolute_url()).text
