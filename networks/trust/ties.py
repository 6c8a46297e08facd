"""The ties between a network's member organisations that the network map draws, from four sources:

- **survey**: the relationships of a closed trust survey (the latest, or a chosen one). A pair is tied when
  either organisation's submitted answer rates the relationship with the other at least *awareness* (or, with
  ``closeness=working``, at least *cooperation*: the relationships in which trust and value are asked). The
  weight is the stronger of the two ratings (1–4);
- **agreements**: the two organisations are parties to the same agreement of the network that has not
  ended (drafts, negotiations, active and expiring agreements; not expired or terminated ones). The weight is
  the number of such agreements;
- **meetings**: people of both organisations attended the same meeting of the network that took place within
  the chosen months (twelve by default). The weight is the number of meetings;
- **activities**: people of both organisations took part in the same joint activity of the network. The
  weight is the number of activities.

Each source is ONE set-based query: the records joined to themselves and grouped by organisation pair, the
lower organisation id first, so the cost does not grow with the number of meetings or activities in Python.
The two heaviest are kept in the cache: a closed survey's pairs (its answers no longer change) and the meeting
pairs under a fingerprint of the attendance rows they come from.
"""

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Max
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SURVEY = "survey"
AGREEMENTS = "agreements"
MEETINGS = "meetings"
ACTIVITIES = "activities"
SOURCES = (SURVEY, AGREEMENTS, MEETINGS, ACTIVITIES)
SOURCE_LABELS = {
    SURVEY: _("Trust survey relationships"),
    AGREEMENTS: _("Shared agreements"),
    MEETINGS: _("Meetings attended together"),
    ACTIVITIES: _("Joint activities"),
}

# The closeness of survey relationships that counts as a tie.
ANY_RELATIONSHIP = "any"
WORKING_TOGETHER = "working"
MIN_RELATIONSHIP = {ANY_RELATIONSHIP: 1, WORKING_TOGETHER: 2}
DEFAULT_MONTHS = 12
SURVEY_CACHE_SECONDS = 7 * 24 * 60 * 60

Pairs = dict[tuple[int, int], int]


@dataclass
class Tie:
    """Two organisations (the lower id first) and the weight of each source that ties them."""

    a: int
    b: int
    weights: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int]:
        return (self.a, self.b)


def closed_trust_rounds(network_id: int) -> list:
    """The network's closed trust surveys, the latest first (id, title, closed_at): one query."""
    from networks.trust.models import SurveyRound

    return list(
        SurveyRound.objects.filter(network_id=network_id, kind=SurveyRound.Kind.TRUST, status=SurveyRound.Status.CLOSED)
        .order_by("-closed_at", "-pk")
        .only("pk", "title", "closed_at", "period_start", "period_end")
    )


def survey_pairs(round_id: int | None, *, min_relationship: int = 1) -> Pairs:
    """The pairs a trust survey's submitted answers tie, each with the strongest relationship either gave."""
    return survey_pairs_by_round([round_id] if round_id else [], min_relationship=min_relationship).get(round_id, {})


def closed_survey_pairs(round_, *, min_relationship: int = 1) -> Pairs:
    """:func:`survey_pairs` of a closed round, kept in the cache: a closed round's answers no longer change."""
    if round_ is None:
        return {}
    key = f"trust-map:survey:{round_.pk}:{round_.closed_at.isoformat() if round_.closed_at else ''}:{min_relationship}"
    pairs = cache.get(key)
    if pairs is None:
        pairs = survey_pairs(round_.pk, min_relationship=min_relationship)
        cache.set(key, pairs, SURVEY_CACHE_SECONDS)
    return pairs


def survey_pairs_by_round(round_ids: list[int], *, min_relationship: int = 1) -> dict[int, Pairs]:
    """:func:`survey_pairs` of several rounds in one query: {round id: pairs}."""
    from networks.trust.models import TrustRating

    if not round_ids:
        return {}
    rows = (
        TrustRating.objects.filter(
            response__round_id__in=round_ids,
            response__submitted_at__isnull=False,
            relationship__gte=min_relationship,
        )
        .exclude(about_id=F("response__organisation_id"))
        .annotate(a=Least("response__organisation_id", "about_id"), b=Greatest("response__organisation_id", "about_id"))
        .order_by()
        .values_list("response__round_id", "a", "b")
        .annotate(weight=Max("relationship"))
    )
    result: dict[int, Pairs] = {round_id: {} for round_id in round_ids}
    for round_id, a, b, weight in rows:
        result[round_id][(a, b)] = weight
    return result


def agreement_pairs(network_id: int) -> Pairs:
    """Pairs of parties to the same agreement of the network that has not ended, with the number of agreements."""
    from partners.agreements.models import AgreementParty
    from partners.agreements.models.agreements import CLOSED

    rows = (
        AgreementParty.objects.filter(agreement__network_id=network_id)
        .exclude(agreement__status__in=CLOSED)
        .filter(agreement__parties__organisation_id__gt=F("organisation_id"))
        .order_by()
        .values_list("organisation_id", "agreement__parties__organisation_id")
        .annotate(weight=Count("agreement_id", distinct=True))
    )
    return {(a, b): weight for a, b, weight in rows}


# The attendance of the network's meetings that took place in the period (both queries read the same rows).
MEETING_ATTENDANCE = """
    FROM {attendance} attendance
    JOIN {meeting} meeting ON meeting.id = attendance.meeting_id
    WHERE meeting.network_id = %(network)s
      AND meeting.status = ANY(%(statuses)s)
      AND meeting.starts_at >= %(since)s
      AND meeting.starts_at <= %(now)s
      AND attendance.organisation_id IS NOT NULL
"""
MEETING_PAIRS_SQL = """
WITH present AS (SELECT DISTINCT attendance.meeting_id, attendance.organisation_id {rows})
SELECT one.organisation_id, other.organisation_id, COUNT(*)
FROM present one
JOIN present other ON other.meeting_id = one.meeting_id AND one.organisation_id < other.organisation_id
GROUP BY one.organisation_id, other.organisation_id
"""
# What the attendance rows are: an added, removed or changed row, or a meeting in or out of the period,
# changes it.
MEETING_FINGERPRINT_SQL = """
SELECT COUNT(*), COALESCE(SUM(attendance.id), 0), COALESCE(SUM(attendance.meeting_id), 0),
       COALESCE(SUM(attendance.organisation_id), 0), COALESCE(SUM(attendance.id * attendance.organisation_id), 0)
{rows}
"""


def _meeting_sql(template: str, network_id: int, months: int, now) -> tuple[str, dict]:
    from networks.meetings.models import Attendance, Meeting
    from networks.meetings.models.meetings import TOOK_PLACE

    now = now or timezone.now()
    since = now - datetime.timedelta(days=round(months * 365.25 / 12))
    rows = MEETING_ATTENDANCE.format(attendance=Attendance._meta.db_table, meeting=Meeting._meta.db_table)
    params = {"network": network_id, "statuses": [str(s) for s in TOOK_PLACE], "since": since, "now": now}
    return template.format(rows=rows), params


def meeting_pairs(network_id: int, *, months: int = DEFAULT_MONTHS, now=None) -> Pairs:
    """Pairs of organisations whose people attended the same meeting of the network that took place in the last
    ``months`` months, with the number of such meetings.

    The organisations present at each meeting (once however many of their people came) joined to themselves:
    with thousands of meetings, a hash join of that set is much faster than a join per meeting."""
    sql, params = _meeting_sql(MEETING_PAIRS_SQL, network_id, months, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(a, b): weight for a, b, weight in cursor.fetchall()}


def cached_meeting_pairs(network_id: int, *, months: int = DEFAULT_MONTHS, now=None) -> Pairs:
    """:func:`meeting_pairs` kept in the cache under the fingerprint of the attendance rows they come from (one
    cheap aggregate): the same rows give the same pairs."""
    sql, params = _meeting_sql(MEETING_FINGERPRINT_SQL, network_id, months, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fingerprint = "-".join(str(value) for value in cursor.fetchone())
    key = f"trust-map:meetings:{network_id}:{fingerprint}"
    pairs = cache.get(key)
    if pairs is None:
        pairs = meeting_pairs(network_id, months=months, now=now)
        cache.set(key, pairs, SURVEY_CACHE_SECONDS)
    return pairs


def activity_pairs(network_id: int) -> Pairs:
    """Pairs of organisations whose people took part in the same joint activity of the network, with the number
    of such activities."""
    from networks.trust.models import Participant

    rows = (
        Participant.objects.filter(
            activity__network_id=network_id,
            activity__participants__organisation_id__gt=F("organisation_id"),
        )
        .order_by()
        .values_list("organisation_id", "activity__participants__organisation_id")
        .annotate(weight=Count("activity_id", distinct=True))
    )
    return {(a, b): weight for a, b, weight in rows}


def _aggregate(queryset, *fields) -> list:
    """One row of aggregates that changes when any of the rows behind a source changes (its fingerprint)."""
    from django.db.models import Q, Sum
    from django.db.models.functions import Coalesce

    aggregates = {"n": Count("id"), "ids": Coalesce(Sum("id"), 0)}
    for name in fields:
        if isinstance(name, tuple):
            aggregates[name[0]] = Count("id", filter=Q(**name[1]))
        else:
            aggregates[name] = Coalesce(Sum(name), 0)
    row = queryset.order_by().aggregate(**aggregates)
    return [row[name] for name in sorted(row)]


def sources_fingerprint(network_id: int, *, sources, round_=None, min_relationship=1, months=DEFAULT_MONTHS, now=None):
    """What the chosen sources' ties are made of, in a few cheap aggregates (one query per source but the survey,
    whose closed round never changes): the same fingerprint gives the same ties."""
    from networks.trust.models import Participant
    from partners.agreements.models import AgreementParty
    from partners.agreements.models.agreements import CLOSED

    parts = []
    if SURVEY in sources:
        parts.append([SURVEY, round_.pk if round_ else None, min_relationship])
    if AGREEMENTS in sources:
        parties = AgreementParty.objects.filter(agreement__network_id=network_id)
        closed = ("closed", {"agreement__status__in": CLOSED})
        parts.append([AGREEMENTS, _aggregate(parties, "organisation_id", "agreement_id", closed)])
    if MEETINGS in sources:
        sql, params = _meeting_sql(MEETING_FINGERPRINT_SQL, network_id, months, now)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            parts.append([MEETINGS, months, [str(value) for value in cursor.fetchone()]])
    if ACTIVITIES in sources:
        participants = Participant.objects.filter(activity__network_id=network_id)
        parts.append([ACTIVITIES, _aggregate(participants, "organisation_id", "activity_id")])
    return parts


def collect_ties(
    network_id: int,
    *,
    sources,
    node_ids,
    round_=None,
    min_relationship: int = 1,
    months: int = DEFAULT_MONTHS,
    now=None,
) -> list[Tie]:
    """The ties of the chosen ``sources`` between the organisations ``node_ids``, sorted by pair: one query
    per source chosen (the survey's and the meetings' from the cache when the same data was read before)."""
    wanted = set(node_ids)
    fetch = {
        SURVEY: lambda: closed_survey_pairs(round_, min_relationship=min_relationship),
        AGREEMENTS: lambda: agreement_pairs(network_id),
        MEETINGS: lambda: cached_meeting_pairs(network_id, months=months, now=now),
        ACTIVITIES: lambda: activity_pairs(network_id),
    }
    ties: dict[tuple[int, int], Tie] = {}
    for source in SOURCES:
        if source not in sources:
            continue
        for (a, b), weight in fetch[source]().items():
            if a in wanted and b in wanted:
                ties.setdefault((a, b), Tie(a, b)).weights[source] = weight
    return [ties[key] for key in sorted(ties)]


def degrees(ties: list[Tie], node_ids) -> dict[int, int]:
    """Each organisation's number of distinct ties."""
    result = dict.fromkeys(node_ids, 0)
    for tie in ties:
        result[tie.a] += 1
        result[tie.b] += 1
    return result


def density(tie_count: int, node_count: int) -> float:
    """The share of the possible pairs that are tied (0–1)."""
    possible = node_count * (node_count - 1) / 2
    return tie_count / possible if possible else 0.0


@dataclass(frozen=True)
class Node:
    """A member organisation on the map."""

    id: int
    name: str
    short_name: str
    slug: str
    level: str


def member_nodes(network_id: int, *, region: str = "", level: str = "") -> list[Node]:
    """The network's member organisations in an established membership (active or paused), optionally of one
    region and membership level, by name: one query."""
    from networks.memberships.models import Membership
    from portal.lib.access import ESTABLISHED

    memberships = Membership.objects.filter(network_id=network_id, status__in=ESTABLISHED)
    if region:
        memberships = memberships.filter(organisation__regions__contains=[region])
    if level:
        memberships = memberships.filter(level=level)
    rows = memberships.order_by("organisation__name", "organisation_id").values_list(
        "organisation_id", "organisation__name", "organisation__short_name", "organisation__slug", "level"
    )
    return [Node(*row) for row in rows]
