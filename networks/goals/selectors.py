"""Reads of shared goals shaped for the pages that show them."""

import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks.goals.models import (
    STATUS_ORDER,
    Endorsement,
    EndorsementRound,
    Goal,
    GoalStatus,
    Indicator,
    Measurement,
    QualityArea,
    RoundOutcome,
)
from networks.memberships.models import Membership, Network
from partners.agreements.models import Agreement
from portal.lib.access import MembershipStatus
from portal.lib.translated import with_languages

# The board's groups: by status (STATUS_ORDER, where the work is first) or by quality area.
GROUP_STATUS = "status"
GROUP_AREA = "area"
AREA_ORDER = list(QualityArea)


def _rank(field: str, order) -> Case:
    return Case(
        *(When(**{field: value}, then=Value(rank)) for rank, value in enumerate(order)),
        default=Value(len(order)),
        output_field=IntegerField(),
    )


def endorsement_rounds() -> Prefetch:
    """A goal's rounds of endorsement (newest first) with their revisions and all their answers (newest first):
    what the endorsement panel shows (:mod:`networks.goals.endorsement_panel`)."""
    answers = Endorsement.objects.select_related("organisation", "answered_by").order_by("-answered_at", "-pk")
    rounds = (
        EndorsementRound.objects.select_related("revision", "opened_by")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("-opened_at", "-pk")
    )
    return Prefetch("rounds", queryset=rounds)


def goal_page() -> QuerySet[Goal]:
    """Goals with everything their page shows, in a fixed number of queries whatever their size: the
    network, owner organisation, contact and proposer, the linked agreements, every round of endorsement
    (newest first) with its revision and all its answers (newest first), and the indicators with their
    owners and measurements (oldest first).

    Filter it (``get_for_user(user, goal_page(), pk=pk)``); the prefetches run for what is fetched.
    """
    measurements = Measurement.objects.select_related("recorded_by").order_by("measured_on", "pk")
    indicators = Indicator.objects.select_related("owner").prefetch_related(
        Prefetch("measurements", queryset=measurements)
    )
    return Goal.objects.select_related("network", "owner_organisation", "contact", "proposed_by").prefetch_related(
        Prefetch("agreements", queryset=Agreement.objects.order_by("title", "pk")),
        endorsement_rounds(),
        Prefetch("indicators", queryset=indicators),
    )


def visible_agreements(goal: Goal, user) -> list[Agreement]:
    """The goal's linked agreements (prefetched by :func:`goal_page`) that ``user`` may see.

    The network's people see every agreement of the network (no query); a representative of a member
    organisation who has no role in the network sees a goal, but only the agreements their organisation
    is a party to (one query): the others' titles are not theirs to see."""
    agreements = [agreement for agreement in goal.agreements.all() if agreement.network_id == goal.network_id]
    if not agreements or goal.permits(user, "read_network"):
        return agreements
    visible = set(
        Agreement.objects.visible_to(user)
        .filter(pk__in=[agreement.pk for agreement in agreements])
        .values_list("pk", flat=True)
    )
    return [agreement for agreement in agreements if agreement.pk in visible]


def goal_board(*, goals: QuerySet[Goal], group: str = GROUP_STATUS) -> QuerySet[Goal]:
    """``goals`` (already filtered) in the board's order: by status or by quality area, then by period and
    title; with the owner organisation, the number of indicators and an open round's deadline (one query
    per page, however many goals and indicators)."""
    indicators = (
        Indicator.objects.filter(goal=OuterRef("pk")).order_by().values("goal").annotate(n=Count("*")).values("n")
    )
    deadline = EndorsementRound.objects.filter(goal=OuterRef("pk"), outcome=RoundOutcome.OPEN).values("deadline")[:1]
    status_rank = _rank("status", STATUS_ORDER)
    area_rank = _rank("quality_area", AREA_ORDER)
    order = ["area_rank", "status_rank"] if group == GROUP_AREA else ["status_rank", "area_rank"]
    return (
        goals.select_related("owner_organisation")
        .only(
            "pk",
            "title",
            "status",
            "quality_area",
            "period_start",
            "period_end",
            "network_id",
            *with_languages("owner_organisation__name"),
            "owner_organisation__slug",
        )
        .annotate(
            status_rank=status_rank,
            area_rank=area_rank,
            indicator_count=Coalesce(Subquery(indicators), 0),
            open_deadline=Subquery(deadline),
        )
        .order_by(*order, "period_start", "title", "pk")
    )


def goal_group_counts(goals: QuerySet[Goal], group: str = GROUP_STATUS) -> dict[str, int]:
    """How many of ``goals`` are in each group (status or quality area): the totals over every page."""
    field = "quality_area" if group == GROUP_AREA else "status"
    return dict(goals.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))


def goal_networks(user) -> QuerySet[Network]:
    """The networks the person has a role in, by name, each with its number of goals in every status
    (``count_<status>``) and in all (``goal_total``): one query."""
    counts = {f"count_{status}": Count("goals", filter=Q(goals__status=status)) for status in STATUS_ORDER}
    return (
        Network.objects.filter(pk__in=Network.objects.visible_to(user).values("pk"))
        .annotate(goal_total=Count("goals"), **counts)
        .order_by("name", "pk")
    )


# --- the goals on the dashboard -------------------------------------------------------------------


GOAL_TODO_LIMIT = 10


def goals_awaiting_answer(*, user, today: datetime.date | None = None) -> list[EndorsementRound]:
    """Open rounds of endorsement, deadline not passed, in which an organisation the person answers for
    (representative or deputy of an active member of the goal's network) has not answered yet, soonest
    deadline first. ``my_organisation_names`` names those organisations, ``awaiting_count`` is the full
    count. One query."""
    today = today or timezone.localdate()
    answered = Endorsement.objects.filter(
        round=OuterRef(OuterRef("pk")), organisation=OuterRef("organisation"), is_current=True
    )
    unanswered = (
        Membership.objects.filter(network=OuterRef("goal__network"), status=MembershipStatus.ACTIVE)
        .filter(Q(representative=user) | Q(deputy=user))
        .filter(~Exists(answered))
    )
    return list(
        EndorsementRound.objects.open()
        .filter(Exists(unanswered), deadline__gte=today)
        .annotate(
            my_organisation_names=ArraySubquery(
                unanswered.order_by("organisation__name", "pk").values("organisation__name")
            ),
            awaiting_count=Window(Count("*")),
        )
        .select_related("goal", "goal__network")
        .order_by("deadline", "pk")[:GOAL_TODO_LIMIT]
    )


def goal_proposals_waiting(*, network_ids) -> list[Goal]:
    """Goals of the given networks that wait for a coordinator to open endorsement: proposals, and revised
    goals whose round ended without agreement; oldest first. ``waiting_count`` is the full count. One query."""
    if not network_ids:
        return []
    open_round = EndorsementRound.objects.filter(goal=OuterRef("pk"), outcome=EndorsementRound.Outcome.OPEN)
    return list(
        Goal.objects.filter(network_id__in=network_ids)
        .filter(Q(status=GoalStatus.PROPOSED) | Q(~Exists(open_round), status=GoalStatus.REVISED))
        .annotate(waiting_count=Window(Count("*")))
        .select_related("network", "proposed_by")
        .order_by("created_at", "pk")[:GOAL_TODO_LIMIT]
    )
