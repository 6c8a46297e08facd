"""Shared goals (issue 5): goals a network's member organisations propose, endorse and measure.

- :class:`Goal` is the current state; its text at each moment it was put to the members is a
  numbered :class:`GoalRevision` (kept for ever: an answer always says which text it was given to).
- :class:`EndorsementRound` is one opening of endorsement on one revision, with the network's rule as
  it stood when the round opened; :class:`Endorsement` rows are append-only answers by organisations
  (the latest per organisation counts, ``is_current``).
- indicators and measurements, which track progress, are in :mod:`networks.models.indicators`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.memberships.models import EndorsementRule, Membership, NetworkRole
from portal.lib.access import ESTABLISHED
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import validate_single_line


class GoalStatus(models.TextChoices):
    """proposed → under endorsement → agreed → in progress → achieved; or revised, or dropped."""

    PROPOSED = "proposed", _("Proposed")
    ENDORSEMENT = "endorsement", _("Under endorsement")
    AGREED = "agreed", _("Agreed")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    # An agreed goal whose text has changed: the new text waits for the members' endorsement.
    REVISED = "revised", _("Revised")
    DROPPED = "dropped", _("Dropped")


# The members stand behind the goal's current text.
ENDORSED = (GoalStatus.AGREED, GoalStatus.IN_PROGRESS)
# Nothing changes any more.
FINISHED = (GoalStatus.ACHIEVED, GoalStatus.DROPPED)
# A round of endorsement is open.
UNDER_ENDORSEMENT = (GoalStatus.ENDORSEMENT, GoalStatus.REVISED)
# Board order: where the work is, first.
STATUS_ORDER = [
    GoalStatus.PROPOSED,
    GoalStatus.ENDORSEMENT,
    GoalStatus.REVISED,
    GoalStatus.AGREED,
    GoalStatus.IN_PROGRESS,
    GoalStatus.ACHIEVED,
    GoalStatus.DROPPED,
]


class QualityArea(models.TextChoices):
    """The quality areas of the ELGPN quality-assurance and evidence-base framework."""

    PRACTITIONER_COMPETENCE = "competence", _("Practitioner competence")
    USER_INVOLVEMENT = "user_involvement", _("Citizen and user involvement")
    SERVICE_PROVISION = "service_provision", _("Service provision and improvement")
    COST_BENEFIT_GOVERNMENT = "cost_benefit_government", _("Cost-benefit to governments")
    COST_BENEFIT_INDIVIDUALS = "cost_benefit_individuals", _("Cost-benefit to individuals")


class GoalQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Goals of the networks the person has a role in (coordinator, member or observer), and of
        the networks in which the person represents an active or paused member organisation."""
        return self.filter(
            Q(network__in=NetworkRole.objects.filter(user=user).values("network"))
            | Q(
                network__in=Membership.objects.filter(status__in=ESTABLISHED)
                .filter(Q(representative=user) | Q(deputy=user))
                .values("network")
            )
        )


class Goal(models.Model):
    """A goal of one network, proposed by a member or a coordinator and endorsed by the member organisations."""

    Status = GoalStatus
    Area = QualityArea

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="goals", on_delete=models.PROTECT
    )
    title = models.CharField(pgettext_lazy("goal", "title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=5000, help_text=_("What the network wants to achieve."))
    rationale = models.TextField(
        _("rationale"), max_length=5000, blank=True, help_text=_("Why this matters to the network and its clients.")
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    quality_area = models.CharField(_("quality area"), max_length=30, choices=QualityArea.choices)
    owner_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("owner organisation"),
        related_name="owned_goals",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        related_name="goal_contacts",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=12, choices=GoalStatus.choices, default=GoalStatus.PROPOSED)
    agreements = models.ManyToManyField(
        "partners.Agreement",
        verbose_name=_("agreements that serve it"),
        related_name="goals",
        blank=True,
    )
    # The number of the current revision (see GoalRevision).
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # The endorsed status a revised goal returns to once its new text is endorsed.
    status_before_revision = models.CharField(max_length=12, choices=GoalStatus.choices, blank=True, editable=False)
    drop_reason = models.TextField(_("reason for dropping"), max_length=2000, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["period_start", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=GoalStatus.values),
                name="networks_goal_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            models.CheckConstraint(
                condition=Q(quality_area__in=QualityArea.values),
                name="networks_goal_area_valid",
                violation_error_message=_("Unknown quality area."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="networks_goal_period_order",
                violation_error_message=_("The period must not end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status=GoalStatus.DROPPED) | ~Q(drop_reason=""),
                name="networks_goal_dropped_has_reason",
                violation_error_message=_("Give the reason for dropping the goal."),
            ),
        ]
        indexes = [
            # the goal board: a network's goals by status / by quality area
            models.Index(fields=["network", "status"], name="networks_goal_status_idx"),
            models.Index(fields=["network", "quality_area"], name="networks_goal_area_idx"),
            # the report: goals whose period overlaps a chosen one
            models.Index(fields=["network", "period_start", "period_end"], name="networks_goal_period_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def status_label(self) -> str:
        return GoalStatus(self.status).label

    @property
    def area_label(self) -> str:
        return QualityArea(self.quality_area).label

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    def access(self, user):
        """What ``user`` may do with this goal, worked out once per request (see networks.goal_access)."""
        from networks.goals.access import GoalAccess

        cache = self.__dict__.setdefault("_access_cache", {})
        if user.pk not in cache:
            cache[user.pk] = GoalAccess(self, user)
        return cache[user.pk]

    def permits(self, user, action: str) -> bool:
        return self.access(user).permits(action)


class GoalRevision(models.Model):
    """The goal's text as it was put to the members: the first proposal and every later change."""

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), related_name="revisions", on_delete=models.CASCADE)
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(pgettext_lazy("goal", "title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    rationale = models.TextField(_("rationale"), max_length=5000, blank=True)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    summary = models.TextField(
        _("what changed"), max_length=2000, blank=True, help_text=_("Why the goal's text was changed.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal revision")
        verbose_name_plural = _("goal revisions")
        ordering = ["goal", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "number"], name="networks_goalrevision_unique"),
        ]

    def __str__(self):
        return f"{self.goal} ({self.number})"


class RoundOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    AGREED = "agreed", _("Agreed")
    NOT_REACHED = "not_reached", _("Not reached by the deadline")
    # The text changed while the round was open: the answers were given to another text.
    SUPERSEDED = "superseded", _("Superseded by a revision")
    CANCELLED = "cancelled", _("Cancelled")


class EndorsementRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(outcome=RoundOutcome.OPEN)


class EndorsementRound(models.Model):
    """One call for the member organisations to endorse one revision of a goal, by a deadline."""

    Outcome = RoundOutcome
    Rule = EndorsementRule

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), related_name="rounds", on_delete=models.CASCADE)
    revision = models.ForeignKey(
        GoalRevision, verbose_name=_("revision"), related_name="rounds", on_delete=models.PROTECT
    )
    # The network's rule when the round opened: changing the rule later does not change open rounds.
    rule = models.CharField(_("rule"), max_length=10, choices=EndorsementRule.choices)
    set_size = models.PositiveSmallIntegerField(_("set number of organisations"), null=True, blank=True)
    deadline = models.DateField(_("deadline"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=RoundOutcome.choices, default=RoundOutcome.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The reminder before the deadline goes once.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EndorsementRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("round of endorsement")
        verbose_name_plural = _("rounds of endorsement")
        ordering = ["goal", "-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rule__in=EndorsementRule.values),
                name="networks_round_rule_valid",
                violation_error_message=_("Unknown rule."),
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=RoundOutcome.values),
                name="networks_round_outcome_valid",
                violation_error_message=_("Unknown outcome."),
            ),
            models.CheckConstraint(
                condition=~Q(rule=EndorsementRule.MAJORITY) | Q(set_size__gte=1),
                name="networks_round_majority_has_size",
                violation_error_message=_("A majority rule needs the number of organisations."),
            ),
            # At most one open round per goal.
            models.UniqueConstraint(
                fields=["goal"], condition=Q(outcome="open"), name="networks_round_one_open_per_goal"
            ),
        ]
        indexes = [
            # the daily job: open rounds by deadline
            models.Index(fields=["outcome", "deadline"], name="networks_round_deadline_idx"),
        ]

    def __str__(self):
        return f"{self.goal} – {self.deadline}"

    @property
    def is_open(self) -> bool:
        return self.outcome == RoundOutcome.OPEN

    @property
    def outcome_label(self) -> str:
        return RoundOutcome(self.outcome).label

    @property
    def needed(self) -> int | None:
        """For a majority rule: how many organisations must agree (more than half the set number)."""
        if self.rule == EndorsementRule.MAJORITY and self.set_size:
            return self.set_size // 2 + 1
        return None


class EndorsementAnswer(models.TextChoices):
    AGREE = "agree", _("Agree")
    RESERVATIONS = "reservations", _("Agree with reservations")
    OBJECT = "object", _("Object")


# Answers that count towards agreement.
IN_FAVOUR = (EndorsementAnswer.AGREE, EndorsementAnswer.RESERVATIONS)


class Endorsement(models.Model):
    """One organisation's answer in one round, given by its representative or deputy.

    Rows are never changed or deleted: a changed answer is a new row, and the organisation's
    previous one stops being current.
    """

    Answer = EndorsementAnswer

    round = models.ForeignKey(
        EndorsementRound, verbose_name=_("round of endorsement"), related_name="answers", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "partners.Organisation", verbose_name=_("organisation"), related_name="endorsements", on_delete=models.CASCADE
    )
    answer = models.CharField(_("answer"), max_length=12, choices=EndorsementAnswer.choices)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)
    is_current = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["round", "organisation__name", "-answered_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answer__in=EndorsementAnswer.values),
                name="networks_endorsement_answer_valid",
                violation_error_message=_("Unknown answer."),
            ),
            models.CheckConstraint(
                condition=Q(answer=EndorsementAnswer.AGREE) | ~Q(reason=""),
                name="networks_endorsement_reason_given",
                violation_error_message=_("Give a reason for a reservation or an objection."),
            ),
            models.UniqueConstraint(
                fields=["round", "organisation"],
                condition=Q(is_current=True),
                name="networks_endorsement_one_current",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.answer}"

    @property
    def answer_label(self) -> str:
        return EndorsementAnswer(self.answer).label

    @property
    def in_favour(self) -> bool:
        return self.answer in IN_FAVOUR
