"""Uploads to the library are checked as every document of the portal is (portal.lib.uploads): by what they
contain, their size, and that the name's extension matches the content. A refused file is said next to the
field, the form keeps what was typed, and nothing is stored."""

import pytest
from django.urls import reverse

from networks.resources.models import Resource, ResourceVersion
from portal.lib import uploads
from tests.networks.resources.factories import document, docx_bytes, pdf_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


def _codes(response, field="file"):
    return [error.code for error in response.context["form"].errors.as_data()[field]]


def _add(client, network, file, **extra):
    url = reverse("resources:resource_create", kwargs={"slug": network.slug})
    data = {"kind": "document", "title_fi": "Ohjauksen opas", "description_fi": "Kuvaus säilyy.", "file": file}
    return client.post(url, {**data, **extra})


def _new_version(client, resource, file):
    url = reverse("resources:version_create", kwargs={"uuid": resource.uuid})
    return client.post(url, {"file": file, "note": "Päivitetty"})


def test_a_document_is_stored_under_a_name_of_its_own(settings, client_for, network, member):
    response = _add(client_for(member), network, upload("../../etc/Ohjausopas.pdf"))
    resource = Resource.objects.get()
    assert response.status_code == 302
    version = resource.versions.get()
    assert version.original_name == "Ohjausopas.pdf"
    assert version.content_type == "application/pdf"
    assert version.size == len(pdf_bytes())
    assert version.file.name.startswith("resources/") and "Ohjausopas" not in version.file.name
    assert len(stored_files(settings)) == 1


def test_content_that_is_no_document_is_refused(settings, client_for, network, member):
    response = _add(client_for(member), network, upload("opas.pdf", b"<html><script>alert(1)</script></html>"))
    assert response.status_code == 200
    assert _codes(response) == ["content"]
    assert "Kuvaus säilyy." in response.text
    assert not Resource.objects.exists()
    assert stored_files(settings) == []


def test_a_disguised_extension_is_refused(settings, client_for, network, member):
    response = _add(client_for(member), network, upload("muistio.docx", pdf_bytes()))
    assert response.status_code == 200
    assert _codes(response) == ["mismatch"]
    response = _add(client_for(member), network, upload("ohjelma.exe", pdf_bytes()))
    assert _codes(response) == ["type"]
    assert not Resource.objects.exists()
    assert stored_files(settings) == []


def test_a_too_large_file_is_refused_before_it_is_read(settings, monkeypatch, client_for, network, member):
    monkeypatch.setattr(uploads, "DOCUMENT_MAX_BYTES", 100)
    response = _add(client_for(member), network, upload("opas.pdf"))
    assert response.status_code == 200
    assert _codes(response) == ["too_large"]
    assert not Resource.objects.exists()
    assert stored_files(settings) == []


def test_a_document_needs_its_file_and_a_link_its_address(client_for, network, member):
    client = client_for(member)
    url = reverse("resources:resource_create", kwargs={"slug": network.slug})
    response = client.post(url, {"kind": "document", "title_fi": "Opas"})
    assert "file" in response.context["form"].errors
    response = client.post(url, {"kind": "link", "title_fi": "Linkki", "url": "javascript:alert(1)"})
    assert "url" in response.context["form"].errors
    response = client.post(url, {"kind": "link", "title_fi": "Linkki", "url": "ftp://example.fi/opas"})
    assert "url" in response.context["form"].errors
    response = client.post(url, {"kind": "link", "title_fi": "", "title_sv": "Länk", "url": "https://example.fi"})
    assert "title_fi" in response.context["form"].errors
    assert not Resource.objects.exists()


def test_a_new_version_is_checked_as_the_first(settings, client_for, network, member):
    resource = document(network, member)
    client = client_for(member)
    response = _new_version(client, resource, upload("opas.docx", pdf_bytes()))
    assert response.status_code == 200
    assert _codes(response) == ["mismatch"]
    response = _new_version(client, resource, upload("opas.pdf", b"not a pdf at all"))
    assert _codes(response) == ["content"]
    assert list(resource.versions.values_list("number", flat=True)) == [1]
    assert len(stored_files(settings)) == 1


def test_a_word_document_with_macros_is_refused(client_for, network, member):
    macro = docx_bytes(**{"word/vbaProject.bin": b"\x00" * 10})
    response = _add(client_for(member), network, upload("opas.docx", macro))
    assert _codes(response) == ["macros"]
    assert not ResourceVersion.objects.exists()
