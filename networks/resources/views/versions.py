"""The versions of a document: uploading a new one, and downloading any of them.

Files are never on a public URL: the download view checks that the person may read the resource (anyone for a
public one) and serves the file as an attachment, with the content type found when it was uploaded
(:func:`portal.lib.uploads.private_file_response`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.resources import services
from networks.resources.forms import VersionForm
from networks.resources.models import Resource
from networks.resources.views.resources import readable
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.uploads import private_file_response
from portal.lib.views import back_to, object_for, show_errors


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def version_create(request, uuid):
    """Upload a new version of a document; the earlier ones are kept."""
    resource = object_for(request, Resource.objects.select_related("network"), "add_version", uuid=uuid)
    if not resource.permits(request.user, "add_version"):  # a link has none, for administrators too
        raise PermissionDenied
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
    """A version's file, for whoever may read the resource, always as a download."""
    resource, sign_in = readable(request, Resource.objects.all(), uuid)
    if sign_in:
        return sign_in
    version = get_object_or_404(resource.versions, number=number)
    return private_file_response(version.file, filename=version.original_name, content_type=version.content_type)
