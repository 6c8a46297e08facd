"""The audit log's one model: a security event, who, about whom, when and from where.

The table is append-only. A trigger (migration ``0002_append_only``) refuses every UPDATE, DELETE and
TRUNCATE, with two exceptions:

- *anonymising*: an UPDATE may set ``actor`` or ``subject`` to NULL and a label to :data:`ANONYMOUS`; every
  other column must stay as it was. The trigger itself replaces the label of a reference it sees nulled, so
  deleting a person (the foreign keys are ``ON DELETE SET NULL`` in the database) leaves no name behind.
- *retention*: a DELETE of a row older than ``verkosto.audit_retention_days`` days, a setting the retention
  job sets with ``SET LOCAL`` in its own transaction (:func:`portal.audit.log.purge_expired`).
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.lib.validators import plausible_dates, validate_plausible_date

# What an anonymised actor's or subject's label becomes (the trigger knows it too: keep them equal).
ANONYMOUS = "[anonymised]"


class EventKind(models.TextChoices):
    """What happened."""

    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    SIGN_OUT = "sign_out", _("Signed out")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset")
    MFA_CHANGED = "mfa_changed", _("Two-factor authentication changed")
    EMAIL_CHANGED = "email_changed", _("E-mail address changed")
    ROLE_CHANGED = "role_changed", _("Role in a network changed")
    STAFF_CHANGED = "staff_changed", _("Administrator rights changed")
    DATA_EXPORTED = "data_exported", _("Personal data exported")
    ACCOUNT_ERASED = "account_erased", _("Account erased")
    API_TOKEN_CREATED = "api_token_created", _("API token created")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")


class AuditEvent(models.Model):
    """One security event. Never changed once written, except that an erased person's name is removed."""

    Kind = EventKind

    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    when = models.DateTimeField(_("when"), db_index=True, validators=[validate_plausible_date])
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        related_name="audit_events_done",
        on_delete=models.DB_SET_NULL,
        null=True,
        blank=True,
    )
    actor_label = models.CharField(_("by (as it was then)"), max_length=300, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        related_name="audit_events",
        on_delete=models.DB_SET_NULL,
        null=True,
        blank=True,
    )
    subject_label = models.CharField(_("person concerned (as it was then)"), max_length=300, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-when", "-pk"]
        constraints = [
            *plausible_dates("when", datetimes=True),
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values),
                name="audit_auditevent_kind_valid",
                violation_error_message=_("Unknown event."),
            ),
        ]
        indexes = [
            # a person's events, newest first (the data export, the admin's search by person)
            models.Index(fields=["subject", "-when"], name="audit_event_subject_idx"),
            models.Index(fields=["actor", "-when"], name="audit_event_actor_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.subject_label or self.actor_label}"
