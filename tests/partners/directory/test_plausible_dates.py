"""An affiliation "since 0001-01-01" was accepted. Now the profile's form refuses it, saying
the allowed years in the person's language, and nothing is saved."""

import pytest
from django.urls import reverse

from partners.directory.models import Affiliation
from tests import factories
from tests.networks.meetings.test_plausible_dates import MESSAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_an_affiliation_since_year_1_is_refused(client_for, member, network, language):
    other = factories.OrganisationFactory(name="Gradia")
    factories.MembershipFactory(network=network, organisation=other)
    before = Affiliation.objects.count()
    response = client_for(member).post(
        reverse("portal:affiliation_create"),
        {"organisation": other.pk, "title": "Opinto-ohjaaja", "since": "0001-01-01"},
        headers={"accept-language": language},
    )
    assert response.status_code == 200
    assert MESSAGES[language] in response.content.decode()
    assert "Opinto-ohjaaja" in response.content.decode()  # the input is kept
    assert Affiliation.objects.count() == before
