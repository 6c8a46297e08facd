"""The trust survey's metrics on small graphs that can be worked out by hand."""

import pytest

from networks.trust import metrics
from networks.trust.metrics import Rating

SCORES = (3, 3, 3, 3, 3, 3)


def tie(rater, about, relationship=2, scores=SCORES, comment=""):
    return Rating(rater=rater, about=about, relationship=relationship, scores=scores, comment=comment)


def test_density_and_reciprocity_among_respondents():
    # 1 → 2, 2 → 3, 3 → 2: three ties of six possible; two of the three go both ways.
    figures = metrics.compute([1, 2, 3], {1, 2, 3}, [tie(1, 2), tie(2, 3), tie(3, 2)])
    assert figures.density == pytest.approx(0.5)
    assert figures.reciprocity == pytest.approx(2 / 3)


def test_density_counts_only_ties_among_respondents():
    # 3 did not answer: the tie 1 → 3 is a tie of the graph but not of the respondents' density.
    figures = metrics.compute([1, 2, 3], {1, 2}, [tie(1, 2), tie(1, 3)])
    assert figures.density == pytest.approx(0.5)
    assert figures.reciprocity == pytest.approx(0.0)
    assert figures.organisations[3].degree == 1
    assert not figures.organisations[3].is_isolated


def test_no_relationship_is_no_tie_but_awareness_is():
    figures = metrics.compute([1, 2, 3], {1, 2, 3}, [tie(1, 2, relationship=0), tie(1, 3, relationship=1)])
    assert figures.density == pytest.approx(1 / 6)
    assert figures.organisations[2].raters == 0
    assert figures.organisations[2].is_isolated
    assert figures.organisations[3].raters == 1
    assert figures.relationships == {"0": 1, "1": 1, "2": 0, "3": 0, "4": 0}


def test_nothing_to_compute():
    figures = metrics.compute([1, 2], set(), [])
    assert figures.density is None and figures.reciprocity is None and figures.average_trust is None
    assert figures.isolated == [1, 2]
    assert figures.communities == []
    one = metrics.compute([1], {1}, [])
    assert one.density is None


def test_betweenness_of_a_star_and_a_path():
    star = metrics.compute([1, 2, 3, 4], {1}, [tie(1, 2), tie(1, 3), tie(1, 4)])
    assert star.organisations[1].betweenness == pytest.approx(1.0)
    assert star.organisations[2].betweenness == pytest.approx(0.0)
    assert star.organisations[1].degree == 3
    assert star.organisations[1].degree_centrality == pytest.approx(1.0)
    assert star.organisations[2].degree_centrality == pytest.approx(1 / 3)
    # A path 1 – 2 – 3 – 4 (the direction does not matter for betweenness): 2 and 3 lie on 2 of 3 pairs' paths.
    path = metrics.compute([1, 2, 3, 4], {1, 2, 3, 4}, [tie(1, 2), tie(3, 2), tie(3, 4)])
    assert path.organisations[2].betweenness == pytest.approx(2 / 3)
    assert path.organisations[1].betweenness == pytest.approx(0.0)


def test_isolated_members():
    figures = metrics.compute([1, 2, 3, 4], {1, 2, 3, 4}, [tie(1, 2)])
    assert figures.isolated == [3, 4]
    assert figures.organisations[3].is_isolated and figures.organisations[3].community is None
    assert not figures.organisations[1].is_isolated


def test_communities_are_deterministic():
    # Two triangles joined by one tie: two communities, the same every time, numbered in a stable order.
    ratings = [tie(1, 2), tie(2, 3), tie(3, 1), tie(4, 5), tie(5, 6), tie(6, 4), tie(7, 8), tie(3, 4)]
    first = metrics.compute(range(1, 10), set(range(1, 10)), ratings)
    again = metrics.compute(range(1, 10), set(range(1, 10)), list(reversed(ratings)))
    assert first.communities == again.communities == [[1, 2, 3], [4, 5, 6], [7, 8]]
    assert first.organisations[5].community == 2
    assert first.isolated == [9]


def test_trust_and_value_scores():
    rating = tie(1, 2, scores=(4, 2, 3, 1, 1, None))
    assert rating.trust == pytest.approx(3.0)
    assert rating.value == pytest.approx(1.0)
    figures = metrics.compute([1, 2, 3], {1, 3}, [rating, tie(3, 2, scores=(2, 2, 2, 4, 4, 4))])
    assert figures.average_trust == pytest.approx(2.5)
    assert figures.average_value == pytest.approx(2.5)
    received = figures.organisations[2]
    assert received.raters == 2
    assert received.dimensions["reliability"] == pytest.approx(3.0)
    assert received.dimensions["resources"] == pytest.approx(4.0)  # the one who answered


def test_strongest_and_weakest_ties():
    ratings = [
        tie(1, 2, scores=(4, 4, 4, 1, 1, 1)),
        tie(2, 1, scores=(4, 4, 4, 1, 1, 1)),
        tie(1, 3, scores=(1, 1, 1, 4, 4, 4)),
        tie(2, 3, relationship=1, scores=(None,) * 6),
    ]
    figures = metrics.compute([1, 2, 3], {1, 2}, ratings)
    assert figures.strongest[0] == {"a": 1, "b": 2, "trust": 4.0, "mutual": True}
    assert figures.weakest[0] == {"a": 1, "b": 3, "trust": 1.0, "mutual": False}
    assert len(figures.strongest) == 2  # the pair without trust scores is not ranked


def test_comments_shuffled_the_same_way_every_time_and_not_by_respondent():
    texts = [f"kommentti {letter}" for letter in "abcdefgh"]
    ratings = [tie(rater, 99, comment=text) for rater, text in enumerate(texts, start=1)]
    ratings.append(tie(50, 99, comment="   "))
    first = metrics.compute([*range(1, 9), 50, 99], set(range(1, 9)), ratings, seed="7")
    again = metrics.compute([*range(1, 9), 50, 99], set(range(1, 9)), list(reversed(ratings)), seed="7")
    comments = first.organisations[99].comments
    assert comments == again.organisations[99].comments
    assert sorted(comments) == texts
    assert comments != texts  # not in the respondents' order
