"""The search finds glossary terms by their text in any of the three languages, only for the network's people,
and keeps the index current when a term changes."""

import pytest
from django.urls import reverse

from networks.glossary import services
from portal.search import index
from portal.search.models import SearchEntry, SearchKind
from tests.networks.glossary.factories import agreed
from tests.portal.search.search_helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(network):
    agreed(
        network,
        "elinikäinen ohjaus",
        "Ohjausta läpi elämän.",
        term_sv="livslång vägledning",
        term_en="lifelong guidance",
        definition_en="Guidance throughout life.",
    )
    index.rebuild()


@pytest.mark.usefixtures("indexed")
def test_a_term_is_found_in_every_language_by_the_networks_people(member, observer, outsider):
    assert titles(member, "elinikäistä ohjausta", SearchKind.TERM) == ["elinikäinen ohjaus"]
    assert titles(observer, "livslång", SearchKind.TERM) == ["elinikäinen ohjaus"]
    assert titles(member, "lifelong guidance", SearchKind.TERM) == ["elinikäinen ohjaus"]
    assert titles(outsider, "lifelong", SearchKind.TERM) == []


@pytest.mark.usefixtures("indexed")
def test_a_result_links_to_the_terms_page(client_for, member):
    page = client_for(member).get(reverse("portal:search"), {"q": "lifelong"}).content.decode()
    assert "/glossary/terms/" in page


def test_a_proposed_term_is_indexed_when_it_is_saved(network, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.term_propose(
            network=network, user=member, data={"term_fi": "palveluohjaus", "definition_fi": "Palveluihin ohjaamista."}
        )
    assert titles(member, "palveluohjaus", SearchKind.TERM) == ["palveluohjaus"]


@pytest.mark.usefixtures("indexed")
def test_renaming_the_network_renames_its_terms_rows(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        network.name = "Pohjois-Savon ohjausverkosto"
        network.save()
    assert set(SearchEntry.objects.filter(kind=SearchKind.TERM).values_list("subtitle", flat=True)) == {
        "Pohjois-Savon ohjausverkosto"
    }
