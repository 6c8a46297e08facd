"""Views of organisations: the directory, an organisation's page, its editing and its logo."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partners.directory import selectors, services
from partners.directory.forms.organisations import OrganisationFilterForm, OrganisationForm
from partners.directory.models import Organisation
from portal.access import can, get_for_user
from portal.lib.errors import DomainError
from portal.lib.logos import logo_response
from portal.lib.pagination import paginate
from portal.lib.panels import ORGANISATION_ASIDE, ORGANISATION_PAGE, render_panels
from portal.lib.views import show_errors


@require_safe
@login_required
def organisation_list(request):
    """The directory: the organisations the person may see, filtered from the query string."""
    form = OrganisationFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "page_obj": paginate(request, selectors.organisation_directory(user=request.user, filters=filters)),
    }
    return render(request, "partners/directory/organisation_list.html", context)


@require_safe
@login_required
def organisation_detail(request, slug):
    organisation = get_for_user(request.user, Organisation, slug=slug)
    context = {
        "organisation": organisation,
        "people": paginate(request, selectors.organisation_people(organisation=organisation, viewer=request.user)),
        "services": list(selectors.organisation_services(organisation=organisation)),
        "panels": render_panels(ORGANISATION_PAGE, request, organisation=organisation),
        "aside_panels": render_panels(ORGANISATION_ASIDE, request, organisation=organisation),
        "can_edit": can(request.user, organisation, "edit"),
    }
    return render(request, "partners/directory/organisation_detail.html", context)


@login_required
def organisation_edit(request, slug):
    organisation = get_for_user(request.user, Organisation, action="edit", slug=slug)
    # A mutable copy: after a refused save the form carries the current version, so saving again overwrites.
    data = request.POST.copy() if request.method == "POST" else None
    # The form works on a copy: the page keeps showing the saved name while the input is being fixed.
    form = OrganisationForm(data, request.FILES or None, instance=copy.copy(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation,
                data={field: form.cleaned_data[field] for field in services.ORGANISATION_FIELDS},
                expected_version=form.cleaned_data["version"],
                logo=form.logo_change(),
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The organisation's details have been saved."))
            return redirect("partners:organisation_detail", slug=organisation.slug)
    return render(request, "partners/directory/organisation_form.html", {"form": form, "organisation": organisation})


@require_safe
@login_required
def organisation_logo(request, slug):
    """The logo, for whoever may see the organisation (it is not on a public media URL)."""
    organisation = get_for_user(request.user, Organisation, slug=slug)
    return logo_response(organisation.logo)
