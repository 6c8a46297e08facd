"""The health checks' cast on top of the shared one: the partner organisation's representative and deputy, an
agreement in force between the cast's organisation and the partner, and a paused and a former member."""

import pytest

from networks.memberships.models import Membership
from partners.agreements.models import Agreement
from portal.lib.access import MembershipStatus, Role
from tests import factories


@pytest.fixture
def partner_rep(network, partner_organisation):
    user = factories.UserFactory(email="gradia.edustaja@example.fi", first_name="Greta", last_name="Gradia")
    factories.AffiliationFactory(user=user, organisation=partner_organisation)
    factories.NetworkRoleFactory(network=network, user=user, role=Role.MEMBER)
    Membership.objects.filter(network=network, organisation=partner_organisation).update(representative=user)
    return user


@pytest.fixture
def partner_deputy(network, partner_organisation, partner_rep):
    user = factories.UserFactory(email="gradia.varalla@example.fi")
    factories.AffiliationFactory(user=user, organisation=partner_organisation)
    factories.NetworkRoleFactory(network=network, user=user, role=Role.MEMBER)
    Membership.objects.filter(network=network, organisation=partner_organisation).update(deputy=user)
    return user


@pytest.fixture
def agreement_in_force(agreement):
    Agreement.objects.filter(pk=agreement.pk).update(status=Agreement.Status.ACTIVE)
    agreement.refresh_from_db()
    return agreement


@pytest.fixture
def left_member(network):
    """An organisation that has left the network (asked by nothing)."""
    organisation = factories.OrganisationFactory(name="Lähtenyt ry")
    factories.MembershipFactory(network=network, organisation=organisation, status=MembershipStatus.LEFT)
    return organisation


@pytest.fixture
def paused_member(network):
    organisation = factories.OrganisationFactory(name="Tauolla oleva ry")
    factories.MembershipFactory(network=network, organisation=organisation, status=MembershipStatus.PAUSED)
    return organisation
