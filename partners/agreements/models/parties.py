"""The parties to an agreement: the organisations that sign it, and what each one commits to it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.agreements.models.agreements import Agreement
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class AgreementParty(models.Model):
    """An organisation that is a party to an agreement: its signatory, signature, objectives and roles."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), related_name="parties", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        related_name="agreement_parties",
        on_delete=models.PROTECT,
    )
    signatory_name = models.CharField(_("signatory"), max_length=150, blank=True, validators=[validate_single_line])
    signatory_title = models.CharField(
        _("signatory's title"), max_length=150, blank=True, validators=[validate_single_line]
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True, validators=[validate_plausible_date])
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signature recorded by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    own_objectives = models.TextField(
        _("its own objectives"),
        max_length=3000,
        blank=True,
        help_text=_("What this organisation wants to achieve through the agreement."),
    )
    roles = models.TextField(_("roles and responsibilities"), max_length=3000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["organisation__name", "pk"]
        constraints = [
            *plausible_dates("signed_on"),
            *plausible_dates("updated_at", datetimes=True),
            models.UniqueConstraint(
                fields=["agreement", "organisation"],
                name="partners_party_unique",
                violation_error_message=_("This organisation is already a party to the agreement."),
            ),
        ]
        indexes = [
            # the organisation page's agreements
            models.Index(fields=["organisation", "agreement"], name="partners_party_org_idx"),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.agreement}"

    @property
    def has_signed(self) -> bool:
        return self.signed_on is not None


class CommitmentKind(models.TextChoices):
    STAFF_TIME = "staff_time", _("Staff time")
    SERVICES = "services", _("Services")
    PREMISES = "premises", _("Premises")
    MONEY = "money", _("Money")
    OTHER = "other", _("Other")


class Commitment(models.Model):
    """What one party brings to the agreement: staff time, services, premises, money or something else."""

    Kind = CommitmentKind

    party = models.ForeignKey(
        AgreementParty, verbose_name=_("party"), related_name="commitments", on_delete=models.CASCADE
    )
    # Denormalised from the party: the agreement's history and pages find commitments in one step.
    agreement = models.ForeignKey(Agreement, related_name="commitments", on_delete=models.CASCADE, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=CommitmentKind.choices, default=CommitmentKind.STAFF_TIME)
    description = models.CharField(_("description"), max_length=300, validators=[validate_single_line])
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=30,
        blank=True,
        validators=[validate_single_line],
        help_text=_("For example: hours per month, euros per year."),
    )

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["party", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CommitmentKind.values),
                name="partners_commitment_kind_valid",
                violation_error_message=_("Unknown kind of commitment."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="partners_commitment_amount_not_negative",
                violation_error_message=_("The amount must not be negative."),
            ),
        ]
        indexes = [models.Index(fields=["agreement", "party"], name="partners_commitment_agr_idx")]

    def __str__(self):
        return self.description

    @property
    def kind_label(self) -> str:
        return CommitmentKind(self.kind).label
