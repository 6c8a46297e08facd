"""What meetings recorded, for the pages that list it: the network's decision log, its action items and a
person's own, and what the meetings decided about a goal. Each list is one query per page (plus the
paginator's count) however many rows there are.

Decisions and action items are part of the minutes: those of draft minutes are listed only for the people
who may read the draft (:func:`minutes_readable`), and the coordinators, who read every draft."""

import datetime

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from networks.meetings.models import (
    TOOK_PLACE,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
)
from networks.memberships.models import Network


def minutes_readable(user, *, prefix: str = "") -> Q:
    """The meeting's ``read_minutes`` as a filter, for lists of what meetings recorded (``prefix`` is the path
    to the meeting, e.g. ``"meeting__"``): approved minutes, and the drafts of the meetings the person
    organised, chairs or attended. The coordinators read every draft (``read_drafts``): a list leaves the
    filter out for them."""
    approved = Q(**{f"{prefix}status": MeetingStatus.MINUTES_APPROVED})
    if not user.is_authenticated:
        return approved
    attended = Attendance.objects.filter(user=user).values("meeting")
    return (
        approved
        | Q(**{f"{prefix}organiser": user})
        | Q(**{f"{prefix}chair": user})
        | Q(**{f"{prefix}pk__in": attended})
    )


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


# --- what the meetings decided about a goal, for its page --------------------------------------------


def goal_records(*, goal, user) -> tuple[list, list]:
    """What the network's meetings decided about ``goal``, from approved minutes only (draft ones are not
    everyone's to read): the decisions linked to it (newest first, with their meeting and item) and the
    agenda items linked to it (newest meeting first, each with its action items, owners and organisations).
    Three queries whatever their number.

    The network's people see every meeting of the network; a representative of a member organisation who
    has no role in the network sees the goal, but of the meetings only those they were invited to (one more
    query): the others' minutes are not theirs to read."""
    approved = MeetingStatus.MINUTES_APPROVED
    actions = ActionItem.objects.select_related("owner", "organisation").order_by("due_on", "pk")
    decisions = list(
        Decision.objects.filter(goal=goal, meeting__status=approved)
        .select_related("meeting", "item")
        .order_by("-decided_on", "-meeting__starts_at", "pk")
    )
    items = list(
        AgendaItem.objects.filter(goal=goal, meeting__status=approved)
        .select_related("meeting")
        .prefetch_related(Prefetch("action_items", queryset=actions))
        .order_by("-meeting__starts_at", "position", "pk")
    )
    if goal.access(user).permits("read_network"):
        return decisions, items
    meeting_ids = {row.meeting_id for row in [*decisions, *items]}
    visible = set(Meeting.objects.visible_to(user).filter(pk__in=meeting_ids).values_list("pk", flat=True))
    return [row for row in decisions if row.meeting_id in visible], [row for row in items if row.meeting_id in visible]
