"""The directory's integrity held by the database: unique business IDs, known kinds, one primary affiliation."""

import pytest
from django.db import IntegrityError

from partners.directory.models import Affiliation, Organisation
from tests import factories


@pytest.mark.django_db
def test_business_id_unique_when_given():
    factories.OrganisationFactory(business_id="0737546-2")
    factories.OrganisationFactory(business_id="")
    factories.OrganisationFactory(business_id="")  # blank ones do not collide
    with pytest.raises(IntegrityError):
        factories.OrganisationFactory(business_id="0737546-2")


@pytest.mark.django_db
def test_unknown_kind_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        Organisation.objects.create(name="X", slug="x", kind="castle")


@pytest.mark.django_db
def test_one_primary_affiliation(member):
    with pytest.raises(IntegrityError):
        Affiliation.objects.create(user=member, organisation=factories.OrganisationFactory(), primary=True)
