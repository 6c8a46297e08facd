"""The resource library in a real browser: a member opens the network's empty library, adds a document, uploads a
new version of it, and finds the old version still listed and downloadable beside the new one; the library then
lists it, also when filtered in place. An anonymous visitor finds a public resource on the network's public page,
reads it and downloads its file. Every page is checked with axe and the Nu checker."""

import re

import pytest
from playwright.sync_api import expect

from networks.resources.models import Resource
from tests.browser.actions import sign_in
from tests.networks.resources.factories import document
from tests.partners.agreements.document_files import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_adds_a_document_and_a_new_version_keeps_the_old_one(
    page, check, network, organisation, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    first = tmp_path / "laatuopas-2025.pdf"
    first.write_bytes(pdf_bytes())
    second = tmp_path / "laatuopas-2026.docx"
    second.write_bytes(docx_bytes())

    sign_in(page, member.email)
    page.goto(f"/networks/{network.slug}/")
    page.locator(f"a[href='/resources/network/{network.slug}/']").first.click()
    expect(page.get_by_text("Aineistopankki on tyhjä.")).to_be_visible()
    check(page, "resources-01-empty-library")

    page.locator(f"a[href='/resources/network/{network.slug}/add/']").first.click()
    expect(page.locator("input[name=kind][value=document]")).to_be_checked()
    page.locator("#id_file").set_input_files(str(first))
    page.locator("#id_title_fi").fill("Ohjauksen laatuopas")
    page.locator("#id_title_sv").fill("Kvalitetsguide för vägledning")
    page.locator("#id_description_fi").fill("Verkoston yhteiset laatukriteerit.")
    page.locator("input[name=quality_areas][value=competence]").check()
    check(page, "resources-02-add-form")
    page.locator("main form [type=submit]").last.click()
    resource = Resource.objects.get(title_fi="Ohjauksen laatuopas")
    expect(page).to_have_url(re.compile(rf"/resources/{resource.uuid}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ohjauksen laatuopas")
    expect(page.get_by_role("link", name="Lataa laatuopas-2025.pdf")).to_be_visible()
    check(page, "resources-03-resource-page")

    page.get_by_role("link", name="Lataa uusi versio").click()
    check(page, "resources-04-version-form")
    page.locator("#id_file").set_input_files(str(second))
    page.locator("#id_note").fill("Vuoden 2026 kriteerit")
    page.locator("main form [type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/resources/{resource.uuid}/#versions$"))
    versions = page.locator("#versions tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("laatuopas-2026.docx")
    expect(versions.nth(0)).to_contain_text("Vuoden 2026 kriteerit")
    expect(versions.nth(1)).to_contain_text("laatuopas-2025.pdf")
    check(page, "resources-05-two-versions")

    # The old version is still downloadable, as it was uploaded.
    with page.expect_download() as info:
        versions.nth(1).get_by_role("link", name="laatuopas-2025.pdf", exact=True).click()
    download = info.value
    assert download.suggested_filename == "laatuopas-2025.pdf"
    saved = tmp_path / "ladattu.pdf"
    download.save_as(saved)
    assert saved.read_bytes() == pdf_bytes()

    # The library lists it; filtering changes the results in place.
    page.get_by_role("link", name="Aineistopankki").first.click()
    expect(page.get_by_role("link", name="Ohjauksen laatuopas")).to_be_visible()
    page.locator("#id_kind").select_option("link")
    page.locator("#resource-filters [type=submit]").click()
    expect(page.get_by_text("Haulla ja rajauksilla ei löytynyt aineistoja.", exact=False)).to_be_visible()
    expect(page).to_have_url(re.compile(r"kind=link"))
    check(page, "resources-06-library-filtered")


def test_an_anonymous_visitor_reads_a_public_resource_from_the_networks_public_page(
    page, check, network, coordinator, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    network.is_public = True
    network.save(update_fields=["is_public"])
    public = document(
        network, coordinator, title="Ohjauksen laatukriteerit", description="Kaikille avoin.", public=True
    )
    document(network, member, title="Sisäinen muistio")

    page.goto(f"/networks/{network.slug}/about/")
    section = page.locator("#public-resources")
    expect(section.get_by_role("link", name="Ohjauksen laatukriteerit")).to_be_visible()
    expect(page.get_by_text("Sisäinen muistio")).to_have_count(0)
    check(page, "resources-07-public-page")
    section.get_by_role("link", name="Ohjauksen laatukriteerit").click()
    expect(page).to_have_url(re.compile(rf"/resources/{public.uuid}/$"))
    expect(page.get_by_role("link", name="Muokkaa")).to_have_count(0)
    check(page, "resources-08-public-resource")
    with page.expect_download() as info:
        page.get_by_role("link", name="Lataa opas.pdf").click()
    assert info.value.suggested_filename == "opas.pdf"
