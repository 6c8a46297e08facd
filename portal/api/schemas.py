"""What the API's answers look like: one schema per kind of object, and the page around a list. A relation is
given by the related object's public identifier (a network's slug, a meeting's id), never by nesting."""

import datetime

from ninja import Schema
from pydantic import Field


class Page(Schema):
    next: str | None = Field(None, description="The next page's URL; null on the last page.")


class NetworkOut(Schema):
    slug: str
    name: str
    field: str
    regions: list[str]
    is_public: bool
    description: str


class OrganisationOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    business_id: str
    municipality: str
    website: str
    email: str
    phone: str
    description: str


class MeetingOut(Schema):
    id: int
    network: str
    kind: str
    title: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    online_link: str
    status: str

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug


class GoalOut(Schema):
    id: int
    network: str
    title: str
    description: str
    rationale: str
    period_start: datetime.date
    period_end: datetime.date
    quality_area: str
    status: str

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug


class DecisionOut(Schema):
    id: int
    network: str
    meeting: int
    goal: int | None
    text: str
    decided_on: datetime.date

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug

    @staticmethod
    def resolve_meeting(obj):
        return obj.meeting_id

    @staticmethod
    def resolve_goal(obj):
        return obj.goal_id


class ActionItemOut(Schema):
    id: int
    network: str
    meeting: int
    what: str
    owner: str
    organisation: str | None = Field(description="The organisation's slug.")
    due_on: datetime.date
    status: str

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug

    @staticmethod
    def resolve_meeting(obj):
        return obj.meeting_id

    @staticmethod
    def resolve_owner(obj):
        return str(obj.owner)

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation_id else None


class NetworkPage(Page):
    items: list[NetworkOut]


class OrganisationPage(Page):
    items: list[OrganisationOut]


class MeetingPage(Page):
    items: list[MeetingOut]


class GoalPage(Page):
    items: list[GoalOut]


class DecisionPage(Page):
    items: list[DecisionOut]


class ActionItemPage(Page):
    items: list[ActionItemOut]


class Problem(Schema):
    detail: str
