"""The networks app's models live in its domain packages (:mod:`networks.memberships.models`,
:mod:`networks.goals.models`, :mod:`networks.meetings.models`, :mod:`networks.trust.models`,
:mod:`networks.resources.models`, :mod:`networks.glossary.models`, :mod:`networks.news.models`); importing them
here registers them with Django under the app label ``networks``. Code imports models from their domain
package, never from here."""

import pghistory

from networks.glossary.models import DefinitionVersion, Term, TermAnswer, TermComment, TermRound
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
from networks.news.models import NewsComment, NewsItem
from networks.resources.models import Resource, ResourceVersion
from networks.trust.models import (
    Acquaintance,
    Activity,
    HealthRating,
    OrganisationResult,
    Participant,
    RoundResult,
    SurveyResponse,
    SurveyRound,
    TrustRating,
)

__all__ = [
    "Acquaintance",
    "ActionItem",
    "Activity",
    "AgendaItem",
    "Amendment",
    "Attendance",
    "CalendarFeed",
    "Decision",
    "DefinitionVersion",
    "Endorsement",
    "EndorsementAnswer",
    "EndorsementRound",
    "Goal",
    "GoalRevision",
    "HealthRating",
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
    "NewsComment",
    "NewsItem",
    "OrganisationResult",
    "Participant",
    "Resource",
    "ResourceVersion",
    "RoundResult",
    "SlotAnswer",
    "SurveyResponse",
    "SurveyRound",
    "Term",
    "TermAnswer",
    "TermComment",
    "TermRound",
    "TimePoll",
    "TimeSlot",
    "TrustRating",
]

# The history of people's roles: a row per insert, update and delete, with who and where from (pghistory's
# middleware sets the request's context; a role that ends with its basis adds the ``reason``). Tracked here,
# where the event model can live in the app's models module.
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())(NetworkRole)
