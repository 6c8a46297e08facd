"""Shared goals: goals a network's member organisations propose, endorse and measure.

- :class:`Goal` is the current state; its text at each moment it was put to the members is a
  numbered :class:`GoalRevision` (kept for ever: an answer always says which text it was given to).
- rounds of endorsement and the answers in them are in :mod:`networks.goals.models.endorsement`;
  indicators and measurements, which track progress, in :mod:`networks.goals.models.indicators`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.goals.access import GoalAccess
from networks.memberships.models import Membership, NetworkRole
from portal.lib.access import ESTABLISHED, AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


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
        the networks in which the person represents an active or paused member organisation.

        One ``network_id IN (… UNION …)`` rather than two INs joined by OR, so that the goals are read through
        their network's index (the search asks this for every query) instead of scanning every goal."""
        return self.filter(network__in=self.visible_networks(user))

    @staticmethod
    def visible_networks(user):
        """The networks whose goals the person sees (their ``network`` values): the search's first cut."""
        represented = (
            Membership.objects.filter(status__in=ESTABLISHED)
            .filter(Q(representative=user) | Q(deputy=user))
            .values("network")
        )
        return NetworkRole.objects.filter(user=user).values("network").union(represented)

    def for_update(self):
        """The goals locked (their own rows, not their networks') until the transaction ends, with the network."""
        return self.select_for_update(of=("self",)).select_related("network")


class Goal(AccessMixin, models.Model):
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
    period_start = models.DateField(_("period starts"), validators=[validate_plausible_date])
    period_end = models.DateField(_("period ends"), validators=[validate_plausible_date])
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
    status_changed_at = models.DateTimeField(
        _("status changed"), auto_now_add=True, validators=[validate_plausible_date]
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = GoalQuerySet.as_manager()
    access_class = GoalAccess

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["period_start", "title", "pk"]
        constraints = [
            *plausible_dates("period_start", "period_end"),
            *plausible_dates("status_changed_at", "created_at", "updated_at", datetimes=True),
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

    def get_absolute_url(self) -> str:
        return reverse("goals:goal_detail", kwargs={"pk": self.pk})

    @property
    def status_label(self) -> str:
        return GoalStatus(self.status).label

    @property
    def area_label(self) -> str:
        return QualityArea(self.quality_area).label

    @property
    def is_finished(self) -> bool:
        """Achieved or dropped: nothing changes any more."""
        return self.status in FINISHED

    @property
    def is_dropped(self) -> bool:
        return self.status == GoalStatus.DROPPED

    @property
    def is_revised(self) -> bool:
        """Agreed once, but its text has changed since: the new text waits for the members' endorsement."""
        return self.status == GoalStatus.REVISED

    @property
    def is_under_endorsement(self) -> bool:
        """A round of endorsement is open on its text (a first one, or one on a revision)."""
        return self.status in UNDER_ENDORSEMENT

    @property
    def is_new_proposal(self) -> bool:
        """A proposal that was never put to endorsement (from the prefetched rounds, when there are any)."""
        return self.status == GoalStatus.PROPOSED and not self.rounds.all()

    def set_status(self, status: str) -> None:
        """Put the goal in ``status`` from now on; the caller saves it with whatever else changed."""
        self.status = status
        self.status_changed_at = timezone.now()

    def save_fields(self, *fields: str) -> None:
        """Save ``fields`` and the edit version (``updated_at``)."""
        self.save(update_fields=[*fields, "updated_at"])

    def current_revision(self) -> "GoalRevision":
        """The revision of the goal's current text (one query)."""
        return GoalRevision.objects.get(goal=self, number=self.revision)


class GoalRevision(models.Model):
    """The goal's text as it was put to the members: the first proposal and every later change."""

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), related_name="revisions", on_delete=models.CASCADE)
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(pgettext_lazy("goal", "title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    rationale = models.TextField(_("rationale"), max_length=5000, blank=True)
    period_start = models.DateField(_("period starts"), validators=[validate_plausible_date])
    period_end = models.DateField(_("period ends"), validators=[validate_plausible_date])
    summary = models.TextField(
        _("what changed"), max_length=2000, blank=True, help_text=_("Why the goal's text was changed.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("goal revision")
        verbose_name_plural = _("goal revisions")
        ordering = ["goal", "-number"]
        constraints = [
            *plausible_dates("period_start", "period_end"),
            *plausible_dates("created_at", datetimes=True),
            models.UniqueConstraint(fields=["goal", "number"], name="networks_goalrevision_unique"),
        ]

    def __str__(self):
        return f"{self.goal} ({self.number})"
