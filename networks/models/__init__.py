"""Models of the networks app: networks, memberships and roles (core), and shared goals (goals, indicators)."""

from networks.models.core import (
    EndorsementRule,
    Membership,
    MembershipChange,
    MembershipLevel,
    MembershipQuerySet,
    MembershipStatus,
    Network,
    NetworkQuerySet,
    NetworkRole,
    NetworkRoleKind,
)
from networks.models.goals import (
    Endorsement,
    EndorsementAnswer,
    EndorsementRound,
    Goal,
    GoalRevision,
    GoalStatus,
    QualityArea,
)
from networks.models.indicators import Indicator, Measurement

__all__ = [
    "Endorsement",
    "EndorsementAnswer",
    "EndorsementRound",
    "EndorsementRule",
    "Goal",
    "GoalRevision",
    "GoalStatus",
    "Indicator",
    "Measurement",
    "Membership",
    "MembershipChange",
    "MembershipLevel",
    "MembershipQuerySet",
    "MembershipStatus",
    "Network",
    "NetworkQuerySet",
    "NetworkRole",
    "NetworkRoleKind",
    "QualityArea",
]
