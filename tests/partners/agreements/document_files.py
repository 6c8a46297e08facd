"""Real files for the tests of agreement documents, built by hand, and helpers the two test modules share."""

import io
import re
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from PIL import Image

from partners.agreements import documents
from partners.agreements.models import DocumentKind

STORED_NAME = re.compile(r"^agreements/[0-9a-f]{32}$")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"


# --- real files, built by hand ------------------------------------------------------------------------


def pdf_bytes() -> bytes:
    """A minimal valid one-page PDF (catalog, pages, page; cross-reference table with real offsets)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A ZIP package with ``members`` in this order (the first stored uncompressed, as ODT wants), the same bytes
    every time: each member carries a fixed date, not the clock's (two calls a second apart must compare equal)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for index, (name, content) in enumerate(members.items()):
            member = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            package.writestr(member, content, compress_type=zipfile.ZIP_STORED if index == 0 else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx_bytes(**extra: bytes) -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/content-types"/>',
            "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
            **extra,
        }
    )


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Sitoumus"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def odt_bytes(mimetype: bytes = b"application/vnd.oasis.opendocument.text") -> bytes:
    return zip_bytes(
        {
            "mimetype": mimetype,
            "content.xml": b'<?xml version="1.0"?><office:document-content '
            b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
            "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest '
            b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        }
    )


def image_bytes(fmt="PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (10, 80, 160)).save(out, format=fmt)
    return out.getvalue()


VALID = [
    ("sopimus.pdf", pdf_bytes, "application/pdf"),
    ("liite.docx", docx_bytes, DOCX),
    ("budjetti.xlsx", xlsx_bytes, XLSX),
    ("liite.odt", odt_bytes, ODT),
    ("kaavio.png", image_bytes, "image/png"),
    ("valokuva.jpg", lambda: image_bytes("JPEG"), "image/jpeg"),
    ("valokuva.webp", lambda: image_bytes("WEBP"), "image/webp"),
]


def upload(name, content) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_files(settings) -> list:
    folder = settings.MEDIA_ROOT / "agreements"
    return sorted(folder.iterdir()) if folder.exists() else []


def add(agreement, user, name="sopimus.pdf", content=None, kind=DocumentKind.SIGNED, title=""):
    uploaded = upload("x", pdf_bytes() if content is None else content)
    uploaded._name = name  # as sent: UploadedFile's own setter would already drop a folder part
    return documents.document_add(agreement=agreement, uploaded_file=uploaded, kind=kind, title=title, user=user)
