"""The dashboard's latest news: the newest items over all the person's networks, read without sorting all of
their items (each network's newest few by the index, then the newest of those)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from networks.news import selectors
from networks.news.models import NewsItem
from tests import factories

pytestmark = pytest.mark.django_db


def _posted(network, author, hours_ago: list[int]) -> list[NewsItem]:
    now = timezone.now()
    items = NewsItem.objects.bulk_create(
        NewsItem(network=network, author=author, title_fi=f"Uutinen {h}", body_fi="Teksti.") for h in hours_ago
    )
    for item, hours in zip(items, hours_ago, strict=True):  # created_at is auto_now_add: set it afterwards
        NewsItem.objects.filter(pk=item.pk).update(created_at=now - datetime.timedelta(hours=hours))
    return items


def test_the_newest_over_all_the_persons_networks_in_order(network, member, other_network):
    second = factories.NetworkFactory()
    factories.NetworkRoleFactory(network=second, user=member)
    here = _posted(network, member, [1, 3, 5, 7, 9, 11, 13])
    there = _posted(second, member, [2, 4, 6])
    _posted(other_network, member, [0])  # a network the person has no role in: never shown
    with CaptureQueriesContext(connection) as queries:
        latest = selectors.latest_news(user=member)
    assert [item.pk for item in latest] == [here[0].pk, there[0].pk, here[1].pk, there[1].pk, here[2].pk]
    assert [item.network for item in latest] == [network, second, network, second, network]
    assert len(queries) == 1  # the networks come with the items


def test_equal_times_are_ordered_newest_row_first(network, member):
    items = _posted(network, member, [2, 2, 2])
    assert [item.pk for item in selectors.latest_news(user=member, limit=2)] == [items[2].pk, items[1].pk]


def test_a_person_without_networks_gets_nothing(network, member):
    _posted(network, member, [1])
    assert selectors.latest_news(user=factories.UserFactory()) == []
