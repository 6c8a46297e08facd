"""Editing an organisation: who may, every field, business IDs, the logo (refused, replaced, removed), another
person's save in between, and the service's own checks."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from partners.directory import services
from partners.directory.models import Organisation
from portal.lib.access import Role
from portal.lib.validators import LOGO_MAX_BYTES
from tests import factories
from tests.partners.directory.organisation_helpers import edit_url, form_data, has_checkboxes, image_bytes, upload


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_access_to_editing(client, network, organisation, member, outsider):
    assert client.get(edit_url(organisation)).status_code == 302
    client.force_login(outsider)
    assert client.get(edit_url(organisation)).status_code == 404
    assert client.post(edit_url(organisation), form_data(organisation, name_fi="Kaapattu")).status_code == 404
    # Someone of the network who works elsewhere sees the organisation but may not edit it.
    elsewhere = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=elsewhere)
    colleague = factories.UserFactory()
    factories.AffiliationFactory(user=colleague, organisation=elsewhere)
    factories.NetworkRoleFactory(network=network, user=colleague)
    client.force_login(colleague)
    assert client.get(edit_url(organisation)).status_code == 403
    assert client.post(edit_url(organisation), form_data(organisation, name_fi="Kaapattu")).status_code == 403
    # A coordinator of a network the organisation belongs to may edit it without working there.
    coordinator = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=coordinator, role=Role.COORDINATOR)
    client.force_login(coordinator)
    assert client.get(edit_url(organisation)).status_code == 200
    organisation.refresh_from_db()
    assert organisation.name != "Kaapattu"


@pytest.mark.django_db
def test_member_edits_every_field(client, member, organisation):
    client.force_login(member)
    response = client.get(edit_url(organisation))
    assert has_checkboxes(response.text, "regions")
    assert has_checkboxes(response.text, "languages")
    assert 'enctype="multipart/form-data"' in response.text
    data = form_data(
        organisation,
        name_fi="Jyväskylän kansalaisopisto (uusi)",
        short_name="JKO",
        kind=Organisation.Kind.ADULT_EDUCATION_CENTRE,
        business_id=" 1234567-1 ",
        regions=["uusimaa", "keski-suomi"],
        municipality="Jyväskylä",
        address="Katu 1",
        website="https://example.fi/",
        email="info@example.fi",
        phone="014 123 4567",
        languages=["sv", "fi"],
        description_fi="Kuvaus",
        logo=upload(),
    )
    response = client.post(edit_url(organisation), data)
    assert response.status_code == 302, response.context["form"].errors
    organisation.refresh_from_db()
    assert organisation.name == "Jyväskylän kansalaisopisto (uusi)"
    assert organisation.business_id == "1234567-1"
    assert organisation.regions == ["uusimaa", "keski-suomi"]  # the vocabulary's order
    assert organisation.languages == ["fi", "sv"]
    assert organisation.logo.name.startswith("logos/organisation/")
    assert organisation.logo.name.endswith(".png")
    assert organisation.slug == "kansalaisopisto"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("business_id", "message"),
    [
        ("1234567-8", "The check digit of this business ID is wrong."),
        ("1234567", "Enter a business ID in the form 1234567-8."),
        ("123456-78", "Enter a business ID in the form 1234567-8."),
        ("abcdefg-h", "Enter a business ID in the form 1234567-8."),
    ],
)
def test_bad_business_id_is_refused_and_input_kept(client, member, organisation, business_id, message):
    client.force_login(member)
    response = client.post(
        edit_url(organisation), form_data(organisation, business_id=business_id, name_fi="Pidä tämä")
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors["business_id"]
    assert "Pidä tämä" in response.text
    organisation.refresh_from_db()
    assert organisation.business_id == ""
    assert organisation.name != "Pidä tämä"


@pytest.mark.django_db
def test_duplicate_business_id_is_refused(client, member, organisation):
    factories.OrganisationFactory(business_id="1234567-1")
    client.force_login(member)
    response = client.post(edit_url(organisation), form_data(organisation, business_id="1234567-1"))
    assert response.status_code == 200
    assert response.context["form"].errors["business_id"] == ["An organisation with this business ID already exists."]
    # Saving again with its own business ID is no duplicate.
    organisation.business_id = "2345678-0"
    organisation.save()
    response = client.post(edit_url(organisation), form_data(organisation))
    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("logo.png", b"This is not an image at all.\n" * 10, content_type="image/png"),
            "This file is not an image, or it is damaged.",
        ),
        (
            SimpleUploadedFile(
                "logo.svg",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                content_type="image/svg+xml",
            ),
            "This file is not an image, or it is damaged.",
        ),
        (
            SimpleUploadedFile("logo.bmp", image_bytes("BMP"), content_type="image/bmp"),
            "A logo must be a PNG, JPEG, WebP or GIF image (this one is BMP).",
        ),
        (
            SimpleUploadedFile("big.png", image_bytes() + b"\0" * LOGO_MAX_BYTES, content_type="image/png"),
            "The logo file is too large",
        ),
        (
            # A PNG whose data is cut short.
            SimpleUploadedFile("cut.png", image_bytes(size=(400, 400))[:120], content_type="image/png"),
            "This file is not an image, or it is damaged.",
        ),
    ],
    ids=["text-as-png", "svg", "bmp", "oversize", "truncated"],
)
def test_bad_logos_are_refused_with_a_clear_message(client, member, organisation, file, message):
    client.force_login(member)
    response = client.post(edit_url(organisation), form_data(organisation, logo=file, name_fi="Pidä tämä"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["logo"])
    assert message in errors
    assert "Pidä tämä" in response.text
    organisation.refresh_from_db()
    assert not organisation.logo


@pytest.mark.django_db
def test_logo_is_replaced_and_removed(client, member, organisation):
    client.force_login(member)
    client.post(edit_url(organisation), form_data(organisation, logo=upload()))
    organisation.refresh_from_db()
    first = organisation.logo.name
    storage = organisation.logo.storage
    assert storage.exists(first)
    response = client.get(edit_url(organisation))
    assert 'name="remove_logo"' in response.text
    client.post(edit_url(organisation), form_data(organisation, logo=upload(content=image_bytes("GIF"), name="x.gif")))
    organisation.refresh_from_db()
    assert organisation.logo.name != first
    assert organisation.logo.name.endswith(".gif")
    client.post(edit_url(organisation), form_data(organisation, remove_logo="on"))
    organisation.refresh_from_db()
    assert not organisation.logo


@pytest.mark.django_db
def test_replaced_logo_file_is_deleted_after_commit(client, member, organisation, django_capture_on_commit_callbacks):
    client.force_login(member)
    client.post(edit_url(organisation), form_data(organisation, logo=upload()))
    organisation.refresh_from_db()
    first = organisation.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(organisation), form_data(organisation, logo=upload()))
    organisation.refresh_from_db()
    assert not organisation.logo.storage.exists(first)
    assert organisation.logo.storage.exists(organisation.logo.name)


@pytest.mark.django_db
def test_concurrent_edit_is_refused_and_input_kept(client, member, coordinator, organisation):
    client.force_login(member)
    loaded = client.get(edit_url(organisation)).context["form"]["version"].value()
    # Someone else saves meanwhile.
    services.organisation_update(
        organisation=organisation,
        data={"name": "Toisen tallentama"},
        expected_version=organisation.updated_at,
    )
    stale = form_data(organisation, name_fi="Minun muutokseni", description_fi="Pitkä kuvaus", version=loaded)
    response = client.post(edit_url(organisation), stale)
    assert response.status_code == 200
    assert "Someone else saved this organisation" in response.text
    assert "Minun muutokseni" in response.text and "Pitkä kuvaus" in response.text
    organisation.refresh_from_db()
    assert organisation.name == "Toisen tallentama"
    # The form now carries the current version: saving again (after checking) overwrites.
    fresh = response.context["form"]["version"].value()
    assert fresh == organisation.updated_at.isoformat() != loaded
    response = client.post(edit_url(organisation), {**stale, "version": fresh})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Minun muutokseni"


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["", "yesterday", "2026-01-01T10:00:00", "\x00"])
def test_missing_or_bad_version_is_a_form_error(client, member, organisation, version):
    client.force_login(member)
    response = client.post(edit_url(organisation), form_data(organisation, name_fi="Uusi", version=version))
    assert response.status_code == 200
    assert "The form was out of date" in response.text
    organisation.refresh_from_db()
    assert organisation.name != "Uusi"


def test_service_refuses_fields_it_does_not_own():
    with pytest.raises(TypeError):
        services.organisation_update(organisation=None, data={"slug": "x"}, expected_version=None)


@pytest.mark.django_db
def test_business_id_taken_in_the_same_moment_is_a_validation_error(organisation):
    """The database constraint is the last word: the service turns its refusal into a form error."""
    factories.OrganisationFactory(business_id="1234567-1")
    with pytest.raises(ValidationError) as error:
        services.organisation_update(
            organisation=organisation, data={"business_id": "1234567-1"}, expected_version=organisation.updated_at
        )
    assert error.value.message_dict == {"business_id": ["An organisation with this business ID already exists."]}
    organisation.refresh_from_db()
    assert organisation.business_id == ""
