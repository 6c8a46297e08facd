"""No public page, embed or sitemap shows a field that is not public (the marker check of markers.py)."""

import pytest
from django.urls import reverse

from tests.networks.finder.markers import assert_no_marker, build_marked_data, public_urls


@pytest.mark.django_db
def test_no_public_response_shows_a_field_that_is_not_public(client):
    data = build_marked_data()
    data.public_network.embed_origins = ["https://embed.example.fi"]
    data.public_network.save()
    for url in public_urls(data):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_marker(response.content.decode(), data.marker, where=url)
    # the public service is found, the marked ones are not
    html = client.get(reverse("finder:finder"), {"q": "uraohjaus"}).content.decode()
    assert "Uraohjaus aikuisille" in html
    assert "0 services found" in client.get(reverse("finder:finder"), {"q": data.marker, "lang": "en"}).content.decode()


@pytest.mark.django_db
def test_what_is_not_public_answers_404_without_its_text(client):
    data = build_marked_data()
    for url in (
        reverse("finder:service", kwargs={"slug": data.organisation.slug, "pk": data.hidden_service.pk}),
        reverse("finder:service", kwargs={"slug": data.private_organisation.slug, "pk": data.private_service.pk}),
        reverse("finder:organisation", kwargs={"slug": data.private_organisation.slug}),
        reverse("finder:embed_organisation", kwargs={"slug": data.private_organisation.slug}),
        reverse("finder:embed_network", kwargs={"slug": data.network.slug}),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert_no_marker(response.content.decode(), data.marker, where=url)
