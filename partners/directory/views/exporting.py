"""The service map as a CSV or XLSX file: only the guidance services the person may see, filtered like the map.

CSV streams row by row (a server-side cursor, constant memory); XLSX is written by openpyxl's
write-only workbook. Every cell goes through :func:`partners.directory.tables.safe_cell`, so no spreadsheet
runs a cell as a formula. One query gives the organisations with their networks: the count does
not grow with the directory.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partners.directory import selectors
from partners.directory.forms.services import ServiceMapFilterForm
from partners.directory.models import GuidanceService, Organisation, ServiceChannel, ServiceLevel, TargetGroup
from partners.directory.tables import CHUNK, csv_response, xlsx_response
from portal.lib.choices import Language, Region
from portal.lib.translated import LANGUAGE_CODES, column_label, column_names


def service_table(services) -> tuple[list[str], object]:
    """The header (in the current language) and a generator of rows for the service map's ``services``."""
    labels = {
        "level": {value: str(label) for value, label in ServiceLevel.choices},
        "channels": {value: str(label) for value, label in ServiceChannel.choices},
        "target_groups": {value: str(label) for value, label in TargetGroup.choices},
        "languages": {value: str(label) for value, label in Language.choices},
        "regions": {value: str(label) for value, label in Region.choices},
    }
    field = GuidanceService._meta.get_field
    header = [
        *(column_label(field("name"), code) for code in LANGUAGE_CODES),
        str(Organisation._meta.verbose_name).capitalize(),
        _("Level of guidance"),
        *(str(field(name).verbose_name).capitalize() for name in ("channels", "target_groups", "languages", "regions")),
        *(column_label(field("description"), code) for code in LANGUAGE_CODES),
        *(str(field(name).verbose_name).capitalize() for name in ("contact_email", "contact_phone")),
        str(field("contact_url").verbose_name).capitalize(),
    ]

    def listed(service, name):
        return ", ".join(labels[name].get(value, value) for value in getattr(service, name))

    def rows():
        for service in services.iterator(chunk_size=CHUNK):
            yield [
                *(getattr(service, column) or "" for column in column_names("name")),
                service.organisation.name,
                labels["level"].get(service.level, service.level),
                listed(service, "channels"),
                listed(service, "target_groups"),
                listed(service, "languages"),
                listed(service, "regions"),
                *(getattr(service, column) or "" for column in column_names("description")),
                service.contact_email,
                service.contact_phone,
                service.contact_url,
            ]

    return header, rows()


@require_safe
@login_required
def service_export(request, fmt):
    """The guidance services the person may see, filtered like the service map."""
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    form = ServiceMapFilterForm(request.GET or None, user=request.user)
    filters = form.filters() if form.is_bound else {}
    header, rows = service_table(selectors.service_map_services(user=request.user, filters=filters))
    if fmt == "csv":
        return csv_response(header, rows, filename="services.csv")
    return xlsx_response(header, rows, filename="services.xlsx", title=_("Guidance services"))
