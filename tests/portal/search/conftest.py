"""A city in the cast's network, with a guidance service and a person, and the index built over everything."""

import pytest

from portal.search import index
from tests import factories


@pytest.fixture
def city(network):
    """Jyväskylän kaupunki, a member of the network, with a service and a person."""
    city = factories.OrganisationFactory(
        name="Jyväskylän kaupunki", slug="jyvaskylan-kaupunki", municipality="Jyväskylä", kind="municipality"
    )
    factories.MembershipFactory(network=network, organisation=city)
    factories.GuidanceServiceFactory(
        organisation=city,
        name="Ohjauspalvelut aikuisille",
        description="Neuvontaa koulutuksesta ja työstä. Vägledningen sker på svenska.",
        target_groups=["immigrants"],
    )
    person = factories.UserFactory(first_name="Mikko", last_name="Virtanen", title="Opinto-ohjaaja")
    factories.AffiliationFactory(user=person, organisation=city)
    factories.NetworkRoleFactory(network=network, user=person)
    return city


@pytest.fixture
def indexed(city, organisation, network, other_network, member, outsider):
    index.rebuild()
