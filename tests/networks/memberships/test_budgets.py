"""Query budgets of the network page, a membership's page, the invitation pages, the network's edit form and
the coordinator's dashboard: the same number of queries at two data sizes.

When a budget changes, the commit says which queries came or went. The baseline for a signed-in page is:
session, user, MFA requirement (1 query), the header's unread count (1 query), then the page's own queries.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.memberships import services
from networks.memberships.models import Membership, MembershipChange, MembershipLevel
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus
from tests import factories
from tests.networks.memberships.membership_helpers import page_url
from tests.querybudget import assert_budget, grow_network

L = MembershipLevel
S = MembershipStatus


@pytest.fixture
def small_world(network, organisation, member):
    grow_network(network, organisation, 3)
    return network


@pytest.mark.django_db
def test_network_detail(client, member, small_world, organisation):
    client.force_login(member)
    url = reverse("networks:network_detail", kwargs={"slug": small_world.slug})
    # session, user, MFA check, network (visible_to), member count, a page of memberships, coordinators,
    # role for the edit button; + the levels over time (one query) and the member count per level
    assert_budget(client, url, budget=11, grow=lambda: grow_network(small_world, organisation, 300))


@pytest.mark.django_db
def test_network_edit_form(client, coordinator, small_world, organisation):
    client.force_login(coordinator)
    url = reverse("networks:network_edit", kwargs={"slug": small_world.slug})
    # session, user, MFA check, network (visible_to), role for the permission
    assert_budget(client, url, budget=6, grow=lambda: grow_network(small_world, organisation, 300))


@pytest.mark.django_db
def test_invitation_form(client, coordinator, small_world, organisation):
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": small_world.slug})
    assert_budget(client, url, budget=8, grow=lambda: grow_network(small_world, organisation, 300))


@pytest.mark.django_db
def test_invitation_accept_page(client, network, organisation):
    invitation = factories.InvitationFactory(organisation=organisation, network=network)
    url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    # the invitation with its organisation and network; whether an account owns the address (login
    # address, then verified addresses, where a directory contact does not count); anonymous, so no session or user
    assert_budget(client, url, budget=4, grow=lambda: grow_network(network, organisation, 300))


def _grow_members(network, count, start):
    """``count`` member organisations with history rows, representatives and a few applications."""
    levels = MembershipLevel.values
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Jäsen {start + i:05d}", slug=f"jasen-{start + i:05d}") for i in range(count)
    )
    people = factories.UserFactory.create_batch(3)
    memberships = Membership.objects.bulk_create(
        Membership(
            network=network,
            organisation=o,
            level=levels[i % 4],
            status=S.APPLIED if i % 50 == 0 else S.ACTIVE,
            representative=people[i % 3],
            joined_on=datetime.date(2023, 1, 1),
        )
        for i, o in enumerate(orgs)
    )
    now = timezone.now()
    MembershipChange.objects.bulk_create(
        MembershipChange(
            membership=m,
            network=network,
            changed_at=now - datetime.timedelta(days=days),
            new_level=level,
            new_status=S.ACTIVE,
        )
        for i, m in enumerate(memberships)
        for days, level in ((900 - i % 300, L.NETWORKING), (400 - i % 200, m.level))
    )


@pytest.mark.django_db
def test_network_page_query_budget(client, network, coordinator, member):
    _grow_members(network, 10, 0)
    url = page_url("network_detail")
    # session, user, MFA check, network, coordinator role (edit buttons), chart (one query), level counts,
    # member count, a page of memberships, pending applications, coordinators
    client.force_login(coordinator)
    assert_budget(client, url, budget=12, grow=lambda: _grow_members(network, 990, 10))
    client.force_login(member)
    assert_budget(client, url, budget=11, grow=lambda: _grow_members(network, 100, 2000))  # no pending list


@pytest.mark.django_db
def test_membership_detail_query_budget(client, network, coordinator, active):
    client.force_login(coordinator)
    url = page_url("membership_detail", active)

    def grow():
        for i in range(60):
            services.membership_change(membership=active, changed_by=coordinator, level=L.values[i % 4], reason=f"{i}")

    # session, user, MFA check, membership with network and people, history, coordinator role
    assert_budget(client, url, budget=7, grow=grow)


@pytest.mark.django_db
def test_dashboard_query_budget_for_a_coordinator(client, network, coordinator):
    client.force_login(coordinator)
    _grow_members(network, 5, 0)
    # session, user, MFA check, networks, to-do (one query), affiliations; the agreement lists (one query)
    # and the agreements awaiting the person's organisation's signature (one query); goals awaiting the
    # organisation's answer and, for coordinators, goal proposals (one query each); the person's open action
    # items and next meetings (one query each); survey rounds: the surveys waiting for the person's
    # organisations and the open rounds' response rate (one query each); the trust trend (one query); the
    # upcoming joint activities and the organisations with no new contacts this year (one query each); the
    # latest news of the person's networks (one query); the header's unread count
    assert_budget(client, reverse("portal:home"), budget=19, grow=lambda: _grow_members(network, 300, 100))
