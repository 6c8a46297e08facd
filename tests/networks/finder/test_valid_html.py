"""Every page of the finder is valid HTML (the W3C Nu checker, offline), in each language: the finder with
results, filtered and empty, a service's page with its JSON-LD, a profile, the embeds and the 404."""

import pytest
from django.urls import reverse

from tests import nuchecker


@pytest.mark.django_db
def test_the_finder_pages_are_valid_html(client, public_service, network, tmp_path):
    network.embed_origins = ["https://www.example.fi"]
    network.save()
    slug = public_service.organisation.slug
    pages = [
        reverse("finder:finder"),
        reverse("finder:finder") + "?q=kirjastossa&municipality=179&channel=walk_in",
        reverse("finder:finder") + "?topic=integration&level=nonsense",
        reverse("finder:service", kwargs={"slug": slug, "pk": public_service.pk}),
        reverse("finder:organisation", kwargs={"slug": slug}),
        reverse("finder:embed_network", kwargs={"slug": network.slug}),
        reverse("finder:embed_organisation", kwargs={"slug": slug}),
        reverse("finder:service", kwargs={"slug": slug, "pk": public_service.pk + 1000}),
    ]
    sources = {}
    for number, page in enumerate(pages):
        for code in ("fi", "sv", "en"):
            url = f"{page}{'&' if '?' in page else '?'}lang={code}"
            response = client.get(url)
            assert response.status_code in (200, 404), url
            path = tmp_path / f"page-{number}-{code}.html"
            path.write_bytes(response.content)
            sources[path.name] = url
    errors = nuchecker.check_files(sorted(tmp_path.glob("*.html")))
    assert not errors, nuchecker.describe(errors, sources)
