"""Writes of partner agreements (issue 4): the lifecycle, parties, commitments and amendments.

Every state change is a function here, checked, on a locked agreement row, in one transaction:

    draft ──start_negotiation──▶ negotiation ──(every party signs)──▶ active ──(notice window)──▶ expiring
                                                                        │                          │
                                                                        └──────────(end date)──────┴─▶ expired
    negotiation / active / expiring ──terminate(reason)──▶ terminated
    active / expiring / expired ──renew──▶ a new draft, linked to the one it renews

The text of an agreement in force changes only through :func:`agreement_update` with an amendment
summary, which records an :class:`AgreementAmendment` listing what changed.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships.models import Membership, Network
from partners.agreements.models import (
    IN_FORCE,
    Agreement,
    AgreementAmendment,
    AgreementParty,
    AgreementStatus,
    Commitment,
)
from partners.directory.models import Organisation
from portal.lib.access import ESTABLISHED

# What a coordinator writes on the agreement itself (its "text").
AGREEMENT_FIELDS = (
    "title",
    "kind",
    "purpose",
    "indicators",
    "review_arrangements",
    "valid_from",
    "valid_until",
    "notice_period_days",
    "review_date",
    "coordinator",
    "share_details",
)
# Fields whose change is not a change of the agreed text (no amendment, signatures kept).
NOT_TEXT = {"coordinator", "share_details", "review_date"}
PARTY_FIELDS = ("signatory_name", "signatory_title", "own_objectives", "roles")
COMMITMENT_FIELDS = ("kind", "description", "amount", "unit")


class AgreementChangedError(Exception):
    """Someone else saved the agreement (or party) after this form was opened."""

    def __init__(self, current_version: datetime.datetime):
        super().__init__(
            _(
                "Someone else saved this agreement while you were editing it. Your changes have not been saved: "
                "they are still in the form below. Open the agreement in another tab to see the saved version, "
                "then save again to replace it."
            )
        )
        self.current_version = current_version


# Clearing signatures also moves each party's version: an edit form opened before cannot write one back.
_UNSIGNED = {"signed_on": None, "signed_by": None, "updated_at": Now()}

# Dates an agreement may have (also keeps the renewal's date arithmetic inside the calendar).
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2199, 12, 31)


def _today() -> datetime.date:
    return timezone.localdate()


def _lock(agreement: Agreement) -> Agreement:
    """Lock the agreement's row and refresh the instance from it (status, version)."""
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    for field in locked._meta.concrete_fields:
        setattr(agreement, field.attname, getattr(locked, field.attname))
    return agreement


def _member_organisations(agreement: Agreement):
    """The organisations that may be parties: active or paused members of the agreement's network."""
    return Membership.objects.filter(network_id=agreement.network_id, status__in=ESTABLISHED).values("organisation")


def _refuse(message: str):
    raise ValidationError(message, code="invalid_state")


def _check_version(obj, expected_version):
    if expected_version is not None and obj.updated_at != expected_version:
        raise AgreementChangedError(obj.updated_at)


# --- creating and editing ---------------------------------------------------------------------


def agreement_create(*, network: Network, created_by, title: str, **fields) -> Agreement:
    """A new draft agreement of ``network``."""
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"agreement_create() cannot set {sorted(unknown)}")
    agreement = Agreement(network=network, title=title, created_by=created_by, status=AgreementStatus.DRAFT, **fields)
    if agreement.coordinator is None:
        agreement.coordinator = created_by
    agreement.full_clean()
    with transaction.atomic():
        agreement.save()
    return agreement


def _text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


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

    Raises :class:`AgreementChangedError` when ``expected_version`` is not the saved version.
    """
    unknown = set(data) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"agreement_update() cannot change {sorted(unknown)}")
    with transaction.atomic():
        _lock(agreement)
        _check_version(agreement, expected_version)
        if agreement.is_closed:
            _refuse(_("An expired or terminated agreement can no longer be changed. Renew it instead."))
        changes = []
        for field, value in data.items():
            old = getattr(agreement, field)
            if old != value:
                model_field = Agreement._meta.get_field(field)
                changes.append(
                    {
                        "field": field,
                        "label": str(model_field.verbose_name),
                        "old": _text_of(old),
                        "new": _text_of(value),
                    }
                )
                setattr(agreement, field, value)
        text_changes = [change for change in changes if change["field"] not in NOT_TEXT]
        agreement.full_clean()
        amendment = _amendment_for(agreement, user=user, summary=amendment_summary, changes=text_changes)
        if agreement.is_in_force:
            # New dates may move it in or out of its notice window.
            agreement.status = agreement.status_on(_today())
            dates_changed = {"valid_from", "valid_until", "notice_period_days"} & {c["field"] for c in changes}
            if agreement.status == AgreementStatus.EXPIRED and dates_changed:
                _refuse(_("The new end date is already past: the agreement would end at once. Terminate it instead."))
        elif agreement.status == AgreementStatus.NEGOTIATION and text_changes:
            agreement.parties.filter(signed_on__isnull=False).update(**_UNSIGNED)
        agreement.save()
    return amendment


def _amendment_for(agreement: Agreement, *, user, summary: str, changes: list) -> AgreementAmendment | None:
    """In force, a change is a numbered amendment: refused without a summary, else recorded (and returned)."""
    if not (agreement.is_in_force and changes):
        return None
    if not summary.strip():
        raise ValidationError(
            {"amendment_summary": _("This agreement is in force: say what is changed and why.")},
            code="amendment_required",
        )
    number = (agreement.amendments.aggregate(last=Max("number"))["last"] or 0) + 1
    return AgreementAmendment.objects.create(
        agreement=agreement, number=number, summary=summary.strip(), changes=changes, made_by=user
    )


def agreement_delete(*, agreement: Agreement) -> None:
    """Delete a draft (nothing has been agreed or signed yet); anything later is terminated instead."""
    with transaction.atomic():
        _lock(agreement)
        if agreement.status != AgreementStatus.DRAFT:
            _refuse(_("Only a draft can be deleted. Terminate the agreement instead."))
        documents = list(agreement.documents.all())
        agreement.delete()
        for document in documents:
            name, storage = document.file.name, document.file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


# --- parties and commitments ----------------------------------------------------------------


def _check_editable_parties(agreement: Agreement):
    if not agreement.is_open:
        _refuse(
            _("The parties of an agreement in force are changed by renewing it; its commitments through an amendment.")
        )


def party_add(*, agreement: Agreement, organisation: Organisation, **fields) -> AgreementParty:
    """Add an organisation (an active or paused member of the agreement's network) as a party."""
    unknown = set(fields) - set(PARTY_FIELDS)
    if unknown:
        raise TypeError(f"party_add() cannot set {sorted(unknown)}")
    with transaction.atomic():
        _lock(agreement)
        _check_editable_parties(agreement)
        if not _member_organisations(agreement).filter(organisation=organisation).exists():
            raise ValidationError(
                {"organisation": _("Only active or paused members of the network can be parties.")}, code="not_member"
            )
        party = AgreementParty(agreement=agreement, organisation=organisation, **fields)
        party.full_clean()
        party.save()
        if agreement.status == AgreementStatus.NEGOTIATION:
            # A new party changes what the others signed.
            agreement.parties.exclude(pk=party.pk).update(**_UNSIGNED)
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
    """
    unknown = set(data) - set(PARTY_FIELDS)
    if unknown:
        raise TypeError(f"party_update() cannot change {sorted(unknown)}")
    agreement = party.agreement
    with transaction.atomic():
        _lock(agreement)
        locked = AgreementParty.objects.select_for_update().get(pk=party.pk)
        party.updated_at = locked.updated_at
        _check_version(locked, expected_version)
        if agreement.is_closed:
            _refuse(_("An expired or terminated agreement can no longer be changed. Renew it instead."))
        changes = []
        for field, value in data.items():
            old = getattr(locked, field)
            if old != value:
                label = f"{party.organisation}: {AgreementParty._meta.get_field(field).verbose_name}"
                changes.append({"field": field, "label": label, "old": _text_of(old), "new": _text_of(value)})
            setattr(party, field, value)
        if commitments is not None:
            changes += _replace_commitments(party, commitments)
        party.full_clean()
        _amendment_for(agreement, user=user, summary=amendment_summary, changes=changes)
        # Only the fields of the form: a signature cleared meanwhile is not written back from this copy.
        party.save(update_fields=[*data, "updated_at"])
        if changes and agreement.status == AgreementStatus.NEGOTIATION:
            agreement.parties.filter(signed_on__isnull=False).update(**_UNSIGNED)
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
                raise ValidationError(_("A commitment in the form does not belong to this party."), code="foreign")
            commitment = existing[pk]
            before, old_values = _describe(commitment), [getattr(commitment, field) for field in COMMITMENT_FIELDS]
            for field, value in fields.items():
                setattr(commitment, field, value)
            commitment.full_clean(exclude=["party", "agreement"])
            after = _describe(commitment)
            if old_values != [getattr(commitment, field) for field in COMMITMENT_FIELDS]:
                commitment.save()
                changes.append({"field": "commitment", "label": label, "old": before, "new": after})
            kept.add(pk)
        else:
            commitment = Commitment(party=party, agreement_id=party.agreement_id, **fields)
            commitment.full_clean(exclude=["party", "agreement"])
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
        _lock(agreement)
        _check_editable_parties(agreement)
        party.delete()
        if agreement.status == AgreementStatus.NEGOTIATION:
            agreement.parties.update(**_UNSIGNED)
        agreement.save(update_fields=["updated_at"])


# --- the lifecycle ----------------------------------------------------------------------------


def agreement_start_negotiation(*, agreement: Agreement) -> Agreement:
    """Send a draft to the parties for signing: it needs a title and at least two parties."""
    with transaction.atomic():
        _lock(agreement)
        if agreement.status != AgreementStatus.DRAFT:
            _refuse(_("Only a draft can be sent to the parties for signing."))
        if agreement.parties.count() < 2:
            _refuse(_("An agreement needs at least two parties."))
        if agreement.parties.exclude(organisation__in=_member_organisations(agreement)).exists():
            _refuse(_("A party is no longer an active or paused member of the network. Remove it first."))
        agreement.status = AgreementStatus.NEGOTIATION
        agreement.save()
    return agreement


def agreement_back_to_draft(*, agreement: Agreement) -> Agreement:
    """Take an agreement in negotiation back to drafting; signatures given so far are cleared."""
    with transaction.atomic():
        _lock(agreement)
        if agreement.status != AgreementStatus.NEGOTIATION:
            _refuse(_("Only an agreement in negotiation can go back to drafting."))
        agreement.parties.update(**_UNSIGNED)
        agreement.status = AgreementStatus.DRAFT
        agreement.save()
    return agreement


def party_sign(
    *, party: AgreementParty, user, signatory_name: str, signatory_title: str, signed_on: datetime.date
) -> AgreementParty:
    """Record that ``party`` has signed; when it is the last one, the agreement comes into force."""
    agreement = party.agreement
    with transaction.atomic():
        _lock(agreement)
        if agreement.status != AgreementStatus.NEGOTIATION:
            _refuse(_("Signatures are recorded while the agreement is in negotiation."))
        party = AgreementParty.objects.select_for_update().get(pk=party.pk)
        if party.has_signed:
            _refuse(_("This party has already signed."))
        if not signatory_name.strip():
            raise ValidationError({"signatory_name": _("Give the name of the person who signed.")}, code="required")
        if signed_on > _today():
            raise ValidationError({"signed_on": _("The date of signing cannot be in the future.")}, code="future")
        party.signatory_name = signatory_name.strip()
        party.signatory_title = signatory_title.strip()
        party.signed_on = signed_on
        party.signed_by = user
        party.full_clean()
        party.save()
        if not agreement.parties.filter(signed_on__isnull=True).exists():
            _activate(agreement)
        else:
            agreement.save(update_fields=["updated_at"])
    return party


def _activate(agreement: Agreement) -> None:
    """Bring a fully signed agreement into force (active, or expiring/expired by its dates)."""
    if agreement.parties.count() < 2:
        _refuse(_("An agreement needs at least two parties."))
    if agreement.parties.filter(signed_on__isnull=True).exists():
        _refuse(_("Every party must sign before the agreement comes into force."))
    today = _today()
    agreement.activated_on = today
    agreement.status = agreement.status_on(today)
    agreement.save()


def agreement_terminate(*, agreement: Agreement, reason: str, terminated_on: datetime.date | None = None) -> Agreement:
    """End an agreement in negotiation or in force early, with a reason."""
    with transaction.atomic():
        _lock(agreement)
        if agreement.status not in (AgreementStatus.NEGOTIATION, *IN_FORCE):
            _refuse(_("Only an agreement in negotiation or in force can be terminated."))
        if not reason.strip():
            raise ValidationError({"reason": _("Give the reason for terminating the agreement.")}, code="required")
        agreement.status = AgreementStatus.TERMINATED
        agreement.termination_reason = reason.strip()
        agreement.terminated_on = terminated_on or _today()
        agreement.full_clean()
        agreement.save()
    return agreement


def agreement_renew(*, agreement: Agreement, user) -> Agreement:
    """Start the next version: a new draft with the same text, parties and commitments (no signatures),
    valid from the day after this one ends and for as long again."""
    with transaction.atomic():
        _lock(agreement)
        if agreement.status not in (*IN_FORCE, AgreementStatus.EXPIRED):
            _refuse(_("Only an agreement in force or expired can be renewed."))
        if Agreement.objects.filter(renewal_of=agreement).exists():
            _refuse(_("This agreement has already been renewed."))
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
        if agreement.valid_until is not None and agreement.valid_until < LATEST:
            new.valid_from = agreement.valid_until + datetime.timedelta(days=1)
            if agreement.valid_from is not None:
                length = agreement.valid_until - agreement.valid_from
                new.valid_until = new.valid_from + length if length < LATEST - new.valid_from else None
        new.save()
        # Organisations that have left the network since are not carried over (nobody could sign for them).
        parties = agreement.parties.filter(organisation__in=_member_organisations(agreement))
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
    today = today or _today()
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
