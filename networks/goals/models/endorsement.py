"""Rounds of endorsement of a goal and the member organisations' answers in them.

:class:`EndorsementRound` is one opening of endorsement on one revision of a goal, with the network's rule
as it stood when the round opened; :class:`Endorsement` rows are append-only answers by organisations (the
latest per organisation counts, ``is_current``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from networks.goals.models.goals import Goal, GoalRevision
from networks.memberships.models import EndorsementRule
from portal.lib.validators import plausible_dates, validate_plausible_date


class RoundOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    AGREED = "agreed", _("Agreed")
    NOT_REACHED = "not_reached", _("Not reached by the deadline")
    # The text changed while the round was open: the answers were given to another text.
    SUPERSEDED = "superseded", _("Superseded by a revision")
    CANCELLED = "cancelled", _("Cancelled")


class EndorsementRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(outcome=RoundOutcome.OPEN)


class EndorsementRound(models.Model):
    """One call for the member organisations to endorse one revision of a goal, by a deadline."""

    Outcome = RoundOutcome
    Rule = EndorsementRule

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), related_name="rounds", on_delete=models.CASCADE)
    revision = models.ForeignKey(
        GoalRevision, verbose_name=_("revision"), related_name="rounds", on_delete=models.PROTECT
    )
    # The network's rule when the round opened: changing the rule later does not change open rounds.
    rule = models.CharField(_("rule"), max_length=10, choices=EndorsementRule.choices)
    set_size = models.PositiveSmallIntegerField(_("set number of organisations"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), validators=[validate_plausible_date])
    outcome = models.CharField(_("outcome"), max_length=12, choices=RoundOutcome.choices, default=RoundOutcome.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True, validators=[validate_plausible_date])
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, validators=[validate_plausible_date])
    # The reminder before the deadline goes once.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False, validators=[validate_plausible_date])

    objects = EndorsementRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("round of endorsement")
        verbose_name_plural = _("rounds of endorsement")
        ordering = ["goal", "-opened_at", "-pk"]
        constraints = [
            *plausible_dates("deadline"),
            *plausible_dates("opened_at", "closed_at", "reminder_sent_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(rule__in=EndorsementRule.values),
                name="networks_round_rule_valid",
                violation_error_message=_("Unknown rule."),
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=RoundOutcome.values),
                name="networks_round_outcome_valid",
                violation_error_message=_("Unknown outcome."),
            ),
            models.CheckConstraint(
                condition=~Q(rule=EndorsementRule.MAJORITY) | Q(set_size__gte=1),
                name="networks_round_majority_has_size",
                violation_error_message=_("A majority rule needs the number of organisations."),
            ),
            # At most one open round per goal.
            models.UniqueConstraint(
                fields=["goal"], condition=Q(outcome="open"), name="networks_round_one_open_per_goal"
            ),
        ]
        indexes = [
            # the daily job: open rounds by deadline
            models.Index(fields=["outcome", "deadline"], name="networks_round_deadline_idx"),
        ]

    def __str__(self):
        return f"{self.goal} – {self.deadline}"

    @property
    def is_open(self) -> bool:
        return self.outcome == RoundOutcome.OPEN

    def close(self, outcome: str) -> None:
        """End the round with ``outcome``, now."""
        self.outcome = outcome
        self.closed_at = timezone.now()
        self.save(update_fields=["outcome", "closed_at"])

    @property
    def outcome_label(self) -> str:
        return RoundOutcome(self.outcome).label

    @property
    def needed(self) -> int | None:
        """For a majority rule: how many organisations must agree (more than half the set number)."""
        if self.rule == EndorsementRule.MAJORITY and self.set_size:
            return self.set_size // 2 + 1
        return None


class EndorsementAnswer(models.TextChoices):
    AGREE = "agree", _("Agree")
    RESERVATIONS = "reservations", _("Agree with reservations")
    OBJECT = "object", _("Object")


# Answers that count towards agreement.
IN_FAVOUR = (EndorsementAnswer.AGREE, EndorsementAnswer.RESERVATIONS)


class Endorsement(models.Model):
    """One organisation's answer in one round, given by its representative or deputy.

    Rows are never changed or deleted: a changed answer is a new row, and the organisation's
    previous one stops being current.
    """

    Answer = EndorsementAnswer

    round = models.ForeignKey(
        EndorsementRound, verbose_name=_("round of endorsement"), related_name="answers", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "partners.Organisation", verbose_name=_("organisation"), related_name="endorsements", on_delete=models.CASCADE
    )
    answer = models.CharField(_("answer"), max_length=12, choices=EndorsementAnswer.choices)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True, validators=[validate_plausible_date])
    is_current = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["round", "organisation__name", "-answered_at", "-pk"]
        constraints = [
            *plausible_dates("answered_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(answer__in=EndorsementAnswer.values),
                name="networks_endorsement_answer_valid",
                violation_error_message=_("Unknown answer."),
            ),
            models.CheckConstraint(
                condition=Q(answer=EndorsementAnswer.AGREE) | ~Q(reason=""),
                name="networks_endorsement_reason_given",
                violation_error_message=_("Give a reason for a reservation or an objection."),
            ),
            models.UniqueConstraint(
                fields=["round", "organisation"],
                condition=Q(is_current=True),
                name="networks_endorsement_one_current",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.answer}"

    @property
    def answer_label(self) -> str:
        return EndorsementAnswer(self.answer).label

    @property
    def in_favour(self) -> bool:
        return self.answer in IN_FAVOUR


def rule_text(rule: str, set_size: int | None) -> str:
    """The rule in words, as a round (or the network) has it."""
    if rule == EndorsementRule.MAJORITY and set_size:
        text = gettext(
            "More than half of a set number of %(size)s organisations agree: %(needed)s in favour are needed."
        )
        return text % {"size": set_size, "needed": set_size // 2 + 1}
    return gettext(
        "Every active member organisation agrees. A reservation counts as agreement; "
        "an objection or a missing answer means the goal is not agreed."
    )
