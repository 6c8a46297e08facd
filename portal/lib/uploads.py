"""Checking an uploaded document by what it contains, not by what its name or the browser claims, and serving
a stored private file; shared by every domain that takes documents (agreements, indicators' evidence, the
resource library).

- the size first (before anything is read): at most :data:`DOCUMENT_MAX_BYTES`, not empty;
- the name must end in an allowed extension (``.pdf``, ``.docx``, ``.odt``, ``.xlsx``, ``.png``,
  ``.jpg``/``.jpeg``, ``.webp``);
- the content must really be one of those: a PDF starts with ``%PDF-``; DOCX, XLSX and ODT are ZIP
  packages with their own required parts (and no macros, and not a "zip bomb"); images are opened
  and verified with Pillow;
- and the extension must match the content found (a PDF named ``report.docx`` is refused).

A domain stores the file under a server-generated name in the private media folder (never on a public URL)
and keeps the uploaded name, cleaned by :func:`clean_filename`, only to show it and to offer it when
downloading; :func:`private_file_response` serves it, after the view has checked access.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal.lib.validators import logo_format


@dataclass(frozen=True)
class DocumentType:
    """A kind of file that may be uploaded: its name, the content type it is served with, its extensions."""

    name: str
    content_type: str
    extensions: tuple[str, ...]


DOCUMENT_TYPES = {
    "pdf": DocumentType("PDF", "application/pdf", ("pdf",)),
    "docx": DocumentType("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",)),
    "odt": DocumentType("ODT", "application/vnd.oasis.opendocument.text", ("odt",)),
    "xlsx": DocumentType("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)),
    "png": DocumentType("PNG", "image/png", ("png",)),
    "jpeg": DocumentType("JPEG", "image/jpeg", ("jpg", "jpeg")),
    "webp": DocumentType("WebP", "image/webp", ("webp",)),
}
# Extension → the type a file with that name must contain.
_BY_EXTENSION = {extension: key for key, kind in DOCUMENT_TYPES.items() for extension in kind.extensions}
# For the file input's accept= (a hint to the browser's file chooser; the server decides).
DOCUMENT_ACCEPT = ",".join(f".{extension}" for extension in _BY_EXTENSION)
DOCUMENT_TYPE_NAMES = ", ".join(kind.name for kind in DOCUMENT_TYPES.values())

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# A ZIP package (DOCX, XLSX, ODT) larger than this when unpacked, or with more parts, is not a document.
ZIP_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
ZIP_MAX_MEMBERS = 1000
# Kept names are at most this long (the model allows 200); the extension is kept when shortening.
NAME_MAX_LENGTH = 150

# Pillow's format name → our type (MPO is how Pillow names a camera JPEG with extra pictures).
_IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg", "WEBP": "webp"}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Parts that carry code: VBA macros and ActiveX controls (Office), Basic macros and scripts (OpenDocument).
_CODE_PART = re.compile(r"(^|/)(vbaproject\.bin|vbadata\.xml|activex/|basic/|scripts/)", re.IGNORECASE)
_EXTENSION = re.compile(r"[A-Za-z0-9]{1,10}")
# Unicode categories dropped from names: control and format characters (line breaks, NUL, bidi
# overrides that make "evil\u202efdp.exe" look like "evilexe.pdf", zero-width spaces) and separators.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


# --- names ----------------------------------------------------------------------------------------


def clean_filename(name: str) -> str:
    """The uploaded ``name`` made safe to show and to offer when downloading.

    Any folder part (``/`` or ``\\``), control and format characters and leading dots go, the
    length is limited (keeping the extension); an empty stem becomes ``document``:
    ``../../etc/passwd.pdf`` → ``passwd.pdf``, ``.pdf`` → ``document.pdf``.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(" " if character.isspace() else character for character in name)
    name = "".join(character for character in name if unicodedata.category(character) not in _DROPPED_CATEGORIES)
    stem, dot, extension = name.rpartition(".")
    if not dot or not _EXTENSION.fullmatch(extension):
        stem, extension = name, ""
    stem = re.sub(r" {2,}", " ", stem).strip().lstrip(".").strip()
    room = NAME_MAX_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip() or "document"
    return f"{stem}.{extension}" if extension else stem


def extension_of(name: str) -> str:
    """The extension of ``name`` in lower case, without the dot ("" when there is none)."""
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


# --- what a file contains -------------------------------------------------------------------------


def _too_large(size: int) -> ValidationError:
    return ValidationError(
        _("The file is too large (%(size)s). The largest allowed size is %(limit)s."),
        code="too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(DOCUMENT_MAX_BYTES)},
    )


def check_document_size(file) -> None:
    """At most :data:`DOCUMENT_MAX_BYTES` and not empty, by the size the upload reports (nothing is read)."""
    size = getattr(file, "size", None) or 0
    if size > DOCUMENT_MAX_BYTES:
        raise _too_large(size)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")


def _zip_type(file) -> str | None:
    """The type of a ZIP package (``docx``, ``xlsx``, ``odt``), None for any other ZIP.

    Refuses packages with macros or other code and packages that unpack to too much.
    """
    with zipfile.ZipFile(file) as package:
        members = package.infolist()
        if len(members) > ZIP_MAX_MEMBERS or sum(member.file_size for member in members) > ZIP_MAX_UNPACKED_BYTES:
            raise ValidationError(
                _("This file unpacks to too much data, or to too many parts, to be a document."), code="zip_bomb"
            )
        names = {member.filename for member in members}
        if any(_CODE_PART.search(name) for name in names):
            raise ValidationError(
                _(
                    "Documents with macros or other program code cannot be uploaded. Save the document without "
                    "macros (for example as DOCX, XLSX or PDF) and upload it again."
                ),
                code="macros",
            )
        if members and members[0].filename == "mimetype":
            with package.open(members[0]) as part:
                return "odt" if part.read(len(_ODT_MIMETYPE) + 1).strip() == _ODT_MIMETYPE else None
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
    return None


def detect_document_type(file) -> str | None:
    """What ``file`` really contains (a key of :data:`DOCUMENT_TYPES`), or None when it is none of them.

    Raises ValidationError for an Office package with macros and for a "zip bomb". The file's
    position is left at its start.
    """
    try:
        file.seek(0)
        if file.read(5) == b"%PDF-":
            return "pdf"
        file.seek(0)
        if zipfile.is_zipfile(file):
            file.seek(0)
            return _zip_type(file)
        return _IMAGE_FORMATS.get(logo_format(file))
    except ValidationError:
        raise
    except Exception:  # a damaged package or anything else that cannot be read is "not a document"
        return None
    finally:
        file.seek(0)


def check_document(file, name: str) -> str:
    """Check an upload called ``name``; return the content type it is served with (of what it really is).

    Raises ValidationError (codes: too_large, empty, type, content, mismatch, macros, zip_bomb).
    """
    check_document_size(file)
    extension = extension_of(name)
    expected = _BY_EXTENSION.get(extension)
    if expected is None:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Upload a file of one of these types: %(types)s."),
            code="type",
            params={"types": DOCUMENT_TYPE_NAMES},
        )
    found = detect_document_type(file)
    if found is None:
        raise ValidationError(
            _(
                "The content of this file is not one of the allowed types (%(types)s), or the file is "
                "damaged or password-protected."
            ),
            code="content",
            params={"types": DOCUMENT_TYPE_NAMES},
        )
    if found != expected:
        raise ValidationError(
            _(
                "The file's name ends in .%(extension)s but it contains a %(found)s document. Check that you "
                "chose the right file, or correct the end of its name."
            ),
            code="mismatch",
            params={"extension": extension, "found": DOCUMENT_TYPES[found].name},
        )
    return DOCUMENT_TYPES[found].content_type


# --- forms and serving ----------------------------------------------------------------------------


class DocumentFileField(forms.FileField):
    """A file upload whose size is checked before anything reads it (the content is checked by
    :func:`check_document` when the document is stored)."""

    def to_python(self, data):
        if data not in self.empty_values:
            check_document_size(data)
        return super().to_python(data)


# A downloaded document is never run as a page, even if a browser were to show it inline.
ATTACHMENT_CSP = "default-src 'none'; sandbox"


def private_file_response(field_file, *, filename: str, content_type: str) -> FileResponse:
    """A stored private file as a download (``Content-Disposition: attachment`` with the cleaned ``filename``),
    never sniffed or run as a page, never cached by a shared cache. A file lost from the disk is "not found".

    Call it only after the view has decided the person may read the file."""
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = ATTACHMENT_CSP
    patch_cache_control(response, private=True, no_store=True)
    return response
