"""Partner agreements (issue 4): multi-party agreements of a network, their parties, commitments,
amendments and private documents.

Every change to an agreement, a party or a commitment is kept by database triggers
(django-pghistory): the rows below are the current state, the ``*Event`` tables their history.
"""

import datetime
import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.agreements.access import AgreementAccess
from portal.lib.access import ESTABLISHED
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import validate_single_line


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
        from networks.memberships.models import Membership, NetworkRole

        represented = AgreementParty.objects.filter(
            agreement=OuterRef("pk"),
            organisation__in=Membership.objects.filter(network=OuterRef(OuterRef("network")), status__in=ESTABLISHED)
            .filter(Q(representative=user) | Q(deputy=user))
            .values("organisation"),
        )
        return self.filter(Q(network__in=NetworkRole.objects.filter(user=user).values("network")) | Exists(represented))


class Agreement(models.Model):
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
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty for an open-ended agreement.")
    )
    notice_period_days = models.PositiveSmallIntegerField(
        _("notice period (days)"),
        default=90,
        help_text=_(
            "For a fixed-term agreement, how long before its end it counts as expiring; "
            "for an open-ended one, the notice a party gives before leaving."
        ),
    )
    review_date = models.DateField(_("review date"), null=True, blank=True)
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
    activated_on = models.DateField(_("came into force"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for termination"), max_length=2000, blank=True)
    # The dates the reminders were sent for: once each, and again only if the date itself changes.
    expiry_reminder_for = models.DateField(null=True, blank=True, editable=False)
    review_reminder_for = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at", "-pk"]
        constraints = [
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

    @property
    def status_label(self) -> str:
        return AgreementStatus(self.status).label

    @property
    def kind_label(self) -> str:
        return AgreementKind(self.kind).label

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def is_in_force(self) -> bool:
        return self.status in IN_FORCE

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

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

    def access(self, user) -> AgreementAccess:
        """The person's rights over this agreement (worked out once per instance and person)."""
        cache = self.__dict__.setdefault("_access_cache", {})
        if user.pk not in cache:
            cache[user.pk] = AgreementAccess(self, user)
        return cache[user.pk]

    def permits(self, user, action: str) -> bool:
        return self.access(user).permits(action)


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
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
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
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["organisation__name", "pk"]
        constraints = [
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


class AgreementAmendment(models.Model):
    """A recorded change to an agreement in force: the only way its text changes after signing."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), related_name="amendments", on_delete=models.CASCADE
    )
    number = models.PositiveSmallIntegerField(_("number"))
    summary = models.TextField(_("what was changed and why"), max_length=3000)
    # [{"field": name, "label": verbose name, "old": text, "new": text}, ...]
    changes = models.JSONField(_("changes"), default=list, blank=True)
    made_at = models.DateTimeField(_("made"), db_default=models.functions.Now())
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), related_name="+", on_delete=models.SET_NULL, null=True
    )

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"],
                name="partners_amendment_number_unique",
                violation_error_message=_("This agreement already has an amendment with this number."),
            ),
        ]

    def __str__(self):
        return f"{self.agreement} – {self.number}"


class DocumentKind(models.TextChoices):
    SIGNED = "signed", _("Signed agreement")
    ANNEX = "annex", _("Annex")


def document_path(instance, filename: str) -> str:
    """A server-generated name under a private folder: the uploaded name is only kept for display."""
    return f"agreements/{uuid.uuid4().hex}"


class AgreementDocument(models.Model):
    """A signed agreement or an annex: a private file served only through a view that checks access."""

    Kind = DocumentKind

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), related_name="documents", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=8, choices=DocumentKind.choices, default=DocumentKind.ANNEX)
    title = models.CharField(
        pgettext_lazy("document", "title"), max_length=200, blank=True, validators=[validate_single_line]
    )
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    # The uploaded name, cleaned (no folders, no control characters): shown and offered when downloading.
    original_name = models.CharField(_("file name"), max_length=200)
    # What the content was found to be (not what the browser claimed).
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["agreement", "kind", "uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values),
                name="partners_document_kind_valid",
                violation_error_message=_("Unknown kind of document."),
            ),
        ]

    def __str__(self):
        return self.title or self.original_name

    @property
    def kind_label(self) -> str:
        return DocumentKind(self.kind).label


# History (issue 4, part 6): a row per insert, update and delete, with who and where from (the
# request's context, set by pghistory's middleware). Bookkeeping fields stay out of it.
_NOT_HISTORY = {"updated_at", "expiry_reminder_for", "review_reminder_for"}
for _model in (Agreement, AgreementParty, Commitment, AgreementDocument):
    pghistory.track(
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        exclude=[field.name for field in _model._meta.concrete_fields if field.name in _NOT_HISTORY] or None,
    )(_model)
