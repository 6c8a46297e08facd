"""The person's own on the dashboard: their open action items and their next meetings, one query each.

Only of the networks the person has a role in: an invitation, an organiser's or an owner's row alone grants
nothing once the role has ended with its basis."""

from django.db.models import Count, OuterRef, Q, Subquery, Window
from django.utils import timezone

from networks.meetings.models import ActionItem, Invitee, Meeting, MeetingStatus
from networks.memberships.models import NetworkRole

ACTION_TODO_LIMIT = 10
NEXT_MEETINGS_LIMIT = 5


def _my_networks(user):
    return NetworkRole.objects.filter(user=user).values("network")


def my_open_actions(*, user) -> list[ActionItem]:
    """The person's open action items, soonest due first (so the overdue ones come first), with their
    meeting and network; ``open_count`` is the full count. One query."""
    return list(
        ActionItem.objects.open()
        .filter(owner=user, network__in=_my_networks(user))
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
        Meeting.objects.filter(status=MeetingStatus.PLANNED, ends_at__gte=now, network__in=_my_networks(user))
        .filter(Q(pk__in=mine.values("meeting")) | Q(organiser=user))
        .annotate(my_reply=Subquery(mine.filter(meeting=OuterRef("pk")).values("reply")[:1]))
        .select_related("network")
        .order_by("starts_at", "pk")[:NEXT_MEETINGS_LIMIT]
    )
