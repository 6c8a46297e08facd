"""The organisation directory as a CSV or XLSX file (issue 3, part 8): only what the person may see.

CSV streams row by row (a server-side cursor, constant memory); XLSX is written by openpyxl's
write-only workbook. Every cell goes through :func:`partners.importing.safe_cell`, so no spreadsheet
runs a cell as a formula. One query gives the organisations with their networks: the count does
not grow with the directory.
"""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from networks.memberships.models import Membership, MembershipLevel, Network
from partners.directory.forms.organisations import OrganisationFilterForm
from partners.directory.importing import COLUMNS, safe_cell
from partners.directory.models import Organisation, OrganisationKind
from portal.lib.access import MembershipStatus
from portal.lib.choices import Language, Region

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 500


class _Echo:
    """A file-like object whose write() returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_response(header: list[str], rows, *, filename: str) -> StreamingHttpResponse:
    """A streamed CSV for Excel in Finland: UTF-8 with a byte-order mark, ``;`` between cells.

    ``filename`` is a fixed ASCII name chosen by the code, never one from the data.
    """
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff" + writer.writerow([safe_cell(cell) for cell in header])
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(header: list[str], rows, *, filename: str, title: str) -> HttpResponse:
    """An XLSX workbook of one sheet, written with openpyxl's write-only (streaming) workbook."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def text(cell):
        return ILLEGAL_CHARACTERS_RE.sub("", safe_cell(cell))

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=ILLEGAL_CHARACTERS_RE.sub("", title)[:31] or "Sheet")
    sheet.append([text(cell) for cell in header])
    for row in rows:
        # Plain strings: openpyxl would make a formula of any text starting with "=".
        sheet.append([text(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _directory(user, filters: dict):
    """The organisations of the directory, as the list page shows them, with their active memberships.

    Memberships only in networks the person may see: the others stay private, as on the organisation page.
    """
    from partners.directory import selectors

    organisations = selectors.organisation_directory(user=user, filters=filters)
    memberships = (
        Membership.objects.filter(
            organisation=OuterRef("pk"),
            status=MembershipStatus.ACTIVE,
            network__in=Network.objects.visible_to(user).values("pk"),
        )
        .order_by("network__name")
        .values(json=JSONObject(name="network__name", level="level"))
    )
    return organisations.annotate(export_memberships=ArraySubquery(memberships))


def export_table(organisations) -> tuple[list[str], object]:
    """The header (in the current language) and a generator of rows for ``organisations``."""
    kinds = {value: str(label) for value, label in OrganisationKind.choices}
    regions = {value: str(label) for value, label in Region.choices}
    languages = {value: str(label) for value, label in Language.choices}
    levels = {value: str(label) for value, label in MembershipLevel.choices}
    header = [str(label) for key, label in COLUMNS.items() if key != "level"] + [_("Networks (membership level)")]

    def rows():
        for org in organisations.iterator(chunk_size=CHUNK):
            networks = [f"{m['name']} ({levels.get(m['level'], m['level'])})" for m in org.export_memberships or []]
            yield [
                org.name,
                org.short_name,
                org.business_id,
                kinds.get(org.kind, org.kind),
                ", ".join(regions.get(value, value) for value in org.regions),
                org.municipality,
                org.address,
                org.website,
                org.email,
                org.phone,
                ", ".join(languages.get(value, value) for value in org.languages),
                org.description,
                "; ".join(networks),
            ]

    return header, rows()


@require_safe
@login_required
def organisation_export(request, fmt):
    """The organisations of the directory the person may see, filtered like the list page."""
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    form = OrganisationFilterForm(request.GET, user=request.user)
    organisations = _directory(request.user, form.filters())
    header, rows = export_table(organisations)
    if fmt == "csv":
        return csv_response(header, rows, filename="organisations.csv")
    return xlsx_response(header, rows, filename="organisations.xlsx", title=str(Organisation._meta.verbose_name_plural))


def service_table(services) -> tuple[list[str], object]:
    """The header (in the current language) and a generator of rows for the service map's ``services``."""
    from partners.directory.models import GuidanceService, ServiceChannel, ServiceLevel, TargetGroup

    labels = {
        "level": {value: str(label) for value, label in ServiceLevel.choices},
        "channels": {value: str(label) for value, label in ServiceChannel.choices},
        "target_groups": {value: str(label) for value, label in TargetGroup.choices},
        "languages": {value: str(label) for value, label in Language.choices},
        "regions": {value: str(label) for value, label in Region.choices},
    }
    field = GuidanceService._meta.get_field
    header = [
        str(field("name").verbose_name).capitalize(),
        str(Organisation._meta.verbose_name).capitalize(),
        _("Level of guidance"),
        *(str(field(name).verbose_name).capitalize() for name in ("channels", "target_groups", "languages", "regions")),
        *(str(field(name).verbose_name).capitalize() for name in ("description", "contact_email", "contact_phone")),
        str(field("contact_url").verbose_name).capitalize(),
    ]

    def listed(service, name):
        return ", ".join(labels[name].get(value, value) for value in getattr(service, name))

    def rows():
        for service in services.iterator(chunk_size=CHUNK):
            yield [
                service.name,
                service.organisation.name,
                labels["level"].get(service.level, service.level),
                listed(service, "channels"),
                listed(service, "target_groups"),
                listed(service, "languages"),
                listed(service, "regions"),
                service.description,
                service.contact_email,
                service.contact_phone,
                service.contact_url,
            ]

    return header, rows()


@require_safe
@login_required
def service_export(request, fmt):
    """The guidance services the person may see, filtered like the service map."""
    from partners.directory import selectors
    from partners.directory.forms.services import ServiceMapFilterForm

    if fmt not in {"csv", "xlsx"}:
        raise Http404
    form = ServiceMapFilterForm(request.GET or None, networks=Network.objects.visible_to(request.user))
    filters = form.filters() if form.is_bound else {}
    header, rows = service_table(selectors.service_map_services(user=request.user, filters=filters))
    if fmt == "csv":
        return csv_response(header, rows, filename="services.csv")
    return xlsx_response(header, rows, filename="services.xlsx", title=_("Guidance services"))
