"""Writes of the glossary: proposing a term, changing it (the previous text is kept), retiring it, and
commenting on it. Rounds of endorsement are in :mod:`networks.glossary.endorsement`."""

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.glossary import endorsement, mail
from networks.glossary.models import DefinitionVersion, Term, TermComment, TermStatus
from networks.goals.models import RoundOutcome
from portal.lib.errors import DomainError, check_version

TEXT_FIELDS = ("term_fi", "term_sv", "term_en", "definition_fi", "definition_sv", "definition_en")


def _check_unique(*, network, term_fi: str, exclude_pk=None) -> None:
    clash = Term.objects.filter(network=network).exclude(status=TermStatus.RETIRED)
    clash = clash.annotate(lowered=Lower("term_fi")).filter(lowered=term_fi.lower())
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError({"term_fi": _("The network's glossary already has this term.")})


def _related_in_network(network, related) -> list[Term]:
    related = list(related or [])
    if any(other.network_id != network.pk for other in related):
        raise DomainError({"related": _("Related terms must be of the same network.")})
    return related


def term_propose(*, network, user, data: dict, related=()) -> Term:
    """``user`` proposes a term to the network's glossary; the coordinators are told by e-mail."""
    if not data.get("term_fi") or not data.get("definition_fi"):
        raise DomainError(_("The term and its definition in Finnish are required."))
    related = _related_in_network(network, related)
    with transaction.atomic():
        _check_unique(network=network, term_fi=data["term_fi"])
        term = Term(network=network, proposed_by=user, defined_by=user, status=TermStatus.PROPOSED)
        for field in TEXT_FIELDS:
            setattr(term, field, data.get(field, ""))
        term.save()
        term.related.set(related)
        mail.mail_term_proposed(term=term)
    return term


def term_update(*, term: Term, user, data: dict, related=(), version=None) -> Term:
    """Change the term's texts and related terms. A changed text keeps the previous one as a
    :class:`DefinitionVersion`; a changed text of an agreed term must be agreed again (it returns to
    *proposed*). As for a goal's revision, an open round is superseded (its answers were given to another
    text) and a new one opens on the new text, the representatives and deputies told by e-mail: the term's
    ``reopened_round`` is then that round. Only a coordinator changes a term under endorsement
    (:class:`~networks.glossary.access.TermAccess`)."""
    if not data.get("term_fi") or not data.get("definition_fi"):
        raise DomainError(_("The term and its definition in Finnish are required."))
    related = _related_in_network(term.network, [other for other in related or [] if other.pk != term.pk])
    with transaction.atomic():
        locked = Term.objects.select_for_update().select_related("network").get(pk=term.pk)
        locked.reopened_round = None
        check_version(locked, version)
        if locked.is_retired:
            raise DomainError(_("A retired term no longer changes."))
        if data["term_fi"].lower() != locked.term_fi.lower():
            _check_unique(network=locked.network, term_fi=data["term_fi"], exclude_pk=locked.pk)
        changed = [field for field in TEXT_FIELDS if (data.get(field) or "") != (getattr(locked, field) or "")]
        fields, superseded = ["updated_at"], 0
        if changed:
            _keep_previous(locked, user)
            for field in TEXT_FIELDS:
                setattr(locked, field, data.get(field) or "")
            locked.defined_by, locked.defined_at = user, timezone.now()
            fields += [*TEXT_FIELDS, "defined_by", "defined_at"]
            superseded = locked.rounds.filter(outcome=RoundOutcome.OPEN).update(
                outcome=RoundOutcome.SUPERSEDED, closed_at=timezone.now()
            )
            if locked.status in (TermStatus.AGREED, TermStatus.NOT_AGREED):
                locked.set_status(TermStatus.PROPOSED)
                fields += ["status", "status_changed_at"]
        locked.save(update_fields=fields)
        locked.related.set(related)
        if changed and superseded:
            locked.reopened_round = endorsement.round_open(term=locked, user=user)
    return locked


def _keep_previous(term: Term, user) -> DefinitionVersion:
    return DefinitionVersion.objects.create(
        term=term,
        **{field: getattr(term, field) or "" for field in TEXT_FIELDS},
        defined_by_id=term.defined_by_id,
        defined_at=term.defined_at,
        replaced_by=user,
    )


def term_retire(*, term: Term) -> Term:
    """Retire the term: it is no longer part of the common language (kept, with its history). An open round
    is cancelled."""
    with transaction.atomic():
        locked = Term.objects.select_for_update().get(pk=term.pk)
        if locked.is_retired:
            raise DomainError(_("The term is already retired."))
        locked.rounds.filter(outcome=RoundOutcome.OPEN).update(outcome=RoundOutcome.CANCELLED, closed_at=timezone.now())
        locked.set_status(TermStatus.RETIRED)
        locked.save(update_fields=["status", "status_changed_at", "updated_at"])
    return locked


def comment_add(*, term: Term, user, body: str) -> TermComment:
    """A comment in the term's discussion."""
    body = (body or "").strip()
    if not body:
        raise DomainError({"body": _("Write a comment.")})
    if term.is_retired:
        raise DomainError(_("A retired term is no longer discussed."))
    return TermComment.objects.create(term=term, author=user, body=body)
