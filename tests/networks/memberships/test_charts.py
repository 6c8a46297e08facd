"""Membership levels over time: active members counted at each quarter's (or year's) end in Helsinki time, and
the stacked bar chart drawn from them."""

import datetime

import pytest
from django.utils import translation

from networks.memberships import charts, selectors
from networks.memberships.models import MembershipLevel
from portal.lib.access import MembershipStatus
from tests import factories
from tests.networks.memberships.membership_helpers import HELSINKI, add_history, at

L = MembershipLevel
S = MembershipStatus


@pytest.fixture(autouse=True)
def _english():
    """Chart labels are checked in English (the default language is Finnish)."""
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_levels_over_time_counts_active_members_at_each_quarter_end(network, other_network):
    now = at(2026, 5, 15)
    a, b, c, d = (factories.MembershipFactory(network=network) for _ in range(4))
    add_history(
        a,
        (at(2025, 2, 10), L.NETWORKING, S.ACTIVE),
        (at(2025, 8, 1), L.COOPERATION, S.ACTIVE),
        (at(2026, 2, 1), L.COOPERATION, S.LEFT),
    )
    add_history(b, (at(2025, 3, 1), L.NETWORKING, S.APPLIED), (at(2025, 3, 5), L.NETWORKING, S.ACTIVE))
    add_history(c, (at(2020, 1, 1), L.STRATEGIC, S.ACTIVE))
    add_history(d, (at(2025, 9, 1), L.COORDINATION, S.ACTIVE), (at(2025, 11, 1), L.COORDINATION, S.PAUSED))
    elsewhere = other_network.memberships.get()
    add_history(elsewhere, (at(2020, 1, 1), L.NETWORKING, S.ACTIVE))

    periods = selectors.levels_over_time(network=network, now=now)
    assert len(periods) == 12
    by_label = {p.label: p for p in periods}
    assert periods[0].label == "Q3 2023" and periods[-1].label == "Q2 2026"
    assert periods[-1].is_current and periods[-1].end == now
    assert by_label["Q4 2024"].counts == {L.STRATEGIC: 1}
    assert by_label["Q1 2025"].counts == {L.STRATEGIC: 1, L.NETWORKING: 2}  # a and b (b approved 5.3.)
    assert by_label["Q3 2025"].counts == {L.STRATEGIC: 1, L.NETWORKING: 1, L.COOPERATION: 1, L.COORDINATION: 1}
    assert by_label["Q4 2025"].counts == {L.STRATEGIC: 1, L.NETWORKING: 1, L.COOPERATION: 1}  # d paused
    assert by_label["Q1 2026"].counts == {L.STRATEGIC: 1, L.NETWORKING: 1}  # a left
    assert by_label["Q1 2026"].total == 2
    assert by_label["Q1 2026"].rows == [(L.NETWORKING, 1), (L.COOPERATION, 0), (L.COORDINATION, 0), (L.STRATEGIC, 1)]

    years = selectors.levels_over_time(network=network, by="year", now=now)
    assert [p.label for p in years] == ["2023", "2024", "2025", "2026"]
    assert years[0].end == datetime.datetime(2024, 1, 1, tzinfo=HELSINKI)
    assert years[2].counts == {L.STRATEGIC: 1, L.NETWORKING: 1, L.COOPERATION: 1}


@pytest.mark.django_db
def test_the_quarter_ends_at_midnight_helsinki_time(network):
    m = factories.MembershipFactory(network=network)
    # 23:30 on 31 March in Helsinki is still the first quarter; 00:30 on 1 April is not.
    add_history(m, (datetime.datetime(2026, 3, 31, 23, 30, tzinfo=HELSINKI), L.NETWORKING, S.ACTIVE))
    n = factories.MembershipFactory(network=network)
    add_history(n, (datetime.datetime(2026, 4, 1, 0, 30, tzinfo=HELSINKI), L.NETWORKING, S.ACTIVE))
    periods = selectors.levels_over_time(network=network, now=at(2026, 5, 15))
    assert periods[-2].label == "Q1 2026" and periods[-2].total == 1
    assert periods[-1].total == 2


def test_stacked_bars_geometry():
    periods = [
        selectors.Period(label="A", end=None, is_current=False, counts={L.NETWORKING: 3, L.STRATEGIC: 1}),
        selectors.Period(label="B", end=None, is_current=True, counts={}),
        selectors.Period(label="C", end=None, is_current=False, counts={L.COOPERATION: 8}),
    ]
    chart = charts.stacked_bars(periods)
    assert [tick.value for tick in chart.ticks] == [0, 2, 4, 6, 8]
    first, empty, third = chart.bars
    assert [s.level for s in first.segments] == [L.NETWORKING, L.STRATEGIC]  # loosest at the bottom
    assert first.segments[0].y + first.segments[0].height == pytest.approx(chart.plot_bottom)
    assert first.segments[1].y + first.segments[1].height == pytest.approx(first.segments[0].y)
    assert empty.segments == []
    assert third.segments[0].y == pytest.approx(chart.plot_top)  # the tallest bar reaches the top
    assert charts.nice_step(0) == 1 and charts.nice_step(37) == 10 and charts.nice_step(1200) == 500
