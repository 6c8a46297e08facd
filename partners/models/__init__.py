"""Models of the partners app: the directory (organisations, people, services) and partner agreements."""

from partners.models.agreements import (
    Agreement,
    AgreementAmendment,
    AgreementDocument,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
    Commitment,
    CommitmentKind,
    DocumentKind,
)
from partners.models.directory import (
    Affiliation,
    ExpertiseArea,
    GuidanceService,
    Organisation,
    OrganisationKind,
    ServiceChannel,
    ServiceLevel,
    TargetGroup,
    logo_path,
)

__all__ = [
    "Affiliation",
    "Agreement",
    "AgreementAmendment",
    "AgreementDocument",
    "AgreementKind",
    "AgreementParty",
    "AgreementStatus",
    "Commitment",
    "CommitmentKind",
    "DocumentKind",
    "ExpertiseArea",
    "GuidanceService",
    "Organisation",
    "OrganisationKind",
    "ServiceChannel",
    "ServiceLevel",
    "TargetGroup",
    "logo_path",
]
