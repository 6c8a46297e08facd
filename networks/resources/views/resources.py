"""A resource's page, editing it and deleting it.

A public resource's page is for anyone, signed in or not; a private one for the network's people. An
anonymous visitor who opens a private resource (or one that does not exist: the answer is the same) is asked
to sign in; a signed-in outsider gets 404. Those who read a resource only because it is public see neither the
network's own tags nor the earlier versions of a document (:mod:`networks.resources.access`).
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from networks.resources import selectors, services
from networks.resources.forms import ResourceForm
from networks.resources.models import Resource
from portal.lib.errors import DomainError
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse_or_show

VERSIONS_PER_PAGE = 20
PUBLIC_CHANGE_REFUSED = gettext_lazy(
    "The resource is public: only the network's coordinators can change it or upload a new version."
)
# The rights the resource's page shows buttons for.
PAGE_RIGHTS = ("own", "edit", "delete", "add_version", "publish", "see_library")


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


def changeable(request, uuid, action: str):
    """``(resource, None)`` when the person may ``action`` (edit it, add a version); ``(None, a redirect to its
    page with a message)`` when they added it but it is public now, so only a coordinator changes it; 403 or
    404 for anyone else."""
    resource = _for(request, uuid, "own")
    if resource.permits(request.user, action):
        return resource, None
    if not resource.is_public or (action == "add_version" and not resource.is_document):  # a link has none
        raise PermissionDenied
    messages.error(request, PUBLIC_CHANGE_REFUSED)
    return None, back_to(resource)


def _versions(request, resource: Resource, may: dict):
    """The document's versions as its page shows them: a page of them all for the network's people; for those
    who read it only because it is public, the current one alone. ``(page or None, the current version)``."""
    if not resource.is_document:
        return None, None
    if not may["see_library"]:
        return None, selectors.current_version(resource)
    page = paginate(request, selectors.versions(resource), per_page=VERSIONS_PER_PAGE)
    page.object_list = list(page.object_list)  # the current one and the table: one query
    return page, (page.object_list[0] if page.number == 1 and page.object_list else None)


@require_safe
def resource_detail(request, uuid):
    """The resource: its description, tags and, for a document, its versions (the current one first)."""
    resource, sign_in = readable(request, selectors.resource_page(), uuid)
    if sign_in:
        return sign_in
    may = resource.access(request.user).rights(*PAGE_RIGHTS)
    versions_page, current = _versions(request, resource, may)
    context = {
        "resource": resource,
        "network": resource.network,
        "may": may,
        "versions_page": versions_page,
        "current": current,
    }
    return render(request, "networks/resources/detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def resource_edit(request, uuid):
    """Edit the texts, the address of a link and the tags: the network's coordinators and the person who added
    the resource (a public one: the coordinators); who may read it, the coordinators. A stale form is refused."""
    resource, refusal = changeable(request, uuid, "edit")
    if refusal:
        return refusal
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
