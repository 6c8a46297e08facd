"""Models of shared goals: goals, their revisions and rounds of endorsement, indicators and measurements."""

from networks.goals.models.endorsement import (
    IN_FAVOUR,
    Endorsement,
    EndorsementAnswer,
    EndorsementRound,
    EndorsementRoundQuerySet,
    RoundOutcome,
    rule_text,
)
from networks.goals.models.goals import (
    ENDORSED,
    FINISHED,
    STATUS_ORDER,
    UNDER_ENDORSEMENT,
    Goal,
    GoalQuerySet,
    GoalRevision,
    GoalStatus,
    QualityArea,
)
from networks.goals.models.indicators import (
    FREQUENCY_MONTHS,
    Direction,
    Frequency,
    Indicator,
    Measurement,
    evidence_path,
)

__all__ = [
    "ENDORSED",
    "FINISHED",
    "FREQUENCY_MONTHS",
    "IN_FAVOUR",
    "STATUS_ORDER",
    "UNDER_ENDORSEMENT",
    "Direction",
    "Endorsement",
    "EndorsementAnswer",
    "EndorsementRound",
    "EndorsementRoundQuerySet",
    "Frequency",
    "Goal",
    "GoalQuerySet",
    "GoalRevision",
    "GoalStatus",
    "Indicator",
    "Measurement",
    "QualityArea",
    "RoundOutcome",
    "evidence_path",
    "rule_text",
]
