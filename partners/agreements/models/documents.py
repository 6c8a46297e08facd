"""An agreement's private documents: the signed agreement and its annexes."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.agreements.models.agreements import Agreement
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


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
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["agreement", "kind", "uploaded_at", "pk"]
        constraints = [
            *plausible_dates("uploaded_at", datetimes=True),
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
