"""Reads of decisions and action items (issue 6) shaped for the pages that list them: the network's
decision log, its action items and a person's own. Each list is one query per page (plus the
paginator's count) however many rows there are."""

import datetime

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from networks.meetings.access import minutes_readable
from networks.meetings.models import ActionItem, ActionStatus, Decision, MeetingStatus
from networks.meetings.models.meetings import TOOK_PLACE
from networks.memberships.models import Network


def decision_log(
    *,
    network: Network,
    user,
    sees_drafts: bool,
    q: str = "",
    goal=None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Decision]:
    """The network's decisions, newest first, with their meeting, item and goal.

    Everyone who sees the network reads the decisions of approved minutes; ``sees_drafts`` (the network's
    coordinators) also those of held meetings and draft minutes, as does a meeting's own organiser. Each
    decision's ``is_draft`` says whether its minutes are not approved yet."""
    visible = Q(meeting__status=MeetingStatus.MINUTES_APPROVED)
    if sees_drafts:
        visible = Q(meeting__status__in=TOOK_PLACE)
    elif user.is_authenticated:
        visible |= Q(meeting__status__in=TOOK_PLACE, meeting__organiser=user)
    decisions = Decision.objects.filter(visible, network=network)
    for word in q.split()[:5]:
        decisions = decisions.filter(Q(text__icontains=word) | Q(item__title__icontains=word))
    if goal is not None:
        decisions = decisions.filter(goal=goal)
    if date_from is not None:
        decisions = decisions.filter(decided_on__gte=date_from)
    if date_to is not None:
        decisions = decisions.filter(decided_on__lte=date_to)
    return (
        decisions.select_related("meeting", "item", "goal")
        .annotate(
            is_draft=Case(
                When(meeting__status=MeetingStatus.MINUTES_APPROVED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("-decided_on", "-meeting__starts_at", "item__position", "pk")
    )


def _open_first():
    return Case(When(status=ActionStatus.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())


def network_actions(*, network: Network, user, sees_drafts: bool, status: str = "", owner=None) -> QuerySet[ActionItem]:
    """The network's action items (filtered by status and owner): open ones first, soonest due first.

    Action items are part of the minutes: those of draft minutes are listed only for the people who may
    read the draft (``sees_drafts``: the coordinators; and the meeting's organiser, chair and attendees),
    and for their owners."""
    actions = ActionItem.objects.filter(network=network)
    if not sees_drafts:
        actions = actions.filter(minutes_readable(user, prefix="meeting__") | Q(owner=user))
    if status:
        actions = actions.filter(status=status)
    if owner is not None:
        actions = actions.filter(owner=owner)
    return (
        actions.select_related("owner", "organisation", "meeting", "item")
        .annotate(open_rank=_open_first())
        .order_by("open_rank", "due_on", "pk")
    )


def my_actions(*, user) -> QuerySet[ActionItem]:
    """A person's own action items in every network: open ones first (soonest due first), then the rest
    (most recently changed first)."""
    return (
        ActionItem.objects.filter(owner=user)
        .select_related("network", "organisation", "meeting", "item")
        .annotate(open_rank=_open_first())
        .order_by("open_rank", Case(When(status=ActionStatus.OPEN, then="due_on")), "-status_changed_at", "pk")
    )
