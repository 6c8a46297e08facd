"""A network's resource library: the list with its filters and search, and adding a document or a link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.memberships.models import Network
from networks.resources import selectors, services
from networks.resources.forms import LibraryFilterForm, ResourceForm
from networks.resources.models import Resource
from portal.lib.errors import DomainError
from portal.lib.htmx import render_page_or_region
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, show_errors

PAGE_SIZE = 25


@require_safe
@login_required
def resource_list(request, slug):
    """The network's documents and links, the newest first, filtered and searched; for the network's people."""
    network = object_for(request, Network, slug=slug)
    form = LibraryFilterForm(request.GET or None, network=network)
    filters = form.filters()
    page_obj = paginate(request, selectors.library(network, **filters), per_page=PAGE_SIZE)
    context = {
        "network": network,
        "form": form,
        "filtered": any(filters.values()),
        "page_obj": page_obj,
        "may_add": network.permits(request.user, "take_part"),
    }
    # The filters changed in place: the results only (and the whole page when htmx restores its history).
    return render_page_or_region(request, "networks/resources/list.html", "results", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def resource_create(request, slug):
    """Add a document (with its first file) or a link to the library: coordinators and members."""
    network = object_for(request, Network, "take_part", slug=slug)
    posted = request.method == "POST"
    form = with_token(ResourceForm)(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=Resource(network=network),
        may_publish=network.permits(request.user, "edit"),
    )
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            resource = services.resource_create(
                network=network,
                user=request.user,
                kind=data["kind"],
                data=form.resource_data(),
                uploaded_file=data.get("file"),
                expertise=data.get("expertise", ()),
                goals=data.get("goals", ()),
                quality_areas=data["quality_areas"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(title)s has been added to the library.") % {"title": resource.title})
            return created(request, back_to(resource))
    return render(request, "networks/resources/form.html", {"form": form, "network": network})
