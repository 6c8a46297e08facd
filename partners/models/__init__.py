"""The partners app's models live in its domain packages (:mod:`partners.directory.models`,
:mod:`partners.agreements.models`); importing them here registers them with Django under the app label
``partners``. Code imports models from their domain package, never from here."""

from partners.agreements.models import Agreement, AgreementAmendment, AgreementDocument, AgreementParty, Commitment
from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation

__all__ = [
    "Affiliation",
    "Agreement",
    "AgreementAmendment",
    "AgreementDocument",
    "AgreementParty",
    "Commitment",
    "ExpertiseArea",
    "GuidanceService",
    "Organisation",
]
