"""The network page: members paginated, the coordinator edits the network."""

import pytest
from django.urls import reverse

from networks.memberships.models import Membership
from portal.lib.access import MembershipStatus
from tests import factories
from tests.stale_edits import version_of


@pytest.fixture
def big_network(network):
    orgs = factories.OrganisationFactory.create_batch(60)
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
    return network


@pytest.mark.django_db
def test_member_list_is_paginated(client, member, big_network):
    client.force_login(member)
    url = reverse("networks:network_detail", kwargs={"slug": big_network.slug})
    first = client.get(url)
    assert len(first.context["page_obj"]) == 50
    assert first.context["page_obj"].paginator.count == 61
    assert 'aria-current="page"' in first.text
    second = client.get(url + "?page=2")
    assert len(second.context["page_obj"]) == 11
    # Nonsense page numbers give a page, never an error.
    for bad in ("abc", "999", "-1", "1e9"):
        assert client.get(url, {"page": bad}).status_code == 200


@pytest.mark.django_db
def test_left_members_are_not_listed(client, member, network, organisation):
    gone = factories.MembershipFactory(network=network, status=MembershipStatus.LEFT)
    client.force_login(member)
    response = client.get(reverse("networks:network_detail", kwargs={"slug": network.slug}))
    assert organisation.name in response.text
    assert gone.organisation.name not in response.text


@pytest.mark.django_db
def test_coordinator_edits_the_network(client, coordinator, network):
    client.force_login(coordinator)
    url = reverse("networks:network_edit", kwargs={"slug": network.slug})
    network.require_mfa_for_coordinators = True
    network.save()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(coordinator, generate_totp_secret())
    # An attempt to switch off the MFA requirement is ignored: only administrators decide it.
    data = {
        "name_fi": "Uusi nimi",
        "description_fi": "Kuvaus",
        "require_mfa_for_coordinators": "",
        **version_of(network),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.name == "Uusi nimi"
    assert network.require_mfa_for_coordinators


@pytest.mark.django_db
def test_empty_name_is_refused_and_input_kept(client, coordinator, network):
    client.force_login(coordinator)
    url = reverse("networks:network_edit", kwargs={"slug": network.slug})
    response = client.post(url, {"name_fi": "", "description_fi": "Pidä tämä"})
    assert response.status_code == 200
    assert "name_fi" in response.context["form"].errors
    assert "Pidä tämä" in response.text
    network.refresh_from_db()
    assert network.name != ""


@pytest.mark.django_db
def test_observer_cannot_post_an_edit(client, observer, network):
    client.force_login(observer)
    url = reverse("networks:network_edit", kwargs={"slug": network.slug})
    assert client.post(url, {"name": "Kaapattu"}).status_code == 403
    network.refresh_from_db()
    assert network.name != "Kaapattu"


@pytest.mark.django_db
def test_pagination_links_are_elided(client, member, network):
    orgs = factories.OrganisationFactory.create_batch(600)
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
    client.force_login(member)
    response = client.get(reverse("networks:network_detail", kwargs={"slug": network.slug}), {"page": 6})
    page = response.context["page_obj"]
    assert page.number == 6
    assert page.page_links[0] == 1 and page.page_links[-1] == 13
    assert page.ellipsis in page.page_links
    assert response.text.count('aria-current="page"') == 1
    assert "?page=13" in response.text and "?page=5" in response.text


@pytest.mark.django_db
def test_member_counts_count_active_members_only(network, member):
    from networks.memberships.models import Network

    for status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED, MembershipStatus.LEFT):
        factories.MembershipFactory(network=network, status=status)
    empty = factories.NetworkFactory()
    counts = dict(Network.objects.with_member_counts().values_list("slug", "active_member_count"))
    assert counts[network.slug] == 2  # the fixture's organisation and one more
    assert counts[empty.slug] == 0
