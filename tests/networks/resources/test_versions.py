"""New versions of a document keep the old ones: the newest is the current one, every one stays listed and
downloadable; deleting the resource (after a confirmation) removes its files once the deletion is committed."""

import pytest
from django.urls import reverse

from networks.resources import services
from networks.resources.models import Resource
from tests.networks.resources.factories import document, docx_bytes, link, pdf_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


def _download(client, resource, number):
    response = client.get(reverse("resources:version_download", kwargs={"uuid": resource.uuid, "number": number}))
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def test_a_new_version_keeps_the_old_one(settings, client_for, network, member):
    resource = document(network, member, name="opas-2025.pdf")
    client = client_for(member)
    url = reverse("resources:version_create", kwargs={"uuid": resource.uuid})
    response = client.post(url, {"file": upload("opas-2026.docx", docx_bytes()), "note": "Vuoden 2026 tiedot"})
    assert response.status_code == 302
    assert response["Location"].endswith("#versions")
    assert list(resource.versions.values_list("number", "original_name")) == [
        (2, "opas-2026.docx"),
        (1, "opas-2025.pdf"),
    ]
    page = client.get(resource.get_absolute_url()).text
    assert "opas-2025.pdf" in page and "opas-2026.docx" in page and "Vuoden 2026 tiedot" in page
    old, old_content = _download(client, resource, 1)
    assert old_content == pdf_bytes()
    assert 'filename="opas-2025.pdf"' in old["Content-Disposition"]
    new, new_content = _download(client, resource, 2)
    assert new_content == docx_bytes()
    assert new["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(stored_files(settings)) == 2


def test_the_current_version_is_the_newest(client_for, network, member):
    resource = document(network, member, name="eka.pdf")
    services.version_add(resource=resource, uploaded_file=upload("toka.pdf"), user=member)
    page = client_for(member).get(resource.get_absolute_url()).text
    assert reverse("resources:version_download", kwargs={"uuid": resource.uuid, "number": 2}) in page
    assert "toka.pdf" in page.split('id="description-heading"')[0]  # the download button above the description


def test_versions_are_numbered_after_the_newest(network, member):
    resource = document(network, member)
    for _ in range(3):
        services.version_add(resource=resource, uploaded_file=upload(), user=member)
    assert sorted(resource.versions.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_deleting_asks_first_then_removes_the_files(
    settings, client_for, network, member, django_capture_on_commit_callbacks
):
    resource = document(network, member)
    services.version_add(resource=resource, uploaded_file=upload(), user=member)
    client = client_for(member)
    url = reverse("resources:resource_delete", kwargs={"uuid": resource.uuid})
    question = client.get(url)
    assert question.status_code == 200 and "2" in question.text
    assert client.post(url, {}).status_code == 200  # no confirmation: asked again
    assert Resource.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert response["Location"] == reverse("resources:resource_list", kwargs={"slug": network.slug})
    assert not Resource.objects.exists()
    assert stored_files(settings) == []


def test_a_stale_edit_is_refused_and_the_input_kept(client_for, network, coordinator):
    resource = link(network, coordinator, title="Vanha nimi")
    client = client_for(coordinator)
    url = reverse("resources:resource_edit", kwargs={"uuid": resource.uuid})
    form = client.get(url).context["form"]
    version = form.initial["version"]
    services.resource_update(resource=resource, data={"title_fi": "Toisen tallentama"})
    data = {"title_fi": "Minun nimeni", "url": resource.url, "visibility": "network", "version": version}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Minun nimeni" in response.text
    resource.refresh_from_db()
    assert resource.title_fi == "Toisen tallentama"


def test_an_edit_saves_the_texts_in_three_languages_and_the_tags(client_for, network, coordinator, goal):
    resource = link(network, coordinator)
    client = client_for(coordinator)
    url = reverse("resources:resource_edit", kwargs={"uuid": resource.uuid})
    version = client.get(url).context["form"].initial["version"]
    data = {
        "title_fi": "Opas",
        "title_sv": "Guide",
        "title_en": "Guide in English",
        "description_fi": "Kuvaus",
        "url": "https://example.fi/uusi",
        "visibility": "public",
        "goals": [goal.pk],
        "quality_areas": ["competence"],
        "version": version,
    }
    assert client.post(url, data).status_code == 302
    resource.refresh_from_db()
    assert (resource.title_fi, resource.title_sv, resource.title_en) == ("Opas", "Guide", "Guide in English")
    assert resource.url == "https://example.fi/uusi" and resource.is_public
    assert list(resource.goals.all()) == [goal] and resource.quality_areas == ["competence"]
