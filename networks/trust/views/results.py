"""The results of a closed trust survey: the results page (network level for the network's people, an
organisation's own results for its representative and deputy, every organisation for the coordinators), the
coordinators' page of pairs (who rated whom how), and the same as an XLSX workbook.

Everything is read from the rows stored when the round closed (:mod:`networks.trust.results`); only the
pairs page reads the ratings themselves. Who sees what: :class:`networks.trust.results.Audience`.
"""

import hashlib

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import get_format, number_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from networks.trust import export, metrics
from networks.trust.models import Relationship, RoundStatus, SurveyKind, SurveyResponse, SurveyRound, TrustRating
from networks.trust.results import audience, mark_shown, named_ties
from partners.directory.tables import XLSX_CONTENT_TYPE
from portal.lib.pagination import paginate
from portal.lib.translated import with_languages
from portal.lib.views import object_for

RESPONDENTS_PER_PAGE = 3
EXPORT_CACHE_SECONDS = 24 * 60 * 60
PERCENT = ("response_rate", "density", "reciprocity")
NETWORK_FIGURES = (
    ("response_rate", _("Response rate")),
    ("density", _("Density of ties")),
    ("reciprocity", _("Reciprocity")),
    ("average_trust", _("Average trust (1–4)")),
    ("average_value", _("Average value (1–4)")),
)


class NotClosedError(Exception):
    """The round has no results yet (not closed)."""


def _closed_round(request, pk, *, coordinators_only=False):
    """The closed trust round with its stored result (outsiders 404, those who may not see its results 403).
    With ``coordinators_only``, 403 to all but the network's coordinators: the role in the network, which an
    administrator's full rights do not stand in for (an administrator must not see who said what of whom)."""
    queryset = SurveyRound.objects.filter(kind=SurveyKind.TRUST).select_related("network", "result")
    round_ = object_for(request, queryset, pk=pk)
    if round_.status != RoundStatus.CLOSED or not hasattr(round_, "result"):
        raise NotClosedError(round_)
    if not round_.permits(request.user, "see_results"):
        raise PermissionDenied
    if coordinators_only and not round_.access(request.user).is_coordinator:
        raise PermissionDenied
    return round_


def _not_closed(request, round_):
    return render(request, "networks/trust/results/not_closed.html", {"round": round_}, status=404)


def shown(name, value) -> str:
    """A network figure as text, rounded (``number_format`` alone cuts the digits off: ⅔ would be 66 %)."""
    if value is None:
        return "–"
    if name in PERCENT:
        return f"{number_format(round(value * 100), 0)} %"
    return number_format(round(value, 2), 2)


def _change(name, delta) -> dict | None:
    if delta is None:
        return None
    size = round(delta * 100) if name in PERCENT else round(delta, 2)
    direction = "up" if size > 0 else "down" if size < 0 else "same"
    if name in PERCENT:
        text = gettext("%(points)s percentage points") % {"points": number_format(abs(size), 0)}
    else:
        text = number_format(abs(size), 2)
    return {"direction": direction, "text": text}


def network_rows(result, *, all_figures=True) -> list[dict]:
    """The network-level figures with their change since the previous round (None for the first round); unless
    ``all_figures``, only the response rate (the others are made of the answers: see :class:`Audience`)."""
    change = result.figures.get("change")
    rows = []
    for name, label in NETWORK_FIGURES if all_figures else NETWORK_FIGURES[:1]:
        value = result.response_rate if name == "response_rate" else getattr(result, name)
        rows.append(
            {
                "label": label,
                "value": shown(name, value),
                "change": _change(name, change.get(name)) if change else None,
                "before": shown(name, change.get(f"{name}_before")) if change else None,
            }
        )
    return rows


def _decimals(rows) -> None:
    """The table's numbers as text in the language's format (once per page: cheaper than a filter per cell)."""
    separator = get_format("DECIMAL_SEPARATOR")

    def text(value, digits):
        return "–" if value is None else f"{value:.{digits}f}".replace(".", separator)

    for row in rows:
        row.trust_text, row.value_text = text(row.average_trust, 2), text(row.average_value, 2)
        row.centrality_text, row.betweenness_text = text(row.degree_centrality, 2), text(row.betweenness, 3)


def relationship_rows(result) -> list[dict]:
    counts = result.figures.get("relationships", {})
    total = sum(counts.values()) or 1
    return [
        {"label": label, "count": counts.get(str(value), 0), "share": round(100 * counts.get(str(value), 0) / total)}
        for value, label in Relationship.choices
    ]


@require_safe
@login_required
def round_results(request, pk):
    """A closed trust survey's results, at the levels the person may see."""
    try:
        round_ = _closed_round(request, pk)
    except NotClosedError as closed:
        return _not_closed(request, closed.args[0])
    result = round_.result
    seen = audience(round_, result, request.user)
    context = {
        "round": round_,
        "network": round_.network,
        "result": result,
        "audience": seen,
        "network_rows": network_rows(result, all_figures=seen.network_shown),
        "relationship_rows": relationship_rows(result),
        "community_count": len(result.figures.get("communities", [])),
        "isolated_count": len(result.figures.get("isolated", [])),
        "change": result.figures.get("change"),
    }
    if seen.coordinator:
        page = paginate(request, result.organisations.select_related("organisation"))
        page.object_list = list(mark_shown(page.object_list, result))
        _decimals(page.object_list)
        context["page_obj"] = page
        context["ties"] = named_ties([result])[0]
    return render(request, "networks/trust/results/results.html", context)


@require_safe
@login_required
def round_result_pairs(request, pk):
    """Who rated whom how: the coordinators' page (comments are never shown with names, so not here)."""
    try:
        round_ = _closed_round(request, pk, coordinators_only=True)
    except NotClosedError as closed:
        return _not_closed(request, closed.args[0])
    # A page is a few respondents with all their ratings: sorting a page's ratings by name stays cheap however
    # many the round has.
    responses = (
        SurveyResponse.objects.filter(round=round_, submitted_at__isnull=False)
        .select_related("organisation")
        .only(*with_languages("organisation__name"))
        .order_by("organisation__name", "pk")
    )
    page = paginate(request, responses, per_page=RESPONDENTS_PER_PAGE)
    page.object_list = list(page.object_list)
    ratings = (
        TrustRating.objects.filter(response__in=page.object_list)
        .select_related("about")
        .only("response_id", "relationship", *metrics.DIMENSIONS, *with_languages("about__name"))
        .order_by("about__name", "pk")
    )
    by_response = {response.pk: [] for response in page.object_list}
    separator = get_format("DECIMAL_SEPARATOR")
    for rating in ratings:
        for name, fields in (("trust_text", metrics.TRUST), ("value_text", metrics.VALUE)):
            score = metrics.mean([getattr(rating, field) for field in fields])
            setattr(rating, name, "–" if score is None else f"{score:.2f}".replace(".", separator))
        by_response[rating.response_id].append(rating)
    for response in page.object_list:
        response.ratings = by_response[response.pk]
    context = {"round": round_, "network": round_.network, "page_obj": page}
    return render(request, "networks/trust/results/pairs.html", context)


@require_safe
@login_required
def round_results_export(request, pk):
    """The results as XLSX, with the same levels and thresholds as the page, for the same person."""
    try:
        round_ = _closed_round(request, pk)
    except NotClosedError as closed:
        return _not_closed(request, closed.args[0])
    seen = audience(round_, round_.result, request.user)
    # A closed round's results never change: the workbook is built once per audience and language (the pairs of
    # a large network take seconds) and served from the cache after that.
    seen_as = hashlib.sha256(f"{round_.result.pk}:{seen.level}:{get_language()}".encode()).hexdigest()
    key = f"trust-results-xlsx:{round_.pk}:{seen_as}"
    content = cache.get(key)
    if content is None:
        content = export.workbook(round_, seen)
        cache.set(key, content, EXPORT_CACHE_SECONDS)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="trust-results-{round_.pk}.xlsx"'
    return response
