"""Download my data (GDPR articles 15 and 20): a ZIP with each part's data.json and a readable index.html,
built by the task worker with its progress shown, served to the person alone and streamed.

Guards the privacy notice's promise that did not hold: there was no way to get one's data at all."""

import json
import tracemalloc
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.lib import personal_data
from portal.privacy import exporting, services
from portal.privacy.models import DataExport, ExportStatus
from tests import factories
from tests.portal.privacy.conftest import OTHER_SECRET
from tests.querybudget import assert_budget

DOMAINS = {
    "account",
    "directory",
    "memberships",
    "meetings",
    "goals",
    "agreements",
    "trust",
    "resources",
    "glossary",
    "news",
    "privacy",
    "audit",
    "notifications",
    "api_tokens",
}


def _requested(user, django_capture_on_commit_callbacks, language="fi"):
    with django_capture_on_commit_callbacks(execute=True):
        export = services.data_export_request(user=user, language=language)
    export.refresh_from_db()
    return export


def _read(export):
    with zipfile.ZipFile(exporting.export_path(export)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


@pytest.mark.django_db
def test_the_export_holds_the_persons_data_from_every_part_and_nothing_of_anyone_else(
    person_with_data, django_capture_on_commit_callbacks
):
    data = person_with_data
    export = _requested(data.user, django_capture_on_commit_callbacks)
    assert export.status == ExportStatus.DONE and export.steps_done == export.steps_total == len(DOMAINS) + 1
    files = _read(export)
    assert set(files) == {f"{name}/data.json" for name in DOMAINS} | {"index.html"}
    parsed = {name.split("/")[0]: json.loads(text) for name, text in files.items() if name.endswith(".json")}

    assert parsed["account"]["profile"][0]["email"] == data.user.email
    assert parsed["account"]["profile"][0]["phone"] == "+358401234567"
    assert parsed["directory"]["affiliations"][0]["organisation__name"] == "Jyväskylän kansalaisopisto"
    assert parsed["memberships"]["roles"] == [{"network__name": "Keski-Suomen ohjausverkosto", "role": "member"}]
    assert parsed["memberships"]["representing"][0]["as"] == "representative"
    assert len(parsed["memberships"]["membership_changes_made"]) == 1
    meetings = parsed["meetings"]
    assert [row["reply"] for row in meetings["invitations_and_replies"]] == ["yes"]
    assert len(meetings["attendance"]) == 1
    assert [row["body"] for row in meetings["comments_on_minutes"]] == ["Jäsenen kommentti pöytäkirjaan"]
    assert [row["what"] for row in meetings["action_items"]] == ["Jäsenen tehtävä"]
    assert [row["text"] for row in meetings["decisions_recorded"]] == ["Jäsenen kirjaama päätös"]
    assert [row["answer"] for row in meetings["poll_answers"]] == ["yes"]
    assert len(meetings["agenda_items_presented_or_proposed"]) == 1
    assert [row["reason"] for row in parsed["goals"]["endorsement_answers"]] == ["Jäsenen perustelu"]
    assert [row["note"] for row in parsed["goals"]["measurements_recorded"]] == ["Jäsenen mittaus"]
    assert parsed["goals"]["indicators_measured"][0]["name"] == "Ohjattujen aikuisten määrä"
    assert parsed["agreements"]["signatures"][0]["signatory_name"] == data.user.get_full_name()
    assert parsed["agreements"]["history_of_signatures"], "the history rows about the person"
    assert [row["title_fi"] for row in parsed["news"]["news_posted"]] == ["Jäsenen uutinen"]
    assert [row["text"] for row in parsed["news"]["news_comments"]] == ["Jäsenen kommentti uutiseen"]

    everything = "".join(files.values())
    assert OTHER_SECRET not in everything
    assert data.other.email not in everything
    assert "no" not in [row["reply"] for row in meetings["invitations_and_replies"]]


@pytest.mark.django_db
def test_the_readable_page_is_escaped_and_in_the_persons_language(
    member, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    member.first_name = "<script>alert(1)</script>"
    member.save(update_fields=["first_name"])
    page = _read(_requested(member, django_capture_on_commit_callbacks, language="fi"))["index.html"]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<html lang="fi">' in page
    assert "Tietosi Verkostossa" in page and "Kokoukset" in page


@pytest.fixture
def huge_declaration():
    """A part of the portal with 20,000 records of 1 kB each (20 MB of JSON) about everyone."""

    def export(user):
        return {"records": ({"n": n, "text": "x" * 1000} for n in range(20_000))}

    entry = personal_data.register(name="zz-huge", title="Huge", fields=[], export=export, erase=lambda user: None)
    yield entry
    personal_data._registry.pop("zz-huge")


@pytest.mark.django_db
def test_the_zip_is_written_record_by_record_so_memory_does_not_grow_with_its_size(
    member, settings, tmp_path, huge_declaration
):
    settings.MEDIA_ROOT = tmp_path
    export = DataExport.objects.create(user=member)
    tracemalloc.start()
    try:
        exporting.build(export, language="en")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    export.refresh_from_db()
    with zipfile.ZipFile(exporting.export_path(export)) as archive:
        assert archive.getinfo("zz-huge/data.json").file_size > 20_000_000
    assert peak < 8_000_000, f"building a 40 MB export held {peak / 1e6:.1f} MB"


@pytest.mark.django_db
def test_the_download_is_streamed_to_its_owner_and_404_for_everyone_else(
    member, coordinator, admin_user, client_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    export = _requested(member, django_capture_on_commit_callbacks)
    url = reverse("portal:data_export_download", kwargs={"uuid": export.uuid})
    response = client_for(member).get(url)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == exporting.export_path(export).read_bytes()
    for other in (coordinator, admin_user):
        assert client_for(other).get(url).status_code == 404
        detail = reverse("portal:data_export_detail", kwargs={"uuid": export.uuid})
        assert client_for(other).get(detail).status_code == 404


@pytest.mark.django_db
def test_an_expired_export_is_no_longer_downloadable(
    member, client_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    export = _requested(member, django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client = client_for(member)
    assert client.get(reverse("portal:data_export_download", kwargs={"uuid": export.uuid})).status_code == 404
    page = client.get(export.get_absolute_url())
    assert "Tiedosto on vanhentunut ja poistettu." in page.text


@pytest.mark.django_db
def test_asking_twice_while_one_is_being_built_makes_one_export(member, client_for):
    client = client_for(member)
    first = client.post(reverse("portal:data_export_create"))
    second = client.post(reverse("portal:data_export_create"))
    assert first["Location"] == second["Location"]
    assert DataExport.objects.filter(user=member).count() == 1


@pytest.mark.django_db
def test_the_status_page_polls_every_two_seconds_until_the_file_is_ready(member, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(member)
    export = DataExport.objects.create(user=member, steps_total=8, steps_done=3, status=ExportStatus.RUNNING)
    page = client.get(export.get_absolute_url())
    assert 'data-hx-trigger="every 2s"' in page.text
    assert 'value="3"' in page.text and 'max="8"' in page.text
    fragment = client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<div id="export-status"') and "<html" not in fragment.text
    assert "HX-Request" in fragment["Vary"] and "HX-Request" in page["Vary"]
    restoring = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    restored = client.get(export.get_absolute_url(), headers=restoring)
    assert "<html" in restored.text
    exporting.build(export, language="fi")
    done = client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    assert "every 2s" not in done.text
    assert reverse("portal:data_export_download", kwargs={"uuid": export.uuid}) in done.text


@pytest.mark.django_db
def test_a_failed_build_is_shown_as_failed_and_leaves_no_file(member, client_for, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    export = DataExport.objects.create(user=member)

    def broken(user):
        raise RuntimeError("boom")

    entry = personal_data.register(name="zz-broken", title="x", fields=[], export=broken, erase=lambda user: None)
    try:
        with pytest.raises(RuntimeError):
            exporting.build(export, language="en")
    finally:
        personal_data._registry.pop(entry.name)
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED
    assert not list(tmp_path.rglob("*.zip")) and not list(tmp_path.rglob("*.part"))
    assert "Tiedoston koostaminen epäonnistui." in client_for(member).get(export.get_absolute_url()).text


@pytest.mark.django_db
def test_the_profile_page_offers_the_download_and_the_erasure(member, client_for):
    page = client_for(member).get(reverse("portal:profile_detail"))
    assert reverse("portal:data_export_create") in page.text
    assert reverse("portal:account_erase") in page.text
    other = client_for(member).get(reverse("portal:person_detail", kwargs={"uuid": member.uuid}))
    assert reverse("portal:data_export_create") not in other.text


@pytest.mark.django_db
def test_the_status_page_keeps_its_query_budget(member, network, organisation, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    export = DataExport.objects.create(user=member, status=ExportStatus.RUNNING, steps_total=8)

    def grow():
        DataExport.objects.bulk_create(DataExport(user=member) for _ in range(50))
        for _ in range(20):
            meeting = factories.MeetingFactory(network=network)
            meeting.invitees.create(user=member)

    assert_budget(client_for(member), export.get_absolute_url(), budget=8, grow=grow)


@pytest.mark.django_db
def test_the_readable_page_shows_words_not_stored_codes(person_with_data, django_capture_on_commit_callbacks):
    page = _read(_requested(person_with_data.user, django_capture_on_commit_callbacks, language="fi"))["index.html"]
    assert "<dt>rooli</dt><dd>Jäsen</dd>" in page  # the role "member", in Finnish
    assert "<dt>role</dt>" not in page and "<dd>member</dd>" not in page


@pytest.mark.django_db
def test_expired_exports_are_removed_with_their_files(member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    old, fresh = DataExport.objects.create(user=member), DataExport.objects.create(user=member)
    for export in (old, fresh):
        exporting.build(export, language="fi")
        export.refresh_from_db()
    DataExport.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert exporting.remove_expired() == 1
    assert list(DataExport.objects.all()) == [fresh]
    assert not exporting.export_path(old).exists() and exporting.export_path(fresh).exists()
