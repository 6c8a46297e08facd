"""A person's own affiliations: adding one (only for organisations they may see) and ending one after confirming."""

from datetime import date

import pytest
from django.urls import reverse

from partners.directory import services
from partners.directory.models import Affiliation
from portal.lib.errors import DomainError
from tests import factories

AFFILIATIONS = reverse("portal:affiliation_create")


@pytest.mark.django_db
def test_add_an_affiliation(client, member, network):
    other = factories.OrganisationFactory(name="Gradia")
    factories.MembershipFactory(network=network, organisation=other)
    client.force_login(member)
    page = client.get(AFFILIATIONS)
    assert other in page.context["form"].fields["organisation"].queryset
    response = client.post(
        AFFILIATIONS, {"organisation": other.pk, "title": "Opinto-ohjaaja", "since": "2024-08-01", "primary": ""}
    )
    assert response.status_code == 302
    affiliation = Affiliation.objects.get(user=member, organisation=other)
    assert (affiliation.title, affiliation.since, affiliation.primary) == ("Opinto-ohjaaja", date(2024, 8, 1), False)
    assert "Gradia" in client.get(reverse("portal:profile_detail")).text


@pytest.mark.django_db
def test_one_primary_and_one_current_per_organisation_are_form_errors(client, member, network, organisation):
    other = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=other)
    client.force_login(member)
    response = client.post(AFFILIATIONS, {"organisation": organisation.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    response = client.post(AFFILIATIONS, {"organisation": other.pk, "primary": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["primary"]
    assert Affiliation.objects.filter(user=member).count() == 1


@pytest.mark.django_db
def test_a_race_past_the_form_is_a_clear_error_not_a_500(member, organisation):
    with pytest.raises(DomainError):
        services.affiliation_create(user=member, organisation=organisation, title="", since=None, primary=False)


@pytest.mark.django_db
def test_only_visible_organisations_can_be_added(client, member, other_network):
    hidden = other_network.memberships.get().organisation
    client.force_login(member)
    response = client.post(AFFILIATIONS, {"organisation": hidden.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not Affiliation.objects.filter(user=member, organisation=hidden).exists()


@pytest.mark.django_db
def test_end_an_affiliation_after_confirming(client, member, organisation):
    affiliation = Affiliation.objects.get(user=member)
    affiliation.since = date(2020, 1, 1)
    affiliation.save()
    url = reverse("portal:affiliation_end", kwargs={"pk": affiliation.pk})
    client.force_login(member)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert organisation.name in confirm.text
    affiliation.refresh_from_db()
    assert affiliation.until is None  # a GET changes nothing
    too_early = client.post(url, {"until": "2019-12-31"})
    assert too_early.status_code == 200
    assert too_early.context["form"].errors["until"]
    assert client.post(url, {"until": "2025-06-30"}).status_code == 302
    affiliation.refresh_from_db()
    assert affiliation.until == date(2025, 6, 30)
    # Ended: no longer shown as current, and cannot be ended twice.
    assert client.get(reverse("portal:profile_detail")).context["person"].current_affiliations == []
    assert client.post(url, {"until": "2025-07-01"}).status_code == 404


@pytest.mark.django_db
def test_another_persons_affiliation_cannot_be_ended(client, member, coordinator, admin_user):
    url = reverse("portal:affiliation_end", kwargs={"pk": Affiliation.objects.get(user=coordinator).pk})
    for user in (member, admin_user):
        client.force_login(user)
        assert client.post(url, {"until": "2025-06-30"}).status_code == 404
    assert Affiliation.objects.get(user=coordinator).until is None
