"""A meeting's agenda: its items in order, each with its minutes once the meeting is held (written per item,
see :mod:`networks.meetings.minutes`). An item is on the agenda, or proposed by the meeting's people and
waiting for those who manage the meeting; a carried-over item points to where it came from."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.meetings.models.meetings import Meeting
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class AgendaItemStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("agenda item", "Proposed")
    ACCEPTED = "accepted", pgettext_lazy("agenda item", "On the agenda")


class AgendaItem(models.Model):
    """One item of a meeting's agenda, with its minutes once the meeting is held."""

    Status = AgendaItemStatus

    meeting = models.ForeignKey(Meeting, related_name="items", on_delete=models.CASCADE)
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(pgettext_lazy("agenda item", "title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=5000, blank=True)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("presenter"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    planned_minutes = models.PositiveSmallIntegerField(_("planned minutes"), null=True, blank=True)
    goal = models.ForeignKey(
        "networks.Goal",
        verbose_name=_("linked goal"),
        related_name="agenda_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AgendaItemStatus.choices, default=AgendaItemStatus.ACCEPTED
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
    # Where a carried-over item came from: an open action item, or an unfinished item of an earlier meeting.
    source_action = models.ForeignKey(
        "networks.ActionItem",
        verbose_name=_("action item followed up"),
        related_name="agenda_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    source_item = models.ForeignKey(
        "self",
        verbose_name=_("continues the item"),
        related_name="continued_in",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    # Minutes (Markdown, rendered sanitised), and whether the item is unfinished and continues next time.
    minutes = models.TextField(_("minutes"), max_length=20000, blank=True)
    # The minutes as sanitised HTML, written with the text by the minutes services (pages never render Markdown).
    minutes_html = models.TextField(_("minutes as HTML"), blank=True, editable=False)
    unfinished = models.BooleanField(
        _("unfinished: continue at the next meeting"),
        default=False,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "pk"]
        constraints = [
            *plausible_dates("updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(status__in=AgendaItemStatus.values),
                name="networks_agendaitem_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            models.CheckConstraint(
                condition=Q(planned_minutes__isnull=True) | Q(planned_minutes__lte=1440),
                name="networks_agendaitem_minutes_sane",
                violation_error_message=_("An item cannot take more than a day."),
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "position"], name="networks_agenda_order_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def rendered_minutes(self) -> SafeString:
        """The stored HTML of the minutes (sanitised by :func:`networks.meetings.minutes.render_minutes` when
        the text was saved), for the templates."""
        return mark_safe(self.minutes_html)  # noqa: S308 (sanitised when stored)

    @property
    def is_proposed(self) -> bool:
        """A proposal waiting for those who manage the meeting to accept or decline it."""
        return self.status == AgendaItemStatus.PROPOSED

    @property
    def is_accepted(self) -> bool:
        """On the agenda."""
        return self.status == AgendaItemStatus.ACCEPTED
