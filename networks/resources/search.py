"""What the resource library puts into the search: resources, found by their titles and descriptions in every
language, their tags and a link's address. A person finds those they may read (public ones: everyone)."""

from collections.abc import Iterator

from django.db.models import StringAgg, Value

from networks.goals.models import QualityArea
from networks.resources.models import Resource, ResourceKind
from portal.search import index
from portal.search.documents import Document, batches, join, labels, short
from portal.search.models import SearchKind


def _names(relation: str):
    return StringAgg(relation, Value(" "), distinct=True, default=Value(""))


def resource_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Resource.objects.values(
        "pk",
        "uuid",
        "kind",
        "url",
        "quality_areas",
        "network__name",
        *(f"{field}_{code}" for field in ("title", "description") for code in ("fi", "sv", "en")),
    ).annotate(expertise_names=_names("expertise__name"), goal_titles=_names("goals__title"))
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.RESOURCE,
                object_id=resource["pk"],
                title=resource["title_fi"] or resource["title_sv"] or resource["title_en"] or "",
                link_key=str(resource["uuid"]),
                subtitle=resource["network__name"],
                summary=short(resource["description_fi"] or resource["description_sv"] or resource["description_en"]),
                body=join(
                    labels(ResourceKind, resource["kind"]),  # "document" finds the documents in every language
                    resource["title_sv"],
                    resource["title_en"],
                    resource["description_fi"],
                    resource["description_sv"],
                    resource["description_en"],
                    resource["expertise_names"],
                    resource["goal_titles"],
                    " ".join(labels(QualityArea, value) for value in resource["quality_areas"]),
                    resource["url"],
                ),
            )
            for resource in batch
        ]


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.RESOURCE,
            model=Resource,
            order=110,
            documents=resource_documents,
            visible=Resource.objects.visible_to,
            url_name="resources:resource_detail",
            url_kwarg="uuid",
            indexed_fields=frozenset(
                {
                    "title",
                    "description",
                    "url",
                    "quality_areas",
                    *(f"{field}_{code}" for field in ("title", "description") for code in ("fi", "sv", "en")),
                }
            ),
        )
    )
