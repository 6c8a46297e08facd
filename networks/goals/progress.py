"""Progress of a goal's indicators: plain arithmetic, and the indicator panels of a goal page.

**The straight path.** An indicator plans a change from its baseline (value on the baseline date) to
its target (value on the target date). The value expected on a day is on the straight line between
the two: the baseline before the baseline date, the target after the target date. An indicator that
*keeps* a value expects its target all the time.

**The traffic light** of a measurement is worked out at the measurement's own date:

- *increase* and *decrease*: **green** when the value is at the path or ahead of it (above it for an
  increase, below it for a decrease); **amber** when it is behind the path by at most
  :data:`AMBER_SHARE` (10 %) of the whole planned change (``|target − baseline|``); **red** when it is
  further behind;
- *keep*: **green** when the value is within :data:`KEEP_GREEN_SHARE` (5 %) of the target, **amber**
  within :data:`KEEP_AMBER_SHARE` (10 %), **red** further away (a target of 0 leaves no margin: only
  0 itself is green);
- **none** when there is no measurement.

An indicator's light is that of its latest measurement. The light is never shown by its colour alone:
:data:`LIGHT_LABELS` says it in words.

**Due.** A measurement is due :data:`networks.goals.models.indicators.FREQUENCY_MONTHS` months after the latest one
(after the baseline date before the first), and at the latest on the target date; none is due once a
measurement has been made on or after the target date.

Everything here except :func:`indicator_panels` is pure: no queries, no clock (the day is passed in).
The goal page's panels use only what :func:`networks.goals.selectors.goal_page` has prefetched.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import pgettext_lazy

from networks.goals.charts import LineChart, line_chart
from networks.goals.models.indicators import FREQUENCY_MONTHS, Direction

# Increase/decrease: behind the straight path by at most this share of the planned change is amber.
AMBER_SHARE = Decimal("0.10")
# Keep: within this share of the target is green …
KEEP_GREEN_SHARE = Decimal("0.05")
# … and within this share amber; further away is red.
KEEP_AMBER_SHARE = Decimal("0.10")

GREEN, AMBER, RED, NONE = "green", "amber", "red", "none"
LIGHT_LABELS = {
    GREEN: pgettext_lazy("traffic light", "On track"),
    AMBER: pgettext_lazy("traffic light", "Slightly behind"),
    RED: pgettext_lazy("traffic light", "Behind"),
    NONE: pgettext_lazy("traffic light", "Not measured yet"),
}
# The same lights for an indicator that keeps a value: it is near the target or not, never behind.
KEEP_LIGHT_LABELS = {
    GREEN: pgettext_lazy("traffic light", "At the target"),
    AMBER: pgettext_lazy("traffic light", "Near the target"),
    RED: pgettext_lazy("traffic light", "Away from the target"),
    NONE: pgettext_lazy("traffic light", "Not measured yet"),
}


def _decimal(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _percent(share: Decimal) -> int:
    return int(share * 100)


def light_label(indicator, light: str) -> str:
    """The light in words, for the indicator's direction."""
    labels = KEEP_LIGHT_LABELS if indicator.direction == Direction.KEEP else LIGHT_LABELS
    return str(labels[light])


def rule_thresholds() -> dict[str, int]:
    """The thresholds in whole per cent, for the explanation on the page."""
    return {
        "amber": _percent(AMBER_SHARE),
        "keep_green": _percent(KEEP_GREEN_SHARE),
        "keep_amber": _percent(KEEP_AMBER_SHARE),
    }


# --- arithmetic ------------------------------------------------------------------------------------


def elapsed_share(indicator, day: datetime.date) -> Decimal:
    """How far ``day`` is from the baseline date to the target date: 0 before, 1 after, linear between."""
    if day <= indicator.baseline_date:
        return Decimal(0)
    if day >= indicator.target_date:
        return Decimal(1)
    total = (indicator.target_date - indicator.baseline_date).days
    return Decimal((day - indicator.baseline_date).days) / Decimal(total)


def expected_value(indicator, day: datetime.date) -> Decimal:
    """The value on the straight path from the baseline to the target on ``day`` (the target for "keep")."""
    baseline, target = _decimal(indicator.baseline_value), _decimal(indicator.target_value)
    if indicator.direction == Direction.KEEP:
        return target
    return baseline + (target - baseline) * elapsed_share(indicator, day)


def progress_share(indicator, value, day: datetime.date | None = None) -> Decimal | None:
    """The share of the whole planned change that ``value`` has made: 0 at the baseline, 1 at the target,
    below 0 when it went the wrong way, above 1 past the target. None for "keep" (no change is planned)
    and without a value.

    ``day`` does not change the share (compare it with :func:`elapsed_share` for where the path is);
    it is taken so that this, :func:`expected_value` and :func:`traffic_light` are called alike.
    """
    if value is None or indicator.direction == Direction.KEEP:
        return None
    baseline, target = _decimal(indicator.baseline_value), _decimal(indicator.target_value)
    return (_decimal(value) - baseline) / (target - baseline)


def traffic_light(indicator, value, day: datetime.date | None) -> str:
    """GREEN, AMBER, RED or NONE for ``value`` measured on ``day`` (see the module's docstring)."""
    if value is None or day is None:
        return NONE
    value, target = _decimal(value), _decimal(indicator.target_value)
    if indicator.direction == Direction.KEEP:
        distance = abs(value - target)
        if distance <= abs(target) * KEEP_GREEN_SHARE:
            return GREEN
        return AMBER if distance <= abs(target) * KEEP_AMBER_SHARE else RED
    planned = abs(target - _decimal(indicator.baseline_value))
    expected = expected_value(indicator, day)
    behind = expected - value if indicator.direction == Direction.INCREASE else value - expected
    if behind <= 0:
        return GREEN
    return AMBER if behind <= planned * AMBER_SHARE else RED


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` ``months`` later; the 31st becomes the month's last day where the month is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(indicator, latest_day: datetime.date | None) -> datetime.date | None:
    """When the next measurement is due, given the date of the latest one (None: there is none yet).

    None once a measurement has been made on or after the target date.
    """
    if latest_day is not None and latest_day >= indicator.target_date:
        return None
    after = max(latest_day or indicator.baseline_date, indicator.baseline_date)
    return min(add_months(after, FREQUENCY_MONTHS[indicator.frequency]), indicator.target_date)


# --- the goal page's panels ------------------------------------------------------------------------


@dataclass
class Row:
    """One measurement in the indicator's table: the value, the path's value that day, its light."""

    measurement: object
    expected: Decimal
    light: str
    light_label: str


@dataclass
class IndicatorPanel:
    indicator: object
    latest: object | None  # the latest measurement
    expected: Decimal | None  # the path's value on the latest measurement's date
    share: Decimal | None  # progress_share of the latest value
    light: str
    light_label: str
    due: datetime.date | None
    overdue: bool
    chart: LineChart
    rows: list[Row]
    may_measure: bool
    may_manage: bool

    @property
    def share_percent(self) -> int | None:
        return None if self.share is None else int((self.share * 100).to_integral_value(rounding=ROUND_HALF_UP))


class IndicatorPanels(list):
    """The panels of a goal's indicators, with what the whole list needs (the add button, the rule)."""

    def __init__(self, panels, *, may_manage: bool):
        super().__init__(panels)
        self.may_manage = may_manage
        self.thresholds = rule_thresholds()


def indicator_panel(indicator, *, today: datetime.date, may_measure: bool, may_manage: bool) -> IndicatorPanel:
    """One indicator's panel from its prefetched measurements (oldest first)."""
    measurements = list(indicator.measurements.all())
    rows = []
    for measurement in measurements:
        light = traffic_light(indicator, measurement.value, measurement.measured_on)
        rows.append(
            Row(
                measurement=measurement,
                expected=expected_value(indicator, measurement.measured_on),
                light=light,
                light_label=light_label(indicator, light),
            )
        )
    latest = measurements[-1] if measurements else None
    light = rows[-1].light if rows else NONE
    due = next_due(indicator, latest.measured_on if latest else None)
    return IndicatorPanel(
        indicator=indicator,
        latest=latest,
        expected=rows[-1].expected if rows else None,
        share=progress_share(indicator, latest.value if latest else None),
        light=light,
        light_label=light_label(indicator, light),
        due=due,
        overdue=due is not None and today > due,
        chart=line_chart(indicator, measurements),
        rows=rows,
        may_measure=may_measure,
        may_manage=may_manage,
    )


def indicator_panels(goal, user, today: datetime.date) -> IndicatorPanels:
    """The panels of the goal's indicators for ``user``: from ``goal_page()``'s prefetches, no query of
    their own beyond the person's role in the network (kept on the goal for the request)."""
    open_ = not goal.is_finished
    may_manage = open_ and goal.permits(user, "manage")
    panels = [
        indicator_panel(
            indicator,
            today=today,
            may_measure=open_ and (may_manage or indicator.permits(user, "measure")),
            may_manage=may_manage,
        )
        for indicator in goal.indicators.all()
    ]
    return IndicatorPanels(panels, may_manage=may_manage)
