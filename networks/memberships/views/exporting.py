"""The organisation directory as a CSV or XLSX file: only what the person may see, with the networks each
organisation is an active member of and its level there (of the networks the person may see).

CSV streams row by row (a server-side cursor, constant memory); XLSX is written by openpyxl's write-only
workbook (:mod:`partners.directory.tables`). One query gives the organisations with their networks: the count
does not grow with the directory.
"""

from django.contrib.auth.decorators import login_required
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from networks.memberships.importing import COLUMNS
from networks.memberships.models import Membership, MembershipLevel, Network
from partners.directory import selectors
from partners.directory.forms.organisations import OrganisationFilterForm
from partners.directory.models import Organisation, OrganisationKind
from partners.directory.tables import CHUNK, csv_response, xlsx_response
from portal.lib.access import MembershipStatus
from portal.lib.choices import Language, Region


def _directory(user, filters: dict):
    """The organisations of the directory, as the list page shows them, with their active memberships.

    Memberships only in networks the person may see: the others stay private, as on the organisation page.
    """
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
                org.name_fi,
                org.name_sv,
                org.name_en,
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
                org.description_fi,
                org.description_sv,
                org.description_en,
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
