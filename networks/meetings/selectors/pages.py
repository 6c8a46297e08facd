"""The pages of one meeting or time poll: querysets with everything the page shows prefetched, in a fixed
number of queries however many agenda items, invitees and records there are. Filter them
(``object_for(request, meeting_page(), pk=pk)``); the prefetches run for what is fetched."""

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Attendance,
    Decision,
    InvitedOrganisation,
    Invitee,
    Meeting,
    MinutesCheck,
    MinutesComment,
    TimePoll,
    TimeSlot,
)
from portal.accounts.models import User


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


def _invitees() -> Prefetch:
    return Prefetch(
        "invitees",
        queryset=Invitee.objects.select_related("user", "organisation").order_by(
            "user__last_name", "user__first_name", "pk"
        ),
    )


def _invited_organisations() -> Prefetch:
    return Prefetch(
        "invited_organisations",
        queryset=InvitedOrganisation.objects.select_related("organisation").order_by("organisation__name", "pk"),
    )


def meeting_page() -> QuerySet[Meeting]:
    """Meetings with everything their page shows: the network, organiser, chair and approver; the agenda
    (:func:`agenda_items`); the invitees with their organisations and replies; the invited organisations;
    the attendance; and the comments on the minutes as a whole."""
    return Meeting.objects.select_related(
        "network", "organiser", "chair", "minutes_approved_by", "first_checker", "second_checker"
    ).prefetch_related(
        Prefetch("items", queryset=agenda_items()),
        _invitees(),
        _invited_organisations(),
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


def with_checks(meeting: Meeting) -> Meeting:
    """The meeting with its current confirmations and objections (``current_checks``, with who made them),
    fetched in one query only when it has minute checkers: without them the page reads nothing more."""
    if meeting.has_checkers:
        prefetch_related_objects(
            [meeting],
            Prefetch(
                "minutes_checks",
                queryset=MinutesCheck.objects.current().select_related("user").order_by("made_at", "pk"),
                to_attr="current_checks",
            ),
        )
    return meeting


def invitations_page() -> QuerySet[Meeting]:
    """Meetings with their invitees (person, organisation, reply) and invited organisations."""
    return Meeting.objects.select_related("network", "organiser").prefetch_related(
        _invitees(), _invited_organisations()
    )


def poll_page() -> QuerySet[TimePoll]:
    """Polls with everything their page shows: the slots with their answers, the invited people by name,
    the invited organisations and the meeting made of it."""
    return TimePoll.objects.select_related("network", "organiser", "meeting").prefetch_related(
        Prefetch("slots", queryset=TimeSlot.objects.prefetch_related("answers").order_by("starts_at", "pk")),
        Prefetch("invitees", queryset=User.objects.order_by("last_name", "first_name", "pk")),
        "organisations",
    )
