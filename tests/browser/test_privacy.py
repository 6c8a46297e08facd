"""A person's data and account in a real browser, in Finnish, with axe-core on each page: the profile's
section "Tietosi", asking for one's data, the status page and the download, and erasing one's own account
with the password."""

import re
import zipfile

import pytest
from playwright.sync_api import expect

from portal.accounts.models import User
from tests.browser.actions import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_downloads_their_data_and_erases_their_account(page, check, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, member.email)
    page.goto("/profile/")
    expect(page.get_by_role("heading", name="Tietosi")).to_be_visible()
    check(page, "privacy-01-profile")

    page.get_by_role("button", name="Lataa tietoni").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lataa tietoni")
    # The tests' task backend builds the file as soon as the request commits: the page shows it ready.
    download_link = page.get_by_role("link", name="Lataa ZIP-tiedosto")
    expect(download_link).to_be_visible()
    check(page, "privacy-02-export-ready")
    with page.expect_download() as info:
        download_link.click()
    saved = tmp_path / "download.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert "index.html" in archive.namelist()
        assert member.email in archive.read("account/data.json").decode()

    page.goto("/profile/")
    page.get_by_role("link", name="Poista käyttäjätilini").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Poista käyttäjätilini")
    check(page, "privacy-03-erase")
    page.get_by_label("Salasanasi").fill("väärä-salasana")
    page.get_by_role("button", name="Poista käyttäjätilini").click()
    expect(page.get_by_text("Salasana ei ole oikein.")).to_be_visible()
    check(page, "privacy-04-erase-wrong-password")
    page.get_by_label("Salasanasi").fill(PASSWORD)
    page.get_by_role("button", name="Poista käyttäjätilini").click()
    expect(page.get_by_text("Käyttäjätilisi on poistettu.")).to_be_visible()
    expect(page.get_by_role("link", name="Kirjaudu sisään").first).to_be_visible()
    assert User.objects.get(pk=member.pk).erased_at is not None
    expect(page).to_have_url(re.compile(r"/$"))
