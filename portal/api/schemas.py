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


# --- the open data -------------------------------------------------------------------------------------------


class Texts(Schema):
    """A text in Finnish, Swedish and English (empty where it was not written)."""

    fi: str
    sv: str
    en: str


def _texts(obj, field: str) -> dict:
    return {code: getattr(obj, f"{field}_{code}", "") or "" for code in ("fi", "sv", "en")}


class PublicOrganisationRef(Schema):
    slug: str
    name: Texts

    @staticmethod
    def resolve_name(obj):
        return _texts(obj, "name")


class PublicServiceOut(Schema):
    id: int
    organisation: PublicOrganisationRef
    name: Texts
    description: Texts
    opening_hours: Texts
    accessibility: Texts
    level: str
    topics: list[str]
    channels: list[str]
    languages: list[str]
    target_groups: list[str]
    regions: list[str]
    municipalities: list[str]
    contact_email: str
    contact_phone: str
    contact_url: str

    @staticmethod
    def resolve_name(obj):
        return _texts(obj, "name")

    @staticmethod
    def resolve_description(obj):
        return _texts(obj, "description")

    @staticmethod
    def resolve_opening_hours(obj):
        return _texts(obj, "opening_hours")

    @staticmethod
    def resolve_accessibility(obj):
        return _texts(obj, "accessibility")


class PublicOrganisationOut(Schema):
    slug: str
    name: Texts
    short_name: str
    kind: str
    municipality: str
    website: str
    description: Texts
    logo: str | None = Field(description="The logo's address, if it has one.")

    @staticmethod
    def resolve_name(obj):
        return _texts(obj, "name")

    @staticmethod
    def resolve_description(obj):
        return _texts(obj, "description")

    @staticmethod
    def resolve_logo(obj, context):
        if not obj.logo:
            return None
        return context["request"].build_absolute_uri(obj.logo.url)


class OpenData(Schema):
    licence: str = Field(description="The licence of the open data: CC BY 4.0.")


class PublicServicePage(Page, OpenData):
    items: list[PublicServiceOut]


class PublicOrganisationPage(Page, OpenData):
    items: list[PublicOrganisationOut]
