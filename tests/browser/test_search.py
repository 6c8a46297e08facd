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
