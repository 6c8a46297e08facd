"""What comes out of meetings, and what comes before them.

- :class:`Decision` and :class:`ActionItem` are recorded per agenda item; a decision may be linked to a
  goal, an action item has an owner and a due date and is carried into the next agendas until done.
- :class:`MinutesComment` is an attendee's comment on draft minutes; :class:`Amendment` is a recorded
  change to approved (locked) minutes or decisions.
- :class:`TimePoll` with :class:`TimeSlot` and :class:`SlotAnswer` is finding a time before the meeting
  is fixed; :class:`CalendarFeed` is a person's secret calendar-feed token.

Who may change an action item's status and manage a time poll is :mod:`networks.meetings.access`.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.meetings.access import ActionItemAccess, PollAccess
from networks.meetings.models.meetings import MeetingKind
from networks.memberships.models import NetworkRole
from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class Decision(models.Model):
    """A decision made under one agenda item, optionally linked to a shared goal."""

    # Denormalised from the meeting for the network's decision log and its index.
    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="decisions", on_delete=models.CASCADE
    )
    meeting = models.ForeignKey("networks.Meeting", related_name="decisions", on_delete=models.CASCADE)
    item = models.ForeignKey(
        "networks.AgendaItem", verbose_name=_("agenda item"), related_name="decisions", on_delete=models.CASCADE
    )
    text = models.TextField(pgettext_lazy("decision", "decision"), max_length=5000)
    goal = models.ForeignKey(
        "networks.Goal",
        verbose_name=_("linked goal"),
        related_name="decisions",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    # The meeting's day, kept here for the log's date filter.
    decided_on = models.DateField(_("decided on"), validators=[validate_plausible_date])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    class Meta:
        constraints = [*plausible_dates("decided_on"), *plausible_dates("recorded_at", "updated_at", datetimes=True)]
        verbose_name = pgettext_lazy("decision", "decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "pk"]
        indexes = [
            # the decision log: a network's decisions by date, and by goal
            models.Index(fields=["network", "decided_on"], name="networks_decision_log_idx"),
            models.Index(fields=["goal", "decided_on"], name="networks_decision_goal_idx"),
        ]

    def __str__(self):
        return self.text[:80]


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item", "Open")
    DONE = "done", pgettext_lazy("action item", "Done")
    DROPPED = "dropped", pgettext_lazy("action item", "Dropped")


class ActionItemQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Action items of the networks the person has a role in (their own too only while they have one)."""
        return self.filter(network__in=NetworkRole.objects.filter(user=user).values("network"))

    def open(self):
        return self.filter(status=ActionStatus.OPEN)


class ActionItem(AccessMixin, models.Model):
    """Something one person takes on at a meeting, with a due date; carried to the next agendas until done."""

    Status = ActionStatus

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="action_items", on_delete=models.CASCADE
    )
    meeting = models.ForeignKey("networks.Meeting", related_name="action_items", on_delete=models.CASCADE)
    item = models.ForeignKey(
        "networks.AgendaItem", verbose_name=_("agenda item"), related_name="action_items", on_delete=models.CASCADE
    )
    what = models.TextField(_("what"), max_length=2000)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), related_name="action_items", on_delete=models.PROTECT
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="action_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    due_on = models.DateField(_("due"), validators=[validate_plausible_date])
    status = models.CharField(_("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    status_note = models.CharField(_("note"), max_length=500, blank=True)
    status_changed_at = models.DateTimeField(
        _("status changed"), null=True, blank=True, validators=[validate_plausible_date]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])
    # Each reminder goes out once, claimed by an UPDATE.
    due_reminder_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, validators=[validate_plausible_date]
    )
    overdue_reminder_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, validators=[validate_plausible_date]
    )

    objects = ActionItemQuerySet.as_manager()
    access_class = ActionItemAccess

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "pk"]
        constraints = [
            *plausible_dates("due_on"),
            *plausible_dates(
                "status_changed_at",
                "created_at",
                "updated_at",
                "due_reminder_sent_at",
                "overdue_reminder_sent_at",
                datetimes=True,
            ),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values),
                name="networks_actionitem_status_valid",
                violation_error_message=_("Unknown status."),
            ),
        ]
        indexes = [
            # "my action items" and the daily reminders
            models.Index(fields=["owner", "status", "due_on"], name="networks_action_owner_idx"),
            models.Index(fields=["status", "due_on"], name="networks_action_due_idx"),
            # open action items offered for a network's next agenda
            models.Index(fields=["network", "status"], name="networks_action_network_idx"),
        ]

    def __str__(self):
        return self.what[:80]

    @property
    def status_label(self) -> str:
        return ActionStatus(self.status).label

    @property
    def is_open(self) -> bool:
        """Not done or dropped yet: offered for the next agendas and reminded of."""
        return self.status == ActionStatus.OPEN

    @property
    def is_dropped(self) -> bool:
        """Dropped: its status is changed on its status page only, with a note."""
        return self.status == ActionStatus.DROPPED


class MinutesComment(models.Model):
    """An attendee's comment on draft minutes, on one item or on the whole."""

    meeting = models.ForeignKey("networks.Meeting", related_name="comments", on_delete=models.CASCADE)
    item = models.ForeignKey(
        "networks.AgendaItem",
        verbose_name=_("agenda item"),
        related_name="comments",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        constraints = [*plausible_dates("created_at", datetimes=True)]
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:80]


class Amendment(models.Model):
    """A change to approved minutes: the item's minutes or one decision, before and after, who and why."""

    meeting = models.ForeignKey("networks.Meeting", related_name="amendments", on_delete=models.CASCADE)
    item = models.ForeignKey(
        "networks.AgendaItem", verbose_name=_("agenda item"), related_name="amendments", on_delete=models.CASCADE
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=pgettext_lazy("decision", "decision"),
        related_name="amendments",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    before = models.TextField(_("before"))
    after = models.TextField(_("after"))
    reason = models.TextField(_("reason for the amendment"), max_length=2000)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("made by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    made_at = models.DateTimeField(_("made"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = pgettext_lazy("minutes", "amendment")
        verbose_name_plural = pgettext_lazy("minutes", "amendments")
        ordering = ["made_at", "pk"]
        constraints = [
            *plausible_dates("made_at", datetimes=True),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="networks_amendment_has_reason",
                violation_error_message=_("Give a reason."),
            ),
        ]

    def __str__(self):
        return f"{self.meeting} – {self.made_at:%Y-%m-%d}"


class PollQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Polls of the networks the person has a role in (an invitation alone grants nothing)."""
        return self.filter(network__in=NetworkRole.objects.filter(user=user).values("network"))


class TimePoll(AccessMixin, models.Model):
    """Finding a time: slots proposed by the organiser, answered by the invitees; a picked slot becomes the meeting."""

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="time_polls", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MeetingKind.choices, default=MeetingKind.NETWORK)
    title = models.CharField(pgettext_lazy("meeting", "title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=5000, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True, validators=[validate_single_line])
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        related_name="organised_polls",
        on_delete=models.SET_NULL,
        null=True,
    )
    invitees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("invited people"), related_name="time_polls", blank=True
    )
    organisations = models.ManyToManyField(
        "partners.Organisation", verbose_name=_("invited organisations"), related_name="+", blank=True
    )
    # Set when a slot is picked: the meeting created from it.
    meeting = models.OneToOneField(
        "networks.Meeting", related_name="time_poll", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False, validators=[validate_plausible_date])
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])

    objects = PollQuerySet.as_manager()
    access_class = PollAccess

    class Meta:
        constraints = [*plausible_dates("closed_at", "created_at", datetimes=True)]
        verbose_name = _("finding a time")
        verbose_name_plural = _("finding a time")
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["network", "closed_at"], name="networks_poll_open_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:poll_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class TimeSlot(models.Model):
    poll = models.ForeignKey(TimePoll, related_name="slots", on_delete=models.CASCADE)
    starts_at = models.DateTimeField(_("starts"), validators=[validate_plausible_date])
    ends_at = models.DateTimeField(_("ends"), validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("proposed time")
        verbose_name_plural = _("proposed times")
        ordering = ["starts_at", "pk"]
        constraints = [
            *plausible_dates("starts_at", "ends_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="networks_timeslot_ends_after_start",
                violation_error_message=_("The time must end after it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class SlotAnswer(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", pgettext_lazy("time poll", "Yes")
        IF_NEED_BE = "if_need_be", _("If need be")
        NO = "no", pgettext_lazy("time poll", "No")

    slot = models.ForeignKey(TimeSlot, related_name="answers", on_delete=models.CASCADE)
    # An erased person's answers stay (see portal.privacy): a person is never deleted with them.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.PROTECT)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    answered_at = models.DateTimeField(auto_now=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            *plausible_dates("answered_at", datetimes=True),
            models.UniqueConstraint(fields=["slot", "user"], name="networks_slotanswer_once"),
            models.CheckConstraint(condition=Q(answer__in=["yes", "if_need_be", "no"]), name="networks_slot_answer_ok"),
        ]

    def __str__(self):
        return f"{self.user} – {self.slot}: {self.answer}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar-feed token: whoever has the address reads their meetings, so it can be reset."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, related_name="calendar_feed", on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True, validators=[validate_plausible_date])

    class Meta:
        constraints = [*plausible_dates("created_at", datetimes=True)]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
