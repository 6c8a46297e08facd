"""Survey rounds of a network's member organisations and their answers.

A round is of one kind: a **trust survey** (PARTNER-style: each respondent rates its relationship with every
other member organisation, and for those it works with, trust and value) or a **partnership health check**
(each party of an agreement, or each member, rates good-practice aspects red, amber or green). One response
per organisation, given by its representative or deputy; a draft is saved and resumed until it is submitted.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from networks.trust.access import RoundAccess
from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class SurveyKind(models.TextChoices):
    TRUST = "trust", _("Trust survey")
    HEALTH = "health", _("Partnership health check")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class SurveyRoundQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Rounds of the networks the person has a role in."""
        from networks.memberships.models import NetworkRole

        return self.filter(network__in=NetworkRole.objects.filter(user=user).values("network"))

    def open(self):
        return self.filter(status=RoundStatus.OPEN)


class SurveyRound(AccessMixin, models.Model):
    """One survey of a network's member organisations (or of an agreement's parties), open until a deadline."""

    Kind = SurveyKind
    Status = RoundStatus

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="survey_rounds", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=6, choices=SurveyKind.choices, default=SurveyKind.TRUST)
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    # A health check of one agreement asks its parties; without an agreement, the network's members.
    agreement = models.ForeignKey(
        "partners.Agreement",
        verbose_name=_("agreement"),
        related_name="health_checks",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    period_start = models.DateField(_("period from"), validators=[validate_plausible_date])
    period_end = models.DateField(_("period until"), validators=[validate_plausible_date])
    deadline = models.DateField(_("deadline"), validators=[validate_plausible_date])
    status = models.CharField(_("status"), max_length=9, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    # The organisations asked, fixed when the round opens (the active members then, or the agreement's parties).
    organisations = models.ManyToManyField(
        "partners.Organisation", verbose_name=_("organisations asked"), related_name="survey_rounds", blank=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True, validators=[validate_plausible_date])
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, validators=[validate_plausible_date])
    # The reminder before the deadline goes once.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False, validators=[validate_plausible_date])
    # The draft review meeting a health check's reds and ambers became.
    review_meeting = models.ForeignKey(
        "networks.Meeting", related_name="+", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = SurveyRoundQuerySet.as_manager()
    access_class = RoundAccess

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            *plausible_dates("period_start", "period_end", "deadline"),
            *plausible_dates("opened_at", "closed_at", "reminder_sent_at", "updated_at", datetimes=True),
            models.CheckConstraint(condition=Q(kind__in=SurveyKind.values), name="networks_surveyround_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=RoundStatus.values), name="networks_surveyround_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="networks_surveyround_period_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(kind=SurveyKind.HEALTH) | Q(agreement__isnull=True),
                name="networks_surveyround_agreement_health_only",
            ),
            # At most one open trust survey per network at a time.
            models.UniqueConstraint(
                fields=["network"],
                condition=Q(status="open", kind="trust"),
                name="networks_surveyround_one_open_trust",
            ),
        ]
        indexes = [
            models.Index(fields=["network", "kind", "status"], name="networks_surveyround_net_idx"),
            # the daily job: open rounds by deadline
            models.Index(fields=["status", "deadline"], name="networks_surveyround_dl_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class SurveyResponse(models.Model):
    """One organisation's answers in one round. A draft until submitted; its representative or deputy
    answers (``answered_by`` is the one who saved it last)."""

    round = models.ForeignKey(SurveyRound, related_name="responses", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="survey_responses",
        on_delete=models.CASCADE,
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, validators=[validate_plausible_date])
    started_at = models.DateTimeField(_("started"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the answer form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["round", "organisation__name", "pk"]
        constraints = [
            *plausible_dates("submitted_at", "started_at", "updated_at", datetimes=True),
            models.UniqueConstraint(fields=["round", "organisation"], name="networks_surveyresponse_once"),
        ]
        indexes = [models.Index(fields=["round", "submitted_at"], name="networks_surveyresp_round_idx")]

    def __str__(self):
        return f"{self.organisation} – {self.round}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Relationship(models.IntegerChoices):
    """How closely two organisations work together (the PARTNER tool's scale of integration)."""

    NONE = 0, _("No relationship")
    AWARENESS = 1, _("Awareness")
    COOPERATION = 2, _("Cooperation")
    COORDINATION = 3, _("Coordination")
    INTEGRATION = 4, _("Integration")


# Relationships in which the organisations work together: trust and value are asked only for these.
WORKING_TOGETHER = (Relationship.COOPERATION, Relationship.COORDINATION, Relationship.INTEGRATION)
# The trust and value questions, each answered 1–4.
TRUST_FIELDS = ("reliability", "openness", "mission_support")
VALUE_FIELDS = ("influence", "involvement", "resources")


def _score(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


class TrustRating(models.Model):
    """What one responding organisation says of one other member organisation in a trust survey."""

    response = models.ForeignKey(SurveyResponse, related_name="trust_ratings", on_delete=models.CASCADE)
    about = models.ForeignKey("partners.Organisation", related_name="trust_ratings_received", on_delete=models.CASCADE)
    relationship = models.PositiveSmallIntegerField(_("relationship"), choices=Relationship.choices)
    reliability = _score(_("reliability"))
    openness = _score(_("openness to discussion"))
    mission_support = _score(_("support of the shared mission"))
    influence = _score(_("influence"))
    involvement = _score(_("level of involvement"))
    resources = _score(_("resource contribution"))
    comment = models.TextField(_("comment"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("trust rating")
        verbose_name_plural = _("trust ratings")
        constraints = [
            models.UniqueConstraint(fields=["response", "about"], name="networks_trustrating_once"),
            models.CheckConstraint(
                condition=Q(relationship__gte=0, relationship__lte=4), name="networks_trustrating_relationship_range"
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 1, f"{name}__lte": 4}),
                    name=f"networks_trustrating_{name}_range",
                )
                for name in TRUST_FIELDS + VALUE_FIELDS
            ],
        ]
        indexes = [models.Index(fields=["about", "response"], name="networks_trustrating_about_idx")]

    def __str__(self):
        return f"{self.response} → {self.about_id}"


class HealthAspect(models.TextChoices):
    """The good-practice aspects of a partnership a health check asks about."""

    GOALS = "goals", _("Shared goals are clear")
    COMMITMENTS = "commitments", _("Commitments are kept")
    COMMUNICATION = "communication", _("Communication works")
    DECISIONS = "decisions", _("Decision making works")
    RESOURCES = "resources", _("Resources are sufficient")
    BENEFITS = "benefits", _("Benefits are balanced")


class HealthColour(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")


class HealthRating(models.Model):
    """One organisation's rating of one aspect of the partnership in a health check."""

    response = models.ForeignKey(SurveyResponse, related_name="health_ratings", on_delete=models.CASCADE)
    aspect = models.CharField(_("aspect"), max_length=14, choices=HealthAspect.choices)
    colour = models.CharField(_("rating"), max_length=5, choices=HealthColour.choices)
    comment = models.TextField(_("comment"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("health rating")
        verbose_name_plural = _("health ratings")
        constraints = [
            models.UniqueConstraint(fields=["response", "aspect"], name="networks_healthrating_once"),
            models.CheckConstraint(condition=Q(aspect__in=HealthAspect.values), name="networks_healthrating_aspect"),
            models.CheckConstraint(condition=Q(colour__in=HealthColour.values), name="networks_healthrating_colour"),
        ]

    def __str__(self):
        return f"{self.response} – {self.aspect}: {self.colour}"
