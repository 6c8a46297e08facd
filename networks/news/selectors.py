"""Reads of a network's news shaped for its pages, so that a page's query count does not grow with the news."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from networks.memberships.models import Network, NetworkRole
from networks.news.models import NewsComment, NewsItem
from portal.lib.translated import pick

# How many items the dashboard's panel shows.
PANEL_ROWS = 5
# How many words of an item's text its row in the list shows.
EXCERPT_WORDS = 40


def _comment_counts():
    counts = (
        NewsComment.objects.filter(item=OuterRef("pk")).order_by().values("item").annotate(n=Count("*")).values("n")
    )
    return Coalesce(Subquery(counts), 0)


def network_news(network: Network):
    """The network's items, pinned first and then the newest: the plain rows to paginate (their count and a
    page's ids); :func:`page_items` shapes the page's own items."""
    return NewsItem.objects.filter(network=network).for_page()


def page_items(page_queryset) -> list:
    """The items of a page (a slice of :func:`network_news`) with their authors, ``comment_count`` and
    ``excerpt``, in one query.

    The comments are counted only for the page's items: annotated on the sliced queryset, PostgreSQL would
    compute the count also for every row the ``OFFSET`` skips (most of the cost of a deep page)."""
    items = (
        NewsItem.objects.filter(pk__in=page_queryset.values("pk"))
        .for_page()
        .select_related("author")
        .annotate(comment_count=_comment_counts())
    )
    return with_excerpts(items)


def with_excerpts(items) -> list:
    """The items of a page, each with ``excerpt``: its text in the reader's language or the first there is
    (:func:`portal.lib.translated.pick`, with the language it is in)."""
    items = list(items)
    for item in items:
        item.excerpt = pick(item, "body")
    return items


def news_page():
    """An item with everything its page shows but the comments: network, author and the linked records."""
    return NewsItem.objects.select_related("network", "author", "goal", "meeting", "agreement", "activity")


def item_comments(item: NewsItem):
    """The item's comments in the order they were written, with their authors."""
    return NewsComment.objects.filter(item=item).select_related("author").order_by("created_at", "pk")


# Each of the person's networks' newest ``limit`` items (a LATERAL join: one short scan of the index
# networks_news_latest_idx per network), so that the dashboard never sorts all the items of its networks.
_NEWEST_PER_NETWORK = f"""
    SELECT newest.id FROM {NetworkRole._meta.db_table} AS role CROSS JOIN LATERAL (
        SELECT item.id FROM {NewsItem._meta.db_table} AS item WHERE item.network_id = role.network_id
        ORDER BY item.created_at DESC, item.id DESC LIMIT %s
    ) AS newest WHERE role.user_id = %s
"""  # noqa: S608 - the table names come from model metadata; the values are parameters


def latest_news(*, user, limit: int = PANEL_ROWS) -> list[NewsItem]:
    """The newest items of the networks the person has a role in, with their networks (one query, bounded: it
    reads at most ``limit`` items per network, however long the networks' news are)."""
    newest = RawSQL(_NEWEST_PER_NETWORK, (limit, user.pk))  # noqa: S611 - every value is a parameter
    return list(NewsItem.objects.filter(pk__in=newest).select_related("network").order_by("-created_at", "-pk")[:limit])
