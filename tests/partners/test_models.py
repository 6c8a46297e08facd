"""Integrity held by the database: constraints and validators."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from networks.memberships.models import Membership, NetworkRole
from partners.directory.models import Affiliation, Organisation
from portal.lib.access import Role
from portal.lib.validators import business_id_check_digit, validate_business_id
from tests import factories


@pytest.mark.parametrize("value", ["0737546-2", "1572860-0", "2617416-4"])
def test_valid_business_ids(value):
    validate_business_id(value)


@pytest.mark.parametrize("value", ["0737546-3", "1234567", "123456-7", "12345678-9", "abcdefg-h", ""])
def test_invalid_business_ids(value):
    with pytest.raises(ValidationError):
        validate_business_id(value)


def test_check_digits():
    # 0*7+7*9+3*10+7*5+5*8+4*4+6*2 = 196; 196 % 11 = 9; 11 - 9 = 2
    assert business_id_check_digit("0737546") == 2
    # remainder 0 gives check digit 0: 0000000
    assert business_id_check_digit("0000000") == 0
    # 2*6 = 12 -> remainder 1 -> such numbers are never issued
    assert business_id_check_digit("0000006") is None


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
def test_one_membership_per_network(network, organisation):
    with pytest.raises(IntegrityError):
        Membership.objects.create(network=network, organisation=organisation)


@pytest.mark.django_db
def test_one_role_per_network(network, member):
    with pytest.raises(IntegrityError):
        NetworkRole.objects.create(network=network, user=member, role=Role.COORDINATOR)


@pytest.mark.django_db
def test_one_primary_affiliation(member):
    with pytest.raises(IntegrityError):
        Affiliation.objects.create(user=member, organisation=factories.OrganisationFactory(), primary=True)


@pytest.mark.django_db
def test_user_email_is_unique_case_insensitively(member):
    with pytest.raises(IntegrityError):
        factories.UserFactory(email=member.email.upper())
