"""The trust survey's network metrics, computed from plain data (no database here: see
:mod:`networks.trust.results`, which feeds it the submitted ratings and stores what it returns).

Definitions (PARTNER-style):

- **tie**: respondent *r* has a tie to organisation *o* when *r* rated its relationship with *o* as anything
  other than "no relationship" (awareness and up), as the PARTNER tool counts it. The ratings form a
  directed graph *r → o* over the organisations asked.
- **density**: ties among the *responding* organisations divided by the possible ones, ``n·(n−1)`` for *n*
  respondents (a non-respondent cannot have told us its ties); None below two respondents.
- **reciprocity**: networkx ``overall_reciprocity`` of the same graph among respondents: the share of ties
  that go both ways; None without ties.
- **trust score** of a rating: the mean of its reliability, openness and mission support (those answered);
  **value score**: the mean of influence, involvement and resources. None when none of the three was
  answered (they are asked only of organisations that work together).
- **network averages**: the mean trust and value score over all scored ratings.
- per organisation: **raters** (respondents that rated it with a tie), the mean trust and value scores and
  each of the six dimensions *as received*; **scored raters**: the fewest respondents behind any of those
  means (those that answered a dimension, the least answered one: the scores are asked only of organisations
  that work together, so this is what the privacy threshold of the means is applied to); **degree**: distinct
  partners in the undirected graph (a tie in either direction, so a non-respondent still has the ties others
  told of); **degree centrality** and **betweenness centrality**: networkx, on that undirected graph of all
  organisations asked (normalised);
  **community**: networkx ``louvain_communities`` with a fixed seed, numbered 1, 2, … by size, largest first,
  then by smallest organisation id; isolated organisations belong to no community; **isolated**: no tie in
  either direction.
- **comments** received: their text only, never who wrote them, sorted and then shuffled with a seed made of
  the round and the organisation, so the order is stable and tells nothing of the respondents.
- **ties** of a pair: the mean trust score of the ratings between the two (either direction); **mutual**
  when both rated the other with a tie.
"""

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import fmean

import networkx as nx

TRUST = ("reliability", "openness", "mission_support")
VALUE = ("influence", "involvement", "resources")
DIMENSIONS = TRUST + VALUE
LOUVAIN_SEED = 20260101
TIES_SHOWN = 5


@dataclass(frozen=True)
class Rating:
    rater: int
    about: int
    relationship: int
    scores: tuple  # the six dimensions in DIMENSIONS' order, None where not answered
    comment: str = ""

    @property
    def trust(self) -> float | None:
        return mean(self.scores[:3])

    @property
    def value(self) -> float | None:
        return mean(self.scores[3:])


@dataclass
class OrganisationFigures:
    raters: int = 0
    scored_raters: int = 0
    average_trust: float | None = None
    average_value: float | None = None
    dimensions: dict = field(default_factory=dict)
    degree: int = 0
    degree_centrality: float = 0.0
    betweenness: float = 0.0
    community: int | None = None
    is_isolated: bool = True
    comments: list = field(default_factory=list)


@dataclass
class NetworkFigures:
    density: float | None
    reciprocity: float | None
    average_trust: float | None
    average_value: float | None
    communities: list
    isolated: list
    strongest: list
    weakest: list
    relationships: dict
    organisations: dict  # organisation id -> OrganisationFigures


def mean(values) -> float | None:
    present = [value for value in values if value is not None]
    return fmean(present) if present else None


def density(graph: nx.DiGraph, respondents) -> float | None:
    among = graph.subgraph(respondents)
    n = among.number_of_nodes()
    return among.number_of_edges() / (n * (n - 1)) if n > 1 else None


def reciprocity(graph: nx.DiGraph, respondents) -> float | None:
    among = graph.subgraph(respondents)
    return nx.overall_reciprocity(among) if among.number_of_edges() else None


def communities(undirected: nx.Graph) -> list[list[int]]:
    """Louvain communities of the organisations with ties, numbered in a stable order (largest first)."""
    connected = undirected.subgraph([node for node, degree in undirected.degree if degree])
    if not connected.number_of_edges():
        return []
    found = nx.community.louvain_communities(connected, seed=LOUVAIN_SEED)
    return sorted((sorted(group) for group in found), key=lambda group: (-len(group), group[0]))


def ties(ratings, *, reverse: bool) -> list[dict]:
    """The strongest (or weakest) pairs by their mean trust score, mutual when both rated the other."""
    scores, directions = defaultdict(list), defaultdict(set)
    for rating in ratings:
        if rating.relationship == 0:
            continue
        pair = (min(rating.rater, rating.about), max(rating.rater, rating.about))
        directions[pair].add(rating.rater)
        if rating.trust is not None:
            scores[pair].append(rating.trust)
    rows = [
        {"a": a, "b": b, "trust": round(fmean(values), 3), "mutual": len(directions[a, b]) == 2}
        for (a, b), values in scores.items()
    ]
    rows.sort(key=lambda row: (-row["trust"] if reverse else row["trust"], not row["mutual"], row["a"], row["b"]))
    return rows[:TIES_SHOWN]


def shuffled_comments(texts, seed: str) -> list[str]:
    ordered = sorted(texts)
    random.Random(seed).shuffle(ordered)
    return ordered


def compute(asked, respondents, ratings, *, seed: str = "") -> NetworkFigures:
    """Every figure of one round. ``asked``: organisation ids; ``respondents``: those that submitted;
    ``ratings``: :class:`Rating` of the submitted responses about organisations asked (not themselves)."""
    asked, respondents = sorted(set(asked)), set(respondents)
    graph = nx.DiGraph()
    graph.add_nodes_from(asked)
    graph.add_edges_from((r.rater, r.about) for r in ratings if r.relationship > 0)
    undirected = graph.to_undirected(as_view=False)
    groups = communities(undirected)
    community_of = {node: number for number, group in enumerate(groups, start=1) for node in group}
    centrality = nx.degree_centrality(undirected) if len(asked) > 1 else dict.fromkeys(asked, 0.0)
    betweenness = nx.betweenness_centrality(undirected) if undirected.number_of_edges() else {}
    received = defaultdict(list)
    for rating in ratings:
        received[rating.about].append(rating)
    organisations = {}
    for node in asked:
        got = received.get(node, [])
        degree = undirected.degree(node)
        organisations[node] = OrganisationFigures(
            raters=sum(1 for r in got if r.relationship > 0),
            scored_raters=min(sum(1 for r in got if r.scores[i] is not None) for i in range(len(DIMENSIONS))),
            average_trust=mean([r.trust for r in got]),
            average_value=mean([r.value for r in got]),
            dimensions={name: mean([r.scores[i] for r in got]) for i, name in enumerate(DIMENSIONS)},
            degree=degree,
            degree_centrality=centrality.get(node, 0.0),
            betweenness=betweenness.get(node, 0.0),
            community=community_of.get(node),
            is_isolated=degree == 0,
            comments=shuffled_comments([r.comment for r in got if r.comment.strip()], f"{seed}:{node}"),
        )
    counts = Counter(r.relationship for r in ratings)
    return NetworkFigures(
        density=density(graph, respondents),
        reciprocity=reciprocity(graph, respondents),
        average_trust=mean([r.trust for r in ratings]),
        average_value=mean([r.value for r in ratings]),
        communities=groups,
        isolated=[node for node in asked if organisations[node].is_isolated],
        strongest=ties(ratings, reverse=True),
        weakest=ties(ratings, reverse=False),
        relationships={str(level): counts.get(level, 0) for level in range(5)},
        organisations=organisations,
    )
