"""Checking the minutes as Finnish bodies do: the chair and two minute checkers (*pöytäkirjantarkastajat*,
*protokolljusterare*) named among the meeting's invitees or attendees confirm the draft minutes.

A :class:`MinutesCheck` is one person's act on the draft minutes: a confirmation (by the chair or a
checker) or a checker's objection with its reason. Rows are never deleted: an objection, a change to the
minutes or to the checkers *clears* the confirmations made so far (``cleared_at``), and the chair's next
confirmation clears the objections it answers. The rows without ``cleared_at`` are the current round;
those of the approved minutes are the signature block of the printed minutes.

The rules are :mod:`networks.meetings.checking`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.lib.validators import plausible_dates, validate_plausible_date


class CheckRole(models.TextChoices):
    """In what capacity a person confirmed the minutes."""

    CHAIR = "chair", pgettext_lazy("minutes", "Chair")
    CHECKER = "checker", _("Minute checker")


class CheckVerdict(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("minutes", "Confirmed")
    OBJECTED = "objected", pgettext_lazy("minutes", "Objected")


class MinutesCheckQuerySet(models.QuerySet):
    def current(self):
        """The rows of the current round: not cleared by an objection or a change."""
        return self.filter(cleared_at__isnull=True)


class MinutesCheck(models.Model):
    """A confirmation of the draft minutes by the chair or a minute checker, or a checker's objection."""

    Role = CheckRole
    Verdict = CheckVerdict

    meeting = models.ForeignKey("networks.Meeting", related_name="minutes_checks", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    role = models.CharField(_("role"), max_length=8, choices=CheckRole.choices)
    verdict = models.CharField(_("verdict"), max_length=10, choices=CheckVerdict.choices)
    reason = models.TextField(_("reason for the objection"), max_length=2000, blank=True)
    made_at = models.DateTimeField(_("made"), auto_now_add=True, validators=[validate_plausible_date])
    # Set when an objection, a change to the minutes or to the checkers (or, for an objection, the chair's
    # next confirmation) ends the round this row belongs to.
    cleared_at = models.DateTimeField(
        _("cleared"), null=True, blank=True, editable=False, validators=[validate_plausible_date]
    )

    objects = MinutesCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("check of the minutes")
        verbose_name_plural = _("checks of the minutes")
        ordering = ["made_at", "pk"]
        constraints = [
            *plausible_dates("made_at", "cleared_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(role__in=CheckRole.values),
                name="networks_minutescheck_role_valid",
                violation_error_message=_("Unknown role."),
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=CheckVerdict.values),
                name="networks_minutescheck_verdict_valid",
                violation_error_message=_("Unknown verdict."),
            ),
            models.CheckConstraint(
                condition=Q(verdict=CheckVerdict.CONFIRMED) | (Q(role=CheckRole.CHECKER) & ~Q(reason="")),
                name="networks_minutescheck_objection_reasoned",
                violation_error_message=_("A minute checker objects with a reason."),
            ),
            # One current confirmation per person and meeting.
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(verdict=CheckVerdict.CONFIRMED, cleared_at__isnull=True),
                name="networks_minutescheck_confirmed_once",
                violation_error_message=_("You have already confirmed the minutes."),
            ),
        ]

    def __str__(self):
        return f"{self.meeting} – {self.user}: {self.verdict}"

    @property
    def role_label(self) -> str:
        return CheckRole(self.role).label

    @property
    def is_confirmation(self) -> bool:
        return self.verdict == CheckVerdict.CONFIRMED
