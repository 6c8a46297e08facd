"""An adult finds guidance without an account, on a phone-sized screen, in Swedish: the finder, its filters and a
service's page, with axe-core and the Nu checker on both pages and no horizontal scrolling at 375 px."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def services():
    vasa = factories.OrganisationFactory(
        name_fi="Aikuisohjauksen keskus Vaasa", name_sv="Vägledningscentret i Vasa", slug="vagledning-vasa"
    )
    factories.GuidanceServiceFactory(
        organisation=vasa,
        is_public=True,
        name_fi="Drop in -ohjaus aikuisille",
        name_sv="Drop in-vägledning för vuxna",
        description_sv="Kom och fråga om studier och arbete. Ingen tidsbokning behövs.",
        opening_hours_sv="Mån och ons kl. 10–15",
        accessibility_sv="Ingång utan trappor, hiss, tillgänglig toalett",
        channels=["walk_in", "face_to_face"],
        languages=["sv", "fi"],
        target_groups=["everyone"],
        regions=["pohjanmaa"],
        municipalities=["905"],
        topics=["career", "education"],
        level="advice",
        contact_email="dropin@vagledning-vasa.example.fi",
    )
    # in Vaasa but by phone only; walk-in but in Finnish only; walk-in in Swedish but in Porvoo
    factories.GuidanceServiceFactory(
        organisation=vasa, is_public=True, name_sv="Telefonrådgivning", channels=["phone"], languages=["sv"],
        regions=["pohjanmaa"],
    )  # fmt: skip
    factories.GuidanceServiceFactory(
        is_public=True, name="Ohjaamo Jyväskylä", channels=["walk_in"], languages=["fi"], regions=["keski-suomi"]
    )
    factories.GuidanceServiceFactory(
        is_public=True, name_sv="Vägledning i Borgå", channels=["walk_in"], languages=["sv"], municipalities=["638"],
        regions=["uusimaa"],
    )  # fmt: skip


def _fits_the_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} scrolls sideways: {width} px wide"


def test_an_adult_finds_a_swedish_walk_in_service_on_a_phone(page, live_server, services, check):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/find/?lang=sv")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hitta vägledning för vuxna")
    _fits_the_screen(page)
    page.get_by_label("Kommun").select_option("905")
    page.get_by_label("Hur man når den").select_option("walk_in")
    page.get_by_label("Tjänstens språk").select_option("sv")
    page.get_by_role("button", name="Visa tjänster").click()
    expect(page.get_by_role("heading", name="1 tjänst hittades")).to_be_visible()
    result = page.get_by_role("link", name="Drop in-vägledning för vuxna")
    expect(result).to_be_visible()
    expect(page.get_by_text("Telefonrådgivning")).to_have_count(0)
    expect(page.get_by_text("Vägledning i Borgå")).to_have_count(0)
    _fits_the_screen(page)
    check(page, "finder-sv-results-375")

    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drop in-vägledning för vuxna")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", name="Öppettider")).to_be_visible()
    expect(page.get_by_text("Mån och ons kl. 10–15")).to_be_visible()
    expect(page.get_by_text("Ingång utan trappor, hiss, tillgänglig toalett")).to_be_visible()
    expect(page.get_by_role("link", name="Vägledningscentret i Vasa")).to_be_visible()
    _fits_the_screen(page)
    check(page, "finder-sv-service-375")
    assert not page.context.cookies(), "a public page set a cookie"
