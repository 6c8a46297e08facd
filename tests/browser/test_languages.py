"""A Swedish-speaking reader, in a real browser: after switching the language to svenska, an organisation's
Swedish name and description where they exist, the Finnish ones marked "(på finska)" where not; axe-core and
the Nu checker on every page."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bilingual(network, organisation):
    organisation.name_sv = "Jyväskylä medborgarinstitut"
    organisation.description_fi = "Kursseja ja ohjausta aikuisille."
    organisation.description_sv = "Kurser och vägledning för vuxna."
    organisation.save()
    finnish_only = factories.OrganisationFactory(
        name="Keski-Suomen työllisyyspalvelut", slug="ks-tyo", description="Työnhakijoiden ohjausta."
    )
    factories.MembershipFactory(network=network, organisation=finnish_only)
    factories.GuidanceServiceFactory(organisation=finnish_only, name="Työnhaun ohjaus", name_sv="Jobbsökning")
    return organisation, finnish_only


def test_a_swedish_reader_sees_swedish_names_and_marked_finnish_ones(page, check, member, bilingual):
    organisation, finnish_only = bilingual
    sign_in(page, member.email)
    page.goto("/organisations/")
    page.get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    # The directory: each name in Swedish where there is one; a Finnish one carries its lang, without a mark.
    expect(page.get_by_role("link", name="Jyväskylä medborgarinstitut")).to_be_visible()
    finnish_link = page.get_by_role("link", name="Keski-Suomen työllisyyspalvelut")
    expect(finnish_link.locator("span[lang=fi]")).to_have_count(1)
    check(page, "lang-01-directory-sv")

    page.get_by_role("link", name="Jyväskylä medborgarinstitut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jyväskylä medborgarinstitut")
    expect(page.get_by_text("Kurser och vägledning för vuxna.")).to_be_visible()
    expect(page.get_by_text("Kursseja ja ohjausta aikuisille.")).to_have_count(0)
    expect(page.get_by_text("(på finska)")).to_have_count(0)
    check(page, "lang-02-organisation-sv")

    page.goto(f"/organisations/{finnish_only.slug}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Keski-Suomen työllisyyspalvelut")
    expect(heading.locator("span[lang=fi]")).to_have_text("Keski-Suomen työllisyyspalvelut")
    expect(heading).to_contain_text("(på finska)")
    expect(page.locator("div[lang=fi]")).to_have_text("Työnhakijoiden ohjausta.")
    expect(page.get_by_role("heading", name="Jobbsökning")).to_be_visible()
    check(page, "lang-03-organisation-finnish-only-sv")

    # The edit form: a field per language, grouped under the field's name, Finnish required.
    page.goto(f"/organisations/{organisation.slug}/edit/")
    expect(page.get_by_role("group", name="Namn")).to_be_visible()
    expect(page.locator("#id_name_fi")).to_have_attribute("required", "")
    expect(page.locator("#id_name_sv")).to_have_value("Jyväskylä medborgarinstitut")
    expect(page.locator("#id_name_sv")).to_have_attribute("lang", "sv")
    expect(page.get_by_label("Namn (på engelska)")).to_be_visible()
    check(page, "lang-04-organisation-form-sv")
