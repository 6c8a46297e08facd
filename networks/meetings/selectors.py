"""Reads of meetings (issue 6) shaped for the pages that show them."""

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.utils import timezone

from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Attendance,
    Decision,
    InvitedOrganisation,
    Invitee,
    Meeting,
    MeetingStatus,
    MinutesComment,
)


def agenda_items() -> QuerySet[AgendaItem]:
    """Agenda items in order, with everything the meeting page and the printable pages show of each: the
    presenter, linked goal, proposer, where a carried-over item came from, its decisions (with their
    goals), action items (with owner and organisation), comments and amendments."""
    return (
        AgendaItem.objects.select_related("presenter", "goal", "proposed_by", "source_action", "source_item__meeting")
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related("goal").order_by("pk")),
            Prefetch(
                "action_items",
                queryset=ActionItem.objects.select_related("owner", "organisation").order_by("due_on", "pk"),
            ),
            Prefetch("comments", queryset=MinutesComment.objects.select_related("author").order_by("created_at", "pk")),
            Prefetch(
                "amendments",
                queryset=Amendment.objects.select_related("made_by", "decision").order_by("made_at", "pk"),
            ),
        )
        .order_by("position", "pk")
    )


def meeting_page() -> QuerySet[Meeting]:
    """Meetings with everything their page shows, in a fixed number of queries however many agenda items,
    invitees and records it has: the network, organiser, chair and approver; the agenda
    (:func:`agenda_items`); the invitees with their organisations and replies; the invited
    organisations; the attendance; and the comments on the minutes as a whole.

    Filter it (``get_for_user(user, meeting_page(), pk=pk)``); the prefetches run for what is fetched.
    """
    return Meeting.objects.select_related("network", "organiser", "chair", "minutes_approved_by").prefetch_related(
        Prefetch("items", queryset=agenda_items()),
        Prefetch(
            "invitees",
            queryset=Invitee.objects.select_related("user", "organisation").order_by(
                "user__last_name", "user__first_name", "pk"
            ),
        ),
        Prefetch(
            "invited_organisations",
            queryset=InvitedOrganisation.objects.select_related("organisation").order_by("organisation__name", "pk"),
        ),
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related("user", "organisation").order_by(
                "user__last_name", "user__first_name", "pk"
            ),
        ),
        Prefetch(
            "comments",
            queryset=MinutesComment.objects.filter(item__isnull=True)
            .select_related("author")
            .order_by("created_at", "pk"),
            to_attr="general_comments",
        ),
    )


# --- the meetings on the dashboard ----------------------------------------------------------------


ACTION_TODO_LIMIT = 10


NEXT_MEETINGS_LIMIT = 5


def my_open_actions(*, user) -> list[ActionItem]:
    """The person's open action items, soonest due first (so the overdue ones come first), with their
    meeting and network; ``open_count`` is the full count. One query."""
    return list(
        ActionItem.objects.open()
        .filter(owner=user)
        .annotate(open_count=Window(Count("*")))
        .select_related("meeting", "network")
        .order_by("due_on", "pk")[:ACTION_TODO_LIMIT]
    )


def my_next_meetings(*, user, now=None) -> list[Meeting]:
    """The planned meetings the person is invited to or organises that have not ended, soonest first, with
    the network and the person's reply (``my_reply``, empty when not invited or not answered). One query."""
    now = now or timezone.now()
    mine = Invitee.objects.filter(user=user)
    return list(
        Meeting.objects.filter(status=MeetingStatus.PLANNED, ends_at__gte=now)
        .filter(Q(pk__in=mine.values("meeting")) | Q(organiser=user))
        .annotate(my_reply=Subquery(mine.filter(meeting=OuterRef("pk")).values("reply")[:1]))
        .select_related("network")
        .order_by("starts_at", "pk")[:NEXT_MEETINGS_LIMIT]
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
