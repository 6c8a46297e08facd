"""Closing a trust survey stores its results once: network figures, one row per organisation asked, the
change since the previous round; only submitted responses count."""

import datetime

import pytest

from networks.trust.models import OrganisationResult, RoundResult
from tests import factories
from tests.networks.trust.results.factories import orgs_in, trust_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs(network):
    return orgs_in(network, 4)


def test_close_stores_network_and_organisation_figures(network, orgs):
    a, b, c, d = orgs
    round_ = trust_round(
        network,
        orgs,
        {
            (a, b): {"score": 4, "comment": "Luotettava kumppani"},
            (b, a): {"score": 2, "value": 4},
            (a, c): {"relationship": 1},
            (c, a): {"relationship": 0},
        },
        drafts=[d],
    )
    result = RoundResult.objects.get(round=round_)
    assert (result.asked, result.responded) == (4, 3)
    # Respondents a, b, c: ties a→b, b→a, a→c of six possible; two of three reciprocated.
    assert result.density == pytest.approx(0.5)
    assert result.reciprocity == pytest.approx(2 / 3)
    assert result.average_trust == pytest.approx(3.0)
    assert result.average_value == pytest.approx(4.0)
    assert result.figures["isolated"] == [d.pk]
    assert result.figures["relationships"] == {"0": 1, "1": 1, "2": 2, "3": 0, "4": 0}
    assert result.figures["change"] is None
    assert result.figures["strongest"][0] == {"a": min(a.pk, b.pk), "b": max(a.pk, b.pk), "trust": 3.0, "mutual": True}
    rows = {row.organisation_id: row for row in result.organisations.all()}
    assert set(rows) == {org.pk for org in orgs}
    assert rows[b.pk].raters == 1 and rows[b.pk].average_trust == pytest.approx(4.0)
    assert rows[b.pk].comments == ["Luotettava kumppani"]
    assert rows[a.pk].raters == 1  # b rated it; c said "no relationship", which is no rating of it
    assert rows[a.pk].degree == 2 and rows[d.pk].is_isolated and not rows[d.pk].responded
    assert rows[a.pk].responded and rows[a.pk].community is not None


def test_a_draft_does_not_count(network, orgs):
    a, b, c, _d = orgs
    round_ = trust_round(network, orgs, {(a, b): {}, (c, b): {"score": 1}}, drafts=[c])
    result = round_.result
    assert result.responded == 1
    assert result.average_trust == pytest.approx(3.0)
    assert result.organisations.get(organisation=b).raters == 1


def test_change_since_the_previous_closed_round(network, orgs):
    a, b, c, _d = orgs
    first = trust_round(network, orgs, {(a, b): {"score": 2}, (b, a): {"score": 2}})
    # Another network's round between them does not count as the previous round.
    other = factories.NetworkFactory()
    trust_round(other, orgs_in(other, 2), {})
    second = trust_round(network, orgs, {(a, b): {"score": 4}, (b, a): {"score": 3}, (c, a): {"score": 3}, (a, c): {}})
    change = second.result.figures["change"]
    assert change["round"] == first.pk and change["title"] == first.title
    assert change["response_rate"] == pytest.approx(3 / 4 - 2 / 4)
    assert change["average_trust"] == pytest.approx((4 + 3 + 3 + 3) / 4 - 2)
    assert change["density"] == pytest.approx(4 / 6 - 2 / 2)
    assert change["reciprocity"] == pytest.approx(0.0)
    assert change["average_trust_before"] == pytest.approx(2.0)
    assert first.result.figures["change"] is None


def test_results_are_computed_once(network, orgs, django_assert_max_num_queries):
    a, b, *_ = orgs
    round_ = trust_round(network, orgs, {(a, b): {}})
    assert OrganisationResult.objects.filter(result__round=round_).count() == 4
    computed = round_.result.computed_at
    round_.result.refresh_from_db()
    assert round_.result.computed_at == computed


def test_closing_queries_do_not_grow_with_the_organisations(network, django_assert_max_num_queries):
    many = orgs_in(network, 30)
    ratings = {(x, y): {"score": 1 + (i + j) % 4} for i, x in enumerate(many) for j, y in enumerate(many) if x != y}
    round_ = trust_round(network, many, ratings, close=False)
    from networks.trust.results import round_close

    with django_assert_max_num_queries(15):
        round_close(round_=round_)
    assert round_.result.organisations.count() == 30
    assert round_.result.density == pytest.approx(1.0)
    assert round_.closed_at is not None and round_.closed_at.date() <= datetime.date.today() + datetime.timedelta(1)
