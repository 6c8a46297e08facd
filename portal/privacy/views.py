"""Downloading one's data and erasing one's account (the person's own pages; the administrators erase in
the admin)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from portal.lib.errors import DomainError
from portal.lib.htmx import render_page_or_region
from portal.lib.once import created, creates_once
from portal.privacy import services
from portal.privacy.exporting import export_path
from portal.privacy.forms import EraseAccountForm
from portal.privacy.models import DataExport


def _own_export(request, uuid):
    """The person's own export, or 404: nobody else's, not even an administrator's (it holds all about them)."""
    return get_object_or_404(DataExport.objects.visible_to(request.user), uuid=uuid)


@require_POST
@login_required
@creates_once
def data_export_create(request):
    export = services.data_export_request(user=request.user, language=get_language())
    return created(request, redirect(export))


@require_safe
@login_required
def data_export_detail(request, uuid):
    """The export's progress; while it is being built, htmx asks for the status again every two seconds."""
    export = _own_export(request, uuid)
    return render_page_or_region(request, "portal/privacy/data_export.html", "status", {"export": export})


@require_safe
@login_required
def data_export_download(request, uuid):
    export = _own_export(request, uuid)
    if not export.permits(request.user, "download"):
        raise Http404
    try:
        handle = export_path(export).open("rb")
    except FileNotFoundError:
        raise Http404 from None
    filename = f"verkosto-data-{export.created_at:%Y-%m-%d}.zip"
    return FileResponse(handle, as_attachment=True, filename=filename, content_type="application/zip")


@login_required
def account_erase(request):
    """Erasing one's own account: what goes and what stays, the password, then signed out."""
    form = EraseAccountForm(request.POST or None, user=request.user)
    refusals = services.erasure_refusals(request.user)
    if request.method == "POST" and not refusals and form.is_valid():
        try:
            services.account_erase(user=request.user, by=request.user)
        except DomainError as error:
            refusals = error.messages
        else:
            logout(request)
            messages.success(request, _("Your account has been erased."))
            return redirect("portal:home")
    return render(request, "portal/privacy/account_erase.html", {"form": form, "refusals": refusals})
