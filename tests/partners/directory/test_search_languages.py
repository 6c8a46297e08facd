"""The search finds organisations, services and networks by their names and descriptions in every language
they are written in: a Swedish name finds the organisation (shown by its Finnish name, the entry's title)."""

import pytest

from portal.search.models import SearchKind
from tests import factories
from tests.portal.search.search_helpers import titles

pytestmark = pytest.mark.django_db


def test_a_swedish_or_english_name_finds_the_organisation(member, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        org = factories.OrganisationFactory(name="Ohjaamo Vaasa", name_sv="Navigatorn Vasa", slug="ohjaamo-vaasa")
        factories.MembershipFactory(network=network, organisation=org)
    assert titles(member, "navigatorn", SearchKind.ORGANISATION) == ["Ohjaamo Vaasa"]
    assert titles(member, "vasa", SearchKind.ORGANISATION) == ["Ohjaamo Vaasa"]

    # Saving only a translation writes the entry again.
    with django_capture_on_commit_callbacks(execute=True):
        org.name_en = "Vaasa One-Stop Guidance Centre"
        org.description_sv = "Vägledning för unga vuxna."
        org.save(update_fields=["name_en", "description_sv"])
    assert titles(member, "one-stop", SearchKind.ORGANISATION) == ["Ohjaamo Vaasa"]
    assert titles(member, "vägledning", SearchKind.ORGANISATION) == ["Ohjaamo Vaasa"]


def test_a_service_is_found_by_its_name_in_another_language(
    member, network, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.GuidanceServiceFactory(
            organisation=organisation, name="Urasuunnittelu", name_sv="Karriärplanering", description_en="Careers."
        )
    assert titles(member, "karriärplanering", SearchKind.SERVICE) == ["Urasuunnittelu"]
    assert titles(member, "careers", SearchKind.SERVICE) == ["Urasuunnittelu"]


def test_a_network_is_found_by_its_swedish_name(member, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        network.name_sv = "Mellersta Finlands vägledningsnätverk"
        network.save(update_fields=["name_sv"])
    assert titles(member, "vägledningsnätverk", SearchKind.NETWORK) == ["Keski-Suomen ohjausverkosto"]
