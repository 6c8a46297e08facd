"""Writes of an agreement's parties: adding and removing them, and their details and commitments."""

from django.db import transaction
from django.utils.translation import gettext as _

from partners.agreements.models import Agreement, AgreementParty, Commitment
from partners.agreements.services.changes import (
    CLOSED_UNCHANGED,
    COMMITMENT_FIELDS,
    PARTY_FIELDS,
    UNSIGNED,
    amendment_for,
    check_version,
    lock,
    member_organisations,
    text_of,
)
from partners.directory.models import Organisation
from portal.lib.errors import DomainError, validated


def _check_editable_parties(agreement: Agreement) -> None:
    if not agreement.is_open:
        raise DomainError(
            _("The parties of an agreement in force are changed by renewing it; its commitments through an amendment.")
        )


def party_add(*, agreement: Agreement, organisation: Organisation, **fields) -> AgreementParty:
    """Add an organisation (an active or paused member of the agreement's network) as a party."""
    unknown = set(fields) - set(PARTY_FIELDS)
    if unknown:
        raise TypeError(f"party_add() cannot set {sorted(unknown)}")
    with transaction.atomic():
        lock(agreement)
        _check_editable_parties(agreement)
        if not member_organisations(agreement).filter(organisation=organisation).exists():
            raise DomainError({"organisation": _("Only active or paused members of the network can be parties.")})
        party = AgreementParty(agreement=agreement, organisation=organisation, **fields)
        validated(party)
        party.save()
        if agreement.is_in_negotiation:
            # A new party changes what the others signed.
            agreement.parties.exclude(pk=party.pk).update(**UNSIGNED)
        agreement.save(update_fields=["updated_at"])
    return party


def party_update(
    *,
    party: AgreementParty,
    data: dict,
    commitments: list[dict] | None = None,
    user=None,
    expected_version=None,
    amendment_summary: str = "",
) -> AgreementParty:
    """Change a party's details and, when ``commitments`` is given, replace its commitments with them.

    ``commitments`` is the whole new list: dicts of ``kind``, ``description``, ``amount``, ``unit``
    and optionally ``id`` (an existing commitment of this party, changed in place). In negotiation a
    change clears the signatures given; in force it needs ``amendment_summary`` and is recorded.
    Raises :class:`~portal.lib.errors.StaleEditError` when ``expected_version`` is not the saved version.
    """
    unknown = set(data) - set(PARTY_FIELDS)
    if unknown:
        raise TypeError(f"party_update() cannot change {sorted(unknown)}")
    agreement = party.agreement
    with transaction.atomic():
        lock(agreement)
        locked = AgreementParty.objects.select_for_update().get(pk=party.pk)
        party.updated_at = locked.updated_at
        check_version(locked, expected_version)
        if agreement.is_closed:
            raise DomainError(CLOSED_UNCHANGED)
        changes = []
        for field, value in data.items():
            old = getattr(locked, field)
            if old != value:
                label = f"{party.organisation}: {AgreementParty._meta.get_field(field).verbose_name}"
                changes.append({"field": field, "label": label, "old": text_of(old), "new": text_of(value)})
            setattr(party, field, value)
        if commitments is not None:
            changes += _replace_commitments(party, commitments)
        validated(party)
        amendment_for(agreement, user=user, summary=amendment_summary, changes=changes)
        # Only the fields of the form: a signature cleared meanwhile is not written back from this copy.
        party.save(update_fields=[*data, "updated_at"])
        if changes and agreement.is_in_negotiation:
            agreement.parties.filter(signed_on__isnull=False).update(**UNSIGNED)
            party.signed_on = None
            party.signed_by = None
        agreement.save(update_fields=["updated_at"])
    return party


def _describe(commitment) -> str:
    amount = " ".join(str(part) for part in (commitment.amount, commitment.unit) if part not in (None, ""))
    return f"{commitment.kind_label}: {commitment.description} {amount}".rstrip()


def _replace_commitments(party: AgreementParty, wanted: list[dict]) -> list[dict]:
    """Make the party's commitments exactly ``wanted``; returns the changes for an amendment."""
    existing = {commitment.pk: commitment for commitment in party.commitments.all()}
    label = f"{party.organisation}: {Commitment._meta.verbose_name_plural}"
    changes = []
    kept = set()
    for values in wanted:
        pk = values.get("id")
        fields = {field: values.get(field) for field in COMMITMENT_FIELDS}
        fields["unit"] = fields["unit"] or ""
        if pk is not None:
            if pk not in existing:
                raise DomainError({"commitments": _("A commitment in the form does not belong to this party.")})
            commitment = existing[pk]
            before, old_values = _describe(commitment), [getattr(commitment, field) for field in COMMITMENT_FIELDS]
            for field, value in fields.items():
                setattr(commitment, field, value)
            validated(commitment, exclude=["party", "agreement"])
            after = _describe(commitment)
            if old_values != [getattr(commitment, field) for field in COMMITMENT_FIELDS]:
                commitment.save()
                changes.append({"field": "commitment", "label": label, "old": before, "new": after})
            kept.add(pk)
        else:
            commitment = Commitment(party=party, agreement_id=party.agreement_id, **fields)
            validated(commitment, exclude=["party", "agreement"])
            commitment.save()
            changes.append({"field": "commitment", "label": label, "old": "", "new": _describe(commitment)})
    for pk, commitment in existing.items():
        if pk not in kept:
            changes.append({"field": "commitment", "label": label, "old": _describe(commitment), "new": ""})
            commitment.delete()
    return changes


def party_remove(*, party: AgreementParty) -> None:
    """Remove a party while the agreement is still being drafted or negotiated."""
    agreement = party.agreement
    with transaction.atomic():
        lock(agreement)
        _check_editable_parties(agreement)
        party.delete()
        if agreement.is_in_negotiation:
            agreement.parties.update(**UNSIGNED)
        agreement.save(update_fields=["updated_at"])
