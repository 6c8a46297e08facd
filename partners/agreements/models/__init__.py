"""Partner agreements: multi-party agreements of a network (:mod:`.agreements`, with their amendments),
their parties and commitments (:mod:`.parties`) and private documents (:mod:`.documents`).

Every change to an agreement, a party, a commitment or a document is kept by database triggers
(django-pghistory): the rows are the current state, the ``*Event`` tables their history.
"""

import pghistory

from partners.agreements.models.agreements import (
    CLOSED,
    IN_FORCE,
    OPEN,
    Agreement,
    AgreementAmendment,
    AgreementKind,
    AgreementQuerySet,
    AgreementStatus,
)
from partners.agreements.models.documents import AgreementDocument, DocumentKind
from partners.agreements.models.parties import AgreementParty, Commitment, CommitmentKind

__all__ = [
    "CLOSED",
    "IN_FORCE",
    "OPEN",
    "Agreement",
    "AgreementAmendment",
    "AgreementDocument",
    "AgreementKind",
    "AgreementParty",
    "AgreementQuerySet",
    "AgreementStatus",
    "Commitment",
    "CommitmentKind",
    "DocumentKind",
]

# History: a row per insert, update and delete, with who and where from (the request's context, set by
# pghistory's middleware). Bookkeeping fields stay out of it.
_NOT_HISTORY = {"updated_at", "expiry_reminder_for", "review_reminder_for"}
for _model in (Agreement, AgreementParty, Commitment, AgreementDocument):
    pghistory.track(
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        exclude=[field.name for field in _model._meta.concrete_fields if field.name in _NOT_HISTORY] or None,
    )(_model)
