"""The agreement list and its export: the agreements the person may see, filtered."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partners.agreements import filters as agreement_filters
from partners.agreements.filters import AgreementFilterForm, my_network_roles
from partners.agreements.models import Agreement
from partners.directory.tables import CHUNK, csv_response, xlsx_response
from portal.lib.access import Role
from portal.lib.pagination import paginate


@require_safe
@login_required
def agreement_list(request):
    """Agreements of the person's networks and those their organisation is a party to; never commitments."""
    roles = my_network_roles(request.user)
    form = AgreementFilterForm(request.GET or None, roles=roles)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "page_obj": paginate(request, agreement_filters.agreement_list(user=request.user, filters=filters)),
        # A "new agreement" link for each network the person coordinates.
        "coordinated": [role.network for role in roles if role.role == Role.COORDINATOR],
    }
    return render(request, "partners/agreements/agreement_list.html", context)


def export_table(agreements) -> tuple[list[str], object]:
    """The header (in the current language) and a generator of rows for ``agreements``."""

    def label(name):
        return str(Agreement._meta.get_field(name).verbose_name).capitalize()

    header = [
        *(label(name) for name in ("title", "network", "kind", "status")),
        _("Parties"),
        *(label(name) for name in ("valid_from", "valid_until", "notice_period_days", "review_date", "coordinator")),
        label("version"),
    ]
    kinds = {value: str(label) for value, label in Agreement.Kind.choices}
    statuses = {value: str(label) for value, label in Agreement.Status.choices}

    def date(value):
        return value.isoformat() if value else ""

    def rows():
        for agreement in agreements.iterator(chunk_size=CHUNK):
            yield [
                agreement.title,
                agreement.network.name,
                kinds.get(agreement.kind, agreement.kind),
                statuses.get(agreement.status, agreement.status),
                "; ".join(agreement.party_names or []),
                date(agreement.valid_from),
                date(agreement.valid_until),
                str(agreement.notice_period_days),
                date(agreement.review_date),
                # The name only: the coordinator's e-mail address is not for everyone who sees the agreement.
                agreement.coordinator.get_full_name() if agreement.coordinator else "",
                str(agreement.version),
            ]

    return header, rows()


@require_safe
@login_required
def agreement_export(request, fmt):
    """The agreements the person may see, filtered like the list, as CSV or XLSX (no commitments)."""
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    form = AgreementFilterForm(request.GET or None, roles=my_network_roles(request.user))
    agreements = agreement_filters.agreement_export_rows(user=request.user, filters=form.filters())
    header, rows = export_table(agreements)
    if fmt == "csv":
        return csv_response(header, rows, filename="agreements.csv")
    return xlsx_response(header, rows, filename="agreements.xlsx", title=str(Agreement._meta.verbose_name_plural))
