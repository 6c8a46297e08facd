"""The networks app's models live in its domain packages (:mod:`networks.memberships.models`,
:mod:`networks.goals.models`, :mod:`networks.meetings.models`); importing them here registers them with
Django under the app label ``networks``. Code imports models from their domain package, never from here."""

from networks.goals.models import (
    Endorsement,
    EndorsementAnswer,
    EndorsementRound,
    Goal,
    GoalRevision,
    Indicator,
    Measurement,
)
from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Attendance,
    CalendarFeed,
    Decision,
    InvitedOrganisation,
    Invitee,
    Meeting,
    MinutesCheck,
    MinutesComment,
    SlotAnswer,
    TimePoll,
    TimeSlot,
)
from networks.memberships.models import Membership, MembershipChange, Network, NetworkRole

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Amendment",
    "Attendance",
    "CalendarFeed",
    "Decision",
    "Endorsement",
    "EndorsementAnswer",
    "EndorsementRound",
    "Goal",
    "GoalRevision",
    "Indicator",
    "InvitedOrganisation",
    "Invitee",
    "Measurement",
    "Meeting",
    "Membership",
    "MembershipChange",
    "MinutesCheck",
    "MinutesComment",
    "Network",
    "NetworkRole",
    "SlotAnswer",
    "TimePoll",
    "TimeSlot",
]
