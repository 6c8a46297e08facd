"""Agreement documents through the pages: uploading, who may download, the download's headers, deleting."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from partners.agreements import documents
from partners.agreements.models import AgreementDocument, DocumentKind
from portal.lib import uploads
from tests import factories
from tests.partners.agreements.document_files import (
    STORED_NAME,
    VALID,
    add,
    docx_bytes,
    image_bytes,
    pdf_bytes,
    stored_files,
    upload,
)


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def upload_url(agreement):
    return reverse("agreements:document_upload", kwargs={"pk": agreement.pk})


def download_url(agreement, document_pk):
    return reverse("agreements:document_download", kwargs={"pk": agreement.pk, "document": document_pk})


def delete_url(agreement, document):
    return reverse("agreements:document_delete", kwargs={"pk": agreement.pk, "document": document.pk})


def fetch(client, url):
    """GET ``url``; a streamed file is read to the end, which closes it."""
    response = client.get(url)
    response.body = b"".join(response.streaming_content) if response.streaming else response.content
    return response


# --- uploading through the page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_upload_form(client_for, coordinator, agreement):
    response = client_for(coordinator).get(upload_url(agreement))
    assert response.status_code == 200
    html = response.text
    assert 'enctype="multipart/form-data"' in html
    assert f'accept="{documents.DOCUMENT_ACCEPT}"' in html
    assert documents.DOCUMENT_ACCEPT == ".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg,.webp"
    assert "PDF, DOCX, ODT, XLSX, PNG, JPEG, WebP" in html
    assert "10.0\xa0MB" in html


@pytest.mark.django_db
def test_upload_form_offers_the_signed_copy_once_signed(client_for, coordinator, agreement):
    client = client_for(coordinator)
    assert client.get(upload_url(agreement)).context["form"]["kind"].initial == DocumentKind.ANNEX  # a draft
    type(agreement).objects.filter(pk=agreement.pk).update(status="active")
    assert client.get(upload_url(agreement)).context["form"]["kind"].initial == DocumentKind.SIGNED
    add(agreement, coordinator, kind=DocumentKind.SIGNED)
    assert client.get(upload_url(agreement)).context["form"]["kind"].initial == DocumentKind.ANNEX


@pytest.mark.django_db
def test_upload_without_a_file(settings, client_for, coordinator, agreement):
    client = client_for(coordinator)
    for data in ({"kind": "annex"}, {}):
        response = client.post(upload_url(agreement), data)
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
    assert not AgreementDocument.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "build", "content_type"), VALID)
def test_upload_each_allowed_type(settings, client_for, coordinator, agreement, name, build, content_type):
    content = build()
    response = client_for(coordinator).post(
        upload_url(agreement), {"file": upload(name, content), "kind": "annex", "title": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk}) + "#documents"
    document = agreement.documents.get()
    assert (document.original_name, document.content_type, document.size) == (name, content_type, len(content))
    assert document.kind == DocumentKind.ANNEX
    assert STORED_NAME.match(document.file.name)
    assert stored_files(settings) == [settings.MEDIA_ROOT / document.file.name]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ohjelma.exe", b"MZ\x90\x00"),
        ("sivu.html", b"<html></html>"),
        ("kuva.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("muistio.pdf", b"Just text."),
        ("raportti.docx", pdf_bytes()),
        ("makro.docm", docx_bytes(**{"word/vbaProject.bin": b""})),
        ("makro.docx", docx_bytes(**{"word/vbaProject.bin": b""})),
        ("tyhja.pdf", b""),
    ],
)
def test_refused_upload_saves_nothing(settings, client_for, coordinator, agreement, name, content):
    response = client_for(coordinator).post(upload_url(agreement), {"file": upload(name, content), "kind": "annex"})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert 'class="invalid-feedback' in response.text or "is-invalid" in response.text
    assert not AgreementDocument.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.django_db
def test_too_large_upload_is_refused(settings, monkeypatch, client_for, coordinator, agreement):
    monkeypatch.setattr(uploads, "DOCUMENT_MAX_BYTES", 100)
    response = client_for(coordinator).post(
        upload_url(agreement), {"file": upload("sopimus.pdf", pdf_bytes()), "kind": "signed"}
    )
    assert response.status_code == 200
    assert "too large" in response.context["form"].errors["file"][0]
    assert not AgreementDocument.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.django_db
def test_path_in_the_uploaded_name_is_dropped(settings, client_for, coordinator, agreement):
    """A hand-made request naming the file "../../etc/passwd.pdf": stored under a uuid, shown as passwd.pdf."""
    boundary = "rajaraja"
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="kind"\r\n\r\nsigned\r\n'
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="../../etc/passwd.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + pdf_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    client = client_for(coordinator)
    response = client.post(upload_url(agreement), body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 302
    document = agreement.documents.get()
    assert document.original_name == "passwd.pdf"
    assert STORED_NAME.match(document.file.name)
    assert "passwd" not in document.file.name
    assert stored_files(settings) == [settings.MEDIA_ROOT / document.file.name]
    assert not (settings.MEDIA_ROOT.parent / "etc").exists()
    response = fetch(client, download_url(agreement, document.pk))
    assert response["Content-Disposition"] == 'attachment; filename="passwd.pdf"'


@pytest.mark.django_db
def test_leading_dots_are_dropped_from_uploaded_names(client_for, coordinator, agreement):
    client_for(coordinator).post(upload_url(agreement), {"file": upload(".htaccess.pdf", pdf_bytes()), "kind": "annex"})
    assert agreement.documents.get().original_name == "htaccess.pdf"


# --- downloading -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_download_headers(client_for, coordinator, agreement):
    document = add(agreement, coordinator, name="Sopimus.pdf")
    response = fetch(client_for(coordinator), download_url(agreement, document.pk))
    assert response.status_code == 200
    assert response.body == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Sopimus.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Length"] == str(len(pdf_bytes()))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "disposition"),
    [
        ("Sopimus äö.pdf", "attachment; filename*=utf-8''Sopimus%20%C3%A4%C3%B6.pdf"),
        ('Sopimus "A".pdf', 'attachment; filename="Sopimus \\"A\\".pdf"'),
        ("Rivi\r\nSet-Cookie: x=1.pdf", 'attachment; filename="Rivi Set-Cookie: x=1.pdf"'),
    ],
)
def test_download_name_is_safe_in_the_header(client_for, coordinator, agreement, name, disposition):
    document = add(agreement, coordinator, name=name)
    response = fetch(client_for(coordinator), download_url(agreement, document.pk))
    assert response["Content-Disposition"] == disposition
    assert "Set-Cookie" not in response.headers or "x=1" not in response.headers["Set-Cookie"]


@pytest.mark.django_db
def test_content_type_is_what_was_found(client_for, coordinator, agreement):
    document = add(agreement, coordinator, name="kaavio.png", content=image_bytes())
    response = fetch(client_for(coordinator), download_url(agreement, document.pk))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_missing_file_is_a_404(settings, client_for, coordinator, agreement):
    document = add(agreement, coordinator)
    (settings.MEDIA_ROOT / document.file.name).unlink()
    assert fetch(client_for(coordinator), download_url(agreement, document.pk)).status_code == 404


@pytest.mark.django_db
def test_who_may_download(client_for, coordinator, member, observer, outsider, agreement):
    document = add(agreement, coordinator)
    url = download_url(agreement, document.pk)
    assert fetch(client_for(coordinator), url).status_code == 200
    assert fetch(client_for(member), url).status_code == 200  # represents a party
    assert fetch(client_for(observer), url).status_code == 403  # sees the agreement, not its details
    assert fetch(client_for(outsider), url).status_code == 404
    assert fetch(client_for(outsider), download_url(agreement, 999_999)).status_code == 404
    assert fetch(client_for(None), url).status_code == 302  # to sign in
    agreement.share_details = True
    agreement.save(update_fields=["share_details"])
    assert fetch(client_for(observer), url).status_code == 200
    assert fetch(client_for(outsider), url).status_code == 404
    assert client_for(coordinator).post(url).status_code == 405


@pytest.mark.django_db
def test_another_agreements_document_is_not_found_here(client_for, coordinator, network, agreement):
    other = factories.AgreementFactory(network=network, coordinator=coordinator)
    document = add(other, coordinator)
    client = client_for(coordinator)
    assert fetch(client, download_url(other, document.pk)).status_code == 200
    assert fetch(client, download_url(agreement, document.pk)).status_code == 404
    assert client.get(delete_url(agreement, document)).status_code == 404
    assert client.post(delete_url(agreement, document), {"confirm": "yes"}).status_code == 404
    assert AgreementDocument.objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_stored_files_have_no_public_url(client_for, coordinator, agreement):
    document = add(agreement, coordinator)
    client = client_for(coordinator)
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/{document.file.name}").status_code == 404


# --- who may upload and delete -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_coordinators_upload_and_delete(client_for, coordinator, member, observer, outsider, agreement):
    document = add(agreement, coordinator)
    agreement.share_details = True
    agreement.save(update_fields=["share_details"])
    for user, status in ((member, 403), (observer, 403), (outsider, 404), (None, 302)):
        client = client_for(user)
        assert client.get(upload_url(agreement)).status_code == status
        assert (
            client.post(upload_url(agreement), {"file": upload("a.pdf", pdf_bytes()), "kind": "annex"}).status_code
            == status
        )
        assert client.get(delete_url(agreement, document)).status_code == status
        assert client.post(delete_url(agreement, document), {"confirm": "yes"}).status_code == status
    assert list(agreement.documents.all()) == [document]


@pytest.mark.django_db
def test_delete_asks_for_confirmation_and_removes_the_file(
    settings, client_for, coordinator, agreement, django_capture_on_commit_callbacks
):
    document = add(agreement, coordinator, title="Allekirjoitettu sopimus")
    path = settings.MEDIA_ROOT / document.file.name
    client = client_for(coordinator)
    response = client.get(delete_url(agreement, document))
    assert response.status_code == 200
    assert "Allekirjoitettu sopimus" in response.text
    assert 'name="confirm" value="yes"' in response.text
    assert client.post(delete_url(agreement, document)).status_code == 200  # no confirmation: asks again
    assert AgreementDocument.objects.filter(pk=document.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(agreement, document), {"confirm": "yes"})
    assert response.status_code == 302
    assert not AgreementDocument.objects.filter(pk=document.pk).exists()
    assert not path.exists()
    assert fetch(client, download_url(agreement, document.pk)).status_code == 404


# --- the agreement page's section ---------------------------------------------------------------------------


def render_section(agreement, documents_, manage):
    return render_to_string(
        "partners/agreements/includes/documents.html",
        {"agreement": agreement, "documents": documents_, "may": {"manage": manage}},
    )


@pytest.mark.django_db
def test_documents_section(agreement, coordinator):
    empty = render_section(agreement, [], manage=True)
    assert "No documents yet" in empty
    assert upload_url(agreement) in empty
    document = add(agreement, coordinator, name="Sopimus.pdf", title="Allekirjoitettu")
    html = render_section(agreement, [document], manage=True)
    assert '<h2 id="documents-heading"' in html
    assert download_url(agreement, document.pk) in html
    assert delete_url(agreement, document) in html
    assert "Allekirjoitettu" in html and "Sopimus.pdf" in html
    assert str(coordinator) in html
    assert "KB" in html or "bytes" in html
    readonly = render_section(agreement, [document], manage=False)
    assert download_url(agreement, document.pk) in readonly
    assert upload_url(agreement) not in readonly
    assert delete_url(agreement, document) not in readonly


@pytest.mark.django_db
def test_agreement_page_lists_documents_only_to_those_who_see_details(
    client_for, coordinator, member, observer, agreement
):
    document = add(agreement, coordinator)
    detail = reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk})
    link = download_url(agreement, document.pk)
    coordinator_page = client_for(coordinator).get(detail).text
    assert link in coordinator_page and upload_url(agreement) in coordinator_page
    member_page = client_for(member).get(detail).text
    assert link in member_page and upload_url(agreement) not in member_page
    assert link not in client_for(observer).get(detail).text
