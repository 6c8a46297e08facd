"""The goal report: a network's goals for a chosen period, with their indicators'
latest values and progress, as a printable page and as an XLSX workbook.

**Which goals.** Every goal of the network whose period overlaps the chosen one
(``period_start <= end`` and ``period_end >= start``), in every status: the status is a column, so a
reader sees what was agreed, what is being worked on, and what was proposed or dropped.

**Which values.** For each indicator, its latest measurement *within* the chosen period (nothing
measured after the period's end counts). Its traffic light and progress are those the goal page shows
for that measurement (:mod:`networks.goals.progress`: the light is judged against the straight path on
the measurement's own date), so the report and the goal page never disagree. Next to it the report
gives the value the path plans by the period's end, for a reader who wants to see how far is left.

:func:`report` runs a fixed number of queries, whatever the number of goals: the goals with their
owner organisation and contact, their agreements, their indicators with owners, and each indicator's
latest measurement in the period (a window function, not all measurements).
"""

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, IntegerField, Prefetch, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from networks.goals import progress
from networks.goals.models import STATUS_ORDER, Goal, Indicator, Measurement
from networks.memberships.models import Network
from partners.agreements.models import Agreement
from partners.directory.tables import safe_cell
from portal.lib.forms import PeriodReportForm


class GoalReportForm(PeriodReportForm):
    """The goal report's period (the current year by default)."""


# --- the report's rows --------------------------------------------------------------------------------


@dataclass
class IndicatorLine:
    """One indicator in the report: its latest measurement in the period and where it stands."""

    indicator: Indicator
    latest: Measurement | None
    expected: Decimal | None  # the straight path's value on the latest measurement's date
    planned_by_end: Decimal  # the straight path's value at the period's end
    share: Decimal | None  # the share of the planned change made (None for "keep" or unmeasured)
    light: str
    light_label: str

    @property
    def share_percent(self) -> int | None:
        return None if self.share is None else int((self.share * 100).to_integral_value())


@dataclass
class GoalLine:
    goal: Goal
    indicators: list[IndicatorLine]


@dataclass
class Report:
    network: Network
    start: datetime.date
    end: datetime.date
    goals: list[GoalLine] = field(default_factory=list)

    @property
    def status_counts(self) -> list[tuple[str, str, int]]:
        """(status, label, number of goals) for the statuses the report has, in board order."""
        counts: dict[str, int] = {}
        for line in self.goals:
            counts[line.goal.status] = counts.get(line.goal.status, 0) + 1
        return [(status, status.label, counts[status]) for status in STATUS_ORDER if status in counts]

    @property
    def light_counts(self) -> list[tuple[str, str, int]]:
        """(light, label, number of indicators) for every light, green first."""
        counts = dict.fromkeys(progress.LIGHT_LABELS, 0)
        for line in self.goals:
            for indicator in line.indicators:
                counts[indicator.light] += 1
        return [(light, str(progress.LIGHT_LABELS[light]), count) for light, count in counts.items()]

    @property
    def indicator_count(self) -> int:
        return sum(len(line.indicators) for line in self.goals)


_STATUS_RANK = Case(
    *(When(status=status, then=Value(rank)) for rank, status in enumerate(STATUS_ORDER)),
    default=Value(len(STATUS_ORDER)),
    output_field=IntegerField(),
)


def report_goals(*, network: Network, start: datetime.date, end: datetime.date):
    """The network's goals whose period overlaps [start, end], in board order, shaped for the report:
    owner and contact, agreements, indicators with owners, and each indicator's latest measurement in
    the period as ``period_latest`` (a list of at most one)."""
    latest = (
        Measurement.objects.filter(measured_on__gte=start, measured_on__lte=end)
        .annotate(
            recency=Window(RowNumber(), partition_by=["indicator_id"], order_by=["-measured_on", "-pk"]),
        )
        .filter(recency=1)
        .order_by()
    )
    indicators = Indicator.objects.select_related("owner").prefetch_related(
        Prefetch("measurements", queryset=latest, to_attr="period_latest")
    )
    return (
        Goal.objects.filter(network=network, period_start__lte=end, period_end__gte=start)
        .select_related("owner_organisation", "contact")
        .prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.order_by("title", "pk")),
            Prefetch("indicators", queryset=indicators),
        )
        .annotate(status_rank=_STATUS_RANK)
        .order_by("status_rank", "period_start", "title", "pk")
    )


def indicator_line(indicator: Indicator, *, end: datetime.date) -> IndicatorLine:
    latest = indicator.period_latest[0] if indicator.period_latest else None
    value, day = (latest.value, latest.measured_on) if latest else (None, None)
    light = progress.traffic_light(indicator, value, day)
    return IndicatorLine(
        indicator=indicator,
        latest=latest,
        expected=progress.expected_value(indicator, day) if latest else None,
        planned_by_end=progress.expected_value(indicator, end),
        share=progress.progress_share(indicator, value, day),
        light=light,
        light_label=progress.light_label(indicator, light),
    )


def report(*, network: Network, start: datetime.date, end: datetime.date) -> Report:
    """The report of ``network`` for the period [start, end]."""
    goals = report_goals(network=network, start=start, end=end)
    return Report(
        network=network,
        start=start,
        end=end,
        goals=[
            GoalLine(goal=goal, indicators=[indicator_line(indicator, end=end) for indicator in goal.indicators.all()])
            for goal in goals
        ],
    )


# --- the workbook -------------------------------------------------------------------------------------


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def workbook_header() -> list[str]:
    return [
        _label(Goal, "title"),
        _label(Goal, "status"),
        _label(Goal, "quality_area"),
        _label(Goal, "period_start"),
        _label(Goal, "period_end"),
        _label(Goal, "owner_organisation"),
        _label(Goal, "agreements"),
        _("Indicator"),
        _label(Indicator, "unit"),
        _label(Indicator, "direction"),
        _label(Indicator, "baseline_value"),
        _label(Indicator, "baseline_date"),
        _label(Indicator, "target_value"),
        _label(Indicator, "target_date"),
        _("Latest value in the period"),
        _("Measured on"),
        _("Planned on that date"),
        _("Progress (%)"),
        _("Traffic light"),
        _("Planned by the end of the period"),
    ]


def workbook_rows(report_: Report):
    """One row per indicator (a goal without indicators gets one row of its own): text, numbers, dates."""
    for line in report_.goals:
        goal = line.goal
        about_goal = [
            goal.title,
            goal.status_label,
            goal.area_label,
            goal.period_start,
            goal.period_end,
            goal.owner_organisation.name if goal.owner_organisation else "",
            "; ".join(agreement.title for agreement in goal.agreements.all()),
        ]
        if not line.indicators:
            yield about_goal
            continue
        for item in line.indicators:
            indicator, latest = item.indicator, item.latest
            yield [
                *about_goal,
                indicator.name,
                indicator.unit,
                indicator.direction_label,
                indicator.baseline_value,
                indicator.baseline_date,
                indicator.target_value,
                indicator.target_date,
                latest.value if latest else None,
                latest.measured_on if latest else None,
                item.expected.quantize(Decimal("0.01")) if item.expected is not None else None,
                item.share_percent,
                item.light_label,
                item.planned_by_end.quantize(Decimal("0.01")),
            ]


def workbook(report_: Report) -> bytes:
    """The report as an XLSX workbook of one sheet (openpyxl's write-only workbook).

    Text goes through :func:`partners.directory.tables.safe_cell` like every export, so no cell is run as a
    formula; numbers and dates stay numbers and dates, so the reader can compute with them.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Goal report")[:31])

    def cell(value):
        if value is None:
            return None
        if isinstance(value, (int, Decimal, datetime.date)):
            return value  # openpyxl writes a date with the format yyyy-mm-dd
        return ILLEGAL_CHARACTERS_RE.sub("", safe_cell(value))

    def bold(value):
        written = WriteOnlyCell(sheet, value=cell(value))
        written.font = Font(bold=True)
        return written

    sheet.append([bold(_("Goal report: %(network)s") % {"network": report_.network.name})])
    sheet.append([cell(_("Period")), cell(report_.start), cell(report_.end)])
    sheet.append([])
    sheet.append([bold(title) for title in workbook_header()])
    for row in workbook_rows(report_):
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook_filename(report_: Report) -> str:
    """A fixed ASCII name from the period (never from the data)."""
    return f"goal-report-{report_.start.isoformat()}-{report_.end.isoformat()}.xlsx"
