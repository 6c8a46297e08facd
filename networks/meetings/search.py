"""What the meetings domain puts into the search: decisions, and the minutes of meetings.

- a decision: its text, with its meeting's title and day, the agenda item's title and the network; it links to
  the decisions of its agenda item on the meeting's page;
- minutes: the minutes of the agenda items of a meeting whose minutes have been circulated (a draft being
  commented on, or approved), with the meeting's title and day; they link to the agenda on the meeting's page.

Decisions and minutes are part of the minutes: who finds them is who may read the meeting's minutes
(:meth:`networks.meetings.models.MeetingQuerySet.minutes_readable_by`, the rule of the minutes page), asked at
every search; a person who leaves the network stops finding them at once. The rows change with the meeting
(its title, day or status: minutes enter the index when they are circulated), its agenda items' minutes, the
decisions themselves and the network's name.
"""

from collections import defaultdict
from collections.abc import Iterator
from html import unescape

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import strip_tags

from networks.meetings.models import (
    MINUTES_CIRCULATED,
    TOOK_PLACE,
    AgendaItem,
    AgendaItemStatus,
    Decision,
    Meeting,
)
from networks.memberships.models import Network, NetworkRole
from portal.search import index
from portal.search.documents import Document, batches, join, short
from portal.search.models import SearchKind

DECISION_TITLE_LENGTH = 160


def day(value) -> str:
    """A date as it is read in Finland in every language of the portal (7.12.2026)."""
    if hasattr(value, "hour"):
        value = timezone.localdate(value)
    return f"{value.day}.{value.month}.{value.year}"


def decision_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Decision.objects.values(
        "pk",
        "text",
        "meeting_id",
        "item_id",
        "decided_on",
        "meeting__title",
        "item__title",
        "network_id",
        "network__name",
    )
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.DECISION,
                object_id=decision["pk"],
                title=short(decision["text"], DECISION_TITLE_LENGTH),
                link_key=f"{decision['meeting_id']}#records-{decision['item_id']}",
                subtitle=f"{decision['network__name']} · {decision['meeting__title']}, {day(decision['decided_on'])}",
                network_id=decision["network_id"],
                summary=short(decision["text"]) if len(decision["text"]) > DECISION_TITLE_LENGTH else "",
                body=join(decision["text"], decision["meeting__title"], decision["item__title"]),
            )
            for decision in batch
        ]


def minutes_documents(ids=None) -> Iterator[list[Document]]:
    """One row per meeting whose minutes have been circulated and say something."""
    queryset = Meeting.objects.filter(status__in=MINUTES_CIRCULATED).values(
        "pk", "title", "starts_at", "network_id", "network__name"
    )
    for batch in batches(queryset, ids):
        items = defaultdict(list)
        for meeting_id, title, minutes, minutes_html in (
            AgendaItem.objects.filter(meeting_id__in=[meeting["pk"] for meeting in batch])
            .filter(status=AgendaItemStatus.ACCEPTED)
            .exclude(minutes="")
            .order_by("meeting_id", "position", "pk")
            .values_list("meeting_id", "title", "minutes", "minutes_html")
        ):
            items[meeting_id].append((title, minutes, minutes_html))
        yield [
            Document(
                kind=SearchKind.MINUTES,
                object_id=meeting["pk"],
                title=meeting["title"],
                link_key=f"{meeting['pk']}#agenda",
                subtitle=f"{meeting['network__name']} · {day(meeting['starts_at'])}",
                network_id=meeting["network_id"],
                # The rendered text without its markup: "**Tietosuoja**" reads as "Tietosuoja".
                summary=short(unescape(strip_tags(items[meeting["pk"]][0][2]))),
                body=join(*(f"{title}\n{minutes}" for title, minutes, _html in items[meeting["pk"]])),
            )
            for meeting in batch
            if items[meeting["pk"]]
        ]


def readable_decisions(user):
    """The decisions the person may read: those of the meetings that took place whose minutes they may read.

    Read through the decisions' network (the same as their meeting's), by its index, rather than by scanning
    every decision for its meeting."""
    return Decision.objects.filter(
        network__in=NetworkRole.objects.filter(user=user).values("network"),
        meeting__in=Meeting.objects.minutes_readable_by(user).filter(status__in=TOOK_PLACE).values("pk"),
    )


def readable_minutes(user):
    """The meetings whose circulated minutes the person may read."""
    return Meeting.objects.minutes_readable_by(user).filter(status__in=MINUTES_CIRCULATED)


def meeting_saved(pk: int) -> None:
    """A meeting's minutes (its status decides whether they are in the index), and its decisions, whose rows
    show its title and day."""
    index.index_objects(SearchKind.MINUTES, [pk])
    index.index_objects(SearchKind.DECISION, Decision.objects.filter(meeting_id=pk).values_list("pk", flat=True))


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.DECISION,
            model=Decision,
            order=60,
            documents=decision_documents,
            visible=readable_decisions,
            networks=Meeting.objects.visible_networks,
            url_name="meetings:meeting_detail",
            url_kwarg="pk",
            indexed_fields=frozenset({"text", "item", "item_id", "meeting", "meeting_id", "decided_on"}),
        )
    )
    index.register(
        index.Source(
            kind=SearchKind.MINUTES,
            model=Meeting,
            order=70,
            documents=minutes_documents,
            visible=readable_minutes,
            networks=Meeting.objects.visible_networks,
            url_name="meetings:meeting_detail",
            url_kwarg="pk",
            indexed_fields=frozenset({"title", "starts_at", "status", "network", "network_id"}),
            on_save=meeting_saved,
        )
    )


@receiver(post_save, sender=AgendaItem, dispatch_uid="search_agenda_item_saved")
@receiver(post_delete, sender=AgendaItem, dispatch_uid="search_agenda_item_deleted")
def agenda_item_changed(sender, instance, raw=False, update_fields=None, created=False, **kwargs):
    """The minutes of a meeting are its items' minutes; an item's title is in its decisions' rows too."""
    if raw or (update_fields is not None and not {"title", "minutes", "status"} & set(update_fields)):
        return
    index.reindex_later(SearchKind.MINUTES, [instance.meeting_id])
    renamed = update_fields is None or "title" in update_fields
    if kwargs.get("signal") is post_save and not created and renamed:
        index.reindex_later(SearchKind.DECISION, instance.decisions.values_list("pk", flat=True))


@receiver(post_save, sender=Network, dispatch_uid="search_meetings_network_saved")
def network_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed network: the rows of its decisions and minutes name it."""
    if not (raw or created) and (update_fields is None or "name" in update_fields):
        index.reindex_later(SearchKind.DECISION, instance.decisions.values_list("pk", flat=True))
        index.reindex_later(
            SearchKind.MINUTES, instance.meetings.filter(status__in=MINUTES_CIRCULATED).values_list("pk", flat=True)
        )
