"""Who may do what with a meeting or a time poll (issue 6, part 12): the rules in one place.

Seeing a meeting at all is :meth:`networks.models.meetings.MeetingQuerySet.visible_to`: the network's
people (coordinators, members, observers) and the people invited to it; outsiders get 404. Beyond that:

- ``manage``: the organiser and the network's coordinators: edit, cancel, agenda, invitations,
  attendance, minutes, decisions, action items, the status up to circulating the minutes;
- ``reply``: an invitee, while the meeting is planned;
- ``propose``: propose an agenda item: coordinators, members and invitees, while the meeting is planned;
- ``read_minutes``: approved minutes: everyone who sees the meeting; draft minutes: those who manage,
  the chair and the attendees;
- ``comment``: comment on draft minutes: the attendees, the chair and those who manage;
- ``approve``: approve the draft minutes: the chair only;
- ``amend``: change approved minutes by a recorded amendment: the chair and those who manage.

A time poll's ``manage`` is its organiser and the coordinators; ``answer`` its invited people while it
is open. Organising a meeting or a poll at all is :func:`may_organise` (coordinators and members).
"""

from functools import cached_property

from django.db.models import Q

from networks.meetings.models.meetings import Attendance, MeetingStatus
from portal.lib.access import Role

PROPOSING_ROLES = (Role.COORDINATOR, Role.MEMBER)


class MeetingAccess:
    """What one person may do with one meeting, worked out with a query or two and then kept."""

    def __init__(self, meeting, user):
        self.meeting = meeting
        self.user = user

    @cached_property
    def role(self) -> str | None:
        return self.meeting.network.role_of(self.user)

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_organiser(self) -> bool:
        return self.user.is_authenticated and self.meeting.organiser_id == self.user.pk

    @property
    def is_chair(self) -> bool:
        return self.user.is_authenticated and self.meeting.chair_id == self.user.pk

    @cached_property
    def invitee(self):
        """The person's invitation (with their reply), or None."""
        if not self.user.is_authenticated:
            return None
        cache = getattr(self.meeting, "_prefetched_objects_cache", {})
        if "invitees" in cache:
            return next((row for row in cache["invitees"] if row.user_id == self.user.pk), None)
        return self.meeting.invitees.filter(user=self.user).first()

    @cached_property
    def attended(self) -> bool:
        if not self.user.is_authenticated:
            return False
        cache = getattr(self.meeting, "_prefetched_objects_cache", {})
        if "attendances" in cache:
            return any(row.user_id == self.user.pk for row in cache["attendances"])
        return self.meeting.attendances.filter(user=self.user).exists()

    @property
    def manages(self) -> bool:
        return self.is_organiser or self.is_coordinator

    def permits(self, action: str) -> bool:
        rule = getattr(self, f"_may_{action}", None)
        return bool(rule and rule())

    def _may_view(self) -> bool:
        return True

    def _may_manage(self) -> bool:
        return self.manages

    def _may_reply(self) -> bool:
        return self.meeting.status == MeetingStatus.PLANNED and self.invitee is not None

    def _may_propose(self) -> bool:
        return self.meeting.status == MeetingStatus.PLANNED and (
            self.role in PROPOSING_ROLES or self.invitee is not None
        )

    def _may_read_minutes(self) -> bool:
        if self.meeting.status == MeetingStatus.MINUTES_APPROVED:
            return True
        return self.manages or self.is_chair or self.attended

    def _may_comment(self) -> bool:
        return self.meeting.status == MeetingStatus.MINUTES_DRAFT and (self.manages or self.is_chair or self.attended)

    def _may_approve(self) -> bool:
        return self.meeting.status == MeetingStatus.MINUTES_DRAFT and self.is_chair

    def _may_amend(self) -> bool:
        return self.meeting.status == MeetingStatus.MINUTES_APPROVED and (self.manages or self.is_chair)


class PollAccess:
    """What one person may do with one time poll."""

    def __init__(self, poll, user):
        self.poll = poll
        self.user = user

    @cached_property
    def role(self) -> str | None:
        return self.poll.network.role_of(self.user)

    @cached_property
    def invited(self) -> bool:
        if not self.user.is_authenticated:
            return False
        cache = getattr(self.poll, "_prefetched_objects_cache", {})
        if "invitees" in cache:
            return any(person.pk == self.user.pk for person in cache["invitees"])
        return self.poll.invitees.filter(pk=self.user.pk).exists()

    @property
    def manages(self) -> bool:
        return self.role == Role.COORDINATOR or (self.user.is_authenticated and self.poll.organiser_id == self.user.pk)

    def permits(self, action: str) -> bool:
        if action == "view":
            return True
        if action == "manage":
            return self.manages and self.poll.is_open
        if action == "answer":
            return self.poll.is_open and self.invited
        return False


def minutes_readable(user, *, prefix: str = "") -> Q:
    """``read_minutes`` as a filter, for lists of what meetings recorded (``prefix`` is the path to the
    meeting, e.g. ``"meeting__"``): approved minutes, and the drafts of the meetings the person organised,
    chairs or attended. The coordinators read every draft: a list leaves the filter out for them."""
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


def may_organise(network, user) -> bool:
    """Coordinators and members of the network may organise meetings and find times; observers only read."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return network.role_of(user) in PROPOSING_ROLES


def may_update_action(action_item, user) -> bool:
    """An action item's status is changed by its owner, the meeting's organiser and the coordinators."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.pk in (action_item.owner_id, action_item.meeting.organiser_id):
        return True
    return action_item.network.role_of(user) == Role.COORDINATOR
