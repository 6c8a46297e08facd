"""What the goals domain puts into the search: shared goals, by title, description, status and quality area.

A goal's row names its network (the subtitle), so renaming a network writes its goals' rows again. Who finds a
goal is :meth:`networks.goals.models.GoalQuerySet.visible_to`, asked at every search: a person who leaves the
network (their role or membership ends) stops finding its goals at once, without a write to the index.
"""

from collections.abc import Iterator

from django.db.models.signals import post_save
from django.dispatch import receiver

from networks.goals.models import Goal
from networks.memberships.models import Network
from portal.search import index
from portal.search.documents import Document, batches, field_variants, in_languages, join, labels, short
from portal.search.models import SearchKind

TEXT_FIELDS = ("title", "description")


def goal_documents(ids=None) -> Iterator[list[Document]]:
    texts = [column for name in TEXT_FIELDS for column in field_variants(Goal, name)]
    queryset = Goal.objects.values("pk", *texts, "status", "quality_area", "network_id", "network__name")
    for batch in batches(queryset, ids):
        documents = []
        for goal in batch:
            titles = in_languages(goal, Goal, "title")
            descriptions = in_languages(goal, Goal, "description")
            documents.append(
                Document(
                    kind=SearchKind.GOAL,
                    object_id=goal["pk"],
                    title=titles[0] if titles else "",
                    link_key=str(goal["pk"]),
                    subtitle=goal["network__name"],
                    network_id=goal["network_id"],
                    summary=short(descriptions[0] if descriptions else ""),
                    body=join(
                        *titles[1:],
                        *descriptions,
                        labels(Goal.Status, goal["status"]),
                        labels(Goal.Area, goal["quality_area"]),
                    ),
                )
            )
        yield documents


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.GOAL,
            model=Goal,
            order=50,
            documents=goal_documents,
            visible=Goal.objects.visible_to,
            networks=Goal.objects.visible_networks,
            url_name="goals:goal_detail",
            url_kwarg="pk",
            indexed_fields=frozenset(
                {*(column for name in TEXT_FIELDS for column in field_variants(Goal, name))}
                | {"status", "quality_area", "network", "network_id"}
            ),
        )
    )


@receiver(post_save, sender=Network, dispatch_uid="search_goals_network_saved")
def network_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed network: its goals' rows name it."""
    if not (raw or created) and (update_fields is None or "name" in update_fields):
        index.reindex_later(SearchKind.GOAL, instance.goals.values_list("pk", flat=True))
