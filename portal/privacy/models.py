"""A person's data export: built by the task worker into a ZIP file under MEDIA_ROOT, shown with its
progress, downloaded by the person alone until it expires."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date
from portal.privacy.access import DataExportAccess

# Days a finished export can be downloaded; after that the file is removed (by the retention job).
EXPORT_VALID_DAYS = 7


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class DataExportQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        return self.filter(user=user)

    def unfinished(self):
        return self.filter(status__in=[ExportStatus.PENDING, ExportStatus.RUNNING])

    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


def _default_expiry():
    return timezone.now() + timedelta(days=EXPORT_VALID_DAYS)


class DataExport(AccessMixin, models.Model):
    """One request of a person for their data, and the ZIP file built for it."""

    Status = ExportStatus

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="data_exports", on_delete=models.CASCADE
    )
    status = models.CharField(_("status"), max_length=8, choices=ExportStatus.choices, default=ExportStatus.PENDING)
    steps_done = models.PositiveSmallIntegerField(default=0)
    steps_total = models.PositiveSmallIntegerField(default=0)
    # The file's path relative to MEDIA_ROOT (never served from a public URL).
    path = models.CharField(max_length=200, blank=True, editable=False)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True, validators=[validate_plausible_date])
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True, validators=[validate_plausible_date])
    # The retention job removes the file and the row after this moment.
    expires_at = models.DateTimeField(_("expires"), default=_default_expiry, validators=[validate_plausible_date])

    objects = DataExportQuerySet.as_manager()
    access_class = DataExportAccess

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at"]
        constraints = [
            *plausible_dates("created_at", "finished_at", "expires_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(status__in=ExportStatus.values),
                name="portal_dataexport_status_valid",
                violation_error_message=_("Unknown status."),
            ),
        ]
        indexes = [
            # a person's latest export, on their profile and the status page
            models.Index(fields=["user", "created_at"], name="portal_export_user_idx"),
            # the retention job: exports past their expiry
            models.Index(fields=["expires_at"], name="portal_export_expiry_idx"),
        ]

    def __str__(self):
        return f"{self.user} – {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("portal:data_export_detail", kwargs={"uuid": self.uuid})

    @property
    def is_ready(self) -> bool:
        return self.status == ExportStatus.DONE and bool(self.path) and self.expires_at > timezone.now()

    @property
    def is_unfinished(self) -> bool:
        return self.status in (ExportStatus.PENDING, ExportStatus.RUNNING)

    @property
    def is_failed(self) -> bool:
        return self.status == ExportStatus.FAILED

    @property
    def percent(self) -> int:
        return round(100 * self.steps_done / self.steps_total) if self.steps_total else 0
