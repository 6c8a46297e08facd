"""Query budgets of a network's news (HOUSE-STYLE rule 22): the news page, an item's page with its comments and
the dashboard's panel make the same number of queries with a few items and comments as with hundreds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from networks.news import panels
from networks.news.models import NewsComment, NewsItem
from tests import factories
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db


def _items(network, authors, n, *, comments=2):
    items = NewsItem.objects.bulk_create(
        NewsItem(network=network, author=authors[i % len(authors)], title_fi=f"Uutinen {i}", body_fi="Teksti " * 50)
        for i in range(n)
    )
    NewsComment.objects.bulk_create(
        NewsComment(item=item, author=authors[j % len(authors)], text="Kiitos!")
        for item in items
        for j in range(comments)
    )
    return items


@pytest.fixture
def world(network, coordinator, member, goal, agreement):
    items = _items(network, [coordinator, member], 3)
    item = items[0]
    item.pinned = True
    item.goal, item.agreement = goal, agreement
    item.meeting = factories.MeetingFactory(network=network)
    item.activity = factories.ActivityFactory(network=network)
    item.save()
    return network, [coordinator, member], item


def _grow(world_):
    network, authors, item = world_

    def grow():
        people = [*authors, *factories.UserFactory.create_batch(10)]
        _items(network, people, 200, comments=3)
        NewsComment.objects.bulk_create(NewsComment(item=item, author=p, text="Hyvä!") for p in people * 20)

    return grow


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_news_page_does_not_grow(request, client_for, world, viewer):
    url = reverse("news:news_list", kwargs={"slug": world[0].slug})
    # session, user, MFA check, network, the role (for "post"), the count, a page of items with their authors and
    # comment counts
    assert_budget(
        client_for(request.getfixturevalue(viewer)), url, budget=8, grow=_grow(world)
    )  # + the header's unread count


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_item_page_does_not_grow(request, client_for, world, viewer):
    url = reverse("news:news_detail", kwargs={"uuid": world[2].uuid})
    # session, user, MFA check, the item with its network, author and linked records, the role, the comments'
    # count and page with their authors, the network's agreed glossary terms (marked in the text)
    assert_budget(
        client_for(request.getfixturevalue(viewer)), url, budget=9, grow=_grow(world)
    )  # + the header's unread count


def _plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from _plan_nodes(child)


def test_a_deep_page_counts_the_comments_of_its_own_items_only(client_for, network, member):
    _items(network, [member], 45, comments=1)
    url = reverse("news:news_list", kwargs={"slug": network.slug})
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(member).get(url, {"page": "2"})
    assert [item.comment_count for item in response.context["page_obj"].object_list] == [1] * 20
    counting = [query["sql"] for query in ctx.captured_queries if "networks_newscomment" in query["sql"]]
    assert len(counting) == 1
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {counting[0]}")
        plan = cursor.fetchone()[0]
    nodes = _plan_nodes(plan[0]["Plan"])
    comment_scans = [node for node in nodes if node.get("Relation Name") == "networks_newscomment"]
    # Counted for the page's 20 items, not also for the 20 of the first page that the OFFSET skips.
    assert comment_scans and max(node["Actual Loops"] for node in comment_scans) <= 20


def test_the_dashboard_panel_does_not_grow(rf, world, coordinator):
    network = world[0]
    request = rf.get("/")
    request.user = coordinator

    def count():
        with CaptureQueriesContext(connection) as ctx:
            context = panels.latest_news(request, coordinated=[network.pk], today=timezone.localdate())
        assert context and len(context["latest_news"]) <= 5
        return len(ctx.captured_queries)

    small = count()
    _grow(world)()
    other = factories.NetworkFactory()
    factories.NetworkRoleFactory(network=other, user=coordinator)
    _items(other, [coordinator], 50)
    assert small == count() == 1


def test_the_dashboard_shows_the_latest_news(client_for, world, member, outsider):
    content = client_for(member).get(reverse("portal:home")).content.decode()
    assert "Uutinen 2" in content and reverse("news:news_detail", kwargs={"uuid": world[2].uuid}) in content
    assert "latest-news" not in client_for(outsider).get(reverse("portal:home")).content.decode()
