"""An organisation's page: every detail, its services, the edit link, only the people the viewer may see; who
sees the organisation at all; serving its logo."""

import io

import pytest
from django.urls import reverse
from django.utils import translation

from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus
from tests import factories
from tests.partners.directory.organisation_helpers import edit_url, fetch, image_bytes, logo_url, upload
from tests.querybudget import assert_budget


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


# --- the organisation page ------------------------------------------------------------------------


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


@pytest.mark.django_db
def test_organisation_page_lists_only_people_the_viewer_may_see(client, member, organisation, other_network):
    """Someone who works for the same organisation but only in another network stays hidden."""
    stranger = factories.UserFactory(first_name="Salainen", last_name="Henkilö")
    factories.AffiliationFactory(user=stranger, organisation=organisation)
    factories.NetworkRoleFactory(network=other_network, user=stranger)
    client.force_login(member)
    response = client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug}))
    assert member.last_name in response.text
    assert "Salainen" not in response.text


@pytest.mark.django_db
def test_an_organisation_that_left_is_no_longer_visible(member, network):
    from partners.directory.models import Organisation

    gone = factories.MembershipFactory(network=network, status=MembershipStatus.LEFT).organisation
    assert not Organisation.objects.visible_to(member).filter(pk=gone.pk).exists()


# --- serving the logo -----------------------------------------------------------------------------


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
