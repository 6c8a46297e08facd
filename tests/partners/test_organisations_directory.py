"""The organisation directory, an organisation's page, editing it (with its logo) and the admin's checks."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from networks.memberships.models import Membership, MembershipChange, MembershipLevel
from partners.directory import selectors, services
from partners.directory.forms.organisations import OrganisationFilterForm
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus, Role
from portal.lib.validators import LOGO_MAX_BYTES, validate_logo
from tests import factories
from tests.querybudget import assert_budget

LIST_URL = reverse("partners:organisation_list")


def image_bytes(fmt="PNG", size=(40, 20), color=(10, 80, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name="logo.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, image_bytes() if content is None else content, content_type=content_type)


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def has_checkboxes(html, name) -> bool:
    return bool(
        re.search(rf'<input[^>]*type="checkbox"[^>]*name="{name}"|<input[^>]*name="{name}"[^>]*type="checkbox"', html)
    )


def edit_url(organisation):
    return reverse("partners:organisation_edit", kwargs={"slug": organisation.slug})


def fetch(client, url):
    """GET ``url``; a streamed file is read to the end, which closes it (the test client's wrapper does)."""
    response = client.get(url)
    response.body = b"".join(response.streaming_content) if response.streaming else response.content
    return response


def logo_url(organisation):
    return reverse("partners:organisation_logo", kwargs={"slug": organisation.slug})


def form_data(organisation, **changes):
    """What the edit form posts for ``organisation`` unchanged, with ``changes``."""
    data = {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "business_id": organisation.business_id,
        "regions": organisation.regions,
        "municipality": organisation.municipality,
        "address": organisation.address,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "languages": organisation.languages,
        "description": organisation.description,
        "version": organisation.updated_at.isoformat(),
    }
    data.update(changes)
    return data


# --- the directory ------------------------------------------------------------------------------


@pytest.fixture
def directory(network, other_network, organisation):
    """Organisations of the cast's network with different kinds, regions and languages."""
    organisation.kind = Organisation.Kind.ADULT_EDUCATION_CENTRE
    organisation.regions = ["keski-suomi"]
    organisation.languages = ["fi"]
    organisation.save()
    library = factories.OrganisationFactory(
        name="Jyväskylän kaupunginkirjasto",
        short_name="JKL-kirjasto",
        kind=Organisation.Kind.LIBRARY,
        regions=["keski-suomi", "pirkanmaa"],
        languages=["fi", "sv"],
    )
    employment = factories.OrganisationFactory(
        name="Työllisyyspalvelut",
        kind=Organisation.Kind.EMPLOYMENT_SERVICES,
        regions=["uusimaa"],
        languages=["fi", "en"],
    )
    factories.MembershipFactory(network=network, organisation=library)
    factories.MembershipFactory(network=network, organisation=employment, status=MembershipStatus.PAUSED)
    gone = factories.OrganisationFactory(name="Lähtenyt ry", kind=Organisation.Kind.NGO)
    factories.MembershipFactory(network=network, organisation=gone, status=MembershipStatus.LEFT)
    return {
        "library": library,
        "employment": employment,
        "gone": gone,
        "hidden": other_network.memberships.get().organisation,
    }


def names(response):
    return [o.name for o in response.context["page_obj"].object_list]


@pytest.mark.django_db
def test_directory_lists_what_the_person_may_see(client, member, directory, organisation):
    client.force_login(member)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert names(response) == ["Jyväskylän kansalaisopisto", "Jyväskylän kaupunginkirjasto", "Työllisyyspalvelut"]
    # Another network's members and organisations that left are not listed.
    assert directory["hidden"].name not in response.text
    assert "Lähtenyt ry" not in response.text
    assert "Keski-Suomi" in response.text or "Central Finland" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "library"}, ["Jyväskylän kaupunginkirjasto"]),
        ({"region": "keski-suomi"}, ["Jyväskylän kansalaisopisto", "Jyväskylän kaupunginkirjasto"]),
        ({"region": "uusimaa"}, ["Työllisyyspalvelut"]),
        ({"language": "sv"}, ["Jyväskylän kaupunginkirjasto"]),
        ({"q": "KAUPUNGIN"}, ["Jyväskylän kaupunginkirjasto"]),
        ({"q": "jkl-kir"}, ["Jyväskylän kaupunginkirjasto"]),  # the short name
        ({"network": "keski-suomi", "language": "en"}, ["Työllisyyspalvelut"]),
        ({"region": "lappi"}, []),
    ],
)
def test_directory_filters(client, member, directory, query, expected):
    client.force_login(member)
    response = client.get(LIST_URL, query)
    assert response.status_code == 200
    assert names(response) == expected
    if not expected:
        assert "No organisations match these filters" in response.text


@pytest.mark.django_db
def test_network_filter_offers_only_visible_networks(client, member, directory, other_network):
    client.force_login(member)
    response = client.get(LIST_URL)
    assert 'value="keski-suomi"' in response.text
    assert 'value="toinen"' not in response.text
    # A guessed slug of another network is an invalid choice: ignored, never a way to peek.
    response = client.get(LIST_URL, {"network": "toinen"})
    assert response.status_code == 200
    assert "network" not in response.context["filters"]
    assert directory["hidden"].name not in names(response)


@pytest.mark.django_db
def test_selector_ignores_networks_the_user_does_not_see(member, directory, other_network):
    """The export calls the selector directly: a hidden network narrows to nothing, it leaks nothing."""
    assert list(selectors.organisation_directory(user=member, filters={"network": "toinen"})) == []
    both = selectors.organisation_directory(user=member, filters={"region": ["uusimaa", "pirkanmaa"]})
    assert [o.name for o in both] == ["Jyväskylän kaupunginkirjasto", "Työllisyyspalvelut"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"kind": "dragon"},
        {"region": "atlantis"},
        {"language": "xx"},
        {"network": "\x00"},
        {"q": "kirja\x00sto"},
        {"q": "x" * 500},
        {"page": "abc"},
        {"page": "99999"},
        {"region": ["keski-suomi", "uusimaa"]},
    ],
)
def test_bad_filters_are_ignored_never_an_error(client, member, directory, query):
    client.force_login(member)
    response = client.get(LIST_URL, query)
    # NUL bytes are refused by the portal's middleware (400) before the view; the rest are ignored.
    has_nul = any("\x00" in value for value in query.values() if isinstance(value, str))
    assert response.status_code == (400 if has_nul else 200)


@pytest.mark.django_db
def test_filter_form_has_labels_and_is_a_get_form(client, member, directory):
    client.force_login(member)
    html = client.get(LIST_URL).text
    form = re.search(r'<form[^>]*id="organisation-filters"[^>]*>', html).group(0)
    assert 'method="get"' in form
    for field in ("q", "kind", "region", "language", "network"):
        assert f'for="id_{field}"' in html
    assert "csrfmiddlewaretoken" not in html.split('id="organisation-filters"')[1].split("</form>")[0]


def test_filter_form_drops_invalid_values():
    class Nobody:
        is_authenticated = False

    form = OrganisationFilterForm({"kind": "library", "region": "atlantis", "q": "  "}, user=Nobody())
    assert form.filters() == {"kind": "library"}
    assert OrganisationFilterForm(None, user=Nobody()).filters() == {}


@pytest.mark.django_db
def test_directory_is_paginated_and_has_an_empty_state(client, member, network, organisation, outsider):
    client.force_login(outsider)
    response = client.get(LIST_URL)
    # The outsider sees their own network's organisation only.
    assert names(response) == ["Toinen org"]
    orgs = Organisation.objects.bulk_create(Organisation(name=f"Org {n:03}", slug=f"org-{n:03}") for n in range(60))
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
    client.force_login(member)
    first = client.get(LIST_URL)
    assert first.context["page_obj"].paginator.count == 61
    assert len(first.context["page_obj"]) == 50
    assert len(client.get(LIST_URL, {"page": 2}).context["page_obj"]) == 11
    lonely = factories.UserFactory()
    client.force_login(lonely)
    assert "There are no organisations to show yet" in client.get(LIST_URL).text


@pytest.mark.django_db
def test_directory_actions_include_is_right_above_the_results(client, member, directory):
    client.force_login(member)
    response = client.get(LIST_URL)
    assert "partners/directory/includes/directory_actions.html" in [t.name for t in response.templates]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?region=keski-suomi&kind=library&language=fi&network=keski-suomi&q=org"])
def test_directory_query_budget(client, member, network, query):
    """The same number of queries at 10 and at 1,000 organisations."""

    def add(count, start):
        orgs = Organisation.objects.bulk_create(
            Organisation(
                name=f"Org {n:05}",
                slug=f"org-{n:05}",
                kind=Organisation.Kind.LIBRARY,
                regions=["keski-suomi", "uusimaa"],
                languages=["fi", "sv"],
            )
            for n in range(start, start + count)
        )
        Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)

    add(10, 0)
    client.force_login(member)
    response = client.get(LIST_URL + query)
    assert response.context["page_obj"].paginator.count >= 10
    assert_budget(client, LIST_URL + query, budget=8, grow=lambda: add(990, 10))
    assert client.get(LIST_URL + query).context["page_obj"].paginator.count >= 1000


# --- the organisation page -------------------------------------------------------------------------


@pytest.mark.django_db
def test_organisation_page_shows_every_detail(client, member, network, organisation):
    organisation.short_name = "JKO"
    organisation.kind = Organisation.Kind.ADULT_EDUCATION_CENTRE
    organisation.business_id = "1234567-1"
    organisation.regions = ["keski-suomi"]
    organisation.municipality = "Jyväskylä"
    organisation.address = "Kansalaisopistonkatu 1\n40100 Jyväskylä"
    organisation.website = "https://example.fi/"
    organisation.email = "info@example.fi"
    organisation.phone = "014 123 4567"
    organisation.languages = ["fi", "sv"]
    organisation.description = "Kursseja aikuisille."
    organisation.logo = upload()
    organisation.save()
    factories.GuidanceServiceFactory(organisation=organisation, name="Opintoneuvonta")
    factories.GuidanceServiceFactory(organisation=organisation, name="Aikuisohjaus")
    client.force_login(member)
    response = client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug}))
    text = response.text
    for expected in (
        "JKO",
        "1234567-1",
        "Jyväskylä",
        "Kansalaisopistonkatu 1<br>40100 Jyväskylä",
        "https://example.fi/",
        "mailto:info@example.fi",
        "014 123 4567",
        "Kursseja aikuisille.",
        logo_url(organisation),
        network.name,
        edit_url(organisation),
    ):
        assert expected in text, expected
    assert [s.name for s in response.context["services"]] == ["Aikuisohjaus", "Opintoneuvonta"]
    assert "partners/directory/includes/organisation_services.html" in [t.name for t in response.templates]
    assert response.context["can_edit"] is True


@pytest.mark.django_db
def test_organisation_page_query_count_does_not_grow_with_services(client, member, organisation):
    client.force_login(member)
    url = reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})
    factories.GuidanceServiceFactory.create_batch(2, organisation=organisation)
    assert_budget(
        client,
        url,
        budget=20,
        grow=lambda: factories.GuidanceServiceFactory.create_batch(30, organisation=organisation),
    )


@pytest.mark.django_db
def test_edit_link_only_for_those_who_may_edit(client, network, organisation):
    elsewhere = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=elsewhere)
    colleague = factories.UserFactory()
    factories.AffiliationFactory(user=colleague, organisation=elsewhere)
    factories.NetworkRoleFactory(network=network, user=colleague)
    client.force_login(colleague)
    response = client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug}))
    assert response.status_code == 200
    assert edit_url(organisation) not in response.text


# --- editing ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_access_to_editing(client, network, organisation, member, outsider):
    assert client.get(edit_url(organisation)).status_code == 302
    client.force_login(outsider)
    assert client.get(edit_url(organisation)).status_code == 404
    assert client.post(edit_url(organisation), form_data(organisation, name="Kaapattu")).status_code == 404
    # Someone of the network who works elsewhere sees the organisation but may not edit it.
    elsewhere = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=elsewhere)
    colleague = factories.UserFactory()
    factories.AffiliationFactory(user=colleague, organisation=elsewhere)
    factories.NetworkRoleFactory(network=network, user=colleague)
    client.force_login(colleague)
    assert client.get(edit_url(organisation)).status_code == 403
    assert client.post(edit_url(organisation), form_data(organisation, name="Kaapattu")).status_code == 403
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
        name="Jyväskylän kansalaisopisto (uusi)",
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
        description="Kuvaus",
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
    response = client.post(edit_url(organisation), form_data(organisation, business_id=business_id, name="Pidä tämä"))
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
    response = client.post(edit_url(organisation), form_data(organisation, logo=file, name="Pidä tämä"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["logo"])
    assert message in errors
    assert "Pidä tämä" in response.text
    organisation.refresh_from_db()
    assert not organisation.logo


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_valid_logo_formats_are_accepted(fmt):
    validate_logo(SimpleUploadedFile(f"logo.{fmt.lower()}", image_bytes(fmt)))


def test_oversized_logo_is_refused_before_reading_it():
    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.png", b"\0" * (LOGO_MAX_BYTES + 1)))
    assert error.value.code == "logo_too_large"
    assert error.value.messages[0] == "The logo file is too large (2.0\xa0MB). The largest allowed size is 2.0\xa0MB."


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
    stale = form_data(organisation, name="Minun muutokseni", description="Pitkä kuvaus", version=loaded)
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
    response = client.post(edit_url(organisation), form_data(organisation, name="Uusi", version=version))
    assert response.status_code == 200
    assert "The form was out of date" in response.text
    organisation.refresh_from_db()
    assert organisation.name != "Uusi"


def test_service_refuses_fields_it_does_not_own():
    with pytest.raises(TypeError):
        services.organisation_update(organisation=None, data={"slug": "x"}, expected_version=None)


# --- serving the logo -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_logo_is_served_to_those_who_may_see_the_organisation(client, member, outsider, organisation):
    client.force_login(member)
    assert fetch(client, logo_url(organisation)).status_code == 404  # no logo yet
    organisation.logo = upload(name="logo.jpg", content=image_bytes("PNG"))  # the name lies: served as PNG
    organisation.save()
    response = fetch(client, logo_url(organisation))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
    assert response.body.startswith(b"\x89PNG")
    client.force_login(outsider)
    assert fetch(client, logo_url(organisation)).status_code == 404
    client.logout()
    assert fetch(client, logo_url(organisation)).status_code == 302
    assert client.post(logo_url(organisation)).status_code in (302, 405)


@pytest.mark.django_db
def test_missing_or_foreign_logo_file_is_a_404(client, member, organisation):
    client.force_login(member)
    organisation.logo = "logos/organisation/nowhere.png"
    organisation.save()
    assert fetch(client, logo_url(organisation)).status_code == 404
    # A stored file that is not a logo format (put there by hand) is not served.
    organisation.logo.storage.save("logos/organisation/page.png", io.BytesIO(b"<html>"))
    organisation.logo = "logos/organisation/page.png"
    organisation.save()
    assert fetch(client, logo_url(organisation)).status_code == 404


# --- the admin: the same validation ---------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_refuses_bad_business_id_and_bad_logo(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:partners_organisation_add")
    page = client.get(url)
    assert page.status_code == 200
    assert has_checkboxes(page.text, "regions")
    data = {"name": "Uusi", "slug": "uusi", "kind": "library", "business_id": "1234567-8", "regions": ["lappi"]}
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


@pytest.mark.django_db
def test_admin_membership_uses_autocomplete_and_keeps_history(client, admin_user, network, organisation):
    factories.UserFactory.create_batch(5)
    person = factories.UserFactory(email="edustaja@example.fi")
    client.force_login(admin_user)
    membership = Membership.objects.get(network=network, organisation=organisation)
    url = reverse("admin:networks_membership_change", args=[membership.pk])
    page = client.get(url)
    assert page.status_code == 200
    # Autocomplete widgets: no <option> per person.
    assert "edustaja@example.fi" not in page.text
    assert 'data-model-name="user"' in page.text or "admin-autocomplete" in page.text
    response = client.post(
        url,
        {
            "network": network.pk,
            "organisation": organisation.pk,
            "level": MembershipLevel.STRATEGIC,
            "status": MembershipStatus.ACTIVE,
            "representative": person.pk,
            "change_reason": "Sopimus allekirjoitettu",
            "changes-TOTAL_FORMS": "0",
            "changes-INITIAL_FORMS": "0",
            "changes-MIN_NUM_FORMS": "0",
            "changes-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = MembershipChange.objects.get(membership=membership)
    assert (change.old_level, change.new_level) == (MembershipLevel.COOPERATION, MembershipLevel.STRATEGIC)
    assert change.changed_by == admin_user
    assert change.reason == "Sopimus allekirjoitettu"
    membership.refresh_from_db()
    assert membership.representative == person
    page = client.get(url)
    assert "Sopimus allekirjoitettu" in page.text  # the read-only history inline


@pytest.mark.django_db
def test_admin_membership_change_history_is_view_only(client, admin_user, network, organisation):
    membership = Membership.objects.get(network=network, organisation=organisation)
    change = MembershipChange.objects.create(
        membership=membership, network=network, new_level="cooperation", new_status="active", reason="Alku"
    )
    client.force_login(admin_user)
    assert client.get(reverse("admin:networks_membershipchange_add")).status_code == 403
    url = reverse("admin:networks_membershipchange_change", args=[change.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    client.post(url, {"reason": "Muutettu"})
    change.refresh_from_db()
    assert change.reason == "Alku"


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
