"""Models of the partners app: the directory (organisations, people, services) and partner agreements."""

from partners.agreements.models import (
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
from partners.directory.models import (
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
