"""The admin of organisations: the same validation as the edit form (business ID, logo), the regions as
checkboxes and a filter, the logo linked through its view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from partners.directory.models import Organisation
from tests import factories
from tests.partners.directory.organisation_helpers import has_checkboxes, logo_url, upload


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_admin_refuses_bad_business_id_and_bad_logo(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:partners_organisation_add")
    page = client.get(url)
    assert page.status_code == 200
    assert has_checkboxes(page.text, "regions")
    data = {"name_fi": "Uusi", "slug": "uusi", "kind": "library", "business_id": "1234567-8", "regions": ["lappi"]}
    response = client.post(url, {**data, "logo": SimpleUploadedFile("x.png", b"not an image")})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "The check digit of this business ID is wrong." in errors["business_id"]
    assert "This file is not an image" in " ".join(errors["logo"])
    factories.OrganisationFactory(business_id="1234567-1")
    response = client.post(url, {**data, "business_id": "1234567-1"})
    assert response.status_code == 200
    assert "An organisation with this business ID already exists." in response.text
    response = client.post(url, {**data, "business_id": "2345678-0", "logo": upload()})
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = Organisation.objects.get(slug="uusi")
    assert created.regions == ["lappi"]
    assert created.logo
    change = client.get(reverse("admin:partners_organisation_change", args=[created.pk]))
    assert logo_url(created) in change.text  # "currently" links to the logo view, not a media URL
    filtered = client.get(reverse("admin:partners_organisation_changelist"), {"regions": "lappi"})
    assert list(filtered.context["cl"].result_list) == [created]
