"""A joint activity in a real browser: a member records a job shadowing, adds a colleague of another member
organisation (found by a search on the page for adding participants) and a named guest without an account, and
the colleague writes a reflection with a usefulness rating. Every page is checked with axe; the activity's page is
kept as a screenshot to look at."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from networks.trust.models import Activity
from tests import factories
from tests.browser.actions import sign_in, sign_out
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def _colleague(network):
    gradia = factories.OrganisationFactory(name="Gradia Jyväskylä", slug="gradia")
    factories.MembershipFactory(network=network, organisation=gradia)
    person = factories.UserFactory(email="bertta@example.fi", first_name="Bertta", last_name="Berg")
    factories.AffiliationFactory(user=person, organisation=gradia)
    factories.NetworkRoleFactory(network=network, user=person)
    return gradia, person


def test_a_member_records_an_activity_adds_participants_and_a_participant_reflects(
    page, check, network, organisation, member
):
    gradia, bertta = _colleague(network)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    sign_in(page, member.email)
    page.goto(f"/networks/{network.slug}/")
    page.locator(f"a[href='/trust/network/{network.slug}/activities/']").first.click()
    expect(page.get_by_text("Verkosto ei ole vielä kirjannut yhteistä toimintaa.")).to_be_visible()
    check(page, "activities-01-empty-list")
    page.locator(f"a[href='/trust/network/{network.slug}/activities/new/']").first.click()
    page.locator("#id_kind").select_option("shadowing")
    page.locator("#id_title").fill("Työn varjostus Gradiassa")
    page.locator("#id_starts_on").fill(yesterday.isoformat())
    page.locator("#id_hours").fill("6")
    page.locator("#id_place").fill("Gradia, Viitaniementie 1")
    page.locator("#id_description").fill("Päivä opinto-ohjaajan mukana.")
    page.locator(f"input[name=organisers][value='{gradia.pk}']").check()
    check(page, "activities-02-form")
    page.locator("main form [type=submit]").last.click()
    activity = Activity.objects.get(title="Työn varjostus Gradiassa")
    expect(page).to_have_url(re.compile(rf"/trust/activities/{activity.pk}/#participants$"))

    # The member adds themself and their colleague from Gradia, each found by a search, and a guest without an
    # account, on the page for adding a participant.
    add = f"a[href='/trust/activities/{activity.pk}/participants/add/']"
    for option, words in ((member, member.email), (bertta, "Bertta")):
        page.locator(add).first.click()
        page.locator("#id_q").fill(words)
        page.locator("#participant-search [type=submit]").click()
        if option == bertta:
            check(page, "activities-03-add-participant")
        page.locator("#id_person").select_option(str(option.pk))
        page.locator("#participant-add [type=submit]").click()
        expect(page.locator(".alert-success").first).to_be_visible()
    page.locator(add).first.click()
    page.locator("#id_name").fill("Liisa Laaksonen")
    page.locator("#id_organisation").select_option(str(gradia.pk))
    page.locator("#participant-add [type=submit]").click()
    expect(page.get_by_text("Liisa Laaksonen").first).to_be_visible()
    expect(page.get_by_text("1 uusi kontakti eri organisaatioiden ihmisten välillä")).to_be_visible()
    check(page, "activities-04-participants")
    sign_out(page)

    # Bertta reflects on the day.
    sign_in(page, bertta.email)
    page.goto(f"/trust/activities/{activity.pk}/")
    page.locator("#id_usefulness").select_option("5")
    page.locator("#id_reflection").fill("Opin, miten Gradiassa ohjataan aikuisia eteenpäin.")
    page.locator("#reflection [type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    expect(page.get_by_text("Opin, miten Gradiassa ohjataan aikuisia eteenpäin.").first).to_be_visible()
    expect(page.get_by_text("Hyöty verkostolle: 5,0 / 5").first).to_be_visible()
    check(page, "activities-05-reflected")
    page.screenshot(path=str(ARTIFACTS / "activities-page.png"), full_page=True)
    assert activity.participants.get(user=bertta).usefulness == 5
