"""Views of an agreement's private documents: uploading, downloading and deleting them.

Documents are never on a public URL: the download view checks the person may see the agreement's
details (coordinators, the parties' representatives, every member when shared) and serves the file
as an attachment with the content type found when it was uploaded.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partners.agreements import documents
from partners.agreements.forms.documents import DocumentForm
from partners.agreements.models import Agreement, AgreementDocument
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.uploads import private_file_response
from portal.lib.views import back_to, object_for, show_errors


def _agreement(request, pk, action: str) -> Agreement:
    """The agreement ``pk``, if the person may do ``action`` on it (404 for outsiders, 403 otherwise)."""
    return object_for(request, Agreement.objects.select_related("network"), action, pk=pk)


def _document_of(agreement, pk) -> AgreementDocument:
    """The document ``pk`` of ``agreement``; another agreement's document is not found (404)."""
    return get_object_or_404(agreement.documents.select_related("uploaded_by"), pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def document_upload(request, pk):
    agreement = _agreement(request, pk, "manage")
    posted = request.method == "POST"
    form = with_token(DocumentForm)(
        request.POST if posted else None, request.FILES if posted else None, agreement=agreement
    )
    if posted and form.is_valid():
        try:
            document = documents.document_add(
                agreement=agreement,
                uploaded_file=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                user=request.user,
            )
        except DomainError as error:
            # Also "the agreement no longer exists": said above the form, as its page is gone.
            show_errors(form, error)
        else:
            messages.success(request, _("The document %(name)s has been uploaded.") % {"name": document})
            return created(request, back_to(agreement, "documents"))
    return render(request, "partners/agreements/document_form.html", {"form": form, "agreement": agreement})


@require_safe
@login_required
def document_download(request, pk, document):
    """The stored file, for those who may see the agreement's details, always as a download."""
    agreement = _agreement(request, pk, "details")
    document = _document_of(agreement, document)
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def document_delete(request, pk, document):
    """GET asks for confirmation; a POST from the confirmation button (``confirm=yes``) deletes."""
    agreement = _agreement(request, pk, "manage")
    document = _document_of(agreement, document)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        name = str(document)
        documents.document_delete(document=document)
        messages.success(request, _("The document %(name)s has been deleted.") % {"name": name})
        return back_to(agreement, "documents")
    return render(
        request, "partners/agreements/document_confirm_delete.html", {"agreement": agreement, "document": document}
    )
