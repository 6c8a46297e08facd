"""Search in a real browser, in Finnish: the header's search box finds an organisation by an inflected word."""

import pytest
from playwright.sync_api import expect

from portal.search import index
from tests import factories
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_member_finds_the_city_by_an_inflected_form(page, check, member, network, organisation):
    city = factories.OrganisationFactory(
        name="Jyväskylän kaupunki", slug="jyvaskylan-kaupunki", municipality="Jyväskylä", kind="municipality"
    )
    factories.MembershipFactory(network=network, organisation=city)
    factories.GuidanceServiceFactory(
        organisation=city, name="Kaupungin ohjauspalvelut", description="Neuvontaa aikuisille Jyväskylässä."
    )
    index.rebuild()

    sign_in(page, member.email)
    search = page.get_by_role("search").first
    box = search.get_by_role("searchbox")
    box.fill("kaupungin")
    box.press("Enter")

    expect(page).to_have_url("/search/?q=kaupungin")
    results = page.get_by_role("main")
    expect(results.get_by_role("link", name="Jyväskylän kaupunki")).to_be_visible()
    expect(results.get_by_role("link", name="Kaupungin ohjauspalvelut")).to_be_visible()
    expect(results.get_by_role("link", name=organisation.name)).to_have_count(0)
    check(page, "search-01-results")

    results.get_by_role("link", name="Jyväskylän kaupunki").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jyväskylän kaupunki")

    # The search page's own box: a typo in a name is forgiven.
    page.goto("/search/")
    check(page, "search-02-empty")
    page.get_by_role("main").get_by_role("searchbox").fill("kansalaisopsto")
    page.get_by_role("main").get_by_role("button").first.click()
    expect(page.get_by_role("main").get_by_role("link", name=organisation.name)).to_be_visible()
    check(page, "search-03-typo")


def test_more_results_of_one_kind_are_paginated(page, check, member, network):
    for number in range(25):
        factories.MembershipFactory(
            network=network, organisation__name=f"Kirjasto {number:02d}", organisation__slug=f"kirjasto-{number}"
        )
    index.rebuild()

    sign_in(page, member.email)
    box = page.get_by_role("search").first.get_by_role("searchbox")
    box.fill("kirjastoissa")
    box.press("Enter")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Kirjasto")).to_have_count(10)  # the best ten, then "show all"
    main.locator("a[href*='kind=organisation']").click()
    expect(page).to_have_url("/search/?q=kirjastoissa&kind=organisation")
    expect(main.get_by_role("navigation")).to_be_visible()  # pagination
    check(page, "search-04-one-kind")


def test_member_finds_a_goal_and_filters_by_kind(page, check, member, network, coordinator):
    """Goals, minutes and decisions are found too; the kind filter is a select reached from the search box with
    the keyboard, and the page works as a plain form."""
    factories.GoalFactory(
        network=network, title="Etäohjauksen laatu paranee", description="Kehitämme etäohjausta yhdessä."
    )
    meeting = factories.MeetingFactory(
        network=network, title="Ohjausryhmän kokous", organiser=coordinator, status="minutes_approved"
    )
    item = factories.AgendaItemFactory(meeting=meeting, title="Etäohjaus", minutes="Keskusteltiin etäohjauksesta.")
    factories.DecisionFactory(item=item, text="Etäohjauksen työryhmä perustetaan.")
    index.rebuild()

    sign_in(page, member.email)
    box = page.get_by_role("search").first.get_by_role("searchbox")
    box.fill("etäohjaukselle")
    box.press("Enter")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Yhteiset tavoitteet")).to_be_visible()
    expect(main.get_by_role("link", name="Etäohjauksen laatu paranee")).to_be_visible()
    expect(main.get_by_text("Yhteinen tavoite · Keski-Suomen ohjausverkosto")).to_be_visible()
    expect(main.get_by_role("heading", name="Pöytäkirja")).to_be_visible()
    expect(main.get_by_role("heading", name="Päätökset")).to_be_visible()
    check(page, "search-05-every-kind")

    # Only the minutes: Tab from the box to the kind filter, choose, search.
    main.get_by_role("searchbox").press("Tab")
    kind = main.get_by_label("Tyyppi")
    expect(kind).to_be_focused()
    kind.select_option("minutes")
    main.get_by_role("button", name="Hae").click()
    expect(page).to_have_url("/search/?q=et%C3%A4ohjaukselle&kind=minutes")
    expect(main.get_by_role("link", name="Etäohjauksen laatu paranee")).to_have_count(0)
    expect(main.get_by_role("link", name="Ohjausryhmän kokous")).to_be_visible()
    expect(kind).to_have_value("minutes")
    check(page, "search-06-one-kind-chosen")

    main.get_by_role("link", name="Ohjausryhmän kokous").click()
    expect(page).to_have_url(f"/meetings/{meeting.pk}/#agenda")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ohjausryhmän kokous")
