"""The map's layout and SVG: the same data gives the same picture, and the cache keys hold what it depends on."""

from dataclasses import replace

import pytest

from networks.trust import layout
from networks.trust.ties import Node, Tie


def _data(n=12):
    nodes = [Node(i, f"Organisaatio {i}", "", f"org-{i}", "cooperation" if i % 2 else "strategic") for i in range(1, n)]
    ties = [Tie(a, b, {"survey": 1 + (a + b) % 4}) for a in range(1, n) for b in range(a + 1, n) if (a * b) % 3 == 0]
    degree = dict.fromkeys((node.id for node in nodes), 0)
    for tie in ties:
        degree[tie.a] += 1
        degree[tie.b] += 1
    return nodes, ties, degree


def test_two_computations_give_identical_positions_and_svg():
    nodes, ties, degree = _data()
    ids = [n.id for n in nodes]
    first = layout.compute_positions(ids, ties)
    second = layout.compute_positions(list(reversed(ids)), list(reversed(ties)))
    assert first == second
    assert layout.render_svg(nodes, ties, degree, first) == layout.render_svg(nodes, ties, degree, second)


def test_positions_are_rounded_into_the_unit_square():
    nodes, ties, _degree = _data()
    for x, y in layout.compute_positions([n.id for n in nodes], ties).values():
        assert 0 <= x <= 1
        assert 0 <= y <= 1
        assert round(x, 4) == x


def test_one_and_no_organisations():
    assert layout.compute_positions([], []) == {}
    assert layout.compute_positions([5], []) == {5: (0.5, 0.5)}


@pytest.mark.parametrize(
    "change",
    [
        lambda nodes, ties, filters: (nodes[:-1], ties, filters),
        lambda nodes, ties, filters: ([replace(nodes[0], level="networking"), *nodes[1:]], ties, filters),
        lambda nodes, ties, filters: ([replace(nodes[0], name="Uusi nimi"), *nodes[1:]], ties, filters),
        lambda nodes, ties, filters: (nodes, ties[:-1], filters),
        lambda nodes, ties, filters: (nodes, [Tie(t.a, t.b, {"survey": 4}) for t in ties], filters),
        lambda nodes, ties, filters: (nodes, ties, {**filters, "months": 24}),
    ],
    ids=["node gone", "level changed", "name changed", "tie gone", "weight changed", "filter changed"],
)
def test_changing_the_data_changes_the_key(change):
    nodes, ties, _degree = _data()
    filters = {"sources": ["survey"], "months": 12}
    key = layout.svg_key(nodes, ties, filters)
    assert layout.svg_key(*change(nodes, ties, filters)) != key
    assert layout.svg_key(list(reversed(nodes)), ties, dict(reversed(filters.items()))) == key


def test_the_layout_key_follows_the_nodes_and_ties(db):
    nodes, ties, _degree = _data()
    ids = [n.id for n in nodes]
    assert layout.positions(ids, ties) == layout.compute_positions(ids, ties)
    assert layout.cache_key("layout", sorted(ids), layout._edge_list(ties)) != layout.cache_key(
        "layout", sorted(ids), layout._edge_list(ties[1:])
    )


def test_many_organisations_get_names_only_for_the_best_tied():
    nodes, ties, degree = _data(80)
    svg = layout.render_svg(nodes, ties, degree, layout.compute_positions([n.id for n in nodes], ties))
    assert svg.count("<text") <= layout.MAX_LABELS
    assert svg.count("<a ") == len(nodes)
