"""What every write of an agreement shares: which fields a form may set, locking the agreement's row, the edit
version, clearing signatures, and recording a change to an agreement in force as an amendment."""

import datetime

from django.db.models import Max
from django.db.models.functions import Now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from networks.memberships.models import Membership
from partners.agreements.models import Agreement, AgreementAmendment
from portal.lib.access import ESTABLISHED
from portal.lib.errors import DomainError, StaleEditError

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

# Clearing signatures also moves each party's version: an edit form opened before cannot write one back.
UNSIGNED = {"signed_on": None, "signed_by": None, "updated_at": Now()}

STALE_EDIT = gettext_lazy(
    "Someone else saved this agreement while you were editing it. Your changes have not been saved: "
    "they are still in the form below. Open the agreement in another tab to see the saved version, "
    "then save again to replace it."
)
CLOSED_UNCHANGED = gettext_lazy("An expired or terminated agreement can no longer be changed. Renew it instead.")


def lock(agreement: Agreement) -> Agreement:
    """Lock the agreement's row and refresh the instance from it (status, version)."""
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    for field in locked._meta.concrete_fields:
        setattr(agreement, field.attname, getattr(locked, field.attname))
    return agreement


def member_organisations(agreement: Agreement):
    """The organisations that may be parties: active or paused members of the agreement's network."""
    return Membership.objects.filter(network_id=agreement.network_id, status__in=ESTABLISHED).values("organisation")


def check_version(obj, expected_version) -> None:
    """Refuse to save over a version someone else saved after the form was opened."""
    if expected_version is not None and obj.updated_at != expected_version:
        raise StaleEditError(STALE_EDIT, current_version=obj.updated_at)


def text_of(value) -> str:
    """A value as an amendment lists it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def amendment_for(agreement: Agreement, *, user, summary: str, changes: list) -> AgreementAmendment | None:
    """In force, a change is a numbered amendment: refused without a summary, else recorded (and returned)."""
    if not (agreement.is_in_force and changes):
        return None
    if not summary.strip():
        raise DomainError({"amendment_summary": _("This agreement is in force: say what is changed and why.")})
    number = (agreement.amendments.aggregate(last=Max("number"))["last"] or 0) + 1
    return AgreementAmendment.objects.create(
        agreement=agreement, number=number, summary=summary.strip(), changes=changes, made_by=user
    )
