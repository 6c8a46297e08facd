"""The organisation directory and editing an organisation, in Finnish, in a real browser, with axe-core on every page.

Fields are found by their ids and values rather than their labels, so that the journey does not
depend on which strings have been translated yet.
"""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests import factories
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory(network, organisation):
    organisation.regions = ["keski-suomi"]
    organisation.kind = "adult_ed_centre"
    organisation.languages = ["fi"]
    organisation.save()
    for name, slug, regions in (
        ("Keski-kirjastot", "keski-kirjastot", ["keski-suomi"]),
        ("Pirkanmaan työllisyyspalvelut", "pirkanmaa-tyo", ["pirkanmaa"]),
        ("Uudenmaan ohjaamo", "uusimaa-ohjaamo", ["uusimaa"]),
    ):
        org = factories.OrganisationFactory(name=name, slug=slug, regions=regions, languages=["fi", "sv"])
        factories.MembershipFactory(network=network, organisation=org)
    return organisation


def logo_png(tmp_path):
    path = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), (20, 90, 170)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_member_filters_the_directory_and_edits_their_organisation(page, check, member, directory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    sign_in(page, member.email)
    page.goto("/organisations/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Uudenmaan ohjaamo")).to_be_visible()
    check(page, "org-01-directory")

    page.locator("#id_region").select_option("keski-suomi")
    page.locator("#organisation-filters [type=submit]").click()
    expect(page).to_have_url("/organisations/?q=&kind=&network=&region=keski-suomi&language=")
    expect(page.get_by_role("link", name="Keski-kirjastot")).to_be_visible()
    expect(page.get_by_role("link", name="Uudenmaan ohjaamo")).to_have_count(0)
    expect(page.get_by_role("link", name="Pirkanmaan työllisyyspalvelut")).to_have_count(0)
    expect(page.locator("#id_region")).to_have_value("keski-suomi")
    check(page, "org-02-directory-filtered")

    page.get_by_role("link", name=directory.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(directory.name)
    check(page, "org-03-organisation")

    page.locator(f"a[href='/organisations/{directory.slug}/edit/']").click()
    expect(page.locator("#id_name_fi")).to_have_value(directory.name)
    check(page, "org-04-organisation-edit")
    page.locator("#id_municipality").fill("Jyväskylä")
    page.locator("#id_description_fi").fill("Kursseja ja opinto-ohjausta aikuisille.")
    page.locator("input[name=languages][value=sv]").check()
    page.locator("#id_logo").set_input_files(str(logo_png(tmp_path)))
    page.locator("form[enctype] [type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(directory.name)
    expect(page.get_by_text("Kursseja ja opinto-ohjausta aikuisille.")).to_be_visible()
    logo = page.locator("main img").first
    expect(logo).to_be_visible()
    assert logo.evaluate("img => img.complete && img.naturalWidth") == 120
    check(page, "org-05-organisation-with-logo")

    # A text file passed off as a PNG gets a clear error on the form, not a failure.
    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    page.locator(f"a[href='/organisations/{directory.slug}/edit/']").click()
    page.locator("#id_logo").set_input_files(str(fake))
    page.locator("form[enctype] [type=submit]").click()
    expect(page.locator("#id_logo")).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#id_logo_error")).to_contain_text("PNG-, JPEG-, WebP-")  # in Finnish
    check(page, "org-06-organisation-edit-bad-logo")


def test_visitor_finds_a_public_network_and_its_description(page, check, network, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    public = factories.NetworkFactory(
        name="Pirkanmaan ohjausverkosto",
        slug="pirkanmaa",
        is_public=True,
        field="Aikuisten ohjaus Pirkanmaalla",
        regions=["pirkanmaa"],
        public_description="Verkosto kokoaa Pirkanmaan aikuisohjauksen toimijat.",
    )
    page.goto("/networks/")
    expect(page.get_by_role("link", name=public.name)).to_be_visible()
    expect(page.get_by_role("link", name=network.name)).to_have_count(0)  # private
    check(page, "net-01-network-list")
    page.get_by_role("link", name=public.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(public.name)
    expect(page.get_by_text("Verkosto kokoaa Pirkanmaan aikuisohjauksen toimijat.")).to_be_visible()
    check(page, "net-02-network-public")
