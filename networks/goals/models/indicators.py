"""Indicators of shared goals and their measurements.

An indicator runs from a baseline to a target in one direction; measurements record its value over
time, each with a note and an optional evidence file that is private (served only through a view that
checks access, stored under a server-generated name).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.goals.access import IndicatorAccess
from networks.goals.models.goals import Goal
from portal.lib.access import AccessMixin
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line


class Direction(models.TextChoices):
    INCREASE = "increase", _("Increase")
    DECREASE = "decrease", _("Decrease")
    KEEP = "keep", _("Keep at the target")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Twice a year")
    YEARLY = "yearly", _("Yearly")


# Months between measurements, for "a measurement is due".
FREQUENCY_MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}


class Indicator(AccessMixin, models.Model):
    """How progress towards a goal is measured: from a baseline to a target, in one direction."""

    Direction = Direction
    Frequency = Frequency

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), related_name="indicators", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, validators=[validate_single_line], help_text=_("For example: %, persons")
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE)
    baseline_value = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_date = models.DateField(_("baseline date"), validators=[validate_plausible_date])
    target_value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_date = models.DateField(_("target date"), validators=[validate_plausible_date])
    frequency = models.CharField(_("measured"), max_length=12, choices=Frequency.choices, default=Frequency.QUARTERLY)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible for measuring"),
        related_name="goal_indicators",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("This person may enter measurements, as may the network's coordinators."),
    )
    position = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, validators=[validate_plausible_date])
    # Also the version the edit forms carry: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    access_class = IndicatorAccess

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["goal", "position", "pk"]
        constraints = [
            *plausible_dates("baseline_date", "target_date"),
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values),
                name="networks_indicator_direction_valid",
                violation_error_message=_("Unknown direction."),
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values),
                name="networks_indicator_frequency_valid",
                violation_error_message=_("Unknown frequency."),
            ),
            models.CheckConstraint(
                condition=Q(target_date__gt=models.F("baseline_date")),
                name="networks_indicator_target_after_baseline",
                violation_error_message=_("The target date must be after the baseline date."),
            ),
            models.CheckConstraint(
                condition=Q(direction=Direction.KEEP)
                | Q(direction=Direction.INCREASE, target_value__gt=models.F("baseline_value"))
                | Q(direction=Direction.DECREASE, target_value__lt=models.F("baseline_value")),
                name="networks_indicator_target_direction",
                violation_error_message=_(
                    "The target must be above the baseline for an increase and below it for a decrease."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def direction_label(self) -> str:
        return Direction(self.direction).label

    @property
    def frequency_label(self) -> str:
        return Frequency(self.frequency).label

    @property
    def keeps_target(self) -> bool:
        """The value should stay at the target: no change is planned, so there is no path to follow."""
        return self.direction == Direction.KEEP


def evidence_path(instance, filename: str) -> str:
    """A server-generated name under a private folder: the uploaded name is only kept for display."""
    return f"goal-evidence/{uuid.uuid4().hex}"


class Measurement(models.Model):
    """A value of an indicator on a date, with a note and an optional private evidence file."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), related_name="measurements", on_delete=models.CASCADE
    )
    measured_on = models.DateField(_("date"), validators=[validate_plausible_date])
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, max_length=200, blank=True)
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    evidence_type = models.CharField(_("type"), max_length=100, blank=True)
    evidence_size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True, validators=[validate_plausible_date])

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "measured_on", "pk"]
        constraints = [
            *plausible_dates("measured_on"),
            *plausible_dates("recorded_at", datetimes=True),
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                name="networks_measurement_one_per_day",
                violation_error_message=_("This indicator already has a measurement on this date."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.measured_on})"
