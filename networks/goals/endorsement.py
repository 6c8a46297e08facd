"""Endorsement of shared goals: opening a round, the member organisations' answers, and counting them.

Every step runs in one transaction on the goal's row locked (``select_for_update``), so two people
acting at once cannot both move the goal: the second waits and then sees what the first did.

A coordinator opens a round on the goal's current revision; the round takes the network's rule as it
stands then (all active member organisations, or a majority of a set number) and a deadline. Each
*active* member organisation answers through its representative or deputy; answers are append-only (a
changed answer is a new row, the old one stops being current). After every answer, every membership
change and every day (``manage.py goal_endorsement_reminders``) open rounds are evaluated by
:func:`round_evaluate`:

- the rule is met → the round is *agreed* and the goal *agreed* (a revised goal returns to the
  endorsed status it had, agreed or in progress);
- otherwise, once the deadline has passed → the round is *not reached*; a first endorsement goes
  back to *proposed*, a revision stays *revised* (the members still stand behind the earlier text).

Who must answer is worked out when a round is evaluated, from the memberships *then*: an organisation
that joined mid-way must answer too (under the rule of all), one that left or paused no longer counts,
and its answer with it.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.goals import mail
from networks.goals.models import IN_FAVOUR, Endorsement, EndorsementRound, Goal, GoalStatus, RoundOutcome
from networks.memberships.models import EndorsementRule, Membership, Network
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError


def _today() -> datetime.date:
    return timezone.localdate()


def may_open_endorsement(goal: Goal) -> bool:
    """A proposal, or a revision whose round ended without agreement (a round is not open)."""
    return goal.status in (GoalStatus.PROPOSED, GoalStatus.REVISED) and not any(
        round_.is_open for round_ in goal.rounds.all()
    )


def round_open(goal: Goal, *, user, deadline: datetime.date | None = None) -> EndorsementRound:
    """A new round on the goal's current text, under the network's rule, by ``deadline`` (default: the
    network's number of days from today); the representatives and deputies are told by e-mail. Call it
    inside a transaction with the goal locked, after checking that a round may open."""
    network = goal.network
    deadline = deadline or _today() + datetime.timedelta(days=network.goal_endorsement_days)
    round_ = EndorsementRound.objects.create(
        goal=goal,
        revision=goal.current_revision(),
        rule=network.goal_rule,
        set_size=network.goal_rule_size if network.goal_rule == EndorsementRule.MAJORITY else None,
        deadline=deadline,
        opened_by=user,
    )
    mail.mail_endorsement_opened(round_=round_)
    return round_


def endorsement_open(*, goal: Goal, user, deadline: datetime.date | None = None) -> EndorsementRound:
    """Ask the member organisations to endorse the goal's current text by ``deadline`` (default: the
    network's number of days from today). The representatives and deputies are told by e-mail."""
    if deadline is not None and deadline < _today():
        raise DomainError({"deadline": _("The deadline must not be in the past.")})
    with transaction.atomic():
        goal = Goal.objects.for_update().get(pk=goal.pk)
        if not may_open_endorsement(goal):
            raise DomainError(_("Endorsement can be opened for a proposed goal, or again for a revised one."))
        network = goal.network
        if network.goal_rule == EndorsementRule.MAJORITY and not network.goal_rule_size:
            raise DomainError(_("Set the number of organisations of the network's majority rule first."))
        round_ = round_open(goal, user=user, deadline=deadline)
        if goal.status == GoalStatus.PROPOSED:
            goal.set_status(GoalStatus.ENDORSEMENT)
            goal.save_fields("status", "status_changed_at")
    return round_


def answering_organisations(goal: Goal, user) -> list[Organisation]:
    """The organisations ``user`` may answer for on ``goal``: the active member organisations of the
    goal's network of which they are the representative or deputy."""
    return network_answering_organisations(goal.network_id, user)


def network_answering_organisations(network_id: int, user) -> list[Organisation]:
    """The active member organisations of the network of which ``user`` is the representative or deputy: who
    answers for whom in any endorsement by the network (goals, glossary terms)."""
    # One membership must match every condition: conditions in separate filter() calls could each match
    # another membership of the organisation (its representative in another network, or a past one).
    memberships = Membership.objects.filter(network_id=network_id, status=MembershipStatus.ACTIVE).filter(
        Q(representative=user) | Q(deputy=user)
    )
    return list(Organisation.objects.filter(pk__in=memberships.values("organisation")).order_by("name"))


def _check_answer(answer: str, reason: str) -> None:
    if answer not in Endorsement.Answer.values:
        raise DomainError({"answer": _("Choose an answer.")})
    if answer not in (Endorsement.Answer.AGREE,) and not reason:
        raise DomainError({"reason": _("Give a reason for a reservation or an objection.")})


def endorsement_answer(
    *, goal: Goal, organisation: Organisation, user, answer: str, reason: str = "", round_id: int | None = None
) -> Endorsement:
    """``user`` answers for ``organisation`` in the goal's open round.

    Refused (:class:`~portal.lib.errors.DomainError`) unless the user is the organisation's representative
    or deputy in an active membership of the goal's network, a round is open and its deadline has not
    passed, and a reservation or objection has a reason. ``round_id``, when given, is the round the form
    was opened for: an answer meant for an earlier text is refused. Afterwards the round is evaluated.
    """
    reason = (reason or "").strip()
    _check_answer(answer, reason)
    with transaction.atomic():
        goal = Goal.objects.for_update().get(pk=goal.pk)
        if organisation.pk not in {org.pk for org in answering_organisations(goal, user)}:
            raise DomainError(
                {"organisation": _("You can answer only for an organisation you represent in this network.")}
            )
        round_ = goal.rounds.open().select_for_update().first()
        if round_ is None or (round_id is not None and round_.pk != round_id):
            raise DomainError(
                _("Endorsement of this text is no longer open. Open the goal again to see where it stands.")
            )
        too_late = round_.deadline < _today()
        if too_late:
            # Close the round now (raising inside this block would roll the closing back).
            round_evaluate(round_, today=_today())
        else:
            Endorsement.objects.filter(round=round_, organisation=organisation, is_current=True).update(
                is_current=False
            )
            endorsement = Endorsement.objects.create(
                round=round_, organisation=organisation, answer=answer, reason=reason, answered_by=user
            )
            round_evaluate(round_)
    if too_late:
        raise DomainError(_("The deadline for answering has passed."))
    return endorsement


# --- counting -------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Where a round stands: who must answer (for the rule of all), who has, and whether the rule is met."""

    rule: str
    required: int  # organisations whose answer counts: the active members now
    answered: int  # of those, how many have answered
    in_favour: int  # of those, how many agree (with or without reservations)
    objections: int
    needed: int  # in favour needed to meet the rule
    met: bool

    @property
    def missing(self) -> int:
        return self.required - self.answered


def tally(round_: EndorsementRound, active_organisation_ids, answers) -> Tally:
    """Count ``answers`` (the round's current ones) of the organisations in ``active_organisation_ids``.

    The network's one counting of its rule, for every endorsement it runs: ``round_`` is any round with the
    rule it opened with (``rule``, and ``needed`` for a majority), a goal's or a glossary term's; each answer
    has ``is_current``, ``organisation_id`` and ``answer``.

    Rule of all: every active member organisation answers in favour (reservations count as agreement;
    one objection, or one missing answer, and the rule is not met). A network with no active members
    agrees nothing. Majority: more than half of the round's set number answer in favour.
    """
    active = set(active_organisation_ids)
    counted = [answer for answer in answers if answer.is_current and answer.organisation_id in active]
    in_favour = sum(1 for answer in counted if answer.answer in IN_FAVOUR)
    objections = sum(1 for answer in counted if answer.answer not in IN_FAVOUR)
    if round_.rule == EndorsementRule.MAJORITY:
        needed = round_.needed or 1
        met = in_favour >= needed
    else:
        needed = len(active)
        met = bool(active) and in_favour == len(active)
    return Tally(
        rule=round_.rule,
        required=len(active),
        answered=len(counted),
        in_favour=in_favour,
        objections=objections,
        needed=needed,
        met=met,
    )


def active_member_ids(network_id: int) -> set[int]:
    return set(
        Membership.objects.filter(network_id=network_id, status=MembershipStatus.ACTIVE).values_list(
            "organisation_id", flat=True
        )
    )


def round_tally(round_: EndorsementRound) -> Tally:
    return tally(round_, active_member_ids(round_.goal.network_id), round_.answers.filter(is_current=True))


def round_evaluate(round_: EndorsementRound, *, today: datetime.date | None = None) -> str:
    """Close an open round when its rule is met (→ agreed) or its deadline has passed (→ not reached),
    moving the goal with it; returns the round's outcome. Call inside a transaction (it locks the goal)."""
    today = today or _today()
    with transaction.atomic():
        goal = Goal.objects.for_update().get(pk=round_.goal_id)
        round_ = EndorsementRound.objects.select_for_update().get(pk=round_.pk)
        if not round_.is_open:
            return round_.outcome
        result = round_tally(round_)
        if result.met:
            round_.close(RoundOutcome.AGREED)
            goal.set_status(goal.status_before_revision or GoalStatus.AGREED)
            goal.status_before_revision = ""
            goal.save_fields("status", "status_changed_at", "status_before_revision")
        elif round_.deadline < today:
            round_.close(RoundOutcome.NOT_REACHED)
            if goal.status == GoalStatus.ENDORSEMENT:
                goal.set_status(GoalStatus.PROPOSED)
                goal.save_fields("status", "status_changed_at")
        return round_.outcome


def rounds_evaluate(*, network: Network | None = None, today: datetime.date | None = None) -> dict[str, int]:
    """Evaluate every open round (of ``network``): after a membership change, and daily. Returns
    how many rounds ended with each outcome."""
    rounds = EndorsementRound.objects.open().select_related("goal")
    if network is not None:
        rounds = rounds.filter(goal__network=network)
    outcomes: dict[str, int] = {}
    for round_ in rounds:
        outcome = round_evaluate(round_, today=today)
        if outcome != RoundOutcome.OPEN:
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
