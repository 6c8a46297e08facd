"""Meetings: a network's meetings, their invitations, replies and attendance.

- :class:`Meeting` goes planned → held → minutes in draft → minutes approved, or is cancelled with a
  reason. Its ``uid`` and ``sequence`` are the iCalendar UID and SEQUENCE that calendar programs use to
  apply an update or a cancellation to the event they already have.
- :class:`Invitee` is one invited person with their reply; inviting an organisation
  (:class:`InvitedOrganisation`) invites all its people in the network at that moment.
- :class:`Attendance` is who attended and from which organisation (the network map draws ties from it).
- the agenda (:class:`~networks.meetings.models.agenda.AgendaItem`, with each item's minutes) is in
  :mod:`networks.meetings.models.agenda`;
- finding a time (:class:`TimePoll`), calendar feeds (:class:`CalendarFeed`) and the records that come
  out of a meeting (decisions, action items, comments, amendments) are in :mod:`networks.meetings.models.records`.

Who may do what with a meeting is :class:`networks.meetings.access.MeetingAccess` (``meeting.permits(user,
action)``); the rules read the meeting's state through the properties here (``is_planned`` …).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.meetings.access import MeetingAccess
from networks.memberships.models import NetworkRole
from portal.lib.access import AccessMixin, Role
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class MeetingKind(models.TextChoices):
    NETWORK = "network", _("Network meeting")
    STEERING = "steering", _("Steering group")
    WORKSHOP = "workshop", _("Workshop")
    PEER_FORUM = "peer_forum", _("Peer forum")


class MeetingStatus(models.TextChoices):
    """planned → held → minutes in draft → minutes approved; or cancelled (with a reason)."""

    PLANNED = "planned", pgettext_lazy("meeting", "Planned")
    HELD = "held", pgettext_lazy("meeting", "Held")
    MINUTES_DRAFT = "minutes_draft", _("Minutes in draft")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")
    CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")


# The meeting has taken place: its attendance, minutes, decisions and action items are shown.
TOOK_PLACE = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED)
# The minutes can still change: the attendance, minutes, decisions and action items are recorded.
MINUTES_OPEN = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT)
# The minutes have gone to the attendees: they are commented on (draft) or read as approved.
MINUTES_CIRCULATED = (MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED)


class Reply(models.TextChoices):
    YES = "yes", pgettext_lazy("reply", "Yes")
    MAYBE = "maybe", pgettext_lazy("reply", "Maybe")
    NO = "no", pgettext_lazy("reply", "No")


class MeetingQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Meetings of the networks the person has a role in. An invitation alone grants nothing: only the
        network's people are invited, and one whose role has ended (with its basis) no longer sees them."""
        return self.filter(network__in=self.visible_networks(user))

    @staticmethod
    def visible_networks(user):
        """The networks whose meetings the person sees (their ``network`` values): the search's first cut."""
        return NetworkRole.objects.filter(user=user).values("network")

    def minutes_readable_by(self, user):
        """The meetings whose minutes the person may read: the meeting's ``read_minutes`` (as
        :meth:`networks.meetings.access.MeetingAccess.may_read_minutes`, without an administrator's bypass) of
        the meetings they see: approved minutes, and the drafts of the meetings they organise, chair, check or
        attended and of the networks they coordinate."""
        if not user.is_authenticated:
            return self.none()
        coordinated = NetworkRole.objects.filter(user=user, role=Role.COORDINATOR).values("network")
        return self.visible_to(user).filter(
            Q(status=MeetingStatus.MINUTES_APPROVED)
            | Q(organiser=user)
            | Q(chair=user)
            | Q(first_checker=user)
            | Q(second_checker=user)
            | Q(pk__in=Attendance.objects.filter(user=user).values("meeting"))
            | Q(network__in=coordinated)
        )


class Meeting(AccessMixin, models.Model):
    """One meeting of one network."""

    Kind = MeetingKind
    Status = MeetingStatus

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="meetings", on_delete=models.PROTECT
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MeetingKind.choices, default=MeetingKind.NETWORK)
    title = models.CharField(pgettext_lazy("meeting", "title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=5000, blank=True)
    starts_at = models.DateTimeField(_("starts"), validators=[validate_plausible_date])
    ends_at = models.DateTimeField(_("ends"), validators=[validate_plausible_date])
    place = models.CharField(_("place"), max_length=300, blank=True, validators=[validate_single_line])
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        related_name="organised_meetings",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        related_name="chaired_meetings",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Approves the minutes."),
    )
    # The two minute checkers (pöytäkirjantarkastajat), named among the invitees and attendees: with them,
    # the minutes are approved once the chair and both have confirmed (networks.meetings.checking).
    first_checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("first minute checker"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    second_checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("second minute checker"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    cancel_reason = models.TextField(_("reason for cancelling"), max_length=2000, blank=True)
    status_changed_at = models.DateTimeField(
        _("status changed"), auto_now_add=True, validators=[validate_plausible_date]
    )
    minutes_approved_at = models.DateTimeField(
        _("minutes approved"), null=True, blank=True, editable=False, validators=[validate_plausible_date]
    )
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("minutes approved by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    # iCalendar identity: the same UID for ever, SEQUENCE raised by every change of time or place and by
    # the cancellation, so that calendar programs apply the update to the event they already have.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The reminder the day before, claimed by an UPDATE so that it goes out once.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False, validators=[validate_plausible_date])
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = MeetingQuerySet.as_manager()
    access_class = MeetingAccess

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "pk"]
        constraints = [
            *plausible_dates(
                "starts_at",
                "ends_at",
                "status_changed_at",
                "minutes_approved_at",
                "reminder_sent_at",
                "created_at",
                "updated_at",
                datetimes=True,
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values),
                name="networks_meeting_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MeetingKind.values),
                name="networks_meeting_kind_valid",
                violation_error_message=_("Unknown kind of meeting."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="networks_meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="networks_meeting_cancelled_has_reason",
                violation_error_message=_("Give the reason for cancelling the meeting."),
            ),
            # Two different checkers or none (a checker erased from the portal leaves a gap, so NULLs pass).
            models.CheckConstraint(
                condition=~Q(first_checker=models.F("second_checker"))
                & ~Q(first_checker=models.F("chair"))
                & ~Q(second_checker=models.F("chair")),
                name="networks_meeting_checkers_distinct",
                violation_error_message=_("The chair and the two minute checkers must be three different people."),
            ),
        ]
        indexes = [
            # the meeting list and the month calendar: a network's meetings by time
            models.Index(fields=["network", "starts_at"], name="networks_meeting_time_idx"),
            # the daily job: planned meetings starting tomorrow
            models.Index(fields=["status", "starts_at"], name="networks_meeting_status_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", kwargs={"pk": self.pk})

    @property
    def status_label(self) -> str:
        return MeetingStatus(self.status).label

    @property
    def kind_label(self) -> str:
        return MeetingKind(self.kind).label

    @property
    def is_planned(self) -> bool:
        return self.status == MeetingStatus.PLANNED

    @property
    def is_held(self) -> bool:
        """Held, its minutes not circulated yet."""
        return self.status == MeetingStatus.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def has_draft_minutes(self) -> bool:
        return self.status == MeetingStatus.MINUTES_DRAFT

    @property
    def has_approved_minutes(self) -> bool:
        """Approved by the chair: locked, and changed only by a recorded amendment."""
        return self.status == MeetingStatus.MINUTES_APPROVED

    @property
    def checker_ids(self) -> tuple:
        """The named minute checkers' ids (none, or two)."""
        return tuple(pk for pk in (self.first_checker_id, self.second_checker_id) if pk is not None)

    @property
    def has_checkers(self) -> bool:
        """Minute checkers are named: the chair alone no longer approves the minutes."""
        return bool(self.checker_ids)

    @property
    def took_place(self) -> bool:
        return self.status in TOOK_PLACE

    @property
    def minutes_open(self) -> bool:
        """The attendance, minutes, decisions and action items can still be recorded."""
        return self.status in MINUTES_OPEN

    @property
    def minutes_circulated(self) -> bool:
        return self.status in MINUTES_CIRCULATED

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


class InvitedOrganisation(models.Model):
    """An organisation invited as a whole: its people in the network were invited when it was added."""

    meeting = models.ForeignKey(Meeting, related_name="invited_organisations", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "partners.Organisation", verbose_name=_("organisation"), related_name="+", on_delete=models.CASCADE
    )
    invited_at = models.DateTimeField(auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("invited organisation")
        verbose_name_plural = _("invited organisations")
        constraints = [
            *plausible_dates("invited_at", datetimes=True),
            models.UniqueConstraint(fields=["meeting", "organisation"], name="networks_invitedorg_once"),
        ]

    def __str__(self):
        return str(self.organisation)


class Invitee(models.Model):
    """One invited person and their reply (empty until they answer)."""

    meeting = models.ForeignKey(Meeting, related_name="invitees", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="meeting_invitations", on_delete=models.PROTECT
    )
    # The organisation the person was invited through (or works for), shown next to their name.
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    reply = models.CharField(_("reply"), max_length=6, choices=Reply.choices, blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True, validators=[validate_plausible_date])
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("invitee")
        verbose_name_plural = _("invitees")
        ordering = ["user__last_name", "user__first_name", "pk"]
        constraints = [
            *plausible_dates("replied_at", "invited_at", datetimes=True),
            models.UniqueConstraint(fields=["meeting", "user"], name="networks_invitee_once"),
            models.CheckConstraint(
                condition=Q(reply="") | Q(reply__in=Reply.values),
                name="networks_invitee_reply_valid",
                violation_error_message=_("Unknown reply."),
            ),
        ]
        indexes = [
            # the personal calendar feed and "my meetings": the meetings one person is invited to
            models.Index(fields=["user", "meeting"], name="networks_invitee_user_idx"),
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}"


class Attendance(models.Model):
    """One person who attended, and the organisation they came from."""

    meeting = models.ForeignKey(Meeting, related_name="attendances", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="meeting_attendances", on_delete=models.PROTECT
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="meeting_attendances",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    recorded_at = models.DateTimeField(auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["user__last_name", "user__first_name", "pk"]
        constraints = [
            *plausible_dates("recorded_at", datetimes=True),
            models.UniqueConstraint(fields=["meeting", "user"], name="networks_attendance_once"),
        ]
        indexes = [
            models.Index(fields=["user", "meeting"], name="networks_attendance_user_idx"),
            # the network map: which organisations met
            models.Index(fields=["organisation", "meeting"], name="networks_attendance_org_idx"),
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}"
