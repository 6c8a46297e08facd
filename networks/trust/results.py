"""Closing a survey round and computing its results, once.

:func:`round_close` ends an open round (a coordinator's click, or the daily job at the deadline), stores a
:class:`~networks.trust.models.RoundResult` with the response rate, and lets the round's kind compute the
rest (``COMPUTE``): the trust survey's network metrics here, the health check's per-aspect counts in
:mod:`networks.trust.health`. Pages and exports read what is stored; nothing is computed per page view.

A trust survey's figures (definitions: :mod:`networks.trust.metrics`, from the submitted responses only):
``RoundResult`` density, reciprocity, average trust and value; one ``OrganisationResult`` per organisation
asked; and ``RoundResult.figures``::

    {"communities": [[organisation id, ...], ...],       # largest first; isolated ones in none
     "isolated": [organisation id, ...],
     "strongest": [{"a": id, "b": id, "trust": 3.67, "mutual": true}, ...],   # five pairs each
     "weakest": [...],
     "relationships": {"0": count, ..., "4": count},      # all ratings by relationship
     "change": null | {"round": id, "title": str, "<figure>": now − before, "<figure>_before": before}}

with the change of response_rate, density, average_trust, average_value and reciprocity since the network's
previous closed trust survey (null for the first; a figure's change is null when either value is).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.trust import metrics
from networks.trust.models import OrganisationResult, RoundResult, RoundStatus, SurveyKind, SurveyRound, TrustRating
from portal.lib.errors import DomainError


def trust_compute(round_: SurveyRound, result: RoundResult) -> None:
    """The trust survey's figures of a round being closed (network and organisation level; see
    :mod:`networks.trust.metrics` for the definitions), from its submitted responses only. The organisation
    rows are inserted in one bulk insert; pair level is read from the ratings by the coordinators' page."""
    asked = list(round_.organisations.values_list("pk", flat=True))
    asked_set = set(asked)
    # The submitted responses first (one per organisation), then their ratings by the response's index.
    rater_of = dict(
        round_.responses.filter(submitted_at__isnull=False, organisation_id__in=asked).values_list(
            "pk", "organisation_id"
        )
    )
    rows = TrustRating.objects.filter(response_id__in=list(rater_of)).values_list(
        "response_id", "about_id", "relationship", *metrics.DIMENSIONS, "comment"
    )
    ratings = [
        metrics.Rating(
            rater=rater_of[row[0]], about=row[1], relationship=row[2], scores=tuple(row[3:9]), comment=row[9]
        )
        for row in rows.iterator(chunk_size=5000)
        if row[1] in asked_set and row[1] != rater_of[row[0]]
    ]
    respondents = set(rater_of.values())
    figures = metrics.compute(asked, respondents, ratings, seed=str(round_.pk))
    for name in ("density", "reciprocity", "average_trust", "average_value"):
        setattr(result, name, getattr(figures, name))
    result.figures = {
        "communities": figures.communities,
        "isolated": figures.isolated,
        "strongest": figures.strongest,
        "weakest": figures.weakest,
        "relationships": figures.relationships,
        "change": _change(round_, result),
    }
    result.save(update_fields=["density", "reciprocity", "average_trust", "average_value", "figures"])
    OrganisationResult.objects.bulk_create(
        [_organisation_row(result, node, figures.organisations[node], node in respondents) for node in asked],
        batch_size=1000,
    )


def _organisation_row(result, node, figures, responded) -> OrganisationResult:
    return OrganisationResult(
        result=result,
        organisation_id=node,
        responded=responded,
        raters=figures.raters,
        scored_raters=figures.scored_raters,
        average_trust=figures.average_trust,
        average_value=figures.average_value,
        **figures.dimensions,
        degree=figures.degree,
        degree_centrality=figures.degree_centrality,
        betweenness=figures.betweenness,
        community=figures.community,
        is_isolated=figures.is_isolated,
        comments=figures.comments,
    )


CHANGED = ("response_rate", "density", "average_trust", "average_value", "reciprocity")


def previous_result(round_: SurveyRound) -> RoundResult | None:
    """The result of the network's trust round closed before this one, if any."""
    return (
        RoundResult.objects.filter(
            round__network_id=round_.network_id,
            round__kind=SurveyKind.TRUST,
            round__status=RoundStatus.CLOSED,
            round__closed_at__lt=round_.closed_at,
        )
        .exclude(round=round_)
        .select_related("round")
        .order_by("-round__closed_at", "-pk")
        .first()
    )


def _change(round_: SurveyRound, result: RoundResult) -> dict | None:
    """The change of the network figures since the previous closed trust round: None for the first."""
    previous = previous_result(round_)
    if previous is None:
        return None
    change = {"round": previous.round_id, "title": previous.round.title}
    for name in CHANGED:
        now, before = getattr(result, name), getattr(previous, name)
        change[name] = None if now is None or before is None else now - before
        change[f"{name}_before"] = before
    return change


def _health_compute(round_: SurveyRound, result: RoundResult) -> None:
    from networks.trust.health import health_compute

    health_compute(round_, result)


COMPUTE = {SurveyKind.TRUST: trust_compute, SurveyKind.HEALTH: _health_compute}


def round_close(*, round_: SurveyRound, user=None) -> RoundResult:
    """Close an open round now and compute its results. Refused when the round is no longer open (a second
    click, or the daily job and a coordinator at the same time: the row is locked, so only one closes it)."""
    with transaction.atomic():
        locked = SurveyRound.objects.select_for_update().select_related("network").get(pk=round_.pk)
        if locked.status != RoundStatus.OPEN:
            raise DomainError(_("The round is no longer open."))
        locked.status = RoundStatus.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at", "updated_at"])
        result = RoundResult.objects.create(
            round=locked,
            threshold=locked.network.trust_threshold,
            asked=locked.organisations.count(),
            responded=locked.responses.filter(submitted_at__isnull=False).count(),
        )
        COMPUTE[locked.kind](locked, result)
    round_.status, round_.closed_at = locked.status, locked.closed_at
    return result


# --- who sees what of the stored results ------------------------------------------------------------------
#
# The network level is for the network's people; its figures made of the answers (density, reciprocity, the
# means, the relationships, the change since the previous round) only when at least ``result.threshold``
# organisations answered (with fewer, an answering organisation could take its own answers out of the figures
# and read the others'); the coordinators see them always. An organisation's own results (what the others said
# of it) are for its representative and deputy and for the coordinators: how many rated it and the comments
# when at least ``result.threshold`` respondents rated it, its means and six dimensions when at least that many
# gave it scores (``scored_raters``: the scores are asked only of those that work together). The threshold is
# the one stored when the round closed. The structural figures (ties, centrality, community, isolation, and how
# many rated it) are the network's shape, not anyone's words: coordinators see them for every organisation.
# Pair level (who rated whom how) is for the network's coordinators only: a role in the network, which an
# administrator's full rights do not stand in for. Comments are stored without names.


@dataclass
class Audience:
    """What one person may see of one round's results: read from the stored rows only."""

    result: RoundResult
    coordinator: bool  # a coordinator of the round's network: the role, no administrator's bypass
    own: list  # OrganisationResult of the organisations the person speaks for, marked by :func:`mark_shown`

    @property
    def network_shown(self) -> bool:
        """Whether the network-level figures made of the answers may be shown (to coordinators always)."""
        return self.coordinator or self.result.responded >= self.result.threshold

    @property
    def level(self) -> str:
        """What this audience sees, as a cache key's part: the same for everyone who sees the same."""
        seen = "coordinator" if self.coordinator else "network" if self.network_shown else "few"
        return "-".join([seen, *(str(row.organisation_id) for row in self.own if row.shown)])


def audience(round_: SurveyRound, result: RoundResult, user) -> Audience:
    from networks.trust.access import represented_organisations

    speaks_for = represented_organisations(user, round_.network_id)
    own = result.organisations.filter(organisation_id__in=speaks_for).select_related("organisation")
    return Audience(result=result, coordinator=round_.access(user).is_coordinator, own=list(mark_shown(own, result)))


def mark_shown(rows, result: RoundResult):
    """Mark each organisation row with ``shown`` (enough respondents rated it: how many, and the comments) and
    ``scores_shown`` (enough gave it scores: its means and dimensions), for a page or an export."""
    for row in rows:
        row.shown = row.raters >= result.threshold
        row.scores_shown = row.scored_raters >= result.threshold
        yield row


def named_ties(results) -> list[dict]:
    """For each result, its strongest and weakest pairs stored at close with the organisations' names (one
    query for all): ``[{"strongest": [...], "weakest": [...]}, ...]`` in the order of ``results``."""
    from partners.directory.models import Organisation

    results = list(results)
    pairs = [pair for result in results for key in ("strongest", "weakest") for pair in result.figures.get(key, [])]
    ids = {pair[key] for pair in pairs for key in ("a", "b")}
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}

    def named(rows):
        return [{**row, "a_name": names.get(row["a"], "–"), "b_name": names.get(row["b"], "–")} for row in rows]

    return [
        {"strongest": named(result.figures.get("strongest", [])), "weakest": named(result.figures.get("weakest", []))}
        for result in results
    ]


TREND_ROUNDS = 4


def trust_trend(*, network_ids) -> list[dict]:
    """The last closed trust rounds of each network (oldest first, at most ``TREND_ROUNDS``), from the stored
    results in one query: ``[{"network", "rounds": [RoundResult, ...], "latest": RoundResult}]``."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    rows = (
        RoundResult.objects.filter(
            round__network_id__in=network_ids, round__kind=SurveyKind.TRUST, round__status=RoundStatus.CLOSED
        )
        .annotate(
            recent=Window(RowNumber(), partition_by=F("round__network_id"), order_by=F("round__closed_at").desc())
        )
        .filter(recent__lte=TREND_ROUNDS)
        .select_related("round__network")
        .order_by("round__network__name", "round__network_id", "round__closed_at")
    )
    trend = []
    for row in rows:
        if not trend or trend[-1]["network"].pk != row.round.network_id:
            trend.append({"network": row.round.network, "rounds": []})
        trend[-1]["rounds"].append(row)
    for entry in trend:
        entry["latest"] = entry["rounds"][-1]
    return trend
