"""Query budgets of an organisation's page, a person's page, one's own profile and its form: the same number of
queries at two data sizes.

When a budget changes, the commit says which queries came or went. The baseline for a signed-in page is:
session, user, MFA requirement (1 query), then the page's own queries.
"""

import pytest
from django.urls import reverse

from portal.privacy.models import DataExport
from tests import factories
from tests.querybudget import assert_budget, grow_network


@pytest.fixture
def small_world(network, organisation, member):
    grow_network(network, organisation, 3)
    return network


@pytest.mark.django_db
def test_organisation_detail(client, member, small_world, organisation):
    client.force_login(member)
    url = reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})

    def grow():
        grow_network(small_world, organisation, 300)
        for _ in range(20):
            net = factories.NetworkFactory()
            factories.MembershipFactory(network=net, organisation=organisation)
            factories.NetworkRoleFactory(network=net, user=member)

    # session, user, MFA check, organisation, people count, a page of people, memberships, services,
    # its agreements, the edit right (representative or deputy; coordinator of one of its networks)
    assert_budget(client, url, budget=11, grow=grow)


@pytest.mark.django_db
def test_person_detail(client, member, coordinator, small_world):
    client.force_login(coordinator)
    url = reverse("portal:person_detail", kwargs={"uuid": member.uuid})

    def grow():
        member.expertise.set(factories.ExpertiseAreaFactory.create_batch(30))
        for _ in range(30):
            factories.AffiliationFactory(user=member, primary=False)

    # session, user, MFA check, person, expertise, affiliations
    assert_budget(client, url, budget=7, grow=grow)


@pytest.mark.django_db
def test_own_profile(client, member):
    client.force_login(member)

    def grow():
        member.expertise.set(factories.ExpertiseAreaFactory.create_batch(30))
        DataExport.objects.bulk_create(DataExport(user=member) for _ in range(30))

    # 7: the section "Your data" (portal.privacy) reads the person's latest data export.
    assert_budget(client, reverse("portal:profile_detail"), budget=8, grow=grow)


@pytest.mark.django_db
def test_profile_form(client, member):
    client.force_login(member)
    # session, user, MFA check, expertise choices, the person's chosen expertise
    assert_budget(
        client, reverse("portal:profile_edit"), budget=6, grow=lambda: factories.ExpertiseAreaFactory.create_batch(300)
    )
