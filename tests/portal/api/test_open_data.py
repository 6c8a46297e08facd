"""The open data as the finder shows it: every non-public field holds a marker (the finder's marker check,
``tests/networks/finder/markers.py``) and no answer of the open API contains it; the filters; the licence; the
public caching headers and the rate limit per address."""

import pytest
from django.urls import reverse

from tests import factories
from tests.networks.finder.markers import assert_no_marker, build_marked_data

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def _open_urls(data):
    services = reverse("api:public_service_list")
    return [
        services,
        services + "?limit=1",
        services + "?municipality=179&topic=career&channel=face_to_face&language=fi&target_group=everyone",
        services + "?level=guidance",
        reverse("api:public_service_detail", kwargs={"id": data.service.pk}),
        reverse("api:public_organisation_list"),
        reverse("api:public_organisation_detail", kwargs={"slug": data.organisation.slug}),
    ]


def test_no_private_field_in_any_open_answer(client):
    data = build_marked_data()
    for url in _open_urls(data):
        for language in ("fi", "sv", "en"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
            text = response.content.decode()
            assert_no_marker(text, data.marker, where=url)
    lists = client.get(reverse("api:public_service_list")).json()
    assert [item["id"] for item in lists["items"]] == [data.service.pk]  # the public one, not the marked ones
    organisations = client.get(reverse("api:public_organisation_list")).json()
    assert [item["slug"] for item in organisations["items"]] == [data.organisation.slug]
    for hidden in (data.hidden_service, data.private_service):
        assert client.get(reverse("api:public_service_detail", kwargs={"id": hidden.pk})).status_code == 404
    slug = {"slug": data.private_organisation.slug}
    assert client.get(reverse("api:public_organisation_detail", kwargs=slug)).status_code == 404


def test_the_filters_are_the_finders(client):
    career = factories.GuidanceServiceFactory(is_public=True, topics=["career"], municipalities=["179"])
    factories.GuidanceServiceFactory(is_public=True, topics=["education"], municipalities=["905"], regions=[])
    url = reverse("api:public_service_list")
    found = client.get(url + "?topic=career&municipality=179").json()["items"]
    assert [item["id"] for item in found] == [career.pk]
    assert client.get(url + "?topic=nonsense").status_code == 422
    assert client.get(url + "?municipality=000").status_code == 422


def test_licence_and_public_caching(client):
    service = factories.GuidanceServiceFactory(is_public=True)
    for url in (reverse("api:public_service_list"), reverse("api:public_service_detail", kwargs={"id": service.pk})):
        response = client.get(url)
        assert response["Link"] == f'<{LICENCE}>; rel="license"'
        assert response["Cache-Control"].startswith("public, max-age=")
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(reverse("api:public_service_list")).json()["licence"] == LICENCE


@pytest.mark.parametrize("name", ["api:public_service_list", "api:public_organisation_list"])
def test_the_rate_limit_per_address(client, settings, name):
    settings.API_RATE_PER_IP = 2
    url = reverse(name)
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert int(client.get(url)["Retry-After"]) >= 1
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200  # another address, its own window
