"""Writes of partner agreements: the lifecycle (:mod:`.lifecycle`), parties and commitments (:mod:`.parties`),
and what they share (:mod:`.changes`).

Every state change is a function here, checked, on a locked agreement row, in one transaction:

    draft ──start_negotiation──▶ negotiation ──(every party signs)──▶ active ──(notice window)──▶ expiring
                                                                        │                          │
                                                                        └──────────(end date)──────┴─▶ expired
    negotiation / active / expiring ──terminate(reason)──▶ terminated
    active / expiring / expired ──renew──▶ a new draft, linked to the one it renews

The text of an agreement in force changes only through :func:`agreement_update` with an amendment
summary, which records an :class:`~partners.agreements.models.AgreementAmendment` listing what changed.
A refusal is a :class:`~portal.lib.errors.DomainError`: one message when the agreement's state does not allow
the step, a field → message dict when the input is at fault.
"""

from partners.agreements.services.changes import (
    AGREEMENT_FIELDS,
    COMMITMENT_FIELDS,
    PARTY_FIELDS,
    STALE_EDIT,
)
from partners.agreements.services.lifecycle import (
    agreement_back_to_draft,
    agreement_create,
    agreement_delete,
    agreement_renew,
    agreement_start_negotiation,
    agreement_terminate,
    agreement_update,
    agreements_refresh_statuses,
    party_sign,
)
from partners.agreements.services.parties import party_add, party_remove, party_update

__all__ = [
    "AGREEMENT_FIELDS",
    "COMMITMENT_FIELDS",
    "PARTY_FIELDS",
    "STALE_EDIT",
    "agreement_back_to_draft",
    "agreement_create",
    "agreement_delete",
    "agreement_renew",
    "agreement_start_negotiation",
    "agreement_terminate",
    "agreement_update",
    "agreements_refresh_statuses",
    "party_add",
    "party_remove",
    "party_sign",
    "party_update",
]
