"""Progress of goal indicators: the straight path, the traffic light, when a measurement is
due, the chart's geometry, and the goal page's indicator panels."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from networks.goals import progress
from networks.goals.charts import date_ticks, line_chart, nice_step, value_range
from networks.goals.models import Indicator, Measurement
from networks.goals.selectors import goal_page
from tests import factories

D = datetime.date
GREEN, AMBER, RED, NONE = progress.GREEN, progress.AMBER, progress.RED, progress.NONE


START, END = D(2026, 1, 1), D(2026, 12, 31)


def make_indicator(direction="increase", baseline=10, target=30, start=START, end=END, **kwargs):
    """An unsaved indicator: the arithmetic needs no database."""
    return Indicator(
        direction=direction,
        baseline_value=Decimal(baseline),
        target_value=Decimal(target),
        baseline_date=start,
        target_date=end,
        **kwargs,
    )


# 2026-01-01 → 2027-01-01 is 365 days: the middle of the path is 2026-07-02 (182.5 days is not a day).
INCREASE = make_indicator("increase", 0, 100, D(2026, 1, 1), D(2027, 1, 1))
DECREASE = make_indicator("decrease", 100, 0, D(2026, 1, 1), D(2027, 1, 1))
KEEP = make_indicator("keep", 90, 80, D(2026, 1, 1), D(2027, 1, 1))
MIDDLE = D(2026, 1, 1) + datetime.timedelta(days=146)  # 146 / 365 = 0.4 of the way


# --- the straight path ----------------------------------------------------------------------------


def test_expected_value_is_on_the_straight_path():
    assert progress.expected_value(INCREASE, MIDDLE) == Decimal(40)
    assert progress.expected_value(DECREASE, MIDDLE) == Decimal(60)
    assert progress.expected_value(INCREASE, D(2026, 1, 1)) == 0
    assert progress.expected_value(INCREASE, D(2027, 1, 1)) == 100


def test_expected_value_before_the_baseline_and_after_the_target():
    assert progress.expected_value(INCREASE, D(2025, 6, 1)) == 0
    assert progress.expected_value(INCREASE, D(2028, 6, 1)) == 100
    assert progress.elapsed_share(INCREASE, D(2025, 6, 1)) == 0
    assert progress.elapsed_share(INCREASE, D(2028, 6, 1)) == 1


def test_keep_expects_its_target_all_the_time():
    for day in (D(2025, 1, 1), MIDDLE, D(2030, 1, 1)):
        assert progress.expected_value(KEEP, day) == 80


def test_progress_share():
    assert progress.progress_share(INCREASE, 25, MIDDLE) == Decimal("0.25")
    assert progress.progress_share(DECREASE, 25, MIDDLE) == Decimal("0.75")
    assert progress.progress_share(INCREASE, -10) == Decimal("-0.1")  # the wrong way
    assert progress.progress_share(INCREASE, 120) == Decimal("1.2")  # past the target
    assert progress.progress_share(KEEP, 80, MIDDLE) is None
    assert progress.progress_share(INCREASE, None, MIDDLE) is None


# --- the traffic light ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "light"),
    [
        (40, GREEN),  # on the path
        (55, GREEN),  # ahead
        (Decimal("30.01"), AMBER),  # behind by just under 10 % of the planned change (100)
        (30, AMBER),  # behind by exactly 10 %
        (Decimal("29.99"), RED),  # further behind
        (0, RED),
    ],
)
def test_increase(value, light):
    assert progress.traffic_light(INCREASE, value, MIDDLE) == light


@pytest.mark.parametrize(
    ("value", "light"),
    [(60, GREEN), (45, GREEN), (70, AMBER), (Decimal("70.01"), RED), (100, RED)],
)
def test_decrease(value, light):
    """For a decrease, ahead is below the path (expected 60 here) and behind is above it."""
    assert progress.traffic_light(DECREASE, value, MIDDLE) == light


@pytest.mark.parametrize(
    ("value", "light"),
    [(80, GREEN), (84, GREEN), (76, GREEN), (Decimal("84.01"), AMBER), (88, AMBER), (72, AMBER), (89, RED), (70, RED)],
)
def test_keep_is_the_distance_from_the_target(value, light):
    """Within 5 % of the target (80 ± 4) green, within 10 % (± 8) amber; the baseline (90) does not matter."""
    assert progress.traffic_light(KEEP, value, MIDDLE) == light


def test_keep_with_a_target_of_zero_has_no_margin():
    zero = make_indicator("keep", 3, 0)
    assert progress.traffic_light(zero, 0, MIDDLE) == GREEN
    assert progress.traffic_light(zero, Decimal("0.01"), MIDDLE) == RED


def test_before_the_baseline_date_the_path_is_the_baseline():
    before = D(2025, 11, 1)
    assert progress.traffic_light(INCREASE, 0, before) == GREEN
    assert progress.traffic_light(INCREASE, -10, before) == AMBER
    assert progress.traffic_light(INCREASE, -11, before) == RED
    assert progress.traffic_light(DECREASE, 100, before) == GREEN


def test_after_the_target_date_the_path_is_the_target():
    after = D(2027, 6, 1)
    assert progress.traffic_light(INCREASE, 100, after) == GREEN
    assert progress.traffic_light(INCREASE, 90, after) == AMBER
    assert progress.traffic_light(INCREASE, 89, after) == RED
    assert progress.traffic_light(DECREASE, 10, after) == AMBER


def test_the_light_is_at_the_measurement_date():
    """The same value is on track early in the period and behind late in it."""
    assert progress.traffic_light(INCREASE, 20, D(2026, 2, 1)) == GREEN
    assert progress.traffic_light(INCREASE, 20, D(2026, 11, 1)) == RED


def test_no_measurement_no_light():
    assert progress.traffic_light(INCREASE, None, MIDDLE) == NONE
    assert progress.traffic_light(INCREASE, 50, None) == NONE


def test_the_thresholds_are_constants():
    assert Decimal("0.10") == progress.AMBER_SHARE
    assert Decimal("0.05") == progress.KEEP_GREEN_SHARE
    assert Decimal("0.10") == progress.KEEP_AMBER_SHARE
    assert progress.rule_thresholds() == {"amber": 10, "keep_green": 5, "keep_amber": 10}


def test_lights_in_words():
    with translation.override("en"):
        assert progress.light_label(INCREASE, GREEN) == "On track"
        assert progress.light_label(INCREASE, RED) == "Behind"
        assert progress.light_label(KEEP, AMBER) == "Near the target"
        assert progress.light_label(KEEP, NONE) == "Not measured yet"


# --- due ------------------------------------------------------------------------------------------


def test_add_months_keeps_the_day_or_the_month_end():
    assert progress.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert progress.add_months(D(2026, 11, 15), 3) == D(2027, 2, 15)
    assert progress.add_months(D(2026, 12, 1), 12) == D(2027, 12, 1)


def test_next_due_by_frequency_and_at_the_latest_on_the_target_date():
    quarterly = make_indicator(frequency="quarterly")
    assert progress.next_due(quarterly, None) == D(2026, 4, 1)  # after the baseline date
    assert progress.next_due(quarterly, D(2026, 5, 10)) == D(2026, 8, 10)
    assert progress.next_due(quarterly, D(2026, 11, 1)) == D(2026, 12, 31)  # the target date comes first
    assert progress.next_due(quarterly, D(2026, 12, 31)) is None  # the final measurement is in
    assert progress.next_due(quarterly, D(2025, 12, 1)) == D(2026, 4, 1)  # before the baseline
    assert progress.next_due(make_indicator(frequency="monthly"), D(2026, 3, 31)) == D(2026, 4, 30)
    assert progress.next_due(make_indicator(frequency="yearly", end=D(2028, 12, 31)), None) == D(2027, 1, 1)


# --- the chart's geometry -------------------------------------------------------------------------


def test_nice_steps():
    assert nice_step(Decimal(3)) == 5
    assert nice_step(Decimal(12)) == 20
    assert nice_step(Decimal(60)) == 100
    assert nice_step(Decimal("0.04")) == Decimal("0.05")


def test_value_range_starts_at_zero_when_zero_is_near():
    assert value_range([Decimal(10), Decimal(30), Decimal(18)]) == (0, 30, 10)
    assert value_range([Decimal(95), Decimal(96)])[0] > 0  # far from 0: the axis starts near the values
    assert value_range([Decimal(-5), Decimal(3)]) == (-6, 4, 2)
    bottom, top, step = value_range([Decimal(50), Decimal(50)])  # a flat line still has a height
    assert bottom < 50 < top and step > 0


def test_date_ticks():
    quarters, yearly = date_ticks(D(2026, 1, 1), D(2027, 12, 31))
    assert quarters[:3] == [D(2026, 1, 1), D(2026, 4, 1), D(2026, 7, 1)] and not yearly
    years, yearly = date_ticks(D(2020, 3, 15), D(2030, 1, 1))
    assert yearly and years == [D(2022, 1, 1), D(2024, 1, 1), D(2026, 1, 1), D(2028, 1, 1), D(2030, 1, 1)]


def _measurement(day, value):
    return Measurement(measured_on=day, value=Decimal(value))


def test_line_chart_geometry():
    ind = make_indicator("increase", 10, 30, D(2026, 1, 1), D(2026, 12, 31))
    chart = line_chart(ind, [_measurement(D(2026, 4, 1), 14), _measurement(D(2026, 7, 1), 22)])
    assert (chart.start, chart.end) == (D(2026, 1, 1), D(2026, 12, 31))
    assert [tick.value for tick in chart.y_ticks] == [0, 10, 20, 30]
    # The baseline sits on the left edge at 10, the target on the right edge at 30 (the top).
    assert (chart.baseline.x, chart.target.x, chart.target.y) == (chart.plot_left, chart.plot_right, chart.plot_top)
    assert chart.path == f"{chart.baseline.x},{chart.baseline.y} {chart.target.x},{chart.target.y}"
    assert len(chart.points) == 2 and chart.points[0].x < chart.points[1].x
    assert chart.points[1].y < chart.points[0].y  # a higher value is higher up
    assert chart.line.count(",") == 2
    for point in chart.points:
        assert chart.plot_left <= point.x <= chart.plot_right and chart.plot_top <= point.y <= chart.plot_bottom


def test_line_chart_extends_to_measurements_outside_the_period():
    ind = make_indicator("increase", 10, 30, D(2026, 1, 1), D(2026, 12, 31))
    chart = line_chart(ind, [_measurement(D(2025, 12, 1), 9), _measurement(D(2027, 3, 1), 31)])
    assert (chart.start, chart.end) == (D(2025, 12, 1), D(2027, 3, 1))
    assert len(chart.path.split()) == 4  # flat before the baseline, the slope, flat after the target


def test_keep_chart_is_flat_at_the_target():
    chart = line_chart(make_indicator("keep", 90, 80), [])
    (_, y1), (_, y2) = (pair.split(",") for pair in chart.path.split())
    assert y1 == y2 == str(chart.target.y)
    assert chart.points == [] and chart.line == ""


# --- the goal page's panels -----------------------------------------------------------------------


@pytest.fixture
def measured(indicator, member):
    factories.MeasurementFactory(indicator=indicator, measured_on=D(2026, 4, 1), value=15, recorded_by=member)
    factories.MeasurementFactory(indicator=indicator, measured_on=D(2026, 7, 1), value=Decimal("16.5"))
    return indicator


@pytest.mark.django_db
def test_panels_use_the_prefetched_goal_page(goal, measured, member, coordinator, observer, admin_user):
    goal = goal_page().get(pk=goal.pk)
    with CaptureQueriesContext(connection) as queries:
        panels = progress.indicator_panels(goal, member, D(2026, 11, 1))
    assert len(queries) <= 1  # the person's role in the network, nothing per indicator
    (panel,) = panels
    assert panel.latest.value == Decimal("16.5")
    # 2026-07-01 is 181 of 364 days along the path 10 → 30: about 19.9 expected; 16.5 is 3.4 behind (> 2).
    assert panel.light == RED
    assert panel.due == D(2026, 10, 1) and panel.overdue
    assert [row.light for row in panel.rows] == [GREEN, RED]
    assert panel.share_percent == 33
    assert panel.may_measure and not panel.may_manage and not panels.may_manage  # the owner
    assert progress.indicator_panels(goal, coordinator, D(2026, 8, 1))[0].may_manage
    assert not progress.indicator_panels(goal, observer, D(2026, 8, 1))[0].may_measure
    assert progress.indicator_panels(goal, admin_user, D(2026, 8, 1))[0].may_measure


@pytest.mark.django_db
def test_panels_of_a_finished_goal_offer_no_changes(goal, measured, coordinator):
    type(goal).objects.filter(pk=goal.pk).update(status="achieved")
    panels = progress.indicator_panels(goal_page().get(pk=goal.pk), coordinator, D(2026, 8, 1))
    assert not panels.may_manage and not panels[0].may_measure


@pytest.mark.django_db
def test_panel_template_says_the_light_in_words_and_has_an_accessible_chart(goal, measured, member):
    goal = goal_page().get(pk=goal.pk)
    with translation.override("en"):
        html = render_to_string(
            "networks/goals/includes/indicator_panel.html",
            {"goal": goal, "indicators": progress.indicator_panels(goal, member, D(2026, 8, 1))},
        )
    pk = measured.pk
    assert f'id="indicator-{pk}"' in html
    assert 'role="img"' in html and f'aria-labelledby="indicator-{pk}-chart-title indicator-{pk}-chart-desc"' in html
    assert "<title" in html and "<desc" in html
    assert html.count('class="chart-point') == 2
    assert "Behind" in html and "On track" in html
    assert "How the traffic light is worked out" in html and "at most 10 %" in html and "within 5 %" in html
    assert "style=" not in html  # CSP: colours are classes
    assert f"/goals/{goal.pk}/indicators/{pk}/measurements/add/" in html  # the owner may measure
    assert f"/goals/{goal.pk}/indicators/{pk}/edit/" not in html  # but not edit


@pytest.mark.django_db
def test_panel_template_in_finnish_keeps_svg_numbers_dotted(goal, indicator, member):
    factories.MeasurementFactory(indicator=indicator, measured_on=D(2026, 2, 3), value=Decimal("12.25"))
    goal = goal_page().get(pk=goal.pk)
    with translation.override("fi"):
        html = render_to_string(
            "networks/goals/includes/indicator_panel.html",
            {"goal": goal, "indicators": progress.indicator_panels(goal, member, D(2026, 8, 1))},
        )
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    for attribute in re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', svg):
        assert "," not in attribute, attribute
    assert "12,25" in html  # the table uses the Finnish decimal comma
