"""Query budgets (HOUSE-STYLE rule 22): each page's query count is the same at two data sizes.

When a budget changes, the commit says which queries came or went. The
baseline for a signed-in page is: session, user, MFA requirement (1 query),
then the page's own queries.
"""

import pytest
from django.urls import reverse

from networks.meetings.models import Invitee
from networks.memberships.models import Membership, NetworkRole
from partners.directory.models import Affiliation
from tests import factories
from tests.querybudget import assert_budget


def _grow_network(network, organisation, n):
    """Add ``n`` member organisations, ``n`` people and ``n`` coordinators-worth of roles."""
    orgs = factories.OrganisationFactory.create_batch(n)
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
    people = factories.UserFactory.create_batch(n)
    NetworkRole.objects.bulk_create(NetworkRole(network=network, user=p, role="coordinator") for p in people[: n // 10])
    NetworkRole.objects.bulk_create(NetworkRole(network=network, user=p, role="member") for p in people[n // 10 :])
    Affiliation.objects.bulk_create(Affiliation(user=p, organisation=organisation, primary=True) for p in people)


@pytest.fixture
def small_world(network, organisation, member):
    _grow_network(network, organisation, 3)
    return network


@pytest.mark.django_db
def _meeting_for(network, person):
    """A planned meeting ``person`` is invited to, and an action item of theirs from it (issue 6)."""
    meeting = factories.MeetingFactory(network=network)
    Invitee.objects.create(meeting=meeting, user=person)
    factories.ActionItemFactory(item=factories.AgendaItemFactory(meeting=meeting), owner=person)


def test_dashboard(client, member, small_world, organisation):
    client.force_login(member)
    _meeting_for(small_world, member)

    def grow():
        for i in range(30):
            net = factories.NetworkFactory()
            factories.NetworkRoleFactory(network=net, user=member)
            _grow_network(net, organisation, 10 if i % 10 == 0 else 1)
            _meeting_for(net, member)
        for _ in range(20):
            factories.AffiliationFactory(user=member, primary=False)

    # session, user, MFA check, networks, affiliations, agreements awaiting the person's organisation's signature,
    # goals awaiting the person's organisation's answer (issue 5); + 2 for meetings (issue 6): the person's open
    # action items and their next meetings
    assert_budget(client, reverse("portal:home"), budget=9, grow=grow)


@pytest.mark.django_db
def test_network_detail(client, member, small_world, organisation):
    client.force_login(member)
    url = reverse("networks:network_detail", kwargs={"slug": small_world.slug})
    # session, user, MFA check, network (visible_to), member count, a page of memberships, coordinators,
    # role for the edit button; + the levels over time (one query) and the member count per level
    assert_budget(client, url, budget=10, grow=lambda: _grow_network(small_world, organisation, 300))


@pytest.mark.django_db
def test_organisation_detail(client, member, small_world, organisation):
    client.force_login(member)
    url = reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})

    def grow():
        _grow_network(small_world, organisation, 300)
        for _ in range(20):
            net = factories.NetworkFactory()
            factories.MembershipFactory(network=net, organisation=organisation)
            factories.NetworkRoleFactory(network=net, user=member)

    # session, user, MFA check, organisation, people count, a page of people, memberships, services,
    # its agreements, the edit right (representative or deputy; coordinator of one of its networks)
    assert_budget(client, url, budget=10, grow=grow)


@pytest.mark.django_db
def test_person_detail(client, member, coordinator, small_world):
    client.force_login(coordinator)
    url = reverse("portal:person_detail", kwargs={"uuid": member.uuid})

    def grow():
        member.expertise.set(factories.ExpertiseAreaFactory.create_batch(30))
        for _ in range(30):
            factories.AffiliationFactory(user=member, primary=False)

    # session, user, MFA check, person, expertise, affiliations
    assert_budget(client, url, budget=6, grow=grow)


@pytest.mark.django_db
def test_own_profile(client, member):
    client.force_login(member)

    def grow():
        member.expertise.set(factories.ExpertiseAreaFactory.create_batch(30))

    assert_budget(client, reverse("portal:profile_detail"), budget=6, grow=grow)


@pytest.mark.django_db
def test_profile_form(client, member):
    client.force_login(member)
    # session, user, MFA check, expertise choices, the person's chosen expertise
    assert_budget(
        client, reverse("portal:profile_edit"), budget=5, grow=lambda: factories.ExpertiseAreaFactory.create_batch(300)
    )


@pytest.mark.django_db
def test_invitation_form(client, coordinator, small_world, organisation):
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": small_world.slug})
    assert_budget(client, url, budget=7, grow=lambda: _grow_network(small_world, organisation, 300))


@pytest.mark.django_db
def test_network_edit_form(client, coordinator, small_world, organisation):
    client.force_login(coordinator)
    url = reverse("networks:network_edit", kwargs={"slug": small_world.slug})
    # session, user, MFA check, network (visible_to), role for the permission
    assert_budget(client, url, budget=5, grow=lambda: _grow_network(small_world, organisation, 300))


@pytest.mark.django_db
def test_invitation_accept_page(client, network, organisation):
    invitation = factories.InvitationFactory(organisation=organisation, network=network)
    url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    # the invitation with its organisation and network; whether an account owns the address (login
    # address, then verified addresses, where a directory contact does not count); anonymous, so no session or user
    assert_budget(client, url, budget=4, grow=lambda: _grow_network(network, organisation, 300))
