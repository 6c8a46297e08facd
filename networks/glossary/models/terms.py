"""Terms of a network's glossary, the earlier versions of their definitions, and the discussion on them.

A term's text and definition are translated (django-modeltranslation: ``term_fi``, ``term_sv``, ``term_en``,
``definition_fi`` …; Finnish required, see :mod:`networks.glossary.translation`). Each change of the term or
its definition keeps the previous text as a :class:`DefinitionVersion` with who wrote it and when, and who
replaced it and when.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.glossary.access import TermAccess
from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class TermStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed")
    NOT_AGREED = "not_agreed", _("Not agreed")
    RETIRED = "retired", _("Retired")


class TermQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Terms of the networks the person has a role in, or represents or deputises an active or paused member
        organisation in: as for the network's goals (:meth:`networks.goals.models.GoalQuerySet.visible_networks`),
        since the representatives are asked to endorse terms as they are goals. The representation ended (the
        membership, or another representative), the terms are no longer seen."""
        return self.filter(network__in=self.visible_networks(user))

    @staticmethod
    def visible_networks(user):
        """The networks whose terms the person sees (their ``network`` values): the search's first cut."""
        from networks.goals.models import GoalQuerySet

        return GoalQuerySet.visible_networks(user)

    def agreed(self):
        return self.filter(status=TermStatus.AGREED)


class Term(AccessMixin, models.Model):
    """One term of a network's common language, with its definition in Finnish, Swedish and English."""

    Status = TermStatus

    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="glossary_terms", on_delete=models.CASCADE
    )
    term = models.CharField(_("term"), max_length=120, validators=[validate_single_line])
    definition = models.TextField(_("definition"), max_length=3000)
    status = models.CharField(_("status"), max_length=12, choices=TermStatus.choices, default=TermStatus.PROPOSED)
    related = models.ManyToManyField("self", verbose_name=_("related terms"), symmetrical=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now, validators=[validate_plausible_date])
    # Who wrote the current text of the term and its definition, and when.
    defined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("defined by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    defined_at = models.DateTimeField(_("defined"), default=timezone.now, validators=[validate_plausible_date])
    status_changed_at = models.DateTimeField(
        _("status changed"), default=timezone.now, validators=[validate_plausible_date]
    )
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = TermQuerySet.as_manager()
    access_class = TermAccess

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["network", "term_fi", "pk"]
        constraints = [
            *plausible_dates("proposed_at", "defined_at", "status_changed_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(status__in=TermStatus.values),
                name="networks_term_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            # One term of a name in a network (retired ones aside), whatever its case.
            models.UniqueConstraint(
                Lower("term_fi"),
                "network",
                condition=~Q(status="retired"),
                name="networks_term_unique_in_network",
                violation_error_message=_("The network's glossary already has this term."),
            ),
        ]
        indexes = [
            # the glossary page and the marking: a network's terms by status
            models.Index(fields=["network", "status"], name="networks_term_status_idx"),
        ]

    def __str__(self):
        return self.term_fi or self.term or ""

    def get_absolute_url(self):
        return reverse("glossary:term_detail", kwargs={"pk": self.pk})

    @property
    def is_retired(self) -> bool:
        return self.status == TermStatus.RETIRED

    @property
    def is_agreed(self) -> bool:
        return self.status == TermStatus.AGREED

    @property
    def status_label(self) -> str:
        return TermStatus(self.status).label

    def set_status(self, status: str) -> None:
        self.status = status
        self.status_changed_at = timezone.now()


class DefinitionVersion(models.Model):
    """An earlier text of a term and its definition: who wrote it and when, and who replaced it and when."""

    term = models.ForeignKey(Term, verbose_name=_("term"), related_name="versions", on_delete=models.CASCADE)
    term_fi = models.CharField(_("term (Finnish)"), max_length=120)
    term_sv = models.CharField(_("term (Swedish)"), max_length=120, blank=True)
    term_en = models.CharField(_("term (English)"), max_length=120, blank=True)
    definition_fi = models.TextField(_("definition (Finnish)"), max_length=3000)
    definition_sv = models.TextField(_("definition (Swedish)"), max_length=3000, blank=True)
    definition_en = models.TextField(_("definition (English)"), max_length=3000, blank=True)
    defined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("defined by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    defined_at = models.DateTimeField(_("defined"), validators=[validate_plausible_date])
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("replaced by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    replaced_at = models.DateTimeField(_("replaced"), default=timezone.now, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("earlier definition")
        verbose_name_plural = _("earlier definitions")
        ordering = ["term", "-replaced_at", "-pk"]
        constraints = [*plausible_dates("defined_at", "replaced_at", datetimes=True)]

    def __str__(self):
        return f"{self.term_fi} ({self.defined_at:%Y-%m-%d})"


class TermComment(models.Model):
    """One comment in the discussion of a term."""

    term = models.ForeignKey(Term, verbose_name=_("term"), related_name="comments", on_delete=models.CASCADE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("comment on a term")
        verbose_name_plural = _("comments on terms")
        ordering = ["term", "created_at", "pk"]
        constraints = [*plausible_dates("created_at", datetimes=True)]
        indexes = [
            # the term's page: its comments, newest first
            models.Index(fields=["term", "-created_at"], name="networks_termcomment_idx"),
        ]

    def __str__(self):
        return f"{self.term}: {self.body[:40]}"
