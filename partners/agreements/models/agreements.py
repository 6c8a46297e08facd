"""Partner agreements: a written agreement of a network, its lifecycle, and the amendments to it once in force."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.memberships.models import Membership, NetworkRole
from partners.agreements.access import AgreementAccess
from portal.lib.access import ESTABLISHED, AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding or letter of intent")
    COOPERATION = "cooperation", _("Cooperation agreement")
    STRATEGIC = "strategic", _("Strategic partnership agreement")
    SERVICE = "service", _("Service agreement")


class AgreementStatus(models.TextChoices):
    """The lifecycle: draft → negotiation → active → expiring → expired, or terminated early."""

    DRAFT = "draft", _("Draft")
    NEGOTIATION = "negotiation", _("In negotiation")
    ACTIVE = "active", pgettext_lazy("agreement status", "Active")
    EXPIRING = "expiring", _("Expiring")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


# The parties have signed and the agreement binds them.
IN_FORCE = (AgreementStatus.ACTIVE, AgreementStatus.EXPIRING)
# Text, parties and commitments are still being written.
OPEN = (AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION)
# Nothing changes any more except documents.
CLOSED = (AgreementStatus.EXPIRED, AgreementStatus.TERMINATED)


class AgreementQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Agreements of the networks the person has a role in, and those of which an organisation
        the person represents (representative or deputy of an established membership in the agreement's
        network) is a party."""
        # The parties' model through the relation: it lives in .parties, which imports this module.
        parties = self.model._meta.get_field("parties").related_model.objects
        represented = parties.filter(
            agreement=OuterRef("pk"),
            organisation__in=Membership.objects.filter(network=OuterRef(OuterRef("network")), status__in=ESTABLISHED)
            .filter(Q(representative=user) | Q(deputy=user))
            .values("organisation"),
        )
        return self.filter(Q(network__in=NetworkRole.objects.filter(user=user).values("network")) | Exists(represented))


class Agreement(AccessMixin, models.Model):
    """A written agreement between two or more member organisations of a network."""

    Kind = AgreementKind
    Status = AgreementStatus

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="agreements", on_delete=models.PROTECT
    )
    title = models.CharField(pgettext_lazy("document", "title"), max_length=200, validators=[validate_single_line])
    kind = models.CharField(_("kind"), max_length=12, choices=AgreementKind.choices, default=AgreementKind.COOPERATION)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    purpose = models.TextField(_("purpose"), max_length=5000, blank=True)
    indicators = models.TextField(
        _("indicators of success"),
        max_length=5000,
        blank=True,
        help_text=_("How the parties will know the cooperation works."),
    )
    review_arrangements = models.TextField(
        _("review and exit arrangements"),
        max_length=5000,
        blank=True,
        help_text=_("How and when the agreement is reviewed, and how a party can leave it."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True, validators=[validate_plausible_date])
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an open-ended agreement."),
        validators=[validate_plausible_date],
    )
    notice_period_days = models.PositiveSmallIntegerField(
        _("notice period (days)"),
        default=90,
        help_text=_(
            "For a fixed-term agreement, how long before its end it counts as expiring; "
            "for an open-ended one, the notice a party gives before leaving."
        ),
    )
    review_date = models.DateField(_("review date"), null=True, blank=True, validators=[validate_plausible_date])
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible coordinator"),
        related_name="coordinated_agreements",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    share_details = models.BooleanField(
        _("share commitments and documents with all members"),
        default=False,
        help_text=_(
            "Otherwise only the coordinators and the parties' representatives see them; "
            "other members see that the agreement exists, its parties and its status."
        ),
    )
    renewal_of = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        related_name="renewal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    activated_on = models.DateField(_("came into force"), null=True, blank=True, validators=[validate_plausible_date])
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True, validators=[validate_plausible_date])
    termination_reason = models.TextField(_("reason for termination"), max_length=2000, blank=True)
    # The dates the reminders were sent for: once each, and again only if the date itself changes.
    expiry_reminder_for = models.DateField(null=True, blank=True, editable=False, validators=[validate_plausible_date])
    review_reminder_for = models.DateField(null=True, blank=True, editable=False, validators=[validate_plausible_date])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = AgreementQuerySet.as_manager()
    access_class = AgreementAccess

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *plausible_dates(
                "valid_from",
                "valid_until",
                "review_date",
                "activated_on",
                "terminated_on",
                "expiry_reminder_for",
                "review_reminder_for",
            ),
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(kind__in=AgreementKind.values),
                name="partners_agreement_kind_valid",
                violation_error_message=_("Unknown kind of agreement."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=AgreementStatus.values),
                name="partners_agreement_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="partners_agreement_until_after_from",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AgreementStatus.TERMINATED) | ~Q(termination_reason=""),
                name="partners_agreement_terminated_has_reason",
                violation_error_message=_("Give the reason for terminating the agreement."),
            ),
        ]
        indexes = [
            # a network's agreements by status (list filters, dashboard)
            models.Index(fields=["network", "status"], name="partners_agreement_status_idx"),
            # "expiring within N days" and the daily status refresh
            models.Index(fields=["status", "valid_until"], name="partners_agreement_until_idx"),
            # stalled drafts on the dashboard
            models.Index(fields=["status", "updated_at"], name="partners_agreement_updated_idx"),
            # review reminders
            models.Index(fields=["review_date"], name="partners_agreement_review_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:agreement_detail", kwargs={"pk": self.pk})

    @property
    def status_label(self) -> str:
        return AgreementStatus(self.status).label

    @property
    def kind_label(self) -> str:
        return AgreementKind(self.kind).label

    # --- where it stands in its lifecycle --------------------------------------------------------

    @property
    def is_draft(self) -> bool:
        return self.status == AgreementStatus.DRAFT

    @property
    def is_in_negotiation(self) -> bool:
        """Sent to the parties for signing: signatures are being recorded."""
        return self.status == AgreementStatus.NEGOTIATION

    @property
    def is_open(self) -> bool:
        """A draft or in negotiation: text, parties and commitments are still being written."""
        return self.status in OPEN

    @property
    def is_in_force(self) -> bool:
        """Active or expiring: every party has signed and the agreement binds them."""
        return self.status in IN_FORCE

    @property
    def is_expired(self) -> bool:
        return self.status == AgreementStatus.EXPIRED

    @property
    def is_terminated(self) -> bool:
        return self.status == AgreementStatus.TERMINATED

    @property
    def is_closed(self) -> bool:
        """Expired or terminated: nothing changes any more except documents."""
        return self.status in CLOSED

    @property
    def is_terminable(self) -> bool:
        """In negotiation or in force: what can be ended early."""
        return self.is_in_negotiation or self.is_in_force

    @property
    def is_renewable(self) -> bool:
        """In force or expired: what a next version can be made of (if it has none yet, :attr:`is_renewed`)."""
        return self.is_in_force or self.is_expired

    @property
    def is_renewed(self) -> bool:
        """Whether a next version exists (``renewal``: fetched with the agreement, or one query)."""
        return hasattr(self, "renewal")

    def expiring_from(self) -> datetime.date | None:
        """The day a fixed-term agreement enters its notice window (None when open-ended)."""
        if self.valid_until is None:
            return None
        return self.valid_until - datetime.timedelta(days=self.notice_period_days)

    def status_on(self, day: datetime.date) -> str:
        """The status an agreement in force has on ``day`` by its dates: active, expiring or expired."""
        if self.valid_until is not None and day > self.valid_until:
            return AgreementStatus.EXPIRED
        if self.valid_until is not None and day >= self.expiring_from():
            return AgreementStatus.EXPIRING
        return AgreementStatus.ACTIVE


class AgreementAmendment(models.Model):
    """A recorded change to an agreement in force: the only way its text changes after signing."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), related_name="amendments", on_delete=models.CASCADE
    )
    number = models.PositiveSmallIntegerField(_("number"))
    summary = models.TextField(_("what was changed and why"), max_length=3000)
    # [{"field": name, "label": verbose name, "old": text, "new": text}, ...]
    changes = models.JSONField(_("changes"), default=list, blank=True)
    made_at = models.DateTimeField(_("made"), db_default=models.functions.Now(), validators=[validate_plausible_date])
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), related_name="+", on_delete=models.SET_NULL, null=True
    )

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["agreement", "number"]
        constraints = [
            *plausible_dates("made_at", datetimes=True),
            models.UniqueConstraint(
                fields=["agreement", "number"],
                name="partners_amendment_number_unique",
                violation_error_message=_("This agreement already has an amendment with this number."),
            ),
        ]

    def __str__(self):
        return f"{self.agreement} – {self.number}"
