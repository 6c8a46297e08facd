"""A coordinator imports organisations from a file: a row error, a corrected file, confirmation (in Finnish)."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from partners.directory.models import Organisation
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def csv_file(rows) -> dict:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return {"name": "jasenet.csv", "mimeType": "text/csv", "buffer": ("\ufeff" + buffer.getvalue()).encode()}


HEADER = ["Nimi", "Y-tunnus", "Maakunnat", "Jäsenyystaso"]
GOOD = ["Äänekosken kirjasto", "1234560-4", "Keski-Suomi", "Yhteistyö"]
FIXED = ["Ohjaamo Jämsä", "", "Keski-Suomi; Pirkanmaa", "strategic"]
BAD = ["Ohjaamo Jämsä", "", "Atlantis", "strategic"]


def _upload(page, rows):
    page.locator("input[type=file]").last.set_input_files(csv_file(rows))
    page.locator("input[type=file]").last.locator("xpath=ancestor::form").locator("[type=submit]").click()


def test_coordinator_imports_organisations(page, check, coordinator, network):
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/import/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check(page, "import-01-upload")

    _upload(page, [HEADER, GOOD, BAD])
    bad_row = page.locator("tbody tr.table-danger")
    expect(bad_row).to_have_count(1)
    expect(bad_row).to_contain_text("Atlantis")
    expect(page.locator("input[name=token]")).to_have_count(0)  # no confirming while a row has errors
    check(page, "import-02-preview-errors")
    assert not Organisation.objects.filter(name="Äänekosken kirjasto").exists()

    _upload(page, [HEADER, GOOD, FIXED])
    expect(page.locator("tbody tr")).to_have_count(2)
    expect(page.locator("tbody tr.table-danger")).to_have_count(0)
    check(page, "import-03-preview-ok")
    assert not Organisation.objects.filter(name="Äänekosken kirjasto").exists()
    page.locator("form:has(input[name=token]) button[type=submit]").click()

    expect(page).to_have_url(f"{page.url.split('/networks/')[0]}/networks/{network.slug}/")
    expect(page.locator(".alert-success")).to_be_visible()
    check(page, "import-04-network")

    page.goto("/organisations/")
    expect(page.get_by_role("link", name="Äänekosken kirjasto")).to_be_visible()
    expect(page.get_by_role("link", name="Ohjaamo Jämsä")).to_be_visible()
    check(page, "import-05-directory")
    with page.expect_download() as download_info:
        page.locator("a[href^='/organisations/export.csv']").click()
    download = download_info.value
    assert download.suggested_filename == "organisations.csv"
    assert "Äänekosken kirjasto" in Path(download.path()).read_text(encoding="utf-8-sig")

    page.get_by_role("link", name="Äänekosken kirjasto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Äänekosken kirjasto")
    check(page, "import-06-organisation")
