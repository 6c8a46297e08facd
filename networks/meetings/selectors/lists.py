"""Reads behind the meeting lists: a network's meetings filtered, a month of them as a calendar grid, a
person's own upcoming meetings across their networks, and a network's time polls. Each returns a queryset
(or a grid built from one query) so that a page's query count does not grow with the meetings."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks.meetings.models import AgendaItem, AgendaItemStatus, Invitee, Meeting, MeetingStatus, TimePoll
from networks.memberships.models import Network

UPCOMING = "upcoming"
PAST = "past"
ALL = "all"
WHEN_CHOICES = (UPCOMING, PAST, ALL)


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The start of ``day`` in the portal's time zone (Europe/Helsinki), aware."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _with_item_counts(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Each meeting's number of accepted agenda items, as a correlated count (no join that multiplies rows)."""
    items = (
        AgendaItem.objects.filter(meeting=OuterRef("pk"), status=AgendaItemStatus.ACCEPTED)
        .order_by()
        .values("meeting")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return meetings.annotate(item_count=Coalesce(Subquery(items, output_field=IntegerField()), Value(0)))


def network_meetings(network: Network, *, when: str = UPCOMING, kind: str = "", status: str = "", now=None):
    """The network's meetings for its list: upcoming ones soonest first (a meeting still going on counts as
    upcoming), past ones latest first, all of them latest first; optionally of one kind or status."""
    now = now or timezone.now()
    meetings = Meeting.objects.filter(network=network).select_related("organiser")
    if kind:
        meetings = meetings.filter(kind=kind)
    if status:
        meetings = meetings.filter(status=status)
    if when == UPCOMING:
        meetings = meetings.filter(ends_at__gte=now).order_by("starts_at", "pk")
    elif when == PAST:
        meetings = meetings.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        meetings = meetings.order_by("-starts_at", "-pk")
    return _with_item_counts(meetings)


# --- the month calendar -------------------------------------------------------------------------------


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    meetings: list = field(default_factory=list)


def parse_month(value: str | None, today: datetime.date) -> datetime.date:
    """``YYYY-MM`` as the first day of that month; anything else (or a year out of 1900–2999) is this month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if not 1900 <= year <= 2999:
            raise ValueError
        return datetime.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def shift_month(first: datetime.date, months: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_grid(network: Network, first: datetime.date, today: datetime.date) -> list[list[Day]]:
    """The weeks (Monday first) that show ``first``'s month, each day with the network's meetings that start
    on it in Helsinki time: one query however many meetings."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(first.year, first.month)
    grid = [[Day(day, day.month == first.month, day == today) for day in week] for week in weeks]
    days = {day.date: day for week in grid for day in week}
    start, end = local_midnight(weeks[0][0]), local_midnight(weeks[-1][-1] + datetime.timedelta(days=1))
    meetings = Meeting.objects.filter(network=network, starts_at__gte=start, starts_at__lt=end).order_by(
        "starts_at", "pk"
    )
    for meeting in meetings:
        days[timezone.localdate(meeting.starts_at)].meetings.append(meeting)
    return grid


# --- the person's own meetings ----------------------------------------------------------------------------


def upcoming_for(user, *, now=None) -> QuerySet[Meeting]:
    """The meetings ahead that the person sees (invited to, or in one of their networks), soonest first,
    each with the network and the person's own reply (``my_reply``: "" when not invited or not answered,
    None when not invited)."""
    now = now or timezone.now()
    my_reply = Invitee.objects.filter(meeting=OuterRef("pk"), user=user).values("reply")[:1]
    return (
        Meeting.objects.visible_to(user)
        .filter(ends_at__gte=now)
        .select_related("network")
        .annotate(my_reply=Subquery(my_reply))
        .order_by("starts_at", "pk")
    )


def person_networks(user, *, now=None) -> QuerySet[Network]:
    """The networks the person has a role in, by name, each with its number of planned meetings ahead."""
    now = now or timezone.now()
    ahead = (
        Meeting.objects.filter(network=OuterRef("pk"), status=MeetingStatus.PLANNED, ends_at__gte=now)
        .order_by()
        .values("network")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        Network.objects.filter(pk__in=Network.objects.visible_to(user).values("pk"))
        .annotate(upcoming_count=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)))
        .order_by("name", "pk")
    )


def network_polls(network: Network) -> QuerySet[TimePoll]:
    """The network's time polls, open ones first, then the newest, each with its organiser, the meeting made
    of it and its numbers of times (``slot_count``) and invited people (``invitee_count``)."""
    return (
        TimePoll.objects.filter(network=network)
        .select_related("organiser", "meeting")
        .annotate(slot_count=Count("slots", distinct=True), invitee_count=Count("invitees", distinct=True))
        .order_by(F("closed_at").desc(nulls_first=True), "-created_at", "pk")
    )
