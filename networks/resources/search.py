"""What the resource library puts into the search: resources, found by their titles and descriptions in every
language, their tags and a link's address. A person finds those they may read (public ones: everyone).

A resource's row names its network (the subtitle; for a public resource only when the network's page is public
too, as on the resource's page) and holds the names of its goals and areas of expertise: renaming the network
(or making its page public or not), a goal or an area writes the rows again.
"""

from collections.abc import Iterator

from django.db.models import StringAgg, Value
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from networks.goals.models import Goal, QualityArea
from networks.memberships.models import Network
from networks.resources.models import Resource, ResourceKind, Visibility
from partners.directory.models import ExpertiseArea
from portal.search import index
from portal.search.documents import Document, batches, join, labels, short
from portal.search.models import SearchKind


def _names(relation: str):
    return StringAgg(relation, Value(" "), distinct=True, default=Value(""))


def _network_name(resource: dict) -> str:
    """A private network's name is its people's: not on a public resource's row, which anyone finds."""
    if resource["visibility"] == Visibility.PUBLIC and not resource["network__is_public"]:
        return ""
    return resource["network__name"]


def resource_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Resource.objects.values(
        "pk",
        "uuid",
        "kind",
        "url",
        "quality_areas",
        "visibility",
        "network__name",
        "network__is_public",
        *(f"{field}_{code}" for field in ("title", "description") for code in ("fi", "sv", "en")),
    ).annotate(expertise_names=_names("expertise__name"), goal_titles=_names("goals__title"))
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.RESOURCE,
                object_id=resource["pk"],
                title=resource["title_fi"] or resource["title_sv"] or resource["title_en"] or "",
                link_key=str(resource["uuid"]),
                subtitle=_network_name(resource),
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


def _reindex(resources) -> None:
    index.reindex_later(SearchKind.RESOURCE, resources.values_list("pk", flat=True))


@receiver(post_save, sender=Network, dispatch_uid="search_resources_network_saved")
def network_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed network, or one whose page became public or private: its resources' rows name it (or not)."""
    if not (raw or created) and (update_fields is None or {"name", "is_public"} & set(update_fields)):
        _reindex(instance.resources)


@receiver(post_save, sender=Goal, dispatch_uid="search_resources_goal_saved")
@receiver(post_save, sender=ExpertiseArea, dispatch_uid="search_resources_expertise_area_saved")
def tag_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed goal or area of expertise: the rows of the resources tagged with it hold its name."""
    name = "title" if sender is Goal else "name"
    if not (raw or created) and (update_fields is None or name in update_fields):
        _reindex(instance.resources)


@receiver(pre_delete, sender=Goal, dispatch_uid="search_resources_goal_deleted")
@receiver(pre_delete, sender=ExpertiseArea, dispatch_uid="search_resources_expertise_area_deleted")
def tag_deleted(sender, instance, **kwargs):
    """A deleted goal or area: the resources that had it (known only before the delete) are written again."""
    _reindex(instance.resources)
