"""The network map's picture: a deterministic layout of the organisations and its accessible inline SVG.

The same data gives the same picture: the nodes go into the graph sorted by id, the edges sorted by pair,
networkx's ``spring_layout`` runs a fixed number of iterations from a fixed seed, and the coordinates are
rounded. Both the layout and the SVG are kept in Django's cache under a key made of everything they depend
on (:func:`cache_key`), so a repeat view only fetches the data and compares keys.

Each organisation is an ``<a>`` to its page with a ``<title>`` (its name, level and number of ties): a node
is reached with Tab and has a name. Colour shows the membership level (with a legend, and the level is in the
titles and in the node table); the circle's size the number of ties; a line's width the tie's strength.
"""

import hashlib
import json
import math

import networkx as nx
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from networks.memberships.models import MembershipLevel
from networks.trust.ties import Node, Tie

LAYOUT_SEED = 20260
LAYOUT_ITERATIONS = 60
HUB, HUB_WEIGHT = -1, 0.05
# The organisations without ties: a strip at the bottom of the picture, so many to a row.
ALONE_STRIP, ALONE_PER_ROW = 0.1, 24
# spring_layout's dense method; larger graphs need scipy, which the portal does not have: a circle then.
LAYOUT_MAX_NODES = 499
CACHE_SECONDS = 24 * 60 * 60
WIDTH, HEIGHT, MARGIN = 960, 640, 36
SMALL_WIDTH, SMALL_HEIGHT = 320, 220
# How many of the best-tied organisations are named on the map when it has many.
MAX_LABELS = 24
LABEL_CHARS = 22
# From this many organisations on, names may cover circles.
CROWDED = 80

# Colours of the membership levels: each has at least 3:1 contrast against white (WCAG 1.4.11), and they
# differ in lightness too, not only in hue.
LEVEL_COLOURS = {
    MembershipLevel.NETWORKING: "#6b6b6b",
    MembershipLevel.COOPERATION: "#0072b2",
    MembershipLevel.COORDINATION: "#c2410c",
    MembershipLevel.STRATEGIC: "#5b2a86",
}
EDGE_COLOUR = "#5c636a"


def cache_key(prefix: str, *parts) -> str:
    """A cache key that holds everything in ``parts`` (hashed: memcached and Redis limit a key's length)."""
    digest = hashlib.blake2b(json.dumps(parts, sort_keys=True, default=str).encode(), digest_size=32).hexdigest()
    return f"trust-map:{prefix}:{digest}"


def _edge_list(ties: list[Tie]) -> str:
    """The ties with their weights as one string to hash into the keys (``repr`` is fast; the weights are
    always in the order of the sources)."""
    return repr([(tie.a, tie.b, tie.weights) for tie in ties])


def strengths(ties: list[Tie]) -> dict[tuple[int, int], float]:
    """Each tie's strength: the sum over its sources of its weight against the strongest of that source (a tie
    of several kinds, or a closer or more frequent one, is stronger)."""
    highest: dict[str, int] = {}
    for tie in ties:
        for source, weight in tie.weights.items():
            highest[source] = max(highest.get(source, 0), weight)
    return {
        tie.key: round(sum(weight / highest[source] for source, weight in tie.weights.items() if highest[source]), 3)
        for tie in ties
    }


def compute_positions(node_ids: list[int], ties: list[Tie]) -> dict[int, tuple[float, float]]:
    """The nodes' positions in the unit square, rounded: the same input gives the same output.

    The organisations with ties are laid out by force (spring_layout) above; those without ties stand in a row
    along the bottom, in id order, out of the way."""
    tied = sorted({tie.a for tie in ties} | {tie.b for tie in ties})
    alone = sorted(set(node_ids) - set(tied))
    if not tied:
        return _grid(alone)
    top = 1.0 if not alone else 1.0 - ALONE_STRIP
    result = {node: (round(x, 4), round(y * top, 4)) for node, (x, y) in _force_layout(tied, ties).items()}
    per_row = max(1, ALONE_PER_ROW)
    rows = (len(alone) + per_row - 1) // per_row
    for i, node in enumerate(alone):
        row, column = divmod(i, per_row)
        in_row = min(per_row, len(alone) - row * per_row)
        x = (column + 0.5) / in_row if in_row > 1 else 0.5
        y = 1.0 - ALONE_STRIP / 2 + (row - (rows - 1) / 2) * (ALONE_STRIP / max(rows, 1)) / 2
        result[node] = (round(x, 4), round(min(1.0, y), 4))
    return result


def _grid(node_ids: list[int]) -> dict[int, tuple[float, float]]:
    """Organisations with no ties at all, in rows over the whole picture."""
    columns = max(1, min(len(node_ids), math.ceil(math.sqrt(len(node_ids) * 1.5))))
    rows = max(1, math.ceil(len(node_ids) / columns))
    return {
        node: (round((i % columns + 0.5) / columns, 4), round((i // columns + 0.5) / rows, 4))
        for i, node in enumerate(node_ids)
    }


def _force_layout(node_ids: list[int], ties: list[Tie]) -> dict[int, tuple[float, float]]:
    if not node_ids:
        return {}
    if len(node_ids) == 1:
        return {node_ids[0]: (0.5, 0.5)}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    strength = strengths(ties)
    graph.add_weighted_edges_from((tie.a, tie.b, strength[tie.key]) for tie in sorted(ties, key=lambda t: t.key))
    if len(node_ids) > LAYOUT_MAX_NODES:
        raw = nx.circular_layout(graph)
    else:
        # A hidden hub weakly tied to every organisation keeps separate groups near each other instead of
        # drifting to the corners and squeezing the rest into a corner.
        graph.add_weighted_edges_from((HUB, node, HUB_WEIGHT) for node in sorted(node_ids))
        raw = nx.spring_layout(graph, seed=LAYOUT_SEED, iterations=LAYOUT_ITERATIONS, weight="weight", method="force")
        raw.pop(HUB)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {node: ((float(p[0]) - min(xs)) / span_x, (float(p[1]) - min(ys)) / span_y) for node, p in raw.items()}


def positions(node_ids: list[int], ties: list[Tie]) -> dict[int, tuple[float, float]]:
    """:func:`compute_positions`, from the cache when the same nodes and ties were laid out before."""
    key = cache_key("layout", sorted(node_ids), _edge_list(ties))
    found = cache.get(key)
    if found is None:
        found = compute_positions(node_ids, ties)
        cache.set(key, found, CACHE_SECONDS)
    return {int(node): tuple(xy) for node, xy in found.items()}


def svg_key(nodes: list[Node], ties: list[Tie], filters: dict, *, variant: str = "map") -> str:
    """The key of a map's SVG: the nodes (with what the SVG shows of them), the ties with their weights, the
    filters and the language."""
    node_list = [[n.id, n.level, n.name, n.short_name, n.slug] for n in sorted(nodes, key=lambda n: n.id)]
    return cache_key(variant, node_list, _edge_list(ties), filters, get_language())


def map_svg(nodes: list[Node], ties: list[Tie], degree: dict[int, int], *, filters: dict) -> str:
    """The map's SVG (a string of safe HTML), from the cache when the same data and filters were drawn."""
    key = svg_key(nodes, ties, filters)
    svg = cache.get(key)
    if svg is None:
        svg = render_svg(nodes, ties, degree, positions([n.id for n in nodes], ties))
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def _scale(xy, width, height, margin):
    return (
        round(margin + xy[0] * (width - 2 * margin), 1),
        round(margin + xy[1] * (height - 2 * margin), 1),
    )


def _radius(degree: int, highest: int, node_count: int, *, small: bool = False) -> float:
    """A circle's radius: its area grows with the number of ties; the more organisations, the smaller all are."""
    if small:
        smallest, largest = 2.0, max(3.0, min(6.0, 36 / math.sqrt(max(node_count, 1))))
    else:
        largest = max(6.0, min(15.0, 90 / math.sqrt(max(node_count, 1))))
        smallest = max(2.5, largest / 3)
    if highest <= 0:
        return round(smallest, 1)
    return round(smallest + (largest - smallest) * math.sqrt(degree / highest), 1)


def _label_text(node: Node) -> str:
    text = node.short_name or node.name
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _edges_svg(ties, points, *, small=False) -> list[str]:
    """The ties as lines, the weaker first; lines of the same width share a group (a smaller page)."""
    strength = strengths(ties)
    crowded = len(ties) > 400
    opacity = 0.18 if crowded else 0.55
    base, factor = (0.4, 0.5) if small else (0.6, 1.1)
    parts = [f'<g class="map-edges" stroke="{EDGE_COLOUR}" stroke-opacity="{opacity}" aria-hidden="true">']
    width = None
    for tie in sorted(ties, key=lambda t: (strength[t.key], t.key)):
        line_width = round(base + factor * strength[tie.key], 1)
        if line_width != width:
            if width is not None:
                parts.append("</g>")
            parts.append(f'<g stroke-width="{line_width}">')
            width = line_width
        (x1, y1), (x2, y2) = points[tie.a], points[tie.b]
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>')
    if width is not None:
        parts.append("</g>")
    parts.append("</g>")
    return parts


def _overlaps(box, boxes) -> bool:
    return any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes)


def _labels(nodes, degree, points, radius) -> list[str]:
    """Names of the best-tied organisations, right of the circle or else left of it, left out where they would
    cover another name or (unless the map is crowded) another organisation's circle."""
    ordered = sorted(nodes, key=lambda n: (-degree.get(n.id, 0), n.name, n.id))
    circles = {
        n.id: (
            points[n.id][0] - radius[n.id],
            points[n.id][1] - radius[n.id],
            points[n.id][0] + radius[n.id],
            points[n.id][1] + radius[n.id],
        )
        for n in nodes
    }
    placed: list[tuple[float, float, float, float]] = []
    parts = ['<g class="map-labels" aria-hidden="true">']
    for node in ordered[:MAX_LABELS]:
        text = _label_text(node)
        x, y = points[node.id]
        width = 6.6 * len(text)
        # In a crowded map every place covers some circle: the names then only keep clear of each other
        # (their white halo keeps them readable).
        others = [box for other, box in circles.items() if other != node.id] if len(nodes) <= CROWDED else []
        for left, anchor in ((x + radius[node.id] + 3, "start"), (x - radius[node.id] - 3 - width, "end")):
            box = (left, y - 9, left + width, y + 5)
            if left < 2 or box[2] > WIDTH - 2 or _overlaps(box, placed) or _overlaps(box, others):
                continue
            placed.append(box)
            tx = left if anchor == "start" else left + width
            parts.append(f'<text x="{round(tx, 1)}" y="{round(y + 4, 1)}" text-anchor="{anchor}">{escape(text)}</text>')
            break
    parts.append("</g>")
    return parts


def node_title(node: Node, degree: int) -> str:
    ties = ngettext("%(count)s tie", "%(count)s ties", degree) % {"count": degree}
    return _("%(name)s: %(level)s, %(ties)s") % {
        "name": node.name,
        "level": MembershipLevel(node.level).label,
        "ties": ties,
    }


def render_svg(nodes, ties, degree, layout, *, small=False, title="", id_prefix="map") -> str:
    """The SVG of ``nodes`` at ``layout`` (unit-square positions) with ``ties``. The small variant (the change
    over time) has no labels and its nodes are not links."""
    width, height, margin = (SMALL_WIDTH, SMALL_HEIGHT, 10) if small else (WIDTH, HEIGHT, MARGIN)
    points = {node.id: _scale(layout[node.id], width, height, margin) for node in nodes}
    highest = max(degree.values(), default=0)
    radius = {node.id: _radius(degree.get(node.id, 0), highest, len(nodes), small=small) for node in nodes}
    title = title or _("Network map: %(count)s organisations and %(ties)s ties") % {
        "count": len(nodes),
        "ties": len(ties),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trust-map{" trust-map-small" if small else ""}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{id_prefix}-title">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        *_edges_svg(ties, points, small=small),
    ]
    if small:
        parts.append('<g class="map-nodes" aria-hidden="true">')
    else:
        parts.append('<g class="map-nodes">')
    for node in sorted(nodes, key=lambda n: (n.name, n.id)):
        x, y = points[node.id]
        circle = (
            f'<circle cx="{x}" cy="{y}" r="{radius[node.id]}" fill="{LEVEL_COLOURS[node.level]}" '
            f'stroke="#ffffff" stroke-width="1.2"/>'
        )
        if small:
            parts.append(circle)
            continue
        href = reverse("partners:organisation_detail", kwargs={"slug": node.slug})
        parts.append(
            f'<a href="{escape(href)}" class="map-node"><title>{escape(node_title(node, degree.get(node.id, 0)))}'
            f"</title>{circle}</a>"
        )
    parts.append("</g>")
    if not small:
        parts.extend(_labels(nodes, degree, points, radius))
    parts.append("</svg>")
    return "".join(parts)


def change_svgs(nodes: list[Node], rounds: list[tuple], layout: dict) -> list[str]:
    """Small SVGs of each round's survey ties (``rounds``: (round, ties)) at the positions shared by all
    rounds, kept in the cache together (one look-up, whatever the number of rounds)."""
    key = cache_key(
        "change",
        [[svg_key(nodes, ties, {"round": round_.pk}), round_.title] for round_, ties in rounds],
        sorted(layout.items()),
    )
    svgs = cache.get(key)
    if svgs is None:
        svgs = []
        for round_, ties in rounds:
            degree = dict.fromkeys((n.id for n in nodes), 0)
            for tie in ties:
                degree[tie.a] += 1
                degree[tie.b] += 1
            title = _("Survey ties of %(round)s: %(ties)s ties") % {"round": round_.title, "ties": len(ties)}
            svgs.append(
                render_svg(nodes, ties, degree, layout, small=True, title=title, id_prefix=f"round-{round_.pk}")
            )
        cache.set(key, svgs, CACHE_SECONDS)
    return svgs
