"""Views of guidance services: adding, editing and deleting an organisation's services, and the service map."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partners.directory import selectors, services
from partners.directory.forms.services import ServiceForm, ServiceMapFilterForm
from partners.directory.models import GuidanceService, Organisation
from portal.access import get_for_user
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import show_errors


def _service_of(request, slug, pk) -> GuidanceService:
    """The service ``pk`` of organisation ``slug``, if the person may edit it (404 outsiders, 403 others)."""
    queryset = GuidanceService.objects.select_related("organisation").filter(organisation__slug=slug)
    return get_for_user(request.user, queryset, action="edit", pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def service_create(request, slug):
    organisation = get_for_user(request.user, Organisation, action="edit", slug=slug)
    initial = {"regions": organisation.regions, "languages": organisation.languages}
    form = with_token(ServiceForm)(
        request.POST or None, instance=GuidanceService(organisation=organisation), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        service = services.service_create(organisation=organisation, **form.service_data())
        messages.success(request, _("The service %(name)s has been added.") % {"name": service.name})
        return created(request, redirect("partners:organisation_detail", slug=organisation.slug))
    return render(
        request, "partners/directory/service_form.html", {"form": form, "organisation": organisation, "service": None}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def service_edit(request, slug, pk):
    service = _service_of(request, slug, pk)
    organisation = service.organisation
    form = ServiceForm(request.POST or None, instance=copy.copy(service))
    if request.method == "POST" and form.is_valid():
        try:
            services.service_update(service=service, version=form.edit_version(), **form.service_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The service %(name)s has been saved.") % {"name": service.name})
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(
        request,
        "partners/directory/service_form.html",
        {"form": form, "organisation": organisation, "service": service},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def service_delete(request, slug, pk):
    """GET asks for confirmation; a POST from the confirmation button (``confirm=yes``) deletes."""
    service = _service_of(request, slug, pk)
    organisation = service.organisation
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        name = service.name
        services.service_delete(service=service)
        messages.success(request, _("The service %(name)s has been deleted.") % {"name": name})
        return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(
        request, "partners/directory/service_confirm_delete.html", {"service": service, "organisation": organisation}
    )


@require_safe
@login_required
def service_map(request):
    """Who gives what kind of guidance, to whom, where and in which language: the services the person may see."""
    form = ServiceMapFilterForm(request.GET or None, user=request.user)
    filters = form.filters() if form.is_bound else {}
    context = {
        "form": form,
        "page_obj": paginate(request, selectors.service_map_services(user=request.user, filters=filters)),
        "region_counts": selectors.service_region_counts(user=request.user, filters=filters),
        "selected_region": filters.get("region", ""),
    }
    return render(request, "partners/directory/service_map.html", context)
