"""Server-drawn charts: geometry for an SVG the template renders (no JavaScript, no inline styles).

The numbers come from :func:`networks.selectors.levels_over_time`; this module only lays them out.
Colours are CSS classes in ``static/css/portal.css`` (``chart-level-<level>``).
"""

from dataclasses import dataclass, field

from networks.memberships.models import MembershipLevel

WIDTH = 720
HEIGHT = 300
LEFT = 44  # room for the y-axis numbers
RIGHT = 8
TOP = 12
BOTTOM = 44  # room for the period labels


@dataclass
class Segment:
    level: str
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Bar:
    label: str
    total: int
    x: float  # left edge
    width: float
    label_x: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Tick:
    value: int
    y: float


@dataclass
class StackedBars:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    label_y: int
    bars: list[Bar]
    ticks: list[Tick]
    levels: list[tuple[str, str]]


def nice_step(maximum: int, *, target_ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) giving about ``target_ticks`` gridlines up to ``maximum``."""
    if maximum <= target_ticks:
        return 1
    raw = maximum / target_ticks
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def stacked_bars(periods) -> StackedBars:
    """Bars of ``periods`` (each with ``label``, ``total`` and ``counts`` by level), stacked from the
    loosest level at the bottom to strategic partnership at the top."""
    levels = list(MembershipLevel.choices)
    plot_left, plot_right = LEFT, WIDTH - RIGHT
    plot_top, plot_bottom = TOP, HEIGHT - BOTTOM
    plot_height = plot_bottom - plot_top
    maximum = max((period.total for period in periods), default=0)
    step = nice_step(maximum)
    top_value = max(step, -(-maximum // step) * step)  # round up to a whole step
    scale = plot_height / top_value
    ticks = [Tick(value=value, y=round(plot_bottom - value * scale, 1)) for value in range(0, top_value + 1, step)]
    slot = (plot_right - plot_left) / max(len(periods), 1)
    bar_width = round(slot * 0.62, 1)
    bars = []
    for index, period in enumerate(periods):
        x = round(plot_left + index * slot + (slot - bar_width) / 2, 1)
        bar = Bar(label=period.label, total=period.total, x=x, width=bar_width, label_x=round(x + bar_width / 2, 1))
        base = plot_bottom
        for level, label in levels:
            count = period.counts.get(level, 0)
            if not count:
                continue
            height = round(count * scale, 1)
            base = round(base - height, 1)
            bar.segments.append(
                Segment(level=level, label=str(label), count=count, x=x, y=base, width=bar_width, height=height)
            )
        bars.append(bar)
    return StackedBars(
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        label_y=plot_bottom + 18,
        bars=bars,
        ticks=ticks,
        levels=[(level, str(label)) for level, label in levels],
    )
