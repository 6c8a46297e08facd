"""What a network's news puts into the search: its items, found by their headlines and texts in every language
they are written in, and only by the network's people (the items' ``visible_to``)."""

from collections.abc import Iterator

from django.db.models.signals import post_save
from django.dispatch import receiver

from networks.memberships.models import Network
from networks.news.models import LANGUAGES, NewsItem
from portal.search import index
from portal.search.documents import Document, batches, join, short
from portal.search.models import SearchKind

TEXT_COLUMNS = tuple(f"{field}_{code}" for field in ("title", "body") for code in LANGUAGES)


def _first(row: dict, field: str) -> str:
    """The text of ``field`` in Finnish, else Swedish, else English."""
    return next((row[f"{field}_{code}"] for code in LANGUAGES if row[f"{field}_{code}"]), "")


def news_documents(ids=None) -> Iterator[list[Document]]:
    queryset = NewsItem.objects.values("pk", "uuid", "network_id", "network__name", *TEXT_COLUMNS)
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.NEWS,
                object_id=row["pk"],
                title=_first(row, "title"),
                link_key=str(row["uuid"]),
                subtitle=row["network__name"],
                network_id=row["network_id"],
                summary=short(_first(row, "body")),
                body=join(
                    *(row[f"title_{code}"] for code in LANGUAGES[1:]),
                    *(row[f"body_{code}"] for code in LANGUAGES),
                ),
            )
            for row in batch
        ]


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.NEWS,
            model=NewsItem,
            order=90,
            documents=news_documents,
            visible=NewsItem.objects.visible_to,
            networks=NewsItem.objects.visible_networks,
            url_name="news:news_detail",
            url_kwarg="uuid",
            indexed_fields=frozenset({*TEXT_COLUMNS, "network"}),
        )
    )


@receiver(post_save, sender=Network, dispatch_uid="search_news_network_saved")
def network_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed network: its items' rows name it."""
    if not (raw or created) and (update_fields is None or "name" in update_fields):
        index.reindex_later(SearchKind.NEWS, instance.news_items.values_list("pk", flat=True))
