"""A coordinator imports organisations into their network from a CSV or XLSX file.

Uploading only checks the file and shows a preview: nothing is saved. The rows are kept in the
cache under a random token for an hour, bound to the person and the network; confirming with that
token checks them again and saves them all in one transaction.
"""

import re
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from networks.memberships import importing, services
from networks.memberships.models import MembershipLevel, Network
from partners.directory import tables
from partners.directory.models import OrganisationKind
from partners.directory.tables import csv_response, xlsx_response
from portal.access import get_for_user
from portal.lib import once
from portal.lib.choices import Language, Region
from portal.lib.errors import DomainError

CACHE_PREFIX = "organisation-import:"
KEEP_SECONDS = 60 * 60
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


@login_required
@once.creates_once
def organisation_import(request, slug):
    """Upload a file and see the preview (POST with a file), or confirm a preview (POST with its token)."""
    network = get_for_user(request.user, Network, action="edit", slug=slug)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, network)
    form = (
        importing.ImportFileForm(request.POST, request.FILES)
        if request.method == "POST"
        else importing.ImportFileForm()
    )
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = tables.read_table(upload.read(), tables.file_format(upload.name))
            rows, ignored = importing.parse_rows(table)
        except DomainError as error:
            form.add_error("file", str(error))
        else:
            importing.check_against_database(rows, network=network, user=request.user)
            token = None
            if all(row.ok for row in rows):
                token = secrets.token_urlsafe(32)
                cache.set(
                    CACHE_PREFIX + token,
                    {"user": request.user.pk, "network": network.pk, "rows": importing.stored_values(rows)},
                    KEEP_SECONDS,
                )
            return _preview(request, network, rows, token=token, ignored=ignored, filename=upload.name)
    return render(request, "networks/memberships/import_upload.html", _upload_context(network, form))


def _upload_context(network, form) -> dict:
    return {
        "network": network,
        "form": form,
        "columns": importing.COLUMNS,
        "max_rows": tables.MAX_ROWS,
        "kinds": OrganisationKind.choices,
        "levels": MembershipLevel.choices,
        "regions": Region.choices,
        "languages": Language.choices,
    }


def _preview(request, network, rows, *, token, ignored=(), filename="", status=200):
    labels = {
        "kind": dict(OrganisationKind.choices),
        "region": dict(Region.choices),
        "language": dict(Language.choices),
        "level": dict(MembershipLevel.choices),
    }
    for row in rows:
        row.kind_label = labels["kind"].get(row.data.get("kind"), "")
        row.region_labels = [labels["region"][value] for value in row.data.get("regions", [])]
        row.language_labels = [labels["language"][value] for value in row.data.get("languages", [])]
        row.level_label = labels["level"].get(row.level, "")
    context = {
        "network": network,
        "rows": rows,
        "token": token,
        "ignored": ignored,
        "filename": filename,
        "error_count": sum(1 for row in rows if row.errors),
        "new_count": sum(1 for row in rows if row.ok and row.existing_pk is None),
        "existing_count": sum(1 for row in rows if row.ok and row.existing_pk is not None),
        "form": importing.ImportFileForm(),
    }
    return render(request, "networks/memberships/import_preview.html", context, status=status)


def _confirm(request, network):
    token = request.POST.get("token", "")
    key = CACHE_PREFIX + token
    stored = cache.get(key) if _TOKEN.match(token) else None
    # Another person's or another network's token is the same as none: the preview is not theirs.
    if (
        not stored
        or stored.get("user") != request.user.pk
        or stored.get("network") != network.pk
        or not cache.delete(key)
    ):
        context = _upload_context(network, importing.ImportFileForm())
        context["refusal"] = _("This preview has expired or is not yours. Upload the file again.")
        return render(request, "networks/memberships/import_upload.html", context, status=400)
    rows = importing.rows_from_values(stored["rows"])
    try:
        created = services.organisations_import(network=network, rows=rows, imported_by=request.user)
    except services.OrganisationImportError as error:
        messages.error(request, str(error))
        return _preview(request, network, error.rows or rows, token=None, status=409)
    added = len(rows) - len(created)
    message = ngettext("%(count)s organisation imported.", "%(count)s organisations imported.", len(created)) % {
        "count": len(created)
    }
    if added:
        message += " " + ngettext(
            "%(count)s existing organisation added as a member.",
            "%(count)s existing organisations added as members.",
            added,
        ) % {"count": added}
    messages.success(request, message)
    return once.created(request, redirect("networks:network_detail", slug=network.slug))


@require_safe
@login_required
def organisation_import_template(request, slug, fmt):
    """An empty file with the column headers in the person's language, to fill in."""
    get_for_user(request.user, Network, action="edit", slug=slug)
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    header = importing.template_headers()
    if fmt == "csv":
        return csv_response(header, [], filename="organisations-template.csv")
    return xlsx_response(header, [], filename="organisations-template.xlsx", title=_("Organisations"))
