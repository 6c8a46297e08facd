"""Who reads what in the resource library: a private resource is the network's people's (outsiders get 404, an
anonymous visitor is asked to sign in, and so is the download of its files); a public one anyone reads, signed in
or not, through the same views, and it is listed on the network's public page."""

import pytest
from django.urls import reverse

from networks.resources.models import Visibility
from tests.networks.resources.factories import document, link, pdf_bytes

pytestmark = pytest.mark.django_db


def _download_url(resource, number=1):
    return reverse("resources:version_download", kwargs={"uuid": resource.uuid, "number": number})


def test_a_private_resource_is_for_the_networks_people(client_for, network, member, observer, outsider):
    resource = document(network, member)
    url = resource.get_absolute_url()
    for person in (member, observer):
        assert client_for(person).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_download_of_a_private_version_is_refused_to_outsiders(client_for, network, member, outsider):
    resource = document(network, member)
    assert client_for(outsider).get(_download_url(resource)).status_code == 404
    anonymous = client_for(None).get(_download_url(resource))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    response = client_for(member).get(_download_url(resource))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_a_download_is_an_attachment_never_sniffed_or_cached(client_for, network, member):
    resource = document(network, member, name='Opas "uusi"\r\n.pdf')
    response = client_for(member).get(_download_url(resource))
    b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "\n" not in response["Content-Disposition"] and "\r" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_a_missing_version_is_not_found(client_for, network, member):
    resource = document(network, member)
    assert client_for(member).get(_download_url(resource, 2)).status_code == 404
    other = link(network, member)
    assert client_for(member).get(_download_url(other, 1)).status_code == 404


def test_a_public_resource_is_read_by_anyone(client_for, network, coordinator, outsider):
    resource = document(network, coordinator, title="Julkinen opas", public=True)
    for person in (None, outsider):
        client = client_for(person)
        page = client.get(resource.get_absolute_url())
        assert page.status_code == 200
        assert "Julkinen opas" in page.text
        # no buttons of the network's people, and no path into the members' pages
        assert reverse("resources:resource_edit", kwargs={"uuid": resource.uuid}) not in page.text
        assert reverse("resources:resource_list", kwargs={"slug": network.slug}) not in page.text
        # who added and uploaded it is for the network's people only
        assert coordinator.last_name not in page.text
        download = client.get(_download_url(resource))
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == pdf_bytes()


def test_public_resources_are_on_the_networks_public_page(client_for, network, coordinator, member):
    network.is_public = True
    network.save(update_fields=["is_public"])
    public = document(network, coordinator, title="Julkinen opas", public=True)
    document(network, member, title="Sisäinen muistio")
    page = client_for(None).get(reverse("networks:network_public", kwargs={"slug": network.slug}))
    assert page.status_code == 200
    assert public.get_absolute_url() in page.text
    assert "Sisäinen muistio" not in page.text


def test_a_network_without_public_resources_shows_no_section(client_for, network, member):
    network.is_public = True
    network.save(update_fields=["is_public"])
    document(network, member)
    page = client_for(None).get(reverse("networks:network_public", kwargs={"slug": network.slug}))
    assert 'id="public-resources"' not in page.text


def test_only_coordinators_choose_who_may_read(client_for, network, coordinator, member):
    url = reverse("resources:resource_create", kwargs={"slug": network.slug})
    assert 'name="visibility"' not in client_for(member).get(url).text
    assert 'name="visibility"' in client_for(coordinator).get(url).text
    data = {"kind": "link", "url": "https://example.fi/opas", "title_fi": "Linkki", "visibility": "public"}
    assert client_for(member).post(url, data).status_code == 302
    assert network.resources.get(title_fi="Linkki").visibility == Visibility.NETWORK
    data["title_fi"] = "Toinen linkki"
    assert client_for(coordinator).post(url, data).status_code == 302
    assert network.resources.get(title_fi="Toinen linkki").visibility == Visibility.PUBLIC


@pytest.mark.parametrize(("person", "status"), [("coordinator", 200), ("member", 200), ("observer", 403)])
def test_the_adder_and_coordinators_manage_a_resource(request, client_for, network, member, person, status):
    resource = document(network, member)
    client = client_for(request.getfixturevalue(person))
    for name in ("resource_edit", "resource_delete", "version_create"):
        assert client.get(reverse(f"resources:{name}", kwargs={"uuid": resource.uuid})).status_code == status


def test_another_member_does_not_manage_what_a_colleague_added(client_for, network, coordinator, member):
    resource = document(network, coordinator)
    client = client_for(member)
    assert client.get(resource.get_absolute_url()).status_code == 200
    for name in ("resource_edit", "resource_delete", "version_create"):
        assert client.get(reverse(f"resources:{name}", kwargs={"uuid": resource.uuid})).status_code == 403


def test_a_link_has_no_versions(client_for, network, coordinator):
    resource = link(network, coordinator)
    url = reverse("resources:version_create", kwargs={"uuid": resource.uuid})
    assert client_for(coordinator).get(url).status_code == 403


def test_a_link_opens_outside_without_passing_the_portals_address(client_for, network, member):
    resource = link(network, member, url="https://tyomarkkinatori.fi/henkiloasiakkaat")
    page = client_for(member).get(resource.get_absolute_url()).text
    assert 'href="https://tyomarkkinatori.fi/henkiloasiakkaat" rel="noopener noreferrer nofollow"' in page
