"""What trust-building puts into the search: joint activities, by title, description, kind and place.

An activity's row names its network (the subtitle), so renaming a network writes its activities' rows again.
Who finds an activity is :meth:`networks.trust.models.ActivityQuerySet.visible_to`, asked at every search: a
person who leaves the network stops finding its activities at once.
"""

from collections.abc import Iterator

from django.db.models.signals import post_save
from django.dispatch import receiver

from networks.memberships.models import Network
from networks.trust.models import Activity
from portal.search import index
from portal.search.documents import Document, batches, field_variants, in_languages, join, labels, short
from portal.search.models import SearchKind

TEXT_FIELDS = ("title", "description")


def _day(value) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def activity_documents(ids=None) -> Iterator[list[Document]]:
    texts = [column for name in TEXT_FIELDS for column in field_variants(Activity, name)]
    queryset = Activity.objects.values("pk", *texts, "kind", "place", "starts_on", "network_id", "network__name")
    for batch in batches(queryset, ids):
        documents = []
        for activity in batch:
            titles = in_languages(activity, Activity, "title")
            descriptions = in_languages(activity, Activity, "description")
            documents.append(
                Document(
                    kind=SearchKind.ACTIVITY,
                    object_id=activity["pk"],
                    title=titles[0] if titles else "",
                    link_key=str(activity["pk"]),
                    subtitle=f"{activity['network__name']} · {_day(activity['starts_on'])}",
                    network_id=activity["network_id"],
                    summary=short(descriptions[0] if descriptions else ""),
                    body=join(*titles[1:], *descriptions, labels(Activity.Kind, activity["kind"]), activity["place"]),
                )
            )
        yield documents


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.ACTIVITY,
            model=Activity,
            order=80,
            documents=activity_documents,
            visible=Activity.objects.visible_to,
            networks=Activity.objects.visible_networks,
            url_name="trust:activity_detail",
            url_kwarg="pk",
            indexed_fields=frozenset(
                {*(column for name in TEXT_FIELDS for column in field_variants(Activity, name))}
                | {"kind", "place", "starts_on", "network", "network_id"}
            ),
        )
    )


@receiver(post_save, sender=Network, dispatch_uid="search_activities_network_saved")
def network_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed network: its activities' rows name it."""
    if not (raw or created) and (update_fields is None or "name" in update_fields):
        index.reindex_later(SearchKind.ACTIVITY, instance.activities.values_list("pk", flat=True))
