"""Models of the directory: organisations, people's affiliations, the expertise vocabulary, and guidance
services (:mod:`.services`, with the public rule of the finder)."""

from partners.directory.models.organisations import (
    NOT_LEFT,
    PUBLIC_ORGANISATION_FIELDS,
    Affiliation,
    ExpertiseArea,
    ExpertiseAreaQuerySet,
    Organisation,
    OrganisationKind,
    OrganisationQuerySet,
)
from partners.directory.models.services import (
    PUBLIC_SERVICE_FIELDS,
    GuidanceService,
    GuidanceServiceQuerySet,
    ServiceChannel,
    ServiceLevel,
    ServiceTopic,
    TargetGroup,
)

__all__ = [
    "NOT_LEFT",
    "PUBLIC_ORGANISATION_FIELDS",
    "PUBLIC_SERVICE_FIELDS",
    "Affiliation",
    "ExpertiseArea",
    "ExpertiseAreaQuerySet",
    "GuidanceService",
    "GuidanceServiceQuerySet",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "ServiceChannel",
    "ServiceLevel",
    "ServiceTopic",
    "TargetGroup",
]
