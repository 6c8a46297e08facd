"""Rounds of endorsement of a glossary term and the member organisations' answers in them.

They mirror the goals' rounds (:mod:`networks.goals.models.endorsement`) and share their vocabulary: the
network's rule (:class:`~networks.memberships.models.EndorsementRule`), the outcomes and the answers, so
that the same counting (:func:`networks.goals.endorsement.tally`) decides both.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.glossary.models.terms import Term
from networks.goals.models import IN_FAVOUR, EndorsementAnswer, RoundOutcome
from networks.memberships.models import EndorsementRule
from portal.lib.validators import plausible_dates, validate_plausible_date


class TermRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(outcome=RoundOutcome.OPEN)


class TermRound(models.Model):
    """One call for the member organisations to agree one text of a term, by a deadline."""

    Outcome = RoundOutcome

    term = models.ForeignKey(Term, verbose_name=_("term"), related_name="rounds", on_delete=models.CASCADE)
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

    objects = TermRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("round of endorsement of a term")
        verbose_name_plural = _("rounds of endorsement of terms")
        ordering = ["term", "-opened_at", "-pk"]
        constraints = [
            *plausible_dates("deadline"),
            *plausible_dates("opened_at", "closed_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(rule__in=EndorsementRule.values),
                name="networks_termround_rule_valid",
                violation_error_message=_("Unknown rule."),
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=RoundOutcome.values),
                name="networks_termround_outcome_valid",
                violation_error_message=_("Unknown outcome."),
            ),
            models.CheckConstraint(
                condition=~Q(rule=EndorsementRule.MAJORITY) | Q(set_size__gte=1),
                name="networks_termround_majority_has_size",
                violation_error_message=_("A majority rule needs the number of organisations."),
            ),
            models.UniqueConstraint(
                fields=["term"], condition=Q(outcome="open"), name="networks_termround_one_open_per_term"
            ),
        ]
        indexes = [
            # the daily job: open rounds by deadline
            models.Index(fields=["outcome", "deadline"], name="networks_termround_due_idx"),
        ]

    def __str__(self):
        return f"{self.term} – {self.deadline}"

    @property
    def is_open(self) -> bool:
        return self.outcome == RoundOutcome.OPEN

    @property
    def outcome_label(self) -> str:
        return RoundOutcome(self.outcome).label

    def close(self, outcome: str) -> None:
        """End the round with ``outcome``, now."""
        self.outcome = outcome
        self.closed_at = timezone.now()
        self.save(update_fields=["outcome", "closed_at"])

    @property
    def needed(self) -> int | None:
        """For a majority rule: how many organisations must agree (more than half the set number)."""
        if self.rule == EndorsementRule.MAJORITY and self.set_size:
            return self.set_size // 2 + 1
        return None


class TermAnswer(models.Model):
    """One organisation's answer in one round, given by its representative or deputy (append-only: a changed
    answer is a new row, and the previous one stops being current)."""

    Answer = EndorsementAnswer

    round = models.ForeignKey(
        TermRound, verbose_name=_("round of endorsement"), related_name="answers", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "partners.Organisation", verbose_name=_("organisation"), related_name="term_answers", on_delete=models.CASCADE
    )
    answer = models.CharField(_("answer"), max_length=12, choices=EndorsementAnswer.choices)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True, validators=[validate_plausible_date])
    is_current = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("answer on a term")
        verbose_name_plural = _("answers on terms")
        ordering = ["round", "organisation__name", "-answered_at", "-pk"]
        constraints = [
            *plausible_dates("answered_at", datetimes=True),
            models.CheckConstraint(
                condition=Q(answer__in=EndorsementAnswer.values),
                name="networks_termanswer_answer_valid",
                violation_error_message=_("Unknown answer."),
            ),
            models.CheckConstraint(
                condition=Q(answer=EndorsementAnswer.AGREE) | ~Q(reason=""),
                name="networks_termanswer_reason_given",
                violation_error_message=_("Give a reason for a reservation or an objection."),
            ),
            models.UniqueConstraint(
                fields=["round", "organisation"],
                condition=Q(is_current=True),
                name="networks_termanswer_one_current",
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
