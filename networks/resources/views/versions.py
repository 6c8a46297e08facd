"""The versions of a document: uploading a new one, and downloading any of them.

Files are never on a public URL: the download view checks that the person may read the resource and the version
(every version for the network's people; only the current one for those who read the resource because it is
public) and serves the file as an attachment, with the content type found when it was uploaded
(:func:`portal.lib.uploads.private_file_response`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.resources import selectors, services
from networks.resources.forms import VersionForm
from networks.resources.models import Resource
from networks.resources.views.resources import changeable, readable
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.uploads import private_file_response
from portal.lib.views import back_to, show_errors


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def version_create(request, uuid):
    """Upload a new version of a document; the earlier ones are kept."""
    resource, refusal = changeable(request, uuid, "add_version")  # a link has none, for administrators too
    if refusal:
        return refusal
    posted = request.method == "POST"
    form = with_token(VersionForm)(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            version = services.version_add(
                resource=resource,
                uploaded_file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s (%(name)s) has been uploaded. The earlier versions are kept.")
                % {"number": version.number, "name": version.original_name},
            )
            return created(request, back_to(resource, "versions"))
    return render(request, "networks/resources/version_form.html", {"form": form, "resource": resource})


@require_safe
def version_download(request, uuid, number):
    """A version's file, always as a download: any version for the network's people, the current one for whoever
    reads the resource because it is public (an earlier one: as for a resource they may not read)."""
    resource, sign_in = readable(request, Resource.objects.select_related("network"), uuid)
    if sign_in:
        return sign_in
    if resource.permits(request.user, "see_library"):
        version = resource.versions.filter(number=number).first()
    else:
        current = selectors.current_version(resource)
        version = current if current is not None and current.number == number else None
        if version is None and not request.user.is_authenticated:  # the network's people may download it
            return redirect_to_login(request.get_full_path())
    if version is None:
        raise Http404
    return private_file_response(version.file, filename=version.original_name, content_type=version.content_type)
