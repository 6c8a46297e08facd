"""People and expertise in the browser, in Finnish: a counsellor finds a colleague by expertise; a coordinator
curates the vocabulary and adds a contact. axe-core on every page visited.

The page's own strings are located by element ids, not by their text, so the journeys hold before and after
the Finnish catalogue gains the new strings.
"""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_counsellor_finds_a_colleague_by_expertise(page, check, member, coordinator, observer, network, organisation):
    term = factories.ExpertiseAreaFactory(network=network, name="Osaamisen tunnistaminen", slug="tunnistaminen")
    other = factories.ExpertiseAreaFactory(name="Digituki", slug="digituki")
    coordinator.expertise.add(term)
    coordinator.title = "Verkostokoordinaattori"
    coordinator.phone = "+358 40 123 4567"
    coordinator.save()
    observer.expertise.add(other)

    sign_in(page, member.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa")
    page.goto("/people/")
    expect(page.get_by_role("link", name=str(coordinator))).to_be_visible()
    expect(page.get_by_role("link", name=str(observer))).to_be_visible()
    check(page, "people-01-directory")

    page.locator("#id_expertise").select_option(label="Osaamisen tunnistaminen")
    page.locator("#people-filter button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"expertise=tunnistaminen"))
    expect(page.get_by_role("link", name=str(coordinator))).to_be_visible()
    expect(page.get_by_role("link", name=str(observer))).to_have_count(0)
    expect(page.get_by_role("link", name=coordinator.email)).to_be_visible()  # they share a network
    check(page, "people-02-filtered")

    page.get_by_role("link", name=str(coordinator)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(coordinator))
    expect(page.get_by_text("Verkostokoordinaattori").first).to_be_visible()
    expect(page.get_by_text("Osaamisen tunnistaminen")).to_be_visible()
    expect(page.get_by_role("link", name="+358 40 123 4567")).to_be_visible()
    check(page, "people-03-person")

    page.goto(f"/networks/{network.slug}/expertise/")
    expect(page.get_by_role("cell", name="Osaamisen tunnistaminen")).to_be_visible()
    check(page, "people-04-vocabulary-member")

    page.goto("/profile/affiliations/")
    expect(page.get_by_role("cell", name=organisation.name).first).to_be_visible()
    check(page, "people-05-affiliations")
    page.locator(f"a[href$='/profile/affiliations/{member.affiliations.get().pk}/end/']").click()
    check(page, "people-06-affiliation-end")


def test_coordinator_curates_the_vocabulary_and_adds_a_contact(page, check, coordinator, member, network, organisation):
    sign_in(page, coordinator.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa")
    page.goto(f"/networks/{network.slug}/expertise/add/")
    check(page, "people-07-term-form")
    page.locator("#id_name").fill("Monialainen yhteistyö")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    expect(page.get_by_role("cell", name="Monialainen yhteistyö", exact=True)).to_be_visible()
    check(page, "people-08-vocabulary-coordinator")

    page.goto(f"/networks/{network.slug}/contacts/add/")
    check(page, "people-09-contact-form")
    page.locator("#id_first_name").fill("Kaisa")
    page.locator("#id_last_name").fill("Kontakti")
    page.locator("#id_email").fill("kaisa.kontakti@example.fi")
    page.locator("#id_organisation").select_option(label=organisation.name)
    page.get_by_label("Monialainen yhteistyö").check()
    page.locator("main form input[type=submit], main form button[type=submit]").first.click()
    # The answer names no person page (it would tell whether the address had an account): find them.
    expect(page.locator(".alert-success")).to_contain_text("Kaisa Kontakti")
    page.goto("/people/")
    page.get_by_role("link", name="Kaisa Kontakti").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kaisa Kontakti")
    expect(page.locator(".badge.text-bg-warning")).to_be_visible()  # no account yet
    expect(page.locator(f"form[action='/networks/{network.slug}/invite/'] button")).to_be_visible()
    check(page, "people-10-contact")
