"""Server-drawn progress chart of one indicator: geometry for an SVG line chart.

Like :mod:`networks.memberships.charts`, this module only lays numbers out; the template
(``networks/goals/includes/indicator_chart.html``) draws them, and the colours are CSS classes in
``static/css/goal_charts.css`` (no inline styles, no JavaScript).

- x: time, from the baseline date (or an earlier measurement) to the target date (or a later
  measurement), with gridlines at month, quarter, half-year or year starts (about eight at most);
- y: values, on round steps (1, 2 or 5 × 10ⁿ) covering the baseline, the target and every
  measurement; from 0 when every value is positive and 0 is not far below them;
- the straight path from the baseline to the target (dashed; flat before and after, and flat at
  the target for an indicator that keeps a value), the measured values joined by a line, each one a
  point, and markers on the baseline and the target.
"""

import datetime
import math
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from networks.goals.models.indicators import Direction

WIDTH = 720
HEIGHT = 280
LEFT = 64  # room for the y-axis numbers
RIGHT = 16
TOP = 14
BOTTOM = 40  # room for the date labels
MAX_X_TICKS = 8
Y_TICKS = 5
# Months between date gridlines, the smallest giving at most MAX_X_TICKS.
MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120)


@dataclass
class YTick:
    value: Decimal
    y: float


@dataclass
class XTick:
    day: datetime.date
    x: float
    yearly: bool  # labelled with the year only


@dataclass
class ChartPoint:
    day: datetime.date
    value: Decimal
    x: float
    y: float


@dataclass
class LineChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    label_y: int
    start: datetime.date
    end: datetime.date
    y_ticks: list[YTick]
    x_ticks: list[XTick]
    path: str  # "x,y x,y …": the straight path from the baseline to the target
    line: str  # "x,y x,y …": the measured values
    baseline: ChartPoint
    target: ChartPoint
    points: list[ChartPoint] = field(default_factory=list)


def nice_step(raw: Decimal) -> Decimal:
    """The smallest round step (1, 2, 5 × 10ⁿ) at least ``raw`` (> 0)."""
    magnitude = Decimal(10) ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def value_range(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """(bottom, top, step) of a y-axis on round steps covering ``values``."""
    low, high = min(values), max(values)
    if low >= 0 and low <= high - low:
        low = Decimal(0)  # near enough to show the whole height
    if high == low:
        pad = abs(high) / 10 or Decimal(1)
        low, high = (Decimal(0) if low >= 0 and low - pad < 0 else low - pad), high + pad
    step = nice_step((high - low) / Y_TICKS)
    bottom = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    top = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    return bottom, top, step


def _month_start_on_or_after(day: datetime.date) -> datetime.date:
    if day.day == 1:
        return day
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months_between(start: datetime.date, end: datetime.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def date_ticks(start: datetime.date, end: datetime.date) -> tuple[list[datetime.date], bool]:
    """Month starts between ``start`` and ``end`` on a step giving at most MAX_X_TICKS, and whether the
    step is whole years (labelled with the year only)."""
    span = max(_months_between(start, end), 1)
    step = next((months for months in MONTH_STEPS if span / months <= MAX_X_TICKS), MONTH_STEPS[-1])
    days = []
    day = _month_start_on_or_after(start)
    while day <= end:
        index = day.year * 12 + day.month - 1
        if index % step == 0:
            days.append(day)
        day = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return days, step >= 12


def _points(pairs) -> str:
    return " ".join(f"{x},{y}" for x, y in pairs)


def line_chart(indicator, measurements) -> LineChart:
    """The chart of ``indicator`` with ``measurements`` (oldest first)."""
    baseline, target = Decimal(indicator.baseline_value), Decimal(indicator.target_value)
    start = min([indicator.baseline_date, *(m.measured_on for m in measurements)])
    end = max([indicator.target_date, *(m.measured_on for m in measurements)])
    bottom, top, step = value_range([baseline, target, *(Decimal(m.value) for m in measurements)])

    plot_left, plot_right, plot_top, plot_bottom = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    days = (end - start).days
    x_scale = (plot_right - plot_left) / days
    y_scale = (plot_bottom - plot_top) / float(top - bottom)

    def x_of(day: datetime.date) -> float:
        return round(plot_left + (day - start).days * x_scale, 1)

    def y_of(value: Decimal) -> float:
        return round(plot_bottom - float(value - bottom) * y_scale, 1)

    def point(day, value) -> ChartPoint:
        return ChartPoint(day=day, value=Decimal(value), x=x_of(day), y=y_of(Decimal(value)))

    if indicator.direction == Direction.KEEP:
        path = [(start, target), (end, target)]
    else:
        path = [(indicator.baseline_date, baseline), (indicator.target_date, target)]
        if start < indicator.baseline_date:
            path.insert(0, (start, baseline))
        if end > indicator.target_date:
            path.append((end, target))
    points = [point(m.measured_on, m.value) for m in measurements]
    tick_days, yearly = date_ticks(start, end)
    y_ticks = []
    value = bottom
    while value <= top:
        y_ticks.append(YTick(value=value, y=y_of(value)))
        value += step
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        label_y=plot_bottom + 20,
        start=start,
        end=end,
        y_ticks=y_ticks,
        x_ticks=[XTick(day=day, x=x_of(day), yearly=yearly) for day in tick_days],
        path=_points((x_of(day), y_of(value)) for day, value in path),
        line=_points((p.x, p.y) for p in points),
        baseline=point(indicator.baseline_date, baseline),
        target=point(indicator.target_date, target),
        points=points,
    )
