"""The trust domain's models: joint activities and the contacts between people (:mod:`.activities`), survey
rounds and their answers (:mod:`.surveys`) and the results computed when a round closes (:mod:`.results`)."""

from networks.trust.models.activities import (
    Acquaintance,
    Activity,
    ActivityKind,
    Participant,
)
from networks.trust.models.results import OrganisationResult, RoundResult
from networks.trust.models.surveys import (
    HealthAspect,
    HealthColour,
    HealthRating,
    Relationship,
    RoundStatus,
    SurveyKind,
    SurveyResponse,
    SurveyRound,
    TrustRating,
)

__all__ = [
    "Acquaintance",
    "Activity",
    "ActivityKind",
    "HealthAspect",
    "HealthColour",
    "HealthRating",
    "OrganisationResult",
    "Participant",
    "Relationship",
    "RoundResult",
    "RoundStatus",
    "SurveyKind",
    "SurveyResponse",
    "SurveyRound",
    "TrustRating",
]
