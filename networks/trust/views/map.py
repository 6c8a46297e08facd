"""The network map of a network's member organisations and its change over the closed trust surveys. The
network's people see the map; outsiders get 404. What one organisation said of another in a trust survey is
for the network's coordinators only: only they see the survey's ties on the map, and the change over the
surveys (others with a role in the network get 403).

Each page fetches its data with a fixed number of set-based queries (:mod:`networks.trust.ties`), then takes
the layout and the SVG from the cache when the same data was drawn before (:mod:`networks.trust.layout`)."""

from dataclasses import dataclass
from itertools import pairwise

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from networks.memberships.models import MembershipLevel, Network
from networks.trust import layout
from networks.trust.forms.map import MapFilterForm
from networks.trust.models import Relationship
from networks.trust.ties import (
    SOURCE_LABELS,
    SOURCES,
    SURVEY,
    Tie,
    closed_trust_rounds,
    collect_ties,
    degrees,
    density,
    member_nodes,
    sources_fingerprint,
    survey_pairs_by_round,
)
from portal.lib.pagination import paginate
from portal.lib.views import object_for

TIES_PER_PAGE = 50
NODES_PER_PAGE = 50
# The change over time shows the latest rounds; the added and lost ties are listed up to this many.
CHANGE_ROUNDS = 8
CHANGE_LIST = 10


@dataclass
class TieRow:
    first: object
    second: object
    sources: list


def _weight_text(source: str, weight: int) -> str:
    """A survey tie's weight is a relationship (its name and number); the others are counts."""
    if source == SURVEY:
        return f"{Relationship(weight).label} ({weight})"
    return str(weight)


def _ordered(ties: list[Tie], nodes) -> list[tuple]:
    """The ties as the table lists them, by the organisations' names: (first id, second id, weights)."""
    rank = {node.id: i for i, node in enumerate(nodes)}  # the nodes come sorted by name
    rows = [(*sorted((tie.a, tie.b), key=rank.__getitem__), tie.weights) for tie in ties]
    return sorted(rows, key=lambda row: (rank[row[0]], rank[row[1]]))


def _drawn(network, nodes, filters, chosen) -> dict:
    """The ties (in the table's order), the degrees and the SVG, from the cache when the sources' fingerprint,
    the organisations and the filters are those drawn before: a repeat view reads a few aggregates, not every
    tie."""
    options = {"round_": chosen, "min_relationship": filters["min_relationship"], "months": filters["months"]}
    fingerprint = sources_fingerprint(network.pk, sources=filters["sources"], **options)
    node_list = [[n.id, n.level, n.name, n.short_name, n.slug] for n in nodes]
    key = layout.cache_key("page", network.pk, node_list, fingerprint, filters, get_language())
    drawn = cache.get(key)
    if drawn is None:
        ties = collect_ties(network.pk, sources=filters["sources"], node_ids=[n.id for n in nodes], **options)
        degree = degrees(ties, [n.id for n in nodes])
        svg = layout.map_svg(nodes, ties, degree, filters={**filters, "round": chosen.pk if chosen else None})
        drawn = {"ties": _ordered(ties, nodes), "degree": degree, "svg": svg}
        cache.set(key, drawn, layout.CACHE_SECONDS)
    return drawn


def _ties_page(request, ordered: list[tuple], names: dict):
    """The requested page of the tie table; the rows are made for that page only."""
    page = paginate(request, ordered, per_page=TIES_PER_PAGE, param="page")
    page.object_list = [
        TieRow(names[a], names[b], [(SOURCE_LABELS[s], _weight_text(s, weights[s])) for s in SOURCES if s in weights])
        for a, b, weights in page.object_list
    ]
    return page


def legend():
    return [(level, level.label, layout.LEVEL_COLOURS[level]) for level in MembershipLevel]


@require_safe
@login_required
def network_map(request, slug):
    """The map: the filters, the SVG, the legend, and the ties and organisations as tables."""
    network = object_for(request, Network, slug=slug)
    sees_survey = network.permits(request.user, "edit")
    rounds = closed_trust_rounds(network.pk) if sees_survey else []
    form = MapFilterForm(request.GET if "shown" in request.GET else None, rounds=rounds, survey=sees_survey)
    filters = form.filters()
    chosen = next((r for r in rounds if r.pk == filters["round"]), rounds[0] if rounds else None)
    nodes = member_nodes(network.pk, region=filters["region"], level=filters["level"])
    drawn = _drawn(network, nodes, filters, chosen)
    by_id = {n.id: n for n in nodes}
    node_rows = sorted(
        ((n, MembershipLevel(n.level).label, drawn["degree"][n.id]) for n in nodes), key=lambda r: (-r[2], r[0].name)
    )
    context = {
        "network": network,
        "sees_survey": sees_survey,
        "form": form,
        "filters": filters,
        "survey_round": chosen,
        "source_labels": [SOURCE_LABELS[s] for s in filters["sources"]],
        "svg": mark_safe(drawn["svg"]),  # noqa: S308 - built by layout.render_svg, every text escaped
        "legend": legend(),
        "node_count": len(nodes),
        "tie_count": len(drawn["ties"]),
        "density": density(len(drawn["ties"]), len(nodes)),
        "ties_page": _ties_page(request, drawn["ties"], by_id),
        "nodes_page": paginate(request, node_rows, per_page=NODES_PER_PAGE, param="npage"),
    }
    return render(request, "networks/trust/map/map.html", context)


def _asked_by_round(round_ids) -> dict[int, set[int]]:
    from networks.trust.models import SurveyRound

    asked: dict[int, set[int]] = {pk: set() for pk in round_ids}
    rows = SurveyRound.organisations.through.objects.filter(surveyround_id__in=round_ids).values_list(
        "surveyround_id", "organisation_id"
    )
    for round_id, organisation_id in rows:
        asked[round_id].add(organisation_id)
    return asked


def _change_rows(rounds, pairs, names) -> list[dict]:
    """Between consecutive rounds: the ties added and lost (counts, and the first few by name)."""

    def named(keys):
        return sorted((names[a], names[b]) for a, b in keys)[:CHANGE_LIST]

    rows = []
    for before, after in pairwise(rounds):
        added = pairs[after.pk].keys() - pairs[before.pk].keys()
        lost = pairs[before.pk].keys() - pairs[after.pk].keys()
        rows.append(
            {
                "before": before,
                "after": after,
                "added": len(added),
                "lost": len(lost),
                "added_names": named(added),
                "lost_names": named(lost),
            }
        )
    return rows


@require_safe
@login_required
def network_map_change(request, slug):
    """The survey ties of each closed trust survey, drawn with the same positions, and the ties added and lost:
    the network's coordinators only."""
    network = object_for(request, Network, "edit", slug=slug)
    rounds = list(reversed(closed_trust_rounds(network.pk)[:CHANGE_ROUNDS]))
    nodes = member_nodes(network.pk)
    ids = {n.id for n in nodes}
    names = {n.id: n.name for n in nodes}
    round_ids = [r.pk for r in rounds]
    all_pairs = survey_pairs_by_round(round_ids)
    asked = _asked_by_round(round_ids)
    pairs = {
        pk: {key: weight for key, weight in found.items() if key[0] in ids and key[1] in ids}
        for pk, found in all_pairs.items()
    }
    union: dict[tuple[int, int], Tie] = {}
    for found in pairs.values():
        for (a, b), weight in found.items():
            tie = union.setdefault((a, b), Tie(a, b, {"survey": 0}))
            tie.weights["survey"] = max(tie.weights["survey"], weight)
    positions = layout.positions(sorted(ids), [union[key] for key in sorted(union)])
    round_ties = [(r, [Tie(a, b, {"survey": w}) for (a, b), w in sorted(pairs[r.pk].items())]) for r in rounds]
    svgs = layout.change_svgs(nodes, round_ties, positions)
    drawings = []
    for (round_, ties), svg in zip(round_ties, svgs, strict=True):
        members_asked = len(asked[round_.pk] & ids)
        drawings.append(
            {
                "round": round_,
                "tie_count": len(ties),
                "asked": members_asked,
                "density": density(len(ties), members_asked),
                "svg": mark_safe(svg),  # noqa: S308 - built by layout.render_svg, every text escaped
            }
        )
    context = {
        "network": network,
        "drawings": drawings,
        "changes": _change_rows(rounds, pairs, names),
        "legend": legend(),
        "shown_rounds": CHANGE_ROUNDS,
        "list_limit": CHANGE_LIST,
    }
    return render(request, "networks/trust/map/change.html", context)
