"""Memberships' integrity held by the database: one membership and one role per network."""

import pytest
from django.db import IntegrityError

from networks.memberships.models import Membership, NetworkRole
from portal.lib.access import Role


@pytest.mark.django_db
def test_one_membership_per_network(network, organisation):
    with pytest.raises(IntegrityError):
        Membership.objects.create(network=network, organisation=organisation)


@pytest.mark.django_db
def test_one_role_per_network(network, member):
    with pytest.raises(IntegrityError):
        NetworkRole.objects.create(network=network, user=member, role=Role.COORDINATOR)
