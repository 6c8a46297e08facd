"""Agreement documents: what may be uploaded (checked by content), clean names, the services."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from partners.agreements import documents
from partners.agreements.models import AgreementDocument, AgreementStatus
from portal.lib import uploads
from portal.lib.errors import DomainError
from tests.partners.agreements.document_files import (
    DOCX,
    STORED_NAME,
    VALID,
    add,
    docx_bytes,
    image_bytes,
    odt_bytes,
    pdf_bytes,
    stored_files,
    upload,
    zip_bytes,
)


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


# --- what a file contains ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "build", "content_type"), VALID)
def test_allowed_documents_are_recognised_by_their_content(name, build, content_type):
    assert documents.check_document(upload(name, build()), name) == content_type


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("ohjelma.exe", b"MZ\x90\x00" + b"\x00" * 60, "type"),
        ("sivu.html", b"<!doctype html><script>alert(1)</script>", "type"),
        ("kuva.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "type"),
        ("nimeton", pdf_bytes(), "type"),
        ("makro.docm", docx_bytes(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "type"),
        ("muistio.pdf", b"Just some text, not a PDF.", "content"),
        ("sivu.png", b"<html><body>not an image</body></html>", "content"),
        ("rikki.png", image_bytes()[:30], "content"),
        ("paketti.docx", zip_bytes({"readme.txt": b"hello"}), "content"),
        ("laskenta.odt", odt_bytes(b"application/vnd.oasis.opendocument.spreadsheet"), "content"),
        ("raportti.docx", pdf_bytes(), "mismatch"),
        ("sopimus.pdf", docx_bytes(), "mismatch"),
        ("kuva.jpg", image_bytes("PNG"), "mismatch"),
        ("makro.docx", docx_bytes(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "macros"),
        (
            "makro.xlsx",
            zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "xl/vbaProject.bin": b""}),
            "macros",
        ),
        (
            "makro.odt",
            zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "Basic/Standard/M.xml": b""}),
            "macros",
        ),
        ("tyhja.pdf", b"", "empty"),
    ],
)
def test_refused_documents(name, content, code):
    with pytest.raises(ValidationError) as caught:
        documents.check_document(upload(name, content), name)
    assert caught.value.code == code


def test_size_is_checked_before_anything_is_read():
    class Huge:
        name = "iso.pdf"
        size = documents.DOCUMENT_MAX_BYTES + 1

        def read(self, *args):
            raise AssertionError("read before the size was checked")

        seek = tell = read

    with pytest.raises(ValidationError) as caught:
        documents.check_document(Huge(), Huge.name)
    assert caught.value.code == "too_large"
    # A file of exactly the limit passes.
    at_limit = pdf_bytes().ljust(documents.DOCUMENT_MAX_BYTES, b"\n")
    assert documents.check_document(upload("ok.pdf", at_limit), "ok.pdf") == "application/pdf"


def test_zip_bombs_are_refused(monkeypatch):
    package = docx_bytes(**{"word/media/big.bin": b"\x00" * 5000})
    assert documents.check_document(upload("a.docx", package), "a.docx") == DOCX
    monkeypatch.setattr(uploads, "ZIP_MAX_UNPACKED_BYTES", 4000)
    with pytest.raises(ValidationError) as caught:
        documents.check_document(upload("a.docx", package), "a.docx")
    assert caught.value.code == "zip_bomb"
    monkeypatch.setattr(uploads, "ZIP_MAX_UNPACKED_BYTES", 10**9)
    monkeypatch.setattr(uploads, "ZIP_MAX_MEMBERS", 2)
    with pytest.raises(ValidationError) as caught:
        documents.check_document(upload("a.docx", package), "a.docx")
    assert caught.value.code == "zip_bomb"


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\liisa\\Sopimus.pdf", "Sopimus.pdf"),
        ("Sopimus äö.pdf", "Sopimus äö.pdf"),
        (".pdf", "document.pdf"),
        ("...piilo.pdf", "piilo.pdf"),
        ("rivi\nvaihto\x00\x07.pdf", "rivi vaihto.pdf"),
        ("paha\u202efdp.exe", "pahafdp.exe"),
        ("  väli   lyönnit .docx", "väli lyönnit.docx"),
        ("", "document"),
        ("/", "document"),
        ('lainaus "A".pdf', 'lainaus "A".pdf'),
    ],
)
def test_clean_filename(name, clean):
    assert documents.clean_filename(name) == clean


def test_clean_filename_keeps_the_extension_when_shortening():
    cleaned = documents.clean_filename("x" * 300 + ".docx")
    assert len(cleaned) == documents.NAME_MAX_LENGTH
    assert cleaned.endswith("x.docx")


# --- the services ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_document_add_stores_under_a_server_generated_name(settings, agreement, coordinator):
    document = add(agreement, coordinator, name="../../etc/passwd.pdf", title="  Allekirjoitettu  ")
    document.refresh_from_db()
    assert document.original_name == "passwd.pdf"
    assert document.title == "Allekirjoitettu"
    assert STORED_NAME.match(document.file.name), document.file.name
    assert document.content_type == "application/pdf"
    assert document.size == len(pdf_bytes())
    assert document.uploaded_by == coordinator
    assert stored_files(settings) == [settings.MEDIA_ROOT / document.file.name]
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == pdf_bytes()


@pytest.mark.django_db
def test_document_add_refuses_without_storing_anything(settings, agreement, coordinator):
    with pytest.raises(DomainError) as caught:
        add(agreement, coordinator, name="muistio.pdf", content=b"plain text")
    assert set(caught.value.message_dict) == {"file"}
    with pytest.raises(DomainError) as caught:
        add(agreement, coordinator, title="kaksi\nriviä")
    assert set(caught.value.message_dict) == {"title"}
    with pytest.raises(DomainError) as caught:
        add(agreement, coordinator, kind="other")
    assert set(caught.value.message_dict) == {"kind"}
    assert not AgreementDocument.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.django_db
@pytest.mark.parametrize("status", [AgreementStatus.NEGOTIATION, AgreementStatus.ACTIVE, AgreementStatus.TERMINATED])
def test_documents_are_added_in_every_state(agreement, coordinator, status):
    type(agreement).objects.filter(pk=agreement.pk).update(status=status, termination_reason="Päättyi.")
    agreement.refresh_from_db()
    assert add(agreement, coordinator).pk


@pytest.mark.django_db
def test_document_delete_removes_the_file_once_committed(
    settings, agreement, coordinator, django_capture_on_commit_callbacks
):
    document = add(agreement, coordinator)
    path = settings.MEDIA_ROOT / document.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        documents.document_delete(document=document)
    assert not AgreementDocument.objects.exists()
    assert path.exists()  # not before the commit
    for callback in callbacks:
        callback()
    assert not path.exists()
