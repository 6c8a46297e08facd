"""Writes of an agreement's lifecycle: creating and editing it, the steps from draft to force, signing,
termination, renewal, deletion, and the daily move of statuses by the calendar."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships.models import Network
from partners.agreements.models import (
    IN_FORCE,
    Agreement,
    AgreementAmendment,
    AgreementParty,
    AgreementStatus,
    Commitment,
)
from partners.agreements.services.changes import (
    AGREEMENT_FIELDS,
    CLOSED_UNCHANGED,
    COMMITMENT_FIELDS,
    NOT_TEXT,
    PARTY_FIELDS,
    UNSIGNED,
    amendment_for,
    check_version,
    lock,
    member_organisations,
    text_of,
)
from portal.lib.errors import DomainError, validated
from portal.lib.validators import LATEST  # keeps the renewal's date arithmetic inside the calendar

# --- creating and editing ---------------------------------------------------------------------


def agreement_create(*, network: Network, created_by, title: str, **fields) -> Agreement:
    """A new draft agreement of ``network``."""
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"agreement_create() cannot set {sorted(unknown)}")
    agreement = Agreement(network=network, title=title, created_by=created_by, status=AgreementStatus.DRAFT, **fields)
    if agreement.coordinator is None:
        agreement.coordinator = created_by
    validated(agreement)
    with transaction.atomic():
        agreement.save()
    return agreement


def _apply(agreement: Agreement, data: dict) -> list[dict]:
    """Set ``data`` on the agreement; the changes, for an amendment."""
    changes = []
    for field, value in data.items():
        old = getattr(agreement, field)
        if old != value:
            label = str(Agreement._meta.get_field(field).verbose_name)
            changes.append({"field": field, "label": label, "old": text_of(old), "new": text_of(value)})
            setattr(agreement, field, value)
    return changes


def agreement_update(
    *, agreement: Agreement, data: dict, user, expected_version=None, amendment_summary: str = ""
) -> AgreementAmendment | None:
    """Save a coordinator's changes to the agreement's own fields.

    - draft: saved as they are;
    - negotiation: saved, and a change to the text clears the signatures given so far (they were
      given to another text);
    - active or expiring: a change to the text needs ``amendment_summary`` and is recorded as an
      amendment (returned); changing only the coordinator, the review date or sharing needs none;
    - expired or terminated: nothing changes.

    Raises :class:`~portal.lib.errors.StaleEditError` when ``expected_version`` is not the saved version.
    """
    unknown = set(data) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"agreement_update() cannot change {sorted(unknown)}")
    with transaction.atomic():
        lock(agreement)
        check_version(agreement, expected_version)
        if agreement.is_closed:
            raise DomainError(CLOSED_UNCHANGED)
        changes = _apply(agreement, data)
        text_changes = [change for change in changes if change["field"] not in NOT_TEXT]
        validated(agreement)
        amendment = amendment_for(agreement, user=user, summary=amendment_summary, changes=text_changes)
        if agreement.is_in_force:
            # New dates may move it in or out of its notice window.
            agreement.status = agreement.status_on(timezone.localdate())
            dates_changed = {"valid_from", "valid_until", "notice_period_days"} & {c["field"] for c in changes}
            if agreement.is_expired and dates_changed:
                raise DomainError(
                    _("The new end date is already past: the agreement would end at once. Terminate it instead.")
                )
        elif agreement.is_in_negotiation and text_changes:
            agreement.parties.filter(signed_on__isnull=False).update(**UNSIGNED)
        agreement.save()
    return amendment


def agreement_delete(*, agreement: Agreement) -> None:
    """Delete a draft (nothing has been agreed or signed yet); anything later is terminated instead."""
    with transaction.atomic():
        lock(agreement)
        if not agreement.is_draft:
            raise DomainError(_("Only a draft can be deleted. Terminate the agreement instead."))
        documents = list(agreement.documents.all())
        agreement.delete()
        for document in documents:
            name, storage = document.file.name, document.file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


# --- from draft to force ------------------------------------------------------------------------


def agreement_start_negotiation(*, agreement: Agreement) -> Agreement:
    """Send a draft to the parties for signing: it needs a title and at least two parties."""
    with transaction.atomic():
        lock(agreement)
        if not agreement.is_draft:
            raise DomainError(_("Only a draft can be sent to the parties for signing."))
        if agreement.parties.count() < 2:
            raise DomainError(_("An agreement needs at least two parties."))
        if agreement.parties.exclude(organisation__in=member_organisations(agreement)).exists():
            raise DomainError(_("A party is no longer an active or paused member of the network. Remove it first."))
        agreement.status = AgreementStatus.NEGOTIATION
        agreement.save()
    return agreement


def agreement_back_to_draft(*, agreement: Agreement) -> Agreement:
    """Take an agreement in negotiation back to drafting; signatures given so far are cleared."""
    with transaction.atomic():
        lock(agreement)
        if not agreement.is_in_negotiation:
            raise DomainError(_("Only an agreement in negotiation can go back to drafting."))
        agreement.parties.update(**UNSIGNED)
        agreement.status = AgreementStatus.DRAFT
        agreement.save()
    return agreement


def party_sign(
    *, party: AgreementParty, user, signatory_name: str, signatory_title: str, signed_on: datetime.date
) -> AgreementParty:
    """Record that ``party`` has signed; when it is the last one, the agreement comes into force."""
    agreement = party.agreement
    with transaction.atomic():
        lock(agreement)
        if not agreement.is_in_negotiation:
            raise DomainError(_("Signatures are recorded while the agreement is in negotiation."))
        party = AgreementParty.objects.select_for_update().get(pk=party.pk)
        if party.has_signed:
            raise DomainError(_("This party has already signed."))
        if not signatory_name.strip():
            raise DomainError({"signatory_name": _("Give the name of the person who signed.")})
        if signed_on > timezone.localdate():
            raise DomainError({"signed_on": _("The date of signing cannot be in the future.")})
        party.signatory_name = signatory_name.strip()
        party.signatory_title = signatory_title.strip()
        party.signed_on = signed_on
        party.signed_by = user
        validated(party)
        party.save()
        if not agreement.parties.filter(signed_on__isnull=True).exists():
            _activate(agreement)
        else:
            agreement.save(update_fields=["updated_at"])
    return party


def _activate(agreement: Agreement) -> None:
    """Bring a fully signed agreement into force (active, or expiring/expired by its dates)."""
    if agreement.parties.count() < 2:
        raise DomainError(_("An agreement needs at least two parties."))
    if agreement.parties.filter(signed_on__isnull=True).exists():
        raise DomainError(_("Every party must sign before the agreement comes into force."))
    agreement.activated_on = timezone.localdate()
    agreement.status = agreement.status_on(agreement.activated_on)
    agreement.save()


# --- ending and renewing ------------------------------------------------------------------------


def agreement_terminate(*, agreement: Agreement, reason: str, terminated_on: datetime.date | None = None) -> Agreement:
    """End an agreement in negotiation or in force early, with a reason."""
    with transaction.atomic():
        lock(agreement)
        if not agreement.is_terminable:
            raise DomainError(_("Only an agreement in negotiation or in force can be terminated."))
        if not reason.strip():
            raise DomainError({"reason": _("Give the reason for terminating the agreement.")})
        agreement.status = AgreementStatus.TERMINATED
        agreement.termination_reason = reason.strip()
        agreement.terminated_on = terminated_on or timezone.localdate()
        validated(agreement)
        agreement.save()
    return agreement


def _next_term(agreement: Agreement, new: Agreement) -> None:
    """The renewal runs from the day after ``agreement`` ends, for as long again (open-ended past the calendar)."""
    if agreement.valid_until is not None and agreement.valid_until < LATEST:
        new.valid_from = agreement.valid_until + datetime.timedelta(days=1)
        if agreement.valid_from is not None:
            length = agreement.valid_until - agreement.valid_from
            new.valid_until = new.valid_from + length if length < LATEST - new.valid_from else None


def agreement_renew(*, agreement: Agreement, user) -> Agreement:
    """Start the next version: a new draft with the same text, parties and commitments (no signatures),
    valid from the day after this one ends and for as long again."""
    with transaction.atomic():
        lock(agreement)
        if not agreement.is_renewable:
            raise DomainError(_("Only an agreement in force or expired can be renewed."))
        if Agreement.objects.filter(renewal_of=agreement).exists():
            raise DomainError(_("This agreement has already been renewed."))
        new = Agreement(
            network_id=agreement.network_id,
            renewal_of=agreement,
            version=agreement.version + 1,
            status=AgreementStatus.DRAFT,
            created_by=user,
            coordinator=agreement.coordinator or user,
            **{
                field: getattr(agreement, field)
                for field in AGREEMENT_FIELDS
                if field not in {"coordinator", "valid_from", "valid_until", "review_date"}
            },
        )
        _next_term(agreement, new)
        new.save()
        # Organisations that have left the network since are not carried over (nobody could sign for them).
        parties = agreement.parties.filter(organisation__in=member_organisations(agreement))
        for party in parties.prefetch_related("commitments"):
            copy = AgreementParty.objects.create(
                agreement=new,
                organisation_id=party.organisation_id,
                **{field: getattr(party, field) for field in PARTY_FIELDS},
            )
            Commitment.objects.bulk_create(
                Commitment(party=copy, agreement=new, **{field: getattr(c, field) for field in COMMITMENT_FIELDS})
                for c in party.commitments.all()
            )
        # The renewal serves the same shared goals (those not dropped or achieved).
        new.goals.set(agreement.goals.exclude(status__in=("dropped", "achieved")))
    return new


def agreements_refresh_statuses(*, today: datetime.date | None = None) -> dict[str, int]:
    """Move agreements in force into their notice window (expiring) and past their end (expired).

    Rows another process holds are skipped (the next run takes them): two schedulers never clash.
    """
    today = today or timezone.localdate()
    counts = {AgreementStatus.EXPIRING: 0, AgreementStatus.EXPIRED: 0}
    with transaction.atomic():
        candidates = Agreement.objects.filter(status__in=IN_FORCE, valid_until__isnull=False).select_for_update(
            skip_locked=True
        )
        # The fixed-term agreements in force (a few hundred in a network at most): each one's dates decide.
        for agreement in candidates.only("pk", "status", "valid_until", "notice_period_days"):
            new_status = agreement.status_on(today)
            if new_status != agreement.status:
                agreement.status = new_status
                agreement.save(update_fields=["status", "updated_at"])
                # Back to active too, when a later end date (or a shorter notice) moves it out of the window.
                counts[new_status] = counts.get(new_status, 0) + 1
    return counts
