"""Agreeing a glossary term: the same endorsement as the shared goals.

A coordinator opens a round on a proposed term (or again on one not agreed) under the network's rule as it
stands then (``Network.goal_rule``: all active member organisations, or a majority of a set number) and a
deadline; the representatives and deputies are told by e-mail. Each active member organisation answers
through its representative or deputy (append-only answers, the latest counts). The rule is counted by the
goals' own :func:`networks.goals.endorsement.tally` after every answer, after a membership change, and daily
(``manage.py glossary_endorsement_close``): met → the round and the term are *agreed*; the deadline passed
without it → the round is *not reached* and the term *not agreed*.

Every step runs in one transaction on the term's row locked, so two answers at once are counted one after
the other.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.glossary import mail
from networks.glossary.models import Term, TermAnswer, TermRound, TermStatus
from networks.goals.endorsement import Tally, active_member_ids, network_answering_organisations, tally
from networks.goals.models import EndorsementAnswer, RoundOutcome
from networks.memberships.models import EndorsementRule, Network
from portal.lib.errors import DomainError

OPENABLE = (TermStatus.PROPOSED, TermStatus.NOT_AGREED)


def _today() -> datetime.date:
    return timezone.localdate()


def _locked(term: Term) -> Term:
    return Term.objects.select_for_update().select_related("network").get(pk=term.pk)


def round_open(*, term: Term, user, deadline: datetime.date | None = None) -> TermRound:
    """Ask the member organisations to agree the term by ``deadline`` (default: the network's number of days
    from today, as for goals)."""
    if deadline is not None and deadline < _today():
        raise DomainError({"deadline": _("The deadline must not be in the past.")})
    with transaction.atomic():
        term = _locked(term)
        if term.status not in OPENABLE or term.rounds.open().exists():
            raise DomainError(_("Endorsement can be opened for a proposed term, or again for one not agreed."))
        network = term.network
        if network.goal_rule == EndorsementRule.MAJORITY and not network.goal_rule_size:
            raise DomainError(_("Set the number of organisations of the network's majority rule first."))
        round_ = TermRound.objects.create(
            term=term,
            rule=network.goal_rule,
            set_size=network.goal_rule_size if network.goal_rule == EndorsementRule.MAJORITY else None,
            deadline=deadline or _today() + datetime.timedelta(days=network.goal_endorsement_days),
            opened_by=user,
        )
        if term.status != TermStatus.PROPOSED:
            term.set_status(TermStatus.PROPOSED)
            term.save(update_fields=["status", "status_changed_at", "updated_at"])
        mail.mail_round_opened(round_=round_)
    return round_


def answering_organisations(term: Term, user):
    """The organisations ``user`` answers for on ``term`` (as for the network's goals)."""
    return network_answering_organisations(term.network_id, user)


def term_answer(*, term: Term, organisation, user, answer: str, reason: str = "", round_id=None) -> TermAnswer:
    """``user`` answers for ``organisation`` in the term's open round; then the rule is counted.

    Refused unless the user is the organisation's representative or deputy in an active membership, a round
    is open (the one the form was opened for, when ``round_id`` is given) and its deadline has not passed, and
    a reservation or objection has a reason."""
    reason = (reason or "").strip()
    if answer not in EndorsementAnswer.values:
        raise DomainError({"answer": _("Choose an answer.")})
    if answer != EndorsementAnswer.AGREE and not reason:
        raise DomainError({"reason": _("Give a reason for a reservation or an objection.")})
    with transaction.atomic():
        term = _locked(term)
        if organisation.pk not in {org.pk for org in answering_organisations(term, user)}:
            raise DomainError(
                {"organisation": _("You can answer only for an organisation you represent in this network.")}
            )
        round_ = term.rounds.open().select_for_update().first()
        if round_ is None or (round_id is not None and round_.pk != round_id):
            raise DomainError(_("Endorsement of this text is no longer open. Open the term again."))
        too_late = round_.deadline < _today()
        if too_late:
            round_evaluate(round_)
        else:
            TermAnswer.objects.filter(round=round_, organisation=organisation, is_current=True).update(is_current=False)
            given = TermAnswer.objects.create(
                round=round_, organisation=organisation, answer=answer, reason=reason, answered_by=user
            )
            round_evaluate(round_)
    if too_late:
        raise DomainError(_("The deadline for answering has passed."))
    return given


def round_tally(round_: TermRound) -> Tally:
    """Where the round stands, counted as the goals' rounds are."""
    return tally(round_, active_member_ids(round_.term.network_id), round_.answers.filter(is_current=True))


def round_evaluate(round_: TermRound, *, today: datetime.date | None = None) -> str:
    """Close an open round when its rule is met (→ the term is agreed) or its deadline has passed (→ not
    agreed); returns the round's outcome."""
    today = today or _today()
    with transaction.atomic():
        term = Term.objects.select_for_update().get(pk=round_.term_id)
        round_ = TermRound.objects.select_for_update().select_related("term").get(pk=round_.pk)
        if not round_.is_open:
            return round_.outcome
        if round_tally(round_).met:
            round_.close(RoundOutcome.AGREED)
            term.set_status(TermStatus.AGREED)
            term.save(update_fields=["status", "status_changed_at", "updated_at"])
        elif round_.deadline < today:
            round_.close(RoundOutcome.NOT_REACHED)
            term.set_status(TermStatus.NOT_AGREED)
            term.save(update_fields=["status", "status_changed_at", "updated_at"])
        return round_.outcome


def rounds_evaluate(*, network: Network | None = None, today: datetime.date | None = None) -> dict[str, int]:
    """Evaluate every open round (of ``network``): after a membership change, and daily."""
    rounds = TermRound.objects.open()
    if network is not None:
        rounds = rounds.filter(term__network=network)
    outcomes: dict[str, int] = {}
    for round_ in rounds:
        outcome = round_evaluate(round_, today=today)
        if outcome != RoundOutcome.OPEN:
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
