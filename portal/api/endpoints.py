"""The signed-in endpoints: the person's networks, organisations, meetings, goals, decisions and action items,
each a list (cursor pages) and a detail, through the pages' rules (:mod:`portal.api.rules`). A row the person may
not see is a 404, as on the pages."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from pydantic import Field

from portal.api import rules
from portal.api.auth import TokenAuth, person
from portal.api.http import answer
from portal.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from portal.api.schemas import (
    ActionItemOut,
    ActionItemPage,
    DecisionOut,
    DecisionPage,
    GoalOut,
    GoalPage,
    MeetingOut,
    MeetingPage,
    NetworkOut,
    NetworkPage,
    OrganisationOut,
    OrganisationPage,
    Problem,
)

router = Router(auth=TokenAuth(), tags=["signed in"])

REFUSALS = {304: None, 400: Problem, 401: Problem, 403: Problem, 429: Problem}


class ListParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows a page, at most 100.")
    cursor: str | None = Field(None, description="Where the page starts: taken from the previous page's next link.")


def _list(request, params, queryset, *, ordering, page):
    rows, next_url = paginate(request, queryset, ordering=ordering, limit=params.limit, cursor=params.cursor)
    return answer(request, page.model_validate({"items": rows, "next": next_url}))


def _one(request, queryset, item, **lookup):
    return answer(request, item.model_validate(get_object_or_404(queryset, **lookup)))


@router.get("/networks", response={200: NetworkPage, **REFUSALS}, url_name="network_list")
def network_list(request, params: Query[ListParams]):
    """The networks the person has a role in, by name."""
    queryset = rules.networks(person(request))
    return _list(request, params, queryset, ordering=("name", "id"), page=NetworkPage)


@router.get("/networks/{slug}", response={200: NetworkOut, 404: Problem, **REFUSALS}, url_name="network_detail")
def network_detail(request, slug: str):
    return _one(request, rules.networks(person(request)), NetworkOut, slug=slug)


@router.get("/organisations", response={200: OrganisationPage, **REFUSALS}, url_name="organisation_list")
def organisation_list(request, params: Query[ListParams]):
    """The person's own organisations and the members of their networks, by name."""
    queryset = rules.organisations(person(request))
    return _list(request, params, queryset, ordering=("name", "id"), page=OrganisationPage)


@router.get(
    "/organisations/{slug}", response={200: OrganisationOut, 404: Problem, **REFUSALS}, url_name="organisation_detail"
)
def organisation_detail(request, slug: str):
    return _one(request, rules.organisations(person(request)), OrganisationOut, slug=slug)


@router.get("/meetings", response={200: MeetingPage, **REFUSALS}, url_name="meeting_list")
def meeting_list(request, params: Query[ListParams]):
    """The meetings of the person's networks, latest first."""
    queryset = rules.meetings(person(request))
    return _list(request, params, queryset, ordering=("-starts_at", "-id"), page=MeetingPage)


@router.get("/meetings/{int:id}", response={200: MeetingOut, 404: Problem, **REFUSALS}, url_name="meeting_detail")
def meeting_detail(request, id: int):
    return _one(request, rules.meetings(person(request)), MeetingOut, pk=id)


@router.get("/goals", response={200: GoalPage, **REFUSALS}, url_name="goal_list")
def goal_list(request, params: Query[ListParams]):
    """The goals of the person's networks, latest period first."""
    queryset = rules.goals(person(request))
    return _list(request, params, queryset, ordering=("-period_start", "-id"), page=GoalPage)


@router.get("/goals/{int:id}", response={200: GoalOut, 404: Problem, **REFUSALS}, url_name="goal_detail")
def goal_detail(request, id: int):
    return _one(request, rules.goals(person(request)), GoalOut, pk=id)


@router.get("/decisions", response={200: DecisionPage, **REFUSALS}, url_name="decision_list")
def decision_list(request, params: Query[ListParams]):
    """The decisions the person may read in the minutes of their networks' meetings, newest first."""
    queryset = rules.decisions(person(request))
    return _list(request, params, queryset, ordering=("-decided_on", "-id"), page=DecisionPage)


@router.get("/decisions/{int:id}", response={200: DecisionOut, 404: Problem, **REFUSALS}, url_name="decision_detail")
def decision_detail(request, id: int):
    return _one(request, rules.decisions(person(request)), DecisionOut, pk=id)


@router.get("/action-items", response={200: ActionItemPage, **REFUSALS}, url_name="action_item_list")
def action_item_list(request, params: Query[ListParams]):
    """The action items the person may read in the minutes of their networks' meetings, soonest due first."""
    queryset = rules.action_items(person(request))
    return _list(request, params, queryset, ordering=("due_on", "id"), page=ActionItemPage)


@router.get(
    "/action-items/{int:id}", response={200: ActionItemOut, 404: Problem, **REFUSALS}, url_name="action_item_detail"
)
def action_item_detail(request, id: int):
    return _one(request, rules.action_items(person(request)), ActionItemOut, pk=id)
