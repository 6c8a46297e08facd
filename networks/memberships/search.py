"""What the memberships domain puts into the search: networks."""

from collections.abc import Iterator

from networks.memberships.models import Network
from portal.search import index
from portal.search.documents import Document, batches, join, region_names, short
from portal.search.models import SearchKind


def network_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Network.objects.values("pk", "slug", "name", "field", "description", "public_description", "regions")
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
            indexed_fields=frozenset({"slug", "name", "field", "description", "public_description", "regions"}),
        )
    )
