"""The service map and an organisation's services, in Finnish, in a real browser, with axe-core on every page.

Fields are found by their names and values rather than their labels, so that the journeys do not
depend on which strings have been translated yet.
"""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(network, organisation):
    library = factories.OrganisationFactory(name="Keski-kirjastot", slug="keski-kirjastot", kind="library")
    ohjaamo = factories.OrganisationFactory(name="Ohjaamo Jyväskylä", slug="ohjaamo", kind="ohjaamo")
    for org in (library, ohjaamo):
        factories.MembershipFactory(network=network, organisation=org)
    make = factories.GuidanceServiceFactory
    make(
        organisation=organisation,
        name="Henkilökohtainen opinto-ohjaus",
        level="guidance",
        channels=["face_to_face", "online"],
        target_groups=["career_changers"],
        languages=["fi", "sv"],
        regions=["keski-suomi", "pirkanmaa"],
        description="Ohjausta opintojen suunnitteluun ja osaamisen kehittämiseen.",
    )
    make(
        organisation=organisation,
        name="Kurssineuvonta",
        level="information",
        channels=["phone"],
        languages=["fi", "sv"],
        regions=["keski-suomi"],
    )
    make(
        organisation=library,
        name="Kirjaston digineuvonta",
        level="advice",
        channels=["face_to_face", "group"],
        target_groups=["seniors"],
        languages=["fi"],
        regions=["keski-suomi"],
    )
    make(
        organisation=ohjaamo,
        name="Ohjaamon matalan kynnyksen neuvonta",
        level="information",
        channels=["chat", "phone"],
        target_groups=["young_adults", "immigrants"],
        languages=["fi", "en", "ar"],
        regions=["keski-suomi", "uusimaa"],
    )


def _results(page):
    return page.locator("#results-heading ~ div table tbody")


def _region_table(page):
    return page.locator("#regions-heading ~ table")


def test_member_finds_guidance_on_the_service_map(page, check, member, catalogue):
    sign_in(page, member.email)
    page.goto("/services/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(_results(page).get_by_role("row")).to_have_count(4)
    expect(_region_table(page).get_by_role("row", name=re.compile("Keski-Suomi|Central Finland"))).to_contain_text("4")
    check(page, "service-map-01-all")

    page.locator("#id_level").select_option("guidance")
    page.locator("#id_language").select_option("sv")
    page.locator("#service-filters [type=submit]").click()
    expect(page).to_have_url(re.compile(r"level=guidance.*language=sv"))
    expect(_results(page).get_by_role("row")).to_have_count(1)
    expect(_results(page)).to_contain_text("Henkilökohtainen opinto-ohjaus")
    expect(page.locator("#id_level")).to_have_value("guidance")
    check(page, "service-map-02-filtered")

    # The region table counts with the other filters; choosing a region filters by it.
    expect(_region_table(page).get_by_role("row", name="Pirkanmaa")).to_contain_text("1")
    page.locator("#id_level").select_option("")
    page.locator("#service-filters [type=submit]").click()
    expect(_results(page).get_by_role("row")).to_have_count(2)
    _region_table(page).get_by_role("link", name="Pirkanmaa").click()
    expect(page).to_have_url(re.compile(r"region=pirkanmaa"))
    expect(_results(page).get_by_role("row")).to_have_count(1)
    expect(_region_table(page).locator("a[aria-current=true]")).to_have_text("Pirkanmaa")
    check(page, "service-map-03-region")

    # Nothing matches: the page says so.
    page.locator("#id_language").select_option("ar")
    page.locator("#service-filters [type=submit]").click()
    expect(_results(page).get_by_role("row")).to_have_count(0)
    check(page, "service-map-04-empty")

    # Each service links to its organisation.
    page.goto("/services/?language=ar")
    _results(page).get_by_role("link", name="Ohjaamo Jyväskylä").click()
    expect(page).to_have_url(re.compile(r"/organisations/ohjaamo/$"))


def test_a_person_of_the_organisation_adds_edits_and_deletes_a_service(page, check, member, organisation, network):
    sign_in(page, member.email)
    page.goto(f"/organisations/{organisation.slug}/")
    add = page.locator(f'a[href="/organisations/{organisation.slug}/services/add/"]')
    expect(add).to_be_visible()
    check(page, "service-05-organisation-empty")
    add.click()
    expect(page).to_have_url(re.compile(r"/services/add/$"))
    check(page, "service-06-add-form")

    # Saving without a channel or a language keeps the form, with errors.
    page.locator("#id_name_fi").fill("Työnhakijan ohjaus")
    page.locator("#submit-id-submit").click()
    expect(page.locator(".invalid-feedback, .is-invalid").first).to_be_visible()
    check(page, "service-07-add-errors")

    page.locator('input[name="level"][value="guidance"]').check()
    page.locator('input[name="channels"][value="face_to_face"]').check()
    page.locator('input[name="channels"][value="online"]').check()
    page.locator('input[name="target_groups"][value="unemployed"]').check()
    page.locator('input[name="languages"][value="fi"]').check()
    page.locator('input[name="languages"][value="en"]').check()
    page.locator('input[name="regions"][value="keski-suomi"]').check()
    page.locator("#id_description_fi").fill("Oma ohjaaja auttaa työllistymissuunnitelman tekemisessä.")
    page.locator("#id_contact_email").fill("tyonhaku@example.fi")
    page.locator("#submit-id-submit").click()
    expect(page).to_have_url(re.compile(rf"/organisations/{organisation.slug}/$"))
    services = page.locator("section[aria-labelledby=services-heading] > ul")
    expect(services).to_contain_text("Työnhakijan ohjaus")
    expect(services).to_contain_text("tyonhaku@example.fi")
    check(page, "service-08-organisation-with-service")

    services.locator('a[href$="/edit/"]').click()
    check(page, "service-09-edit-form")
    page.locator("#id_name_fi").fill("Työnhakijan ohjaus ja valmennus")
    page.locator("#submit-id-submit").click()
    expect(page.locator("section[aria-labelledby=services-heading] > ul")).to_contain_text(
        "Työnhakijan ohjaus ja valmennus"
    )

    page.locator("section[aria-labelledby=services-heading] > ul").locator('a[href$="/delete/"]').click()
    check(page, "service-10-delete-confirm")
    page.locator('button[name="confirm"]').click()
    expect(page).to_have_url(re.compile(rf"/organisations/{organisation.slug}/$"))
    expect(page.locator("section[aria-labelledby=services-heading] > ul")).to_have_count(0)
    assert not organisation.services.exists()
