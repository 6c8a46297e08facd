"""Guidance services: adding, editing and deleting them, by whom, and only under their own organisation."""

import pytest
from django.urls import reverse

from partners.directory import services
from partners.directory.models import GuidanceService
from portal.lib.access import Role
from tests import factories
from tests.stale_edits import version_of

MAP_URL = "/services/"

VALID = {
    "name_fi": "Henkilökohtainen opinto-ohjaus",
    "level": "guidance",
    "channels": ["face_to_face", "online"],
    "target_groups": ["career_changers", "immigrants"],
    "languages": ["fi", "en"],
    "regions": ["keski-suomi"],
    "description_fi": "Ohjausta opintojen suunnitteluun.",
    "contact_email": "ohjaus@example.fi",
    "contact_phone": "+358 40 123 4567",
    "contact_url": "https://example.fi/varaa",
}


def _create_url(organisation):
    return reverse("partners:service_create", kwargs={"slug": organisation.slug})


def _edit_url(service):
    return reverse("partners:service_edit", kwargs={"slug": service.organisation.slug, "pk": service.pk})


def _delete_url(service):
    return reverse("partners:service_delete", kwargs={"slug": service.organisation.slug, "pk": service.pk})


@pytest.fixture
def service(organisation):
    return factories.GuidanceServiceFactory(organisation=organisation, name="Työnhakijan ohjaus")


@pytest.mark.django_db
def test_a_person_of_the_organisation_adds_a_service(client, member, organisation):
    organisation.regions = ["keski-suomi", "pirkanmaa"]
    organisation.languages = ["fi", "sv"]
    organisation.save()
    client.force_login(member)
    form_page = client.get(_create_url(organisation))
    assert form_page.status_code == 200
    # The organisation's regions and languages are offered as a start.
    assert form_page.context["form"].initial["regions"] == ["keski-suomi", "pirkanmaa"]

    response = client.post(_create_url(organisation), VALID)
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})
    service = GuidanceService.objects.get(organisation=organisation)
    assert service.name == "Henkilökohtainen opinto-ohjaus"
    assert service.level == "guidance"
    assert service.channels == ["face_to_face", "online"]
    # Stored in the vocabulary's order, whatever order the form sent.
    assert service.target_groups == ["immigrants", "career_changers"]
    assert service.languages == ["fi", "en"]
    assert service.contact_url == "https://example.fi/varaa"


@pytest.mark.django_db
def test_a_coordinator_of_the_organisations_network_adds_a_service(client, network, organisation):
    coordinator = factories.UserFactory()  # not working for the organisation
    factories.NetworkRoleFactory(network=network, user=coordinator, role=Role.COORDINATOR)
    client.force_login(coordinator)
    assert client.post(_create_url(organisation), VALID).status_code == 302
    assert organisation.services.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name_fi": ""}, "name_fi"),
        ({"name_fi": "x" * 201}, "name_fi"),
        ({"name_fi": "Nolla\x00tavu"}, "name_fi"),
        ({"level": "therapy"}, "level"),
        ({"channels": []}, "channels"),
        ({"channels": ["telepathy"]}, "channels"),
        ({"languages": []}, "languages"),
        ({"languages": ["xx"]}, "languages"),
        ({"regions": ["atlantis"]}, "regions"),
        ({"target_groups": ["cats"]}, "target_groups"),
        ({"contact_email": "not an address"}, "contact_email"),
        ({"contact_url": "javascript:alert(1)"}, "contact_url"),
    ],
)
def test_bad_input_gets_a_form_error_and_saves_nothing(client, member, organisation, change, field):
    client.force_login(member)
    response = client.post(_create_url(organisation), {**VALID, **change})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not GuidanceService.objects.exists()


@pytest.mark.django_db
def test_edit_a_service(client, member, service):
    client.force_login(member)
    assert client.get(_edit_url(service)).status_code == 200
    response = client.post(
        _edit_url(service),
        {**VALID, "name_fi": "Työnhakijan ohjaus ja sparraus", "level": "advice", **version_of(service)},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Työnhakijan ohjaus ja sparraus"
    assert service.level == "advice"
    assert service.regions == ["keski-suomi"]


@pytest.mark.django_db
def test_a_failed_edit_keeps_what_was_saved(client, member, service):
    client.force_login(member)
    response = client.post(_edit_url(service), {**VALID, "channels": []})
    assert response.status_code == 200
    service.refresh_from_db()
    assert service.name == "Työnhakijan ohjaus"
    assert service.channels == ["face_to_face"]


@pytest.mark.django_db
def test_delete_asks_first_then_deletes(client, member, service):
    client.force_login(member)
    confirm = client.get(_delete_url(service))
    assert confirm.status_code == 200
    assert "Työnhakijan ohjaus" in confirm.text
    assert GuidanceService.objects.filter(pk=service.pk).exists()
    # A POST without the confirmation button's value shows the question again.
    assert client.post(_delete_url(service)).status_code == 200
    assert GuidanceService.objects.filter(pk=service.pk).exists()
    assert client.post(_delete_url(service), {"confirm": "yes"}).status_code == 302
    assert not GuidanceService.objects.filter(pk=service.pk).exists()


@pytest.mark.django_db
def test_outsider_gets_404_and_changes_nothing(client, outsider, organisation, service):
    """The outsider coordinates another network: no right at all on this organisation."""
    client.force_login(outsider)
    assert client.get(_create_url(organisation)).status_code == 404
    assert client.post(_create_url(organisation), VALID).status_code == 404
    assert client.get(_edit_url(service)).status_code == 404
    assert client.post(_edit_url(service), VALID).status_code == 404
    assert client.get(_delete_url(service)).status_code == 404
    assert client.post(_delete_url(service), {"confirm": "yes"}).status_code == 404
    service.refresh_from_db()
    assert service.name == "Työnhakijan ohjaus"
    assert organisation.services.count() == 1


@pytest.mark.django_db
def test_coordinator_of_another_network_who_only_sees_the_organisation_gets_403(
    client, network, other_network, organisation, service
):
    """A plain member here and a coordinator elsewhere: sees this organisation, may not touch its services."""
    person = factories.UserFactory()
    factories.AffiliationFactory(user=person, organisation=other_network.memberships.get().organisation)
    factories.NetworkRoleFactory(network=other_network, user=person, role=Role.COORDINATOR)
    factories.NetworkRoleFactory(network=network, user=person, role=Role.MEMBER)
    client.force_login(person)
    assert client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})).status_code == 200
    assert client.get(_create_url(organisation)).status_code == 403
    assert client.post(_create_url(organisation), VALID).status_code == 403
    assert client.post(_edit_url(service), VALID).status_code == 403
    assert client.post(_delete_url(service), {"confirm": "yes"}).status_code == 403
    assert GuidanceService.objects.filter(pk=service.pk, name="Työnhakijan ohjaus").exists()


@pytest.mark.django_db
def test_a_service_is_only_found_under_its_own_organisation(client, member, network, organisation):
    """Editing rights on one organisation do not reach another's service through the address."""
    elsewhere = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=elsewhere)
    foreign = factories.GuidanceServiceFactory(organisation=elsewhere)
    client.force_login(member)
    for name in ("partners:service_edit", "partners:service_delete"):
        url = reverse(name, kwargs={"slug": organisation.slug, "pk": foreign.pk})
        assert client.get(url).status_code == 404
        assert client.post(url, {**VALID, "confirm": "yes"}).status_code == 404
    # Directly, it is a visible organisation the member does not work for: 403.
    assert client.post(_edit_url(foreign), VALID).status_code == 403
    assert GuidanceService.objects.filter(pk=foreign.pk).exists()


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, organisation, service):
    for url in (_create_url(organisation), _edit_url(service), _delete_url(service), MAP_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_service_update_refuses_other_fields(service, organisation):
    with pytest.raises(TypeError):
        services.service_update(service=service, organisation=organisation)
