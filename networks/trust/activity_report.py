"""The activity report for funders (ESF-style): a network's joint activities in a chosen period, as a page and
as an XLSX workbook.

- **Activities**: every activity that starts within the period, with its kind, dates, hours, number of
  participants and the new contacts between people of different organisations it made.
- **By organisation**: the people each organisation sent (different people: an account or a name counts once)
  and their person-hours (each participation counts the activity's hours).
- **Totals**: activities, participations, different people, person-hours and new contacts.

:func:`report` runs three queries, whatever the number of activities; its ``activities`` are a queryset that
the page shows a page at a time (the workbook lists all). A period is at most :data:`MAX_YEARS` years long.
"""

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, Count, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext as _

from networks.memberships.models import Network
from networks.trust.models import Activity, Participant
from partners.directory.tables import safe_cell
from portal.lib.forms import PeriodReportForm

# The longest period a report covers, in years.
MAX_YEARS = 3
# How many organisations the page lists (the workbook lists all; the rest are counted).
ORGANISATION_ROWS = 200


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, month=3, day=1)


class ActivityReportForm(PeriodReportForm):
    """The activity report's period: the current year by default, at most :data:`MAX_YEARS` years long."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end >= start and end >= _years_later(start, MAX_YEARS):
            self.add_error(
                "end", _("The period can be at most three years long. Choose a later start or an earlier end.")
            )
        return cleaned


@dataclass
class OrganisationLine:
    organisation_id: int | None
    name: str
    people: int
    person_hours: Decimal


@dataclass
class Report:
    network: Network
    start: datetime.date
    end: datetime.date
    activities: object = None  # a queryset of the period's activities, in date order
    organisations: list[OrganisationLine] = field(default_factory=list)
    activity_count: int = 0
    new_contacts: int = 0
    participations: int = 0
    people: int = 0

    @property
    def person_hours(self) -> Decimal:
        return sum((line.person_hours for line in self.organisations), Decimal(0))

    @property
    def organisations_shown(self) -> list[OrganisationLine]:
        return self.organisations[:ORGANISATION_ROWS]

    @property
    def organisations_left_out(self) -> int:
        return max(len(self.organisations) - ORGANISATION_ROWS, 0)


# A person counts once: by account, else by name.
_PERSON = Concat(Cast("user_id", CharField()), Value(":"), "name", output_field=CharField())


def report(*, network: Network, start: datetime.date, end: datetime.date) -> Report:
    """The report of ``network``'s activities starting within [start, end]."""
    in_period = Activity.objects.filter(network=network, starts_on__gte=start, starts_on__lte=end)
    activities = in_period.annotate(participant_count=Count("participants")).order_by("starts_on", "pk")
    counts = in_period.aggregate(activities=Count("pk"), new_contacts=Coalesce(Sum("new_pairs"), 0))
    participations = Participant.objects.filter(
        activity__network=network, activity__starts_on__gte=start, activity__starts_on__lte=end
    )
    rows = (
        participations.values("organisation_id", "organisation__name")
        .annotate(people=Count(_PERSON, distinct=True), hours=Coalesce(Sum("activity__hours"), Decimal(0)))
        .order_by("organisation__name", "organisation_id")
    )
    totals = participations.aggregate(participations=Count("pk"), people=Count(_PERSON, distinct=True))
    organisations = [
        OrganisationLine(
            organisation_id=row["organisation_id"],
            name=row["organisation__name"] or _("No organisation given"),
            people=row["people"],
            person_hours=row["hours"],
        )
        for row in rows
    ]
    return Report(
        network=network,
        start=start,
        end=end,
        activities=activities,
        organisations=organisations,
        activity_count=counts["activities"],
        new_contacts=counts["new_contacts"],
        participations=totals["participations"],
        people=totals["people"],
    )


# --- the workbook -----------------------------------------------------------------------------------------


def workbook(report_: Report) -> bytes:
    """The report as an XLSX workbook: the activities, the organisations and the totals on one sheet.

    Text goes through :func:`partners.directory.tables.safe_cell` like every export, so no cell is run as a
    formula; numbers and dates stay numbers and dates."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Activity report")[:31])

    def cell(value):
        if value is None:
            return None
        if isinstance(value, (int, Decimal, datetime.date)):
            return value
        return ILLEGAL_CHARACTERS_RE.sub("", safe_cell(str(value)))

    def bold(value):
        written = WriteOnlyCell(sheet, value=cell(value))
        written.font = Font(bold=True)
        return written

    sheet.append([bold(_("Activity report: %(network)s") % {"network": report_.network.name})])
    sheet.append([cell(_("Period")), cell(report_.start), cell(report_.end)])
    sheet.append([])
    for row in _sections(report_):
        if row and row[0] is True:
            sheet.append([bold(value) for value in row[1:]])
        else:
            sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sections(report_: Report):
    """The workbook's rows after its title; a row starting with True is a heading row."""
    yield [True, _("Activities")]
    yield [True, _("Kind"), _("Activity"), _("Starts"), _("Ends"), _("Hours"), _("Participants"), _("New contacts")]
    for activity in report_.activities.iterator():
        yield [
            activity.get_kind_display(),
            activity.title,
            activity.starts_on,
            activity.ends_on,
            activity.hours,
            activity.participant_count,
            activity.new_pairs,
        ]
    yield []
    yield [True, _("Participants by organisation")]
    yield [True, _("Organisation"), _("People"), _("Person-hours")]
    for line in report_.organisations:
        yield [line.name, line.people, line.person_hours]
    yield []
    yield [True, _("Totals")]
    yield [_("Activities"), report_.activity_count]
    yield [_("Participations"), report_.participations]
    yield [_("Different people"), report_.people]
    yield [_("Person-hours"), report_.person_hours]
    yield [_("New contacts"), report_.new_contacts]


def workbook_filename(report_: Report) -> str:
    """A fixed ASCII name from the period (never from the data)."""
    return f"activity-report-{report_.start.isoformat()}-{report_.end.isoformat()}.xlsx"
