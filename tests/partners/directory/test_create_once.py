"""No doubled writes: a guidance service and an affiliation, each sent twice with the same
one-time token, are created once; the second POST leads to the first."""

import pytest
from django.urls import reverse

from partners.directory.models import Affiliation, GuidanceService
from tests import factories
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.partners.directory.test_services import VALID

pytestmark = pytest.mark.django_db


def test_adding_a_service_twice_adds_one(client_for, member, organisation, django_capture_on_commit_callbacks):
    url = reverse("partners:service_create", kwargs={"slug": organisation.slug})
    client = client_for(member)
    assert_form_carries_token(client, url)
    assert_created_once(client, url, lambda: VALID, GuidanceService.objects.count, django_capture_on_commit_callbacks)


def test_adding_an_affiliation_twice_adds_one(client_for, member, network, django_capture_on_commit_callbacks):
    other = factories.OrganisationFactory(name="Gradia")
    factories.MembershipFactory(network=network, organisation=other)
    url = reverse("portal:affiliation_create")
    client = client_for(member)
    assert_form_carries_token(client, url)
    data = {"organisation": other.pk, "title": "Opinto-ohjaaja", "since": "2024-08-01", "primary": ""}
    assert_created_once(client, url, lambda: data, Affiliation.objects.count, django_capture_on_commit_callbacks)
