"""A resource's page, editing it and deleting it.

A public resource's page is for anyone, signed in or not; a private one for the network's people. An
anonymous visitor who opens a private resource (or one that does not exist: the answer is the same) is asked
to sign in; a signed-in outsider gets 404.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.resources import selectors, services
from networks.resources.forms import ResourceForm
from networks.resources.models import Resource
from portal.lib.errors import DomainError
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse_or_show

VERSIONS_PER_PAGE = 20
# The rights the resource's page shows buttons for.
PAGE_RIGHTS = ("edit", "delete", "add_version", "publish", "see_library")


def readable(request, queryset, uuid):
    """``(resource, None)`` when the person may read it; ``(None, a redirect to sign in)`` for an anonymous
    visitor who may not (whether it exists or not); 404 for a signed-in person who may not."""
    try:
        return object_for(request, queryset, uuid=uuid), None
    except Http404:
        if request.user.is_authenticated:
            raise
        return None, redirect_to_login(request.get_full_path())


def _for(request, uuid, action: str) -> Resource:
    return object_for(request, Resource.objects.select_related("network"), action, uuid=uuid)


@require_safe
def resource_detail(request, uuid):
    """The resource: its description, tags and, for a document, its versions (the current one first)."""
    resource, sign_in = readable(request, selectors.resource_page(), uuid)
    if sign_in:
        return sign_in
    versions_page = None
    if resource.is_document:
        versions_page = paginate(request, selectors.versions(resource), per_page=VERSIONS_PER_PAGE)
        versions_page.object_list = list(versions_page.object_list)  # the current one and the table: one query
    context = {
        "resource": resource,
        "network": resource.network,
        "may": resource.access(request.user).rights(*PAGE_RIGHTS),
        "versions_page": versions_page,
    }
    return render(request, "networks/resources/detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def resource_edit(request, uuid):
    """Edit the texts, the address of a link and the tags: the network's coordinators and the person who added
    the resource; who may read it, the coordinators. A stale form is refused."""
    resource = _for(request, uuid, "edit")
    may_publish = resource.permits(request.user, "publish")
    form = ResourceForm(request.POST or None, instance=copy.copy(resource), may_publish=may_publish)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.resource_update(
                resource=resource,
                data=form.resource_data(),
                expertise=data.get("expertise", ()),
                goals=data.get("goals", ()),
                quality_areas=data["quality_areas"],
                version=form.edit_version(),
            )
        except DomainError as error:
            if refusal := refuse_or_show(request, form, resource, error):
                return refusal
        else:
            messages.success(request, _("The resource has been saved."))
            return back_to(resource)
    context = {"form": form, "resource": resource, "network": resource.network}
    return render(request, "networks/resources/form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def resource_delete(request, uuid):
    """Delete the resource with all its versions, after a confirmation."""
    resource = _for(request, uuid, "delete")
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        title, network = resource.title, resource.network
        services.resource_delete(resource=resource)
        messages.success(request, _("%(title)s has been deleted from the library.") % {"title": title})
        return redirect("resources:resource_list", slug=network.slug)
    count = resource.versions.count()
    return render(request, "networks/resources/confirm_delete.html", {"resource": resource, "version_count": count})
