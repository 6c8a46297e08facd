"""Private documents of partner agreements: what may be uploaded, and adding and deleting them.

An upload is checked by what it contains, not by what its name or the browser claims
(:func:`portal.lib.uploads.check_document`, shared with the other domains that take documents).

The stored file gets a server-generated name (``agreements/<uuid hex>``, see
:func:`partners.agreements.models.documents.document_path`); the uploaded name is cleaned by
:func:`clean_filename` and kept only to be shown and offered when downloading.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partners.agreements.models import Agreement, AgreementDocument
from portal.lib.errors import DomainError, validated
from portal.lib.uploads import (  # noqa: F401 - the checks, shared with the other domains that take documents
    DOCUMENT_ACCEPT,
    DOCUMENT_MAX_BYTES,
    DOCUMENT_TYPE_NAMES,
    DOCUMENT_TYPES,
    NAME_MAX_LENGTH,
    DocumentType,
    check_document,
    check_document_size,
    clean_filename,
    detect_document_type,
    extension_of,
)

# --- services -------------------------------------------------------------------------------------


def document_add(*, agreement: Agreement, uploaded_file, kind: str, title: str, user) -> AgreementDocument:
    """Store an uploaded document of ``agreement`` (in any state: signed copies arrive after signing).

    The file is checked by :func:`check_document` and stored under a server-generated name; the
    uploaded name is kept, cleaned, for display. Refuses with a :class:`~portal.lib.errors.DomainError`
    with field errors (``file``, ``kind``, ``title``), or one message when the agreement is gone; nothing
    is stored then.
    """
    original_name = clean_filename(getattr(uploaded_file, "name", ""))
    try:
        content_type = check_document(uploaded_file, original_name)
    except ValidationError as error:
        raise DomainError({"file": error.error_list}) from None
    document = AgreementDocument(
        agreement=agreement,
        kind=kind,
        title=(title or "").strip(),
        original_name=original_name,
        content_type=content_type,
        size=uploaded_file.size,
        uploaded_by=user,
    )
    validated(document, exclude=["file"])
    with transaction.atomic():
        # The agreement must still exist (it may have been deleted since the form was opened).
        if not Agreement.objects.select_for_update().filter(pk=agreement.pk).exists():
            raise DomainError(_("This agreement no longer exists."))
        uploaded_file.seek(0)
        document.file.save(original_name, uploaded_file, save=False)
        try:
            document.save()
        except BaseException:
            document.file.storage.delete(document.file.name)
            raise
    return document


def document_delete(*, document: AgreementDocument) -> None:
    """Delete the document; its stored file goes once the deletion is committed."""
    name, storage = document.file.name, document.file.storage
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: storage.delete(name))
