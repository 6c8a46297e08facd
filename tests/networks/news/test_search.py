"""The search finds a news item by its headline and text in each language, only for the network's people."""

import pytest

from networks.news import services
from portal.search import index
from portal.search.models import SearchEntry, SearchKind
from tests.portal.search.search_helpers import titles

pytestmark = pytest.mark.django_db


def _post(network, coordinator, capture):
    data = {
        "title_fi": "Ohjaajien koulutuspäivä Jyväskylässä",
        "body_fi": "Maahanmuuttajien ohjauksesta puhutaan kaupunginkirjastossa.",
        "title_sv": "Utbildningsdag för handledare",
        "body_sv": "Vi talar om vägledning av invandrare.",
    }
    with capture(execute=True):
        return services.news_create(network=network, author=coordinator, data=data)


def test_the_network_people_find_an_item_outsiders_do_not(
    network, coordinator, member, observer, outsider, django_capture_on_commit_callbacks
):
    item = _post(network, coordinator, django_capture_on_commit_callbacks)
    assert SearchEntry.objects.filter(kind=SearchKind.NEWS, object_id=item.pk).exists()
    for person in (member, observer):
        assert titles(person, "koulutuspäivä", SearchKind.NEWS) == ["Ohjaajien koulutuspäivä Jyväskylässä"]
    assert titles(member, "kaupunginkirjasto", SearchKind.NEWS)  # the text, in a base form
    assert titles(member, "invandrare", SearchKind.NEWS)  # the Swedish text
    assert titles(outsider, "koulutuspäivä", SearchKind.NEWS) == []


def test_an_edit_and_a_delete_reach_the_index(network, coordinator, member, django_capture_on_commit_callbacks):
    item = _post(network, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.news_update(item=item, data={"title_fi": "Syysseminaari"})
    assert titles(member, "syysseminaari", SearchKind.NEWS) == ["Syysseminaari"]
    with django_capture_on_commit_callbacks(execute=True):
        services.news_delete(item=item)
    assert not SearchEntry.objects.filter(kind=SearchKind.NEWS).exists()


def test_the_rebuild_indexes_the_news(network, coordinator, member, django_capture_on_commit_callbacks):
    _post(network, coordinator, django_capture_on_commit_callbacks)
    counts = index.rebuild()
    assert counts[SearchKind.NEWS] == 1
    assert titles(member, "utbildningsdag", SearchKind.NEWS) == ["Ohjaajien koulutuspäivä Jyväskylässä"]


def test_renaming_the_network_renames_its_items_rows(network, coordinator, django_capture_on_commit_callbacks):
    item = _post(network, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        network.name = "Pohjois-Savon ohjausverkosto"
        network.save(update_fields=["name"])
    assert SearchEntry.objects.get(kind=SearchKind.NEWS, object_id=item.pk).subtitle == "Pohjois-Savon ohjausverkosto"
