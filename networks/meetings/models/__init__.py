"""Models of meetings: the meeting, its invitations, agenda and attendance; what it records (comments on the
minutes, decisions, action items, amendments); time polls and calendar feeds."""

from networks.meetings.models.agenda import AgendaItem, AgendaItemStatus
from networks.meetings.models.checking import CheckRole, CheckVerdict, MinutesCheck
from networks.meetings.models.meetings import (
    MINUTES_CIRCULATED,
    MINUTES_OPEN,
    TOOK_PLACE,
    Attendance,
    InvitedOrganisation,
    Invitee,
    Meeting,
    MeetingKind,
    MeetingQuerySet,
    MeetingStatus,
    Reply,
)
from networks.meetings.models.records import (
    ActionItem,
    ActionItemQuerySet,
    ActionStatus,
    Amendment,
    CalendarFeed,
    Decision,
    MinutesComment,
    PollQuerySet,
    SlotAnswer,
    TimePoll,
    TimeSlot,
    new_feed_token,
)

__all__ = [
    "MINUTES_CIRCULATED",
    "MINUTES_OPEN",
    "TOOK_PLACE",
    "ActionItem",
    "ActionItemQuerySet",
    "ActionStatus",
    "AgendaItem",
    "AgendaItemStatus",
    "Amendment",
    "Attendance",
    "CalendarFeed",
    "CheckRole",
    "CheckVerdict",
    "Decision",
    "InvitedOrganisation",
    "Invitee",
    "Meeting",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingStatus",
    "MinutesCheck",
    "MinutesComment",
    "PollQuerySet",
    "Reply",
    "SlotAnswer",
    "TimePoll",
    "TimeSlot",
    "new_feed_token",
]
