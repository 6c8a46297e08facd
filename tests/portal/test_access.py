"""The one access helper: 404 for outsiders, 403 for a missing right, the superuser bypass."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from networks.memberships.models import Network
from partners.directory.models import Organisation
from portal.access import can, get_for_user


@pytest.mark.django_db
def test_outsider_gets_404(network, outsider):
    with pytest.raises(Http404):
        get_for_user(outsider, Network, slug=network.slug)


@pytest.mark.django_db
def test_anonymous_gets_404(network):
    with pytest.raises(Http404):
        get_for_user(AnonymousUser(), Network, slug=network.slug)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["observer", "member"])
def test_read_only_roles_get_403_for_changes(network, cast, role):
    assert get_for_user(cast[role], Network, slug=network.slug) == network
    with pytest.raises(PermissionDenied):
        get_for_user(cast[role], Network, action="edit", slug=network.slug)
    assert not can(cast[role], network, "edit")


@pytest.mark.django_db
def test_coordinator_may_edit(network, coordinator):
    assert get_for_user(coordinator, Network, action="edit", slug=network.slug) == network
    assert can(coordinator, network, "edit")


@pytest.mark.django_db
def test_superuser_bypass(network, admin_user):
    assert get_for_user(admin_user, Network, action="edit", slug=network.slug) == network


@pytest.mark.django_db
def test_organisation_visibility(network, organisation, other_network, member, outsider):
    foreign = other_network.memberships.get().organisation
    assert set(Organisation.objects.visible_to(member)) == {organisation}
    assert set(Organisation.objects.visible_to(outsider)) == {foreign}
    with pytest.raises(Http404):
        get_for_user(member, Organisation, slug=foreign.slug)


@pytest.mark.django_db
def test_malformed_lookup_is_404(member):
    with pytest.raises(Http404):
        get_for_user(member, Network, pk="not-a-number")
