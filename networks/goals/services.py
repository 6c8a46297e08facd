"""Writes of shared goals: proposing, editing and deleting goals, their revisions, their status, and the
network's rule for agreeing them. Endorsement itself (rounds and answers) is :mod:`networks.goals.endorsement`.

Every step runs in one transaction on the goal's row locked (``select_for_update``), so two people
acting at once cannot both move the goal: the second waits and then sees what the first did.

**Revisions.** The text a round is about (title, description, rationale, period) is a numbered
:class:`GoalRevision`. Before any round, a proposal is simply edited. Once endorsement has been asked
for, a change to the text is a new revision with a summary: an open round is superseded and a new one
opened on the new text; an agreed goal becomes *revised* and endorsement reopens.
"""

from django.db import transaction
from django.utils.translation import gettext as _

# Opening endorsement and answering are networks.goals.endorsement's: the two are also named here because
# the demo data (portal/demo_data/goal_seeding.py) calls them from this module.
from networks.goals import mail
from networks.goals.endorsement import round_open
from networks.goals.indicators import remove_evidence_on_commit
from networks.goals.models import ENDORSED, Goal, GoalRevision, GoalStatus, Measurement, RoundOutcome
from networks.memberships.models import EndorsementRule, Network
from portal.lib.errors import DomainError, StaleEditError, check_version, validated

# The goal's text: what the members endorse. A change to these after endorsement is a revision.
TEXT_FIELDS = ("title", "description", "rationale", "period_start", "period_end")
# The rest of what a coordinator edits: no revision needed.
OTHER_FIELDS = ("quality_area", "owner_organisation", "contact")
GOAL_FIELDS = TEXT_FIELDS + OTHER_FIELDS


def _lock(goal: Goal) -> Goal:
    return Goal.objects.for_update().get(pk=goal.pk)


def _new_revision(goal: Goal, *, user, summary: str = "") -> GoalRevision:
    return GoalRevision.objects.create(
        goal=goal,
        number=goal.revision,
        summary=summary,
        created_by=user,
        **{field: getattr(goal, field) for field in TEXT_FIELDS},
    )


def _validate(goal: Goal) -> None:
    validated(goal, exclude=["network", "status", "drop_reason", "proposed_by", "agreements"])


def _check_agreements(network: Network, agreements) -> list:
    agreements = list(agreements or [])
    if any(agreement.network_id != network.pk for agreement in agreements):
        raise DomainError({"agreements": _("Only the network's own agreements can be linked.")})
    return agreements


def _check_fields(data: dict, function: str) -> None:
    unknown = set(data) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"{function}() cannot set {sorted(unknown)}")


# --- proposing, editing, deleting -------------------------------------------------------------------


def goal_create(*, network: Network, user, data: dict, agreements=None) -> Goal:
    """A new goal of ``network``, *proposed*: a coordinator's own, or a member's proposal that waits for
    a coordinator to open endorsement. ``data`` holds ``GOAL_FIELDS``."""
    _check_fields(data, "goal_create")
    agreements = _check_agreements(network, agreements)
    goal = Goal(network=network, proposed_by=user, status=GoalStatus.PROPOSED, **data)
    _validate(goal)
    with transaction.atomic():
        goal.save()
        _new_revision(goal, user=user)
        goal.agreements.set(agreements)
        if not network.access(user).is_coordinator:
            mail.mail_goal_proposed(goal=goal)
    return goal


def _revise(goal: Goal, *, user, summary: str) -> GoalRevision:
    """The goal's changed text as a new revision the members endorse: an open round is superseded and a
    new one opened on the new text; an endorsed goal becomes *revised*."""
    if not summary:
        raise DomainError({"summary": _("Say what changed and why: the member organisations are asked to endorse it.")})
    goal.revision += 1
    revision = _new_revision(goal, user=user, summary=summary)
    open_round = goal.rounds.open().first()
    if open_round is not None:
        open_round.close(RoundOutcome.SUPERSEDED)
    if goal.status in ENDORSED:
        goal.status_before_revision = goal.status
        goal.set_status(GoalStatus.REVISED)
    if goal.is_under_endorsement:
        round_open(goal, user=user)
    return revision


def goal_update(
    *, goal: Goal, user, data: dict, expected_version=None, summary: str = "", agreements=None
) -> GoalRevision | None:
    """Save a coordinator's edit of the goal. Returns the new revision when the text was revised.

    ``agreements``: the agreements that serve the goal (``None`` leaves them). Raises
    :class:`~portal.lib.errors.StaleEditError` when the goal was saved after ``expected_version``, and
    :class:`~portal.lib.errors.DomainError` when the goal is achieved or dropped, or a revision lacks its
    ``summary``.
    """
    _check_fields(data, "goal_update")
    summary = (summary or "").strip()
    with transaction.atomic():
        goal = _lock(goal)
        if expected_version is not None and goal.updated_at != expected_version:
            raise StaleEditError(
                _(
                    "Someone else saved this goal while you were editing it. Your changes have not been saved: "
                    "they are still in the form below. Open the goal in another tab to see the saved version, "
                    "then save again to replace it."
                ),
                current_version=goal.updated_at,
            )
        if goal.is_finished:
            raise DomainError(_("An achieved or dropped goal can no longer be changed."))
        if agreements is not None:
            agreements = _check_agreements(goal.network, agreements)
        text_changed = any(field in data and data[field] != getattr(goal, field) for field in TEXT_FIELDS)
        for field, value in data.items():
            setattr(goal, field, value)
        _validate(goal)
        revision = None
        if text_changed and goal.rounds.exists():
            # Endorsement has been asked for: the members must see and endorse the new text.
            revision = _revise(goal, user=user, summary=summary)
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
        if not goal.is_new_proposal:
            raise DomainError(
                _("Only a proposal that was never put to endorsement can be deleted. Drop the goal instead.")
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
            raise DomainError(
                _("A goal that is %(current)s cannot be marked %(new)s.")
                % {"current": goal.status_label.lower(), "new": GoalStatus(status).label.lower()}
                if status in GoalStatus.values
                else _("Unknown status.")
            )
        if status == GoalStatus.DROPPED:
            if not reason:
                raise DomainError({"reason": _("Give the reason for dropping the goal.")})
            goal.drop_reason = reason
            open_round = goal.rounds.open().first()
            if open_round is not None:
                open_round.close(RoundOutcome.CANCELLED)
        goal.set_status(status)
        goal.save_fields("status", "status_changed_at", "drop_reason")
    return goal


# --- the network's rule ----------------------------------------------------------------------------


def network_goal_rule_update(*, network: Network, rule: str, set_size: int | None, days: int, version=None) -> Network:
    """Set how the network agrees its goals. Rounds already open keep the rule they opened with.
    ``version``: the network's when the form was opened (a stale one is refused)."""
    if rule not in EndorsementRule.values:
        raise DomainError({"goal_rule": _("Unknown rule.")})
    if rule == EndorsementRule.MAJORITY and not set_size:
        raise DomainError({"goal_rule_size": _("A majority rule needs the number of organisations.")})
    if not 1 <= days <= 365:
        raise DomainError({"goal_endorsement_days": _("Give between 1 and 365 days.")})
    with transaction.atomic():
        check_version(Network.objects.select_for_update().get(pk=network.pk), version)
        network.goal_rule = rule
        network.goal_rule_size = set_size if rule == EndorsementRule.MAJORITY else None
        network.goal_endorsement_days = days
        network.save(update_fields=["goal_rule", "goal_rule_size", "goal_endorsement_days", "updated_at"])
    return network
