"""What the memberships domain puts into the search: networks, their names and descriptions in every language
they are written in (the title is the Finnish name; the other languages' are in the body)."""

from collections.abc import Iterator

from networks.memberships.models import Network
from portal.lib.translated import column_names
from portal.search import index
from portal.search.documents import Document, batches, join, region_names, short
from portal.search.models import SearchKind

TRANSLATED_COLUMNS = (*column_names("name"), *column_names("description"))
OTHER_LANGUAGES = tuple(column for column in TRANSLATED_COLUMNS if not column.endswith("_fi"))


def network_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Network.objects.values(
        "pk", "slug", "name", "field", "description", "public_description", "regions", *OTHER_LANGUAGES
    )
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.NETWORK,
                object_id=network["pk"],
                title=network["name"],
                link_key=network["slug"],
                subtitle=network["field"],
                summary=short(network["description"] or network["public_description"]),
                body=join(
                    network["field"],
                    region_names(network["regions"]),
                    network["description"],
                    network["public_description"],
                    *(network[column] for column in OTHER_LANGUAGES),
                ),
            )
            for network in batch
        ]


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.NETWORK,
            model=Network,
            order=40,
            documents=network_documents,
            visible=Network.objects.visible_to,
            url_name="networks:network_detail",
            url_kwarg="slug",
            indexed_fields=frozenset(
                {"slug", "name", "field", "description", "public_description", "regions", *TRANSLATED_COLUMNS}
            ),
        )
    )
