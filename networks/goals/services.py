"""Writes of shared goals (issue 5): proposing and editing goals, revisions, endorsement and status.

Every step runs in one transaction on the goal's row locked (``select_for_update``), so two people
acting at once cannot both move the goal: the second waits and then sees what the first did.

**Endorsement.** A coordinator opens a round on the goal's current revision; the round takes the
network's rule as it stands then (all active member organisations, or a majority of a set number)
and a deadline. Each *active* member organisation answers through its representative or deputy;
answers are append-only (a changed answer is a new row, the old one stops being current). After every
answer, every membership change and every day (``manage.py goal_endorsement_reminders``) open rounds
are evaluated by :func:`round_evaluate`:

- the rule is met → the round is *agreed* and the goal *agreed* (a revised goal returns to the
  endorsed status it had, agreed or in progress);
- otherwise, once the deadline has passed → the round is *not reached*; a first endorsement goes
  back to *proposed*, a revision stays *revised* (the members still stand behind the earlier text).

Who must answer is worked out when a round is evaluated, from the memberships *then*: an organisation
that joined mid-way must answer too (under the rule of all), one that left or paused no longer counts,
and its answer with it.

**Revisions.** The text a round is about (title, description, rationale, period) is a numbered
:class:`GoalRevision`. Before any round, a proposal is simply edited. Once endorsement has been asked
for, a change to the text is a new revision with a summary: an open round is superseded and a new one
opened on the new text; an agreed goal becomes *revised* and endorsement reopens.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.goals.indicators import remove_evidence_on_commit
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalRevision, GoalStatus, Measurement
from networks.goals.models.goals import ENDORSED, FINISHED, IN_FAVOUR, RoundOutcome
from networks.memberships.models import EndorsementRule, Membership, Network
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus, Role

# The goal's text: what the members endorse. A change to these after endorsement is a revision.
TEXT_FIELDS = ("title", "description", "rationale", "period_start", "period_end")
# The rest of what a coordinator edits: no revision needed.
OTHER_FIELDS = ("quality_area", "owner_organisation", "contact")
GOAL_FIELDS = TEXT_FIELDS + OTHER_FIELDS


class GoalChangedError(Exception):
    """Someone else saved the goal after this form was opened."""

    def __init__(self, current_version: datetime.datetime):
        super().__init__(
            _(
                "Someone else saved this goal while you were editing it. Your changes have not been saved: "
                "they are still in the form below. Open the goal in another tab to see the saved version, "
                "then save again to replace it."
            )
        )
        self.current_version = current_version


def _today() -> datetime.date:
    return timezone.localdate()


def _lock(goal: Goal) -> Goal:
    return Goal.objects.select_for_update(of=("self",)).select_related("network").get(pk=goal.pk)


def _set_status(goal: Goal, status: str) -> None:
    goal.status = status
    goal.status_changed_at = timezone.now()


def _save(goal: Goal, *fields: str) -> None:
    goal.save(update_fields=[*fields, "updated_at"])


def _new_revision(goal: Goal, *, user, summary: str = "") -> GoalRevision:
    return GoalRevision.objects.create(
        goal=goal,
        number=goal.revision,
        summary=summary,
        created_by=user,
        **{field: getattr(goal, field) for field in TEXT_FIELDS},
    )


def _current_revision(goal: Goal) -> GoalRevision:
    return GoalRevision.objects.get(goal=goal, number=goal.revision)


def _validate(goal: Goal) -> None:
    goal.full_clean(exclude=["network", "status", "drop_reason", "proposed_by", "agreements"])


def _check_agreements(network: Network, agreements) -> list:
    agreements = list(agreements or [])
    if any(agreement.network_id != network.pk for agreement in agreements):
        raise ValidationError({"agreements": _("Only the network's own agreements can be linked.")})
    return agreements


# --- proposing, editing, deleting -------------------------------------------------------------------


def goal_create(*, network: Network, user, data: dict, agreements=None) -> Goal:
    """A new goal of ``network``, *proposed*: a coordinator's own, or a member's proposal that waits for
    a coordinator to open endorsement. ``data`` holds ``GOAL_FIELDS``."""
    unknown = set(data) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"goal_create() cannot set {sorted(unknown)}")
    agreements = _check_agreements(network, agreements)
    goal = Goal(network=network, proposed_by=user, status=GoalStatus.PROPOSED, **data)
    _validate(goal)
    with transaction.atomic():
        goal.save()
        _new_revision(goal, user=user)
        goal.agreements.set(agreements)
        if network.role_of(user) != Role.COORDINATOR:
            from networks.goals.mail import mail_goal_proposed

            mail_goal_proposed(goal=goal)
    return goal


def goal_update(
    *, goal: Goal, user, data: dict, expected_version=None, summary: str = "", agreements=None
) -> GoalRevision | None:
    """Save a coordinator's edit of the goal. Returns the new revision when the text was revised.

    ``agreements``: the agreements that serve the goal (``None`` leaves them). Raises
    :class:`GoalChangedError` when the goal was saved after ``expected_version``, and ValidationError
    when the goal is achieved or dropped, or a revision lacks its ``summary``.
    """
    unknown = set(data) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"goal_update() cannot change {sorted(unknown)}")
    summary = (summary or "").strip()
    with transaction.atomic():
        goal = _lock(goal)
        if expected_version is not None and goal.updated_at != expected_version:
            raise GoalChangedError(goal.updated_at)
        if goal.status in FINISHED:
            raise ValidationError(_("An achieved or dropped goal can no longer be changed."), code="invalid_state")
        if agreements is not None:
            agreements = _check_agreements(goal.network, agreements)
        text_changed = any(field in data and data[field] != getattr(goal, field) for field in TEXT_FIELDS)
        for field, value in data.items():
            setattr(goal, field, value)
        _validate(goal)
        revision = None
        if text_changed and goal.rounds.exists():
            # Endorsement has been asked for: the members must see and endorse the new text.
            if not summary:
                raise ValidationError(
                    {"summary": _("Say what changed and why: the member organisations are asked to endorse it.")}
                )
            goal.revision += 1
            revision = _new_revision(goal, user=user, summary=summary)
            open_round = goal.rounds.open().first()
            if open_round is not None:
                _close(open_round, RoundOutcome.SUPERSEDED)
            if goal.status in ENDORSED:
                goal.status_before_revision = goal.status
                _set_status(goal, GoalStatus.REVISED)
            if goal.status in (GoalStatus.ENDORSEMENT, GoalStatus.REVISED):
                _open_round(goal, user=user)
        elif text_changed:
            # A proposal nobody has been asked to endorse yet is simply edited.
            GoalRevision.objects.filter(goal=goal, number=goal.revision).update(
                **{field: getattr(goal, field) for field in TEXT_FIELDS}
            )
        goal.save()
        if agreements is not None:
            goal.agreements.set(agreements)
    return revision


def goal_delete(*, goal: Goal) -> None:
    """Delete a proposal that was never put to endorsement (anything later is dropped, with a reason)."""
    with transaction.atomic():
        goal = _lock(goal)
        if goal.status != GoalStatus.PROPOSED or goal.rounds.exists():
            raise ValidationError(
                _("Only a proposal that was never put to endorsement can be deleted. Drop the goal instead."),
                code="invalid_state",
            )
        remove_evidence_on_commit(Measurement.objects.filter(indicator__goal=goal))
        goal.delete()


# --- status --------------------------------------------------------------------------------------

# The steps a coordinator takes by hand (endorsement moves the goal between the others).
MANUAL_STEPS = {
    GoalStatus.IN_PROGRESS: (GoalStatus.AGREED,),
    GoalStatus.ACHIEVED: (GoalStatus.AGREED, GoalStatus.IN_PROGRESS),
    GoalStatus.DROPPED: (
        GoalStatus.PROPOSED,
        GoalStatus.ENDORSEMENT,
        GoalStatus.AGREED,
        GoalStatus.IN_PROGRESS,
        GoalStatus.REVISED,
    ),
}


def goal_next_statuses(goal: Goal) -> list[str]:
    """The statuses a coordinator can move the goal to by hand now."""
    return [status for status, sources in MANUAL_STEPS.items() if goal.status in sources]


def goal_set_status(*, goal: Goal, status: str, user, reason: str = "") -> Goal:
    """Move the goal by hand: agreed → in progress → achieved, or drop it (with a reason) at any stage
    before it is achieved. Dropping cancels an open round of endorsement."""
    reason = (reason or "").strip()
    with transaction.atomic():
        goal = _lock(goal)
        if goal.status not in MANUAL_STEPS.get(status, ()):
            raise ValidationError(
                _("A goal that is %(current)s cannot be marked %(new)s.")
                % {"current": goal.status_label.lower(), "new": GoalStatus(status).label.lower()}
                if status in GoalStatus.values
                else _("Unknown status."),
                code="invalid_state",
            )
        if status == GoalStatus.DROPPED:
            if not reason:
                raise ValidationError({"reason": _("Give the reason for dropping the goal.")})
            goal.drop_reason = reason
            open_round = goal.rounds.open().first()
            if open_round is not None:
                _close(open_round, RoundOutcome.CANCELLED)
        _set_status(goal, status)
        _save(goal, "status", "status_changed_at", "drop_reason")
    return goal


# --- endorsement ---------------------------------------------------------------------------------


def may_open_endorsement(goal: Goal) -> bool:
    """A proposal, or a revision whose round ended without agreement (a round is not open)."""
    return goal.status in (GoalStatus.PROPOSED, GoalStatus.REVISED) and not any(
        round_.is_open for round_ in goal.rounds.all()
    )


def _open_round(goal: Goal, *, user, deadline: datetime.date | None = None) -> EndorsementRound:
    network = goal.network
    deadline = deadline or _today() + datetime.timedelta(days=network.goal_endorsement_days)
    round_ = EndorsementRound.objects.create(
        goal=goal,
        revision=_current_revision(goal),
        rule=network.goal_rule,
        set_size=network.goal_rule_size if network.goal_rule == EndorsementRule.MAJORITY else None,
        deadline=deadline,
        opened_by=user,
    )
    from networks.goals.mail import mail_endorsement_opened

    mail_endorsement_opened(round_=round_)
    return round_


def endorsement_open(*, goal: Goal, user, deadline: datetime.date | None = None) -> EndorsementRound:
    """Ask the member organisations to endorse the goal's current text by ``deadline`` (default: the
    network's number of days from today). The representatives and deputies are told by e-mail."""
    if deadline is not None and deadline < _today():
        raise ValidationError({"deadline": _("The deadline must not be in the past.")})
    with transaction.atomic():
        goal = _lock(goal)
        if not may_open_endorsement(goal):
            raise ValidationError(
                _("Endorsement can be opened for a proposed goal, or again for a revised one."), code="invalid_state"
            )
        network = goal.network
        if network.goal_rule == EndorsementRule.MAJORITY and not network.goal_rule_size:
            raise ValidationError(_("Set the number of organisations of the network's majority rule first."))
        round_ = _open_round(goal, user=user, deadline=deadline)
        if goal.status == GoalStatus.PROPOSED:
            _set_status(goal, GoalStatus.ENDORSEMENT)
            _save(goal, "status", "status_changed_at")
    return round_


def answering_organisations(goal: Goal, user) -> list[Organisation]:
    """The organisations ``user`` may answer for on ``goal``: the active member organisations of the
    goal's network of which they are the representative or deputy."""
    # One membership must match every condition: conditions in separate filter() calls could each match
    # another membership of the organisation (its representative in another network, or a past one).
    memberships = Membership.objects.filter(network_id=goal.network_id, status=MembershipStatus.ACTIVE).filter(
        Q(representative=user) | Q(deputy=user)
    )
    return list(Organisation.objects.filter(pk__in=memberships.values("organisation")).order_by("name"))


def endorsement_answer(
    *, goal: Goal, organisation: Organisation, user, answer: str, reason: str = "", round_id: int | None = None
) -> Endorsement:
    """``user`` answers for ``organisation`` in the goal's open round.

    Refused (ValidationError) unless the user is the organisation's representative or deputy in an
    active membership of the goal's network, a round is open and its deadline has not passed, and a
    reservation or objection has a reason. ``round_id``, when given, is the round the form was opened
    for: an answer meant for an earlier text is refused. Afterwards the round is evaluated.
    """
    reason = (reason or "").strip()
    if answer not in Endorsement.Answer.values:
        raise ValidationError({"answer": _("Choose an answer.")})
    if answer not in (Endorsement.Answer.AGREE,) and not reason:
        raise ValidationError({"reason": _("Give a reason for a reservation or an objection.")})
    with transaction.atomic():
        goal = _lock(goal)
        if organisation.pk not in {org.pk for org in answering_organisations(goal, user)}:
            raise ValidationError(
                {"organisation": _("You can answer only for an organisation you represent in this network.")}
            )
        round_ = goal.rounds.open().select_for_update().first()
        if round_ is None or (round_id is not None and round_.pk != round_id):
            raise ValidationError(
                _("Endorsement of this text is no longer open. Open the goal again to see where it stands."),
                code="invalid_state",
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
        raise ValidationError(_("The deadline for answering has passed."), code="invalid_state")
    return endorsement


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


def _close(round_: EndorsementRound, outcome: str) -> None:
    round_.outcome = outcome
    round_.closed_at = timezone.now()
    round_.save(update_fields=["outcome", "closed_at"])


def round_evaluate(round_: EndorsementRound, *, today: datetime.date | None = None) -> str:
    """Close an open round when its rule is met (→ agreed) or its deadline has passed (→ not reached),
    moving the goal with it; returns the round's outcome. Call inside a transaction (it locks the goal)."""
    today = today or _today()
    with transaction.atomic():
        goal = _lock(round_.goal)
        round_ = EndorsementRound.objects.select_for_update().get(pk=round_.pk)
        if not round_.is_open:
            return round_.outcome
        result = round_tally(round_)
        if result.met:
            _close(round_, RoundOutcome.AGREED)
            _set_status(goal, goal.status_before_revision or GoalStatus.AGREED)
            goal.status_before_revision = ""
            _save(goal, "status", "status_changed_at", "status_before_revision")
        elif round_.deadline < today:
            _close(round_, RoundOutcome.NOT_REACHED)
            if goal.status == GoalStatus.ENDORSEMENT:
                _set_status(goal, GoalStatus.PROPOSED)
                _save(goal, "status", "status_changed_at")
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


def network_goal_rule_update(*, network: Network, rule: str, set_size: int | None, days: int) -> Network:
    """Set how the network agrees its goals. Rounds already open keep the rule they opened with."""
    if rule not in EndorsementRule.values:
        raise ValidationError({"goal_rule": _("Unknown rule.")})
    if rule == EndorsementRule.MAJORITY and not set_size:
        raise ValidationError({"goal_rule_size": _("A majority rule needs the number of organisations.")})
    if not 1 <= days <= 365:
        raise ValidationError({"goal_endorsement_days": _("Give between 1 and 365 days.")})
    network.goal_rule = rule
    network.goal_rule_size = set_size if rule == EndorsementRule.MAJORITY else None
    network.goal_endorsement_days = days
    network.save(update_fields=["goal_rule", "goal_rule_size", "goal_endorsement_days"])
    return network
