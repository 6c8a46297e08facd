"""A trust survey in a real browser: a coordinator opens one, a representative fills in part of it, saves a
draft, comes back to it, completes and submits it; the coordinator sees the response rate. Every page is
checked with axe; the answer form is kept as a screenshot (/tmp/survey-form.png) to look at.
"""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from networks.trust.models import SurveyResponse, SurveyRound, TrustRating
from tests import factories
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOT = Path(tempfile.gettempdir()) / "survey-form.png"


def _member(network, name, slug):
    organisation = factories.OrganisationFactory(name=name, slug=slug)
    factories.MembershipFactory(network=network, organisation=organisation)
    return organisation


def _open(page, check, network, coordinator) -> SurveyRound:
    """The coordinator opens the survey from the network's page."""
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/")
    page.get_by_role("link", name="Luottamuskyselyt").click()
    expect(page).to_have_url(re.compile(rf"/trust/network/{network.slug}/surveys/$"))
    check(page, "survey-01-list-empty")
    page.get_by_role("link", name="Avaa luottamuskysely").first.click()
    check(page, "survey-02-open-form")
    page.locator("main form [type=submit]").last.click()
    expect(page.locator(".alert-success").first).to_be_visible()
    round_ = SurveyRound.objects.get()
    assert round_.organisations.count() == 4
    check(page, "survey-03-round-coordinator")
    sign_out(page)
    return round_


def _answer_part(page, check, round_, member) -> None:
    """The representative answers two of three, saves a draft and leaves."""
    sign_in(page, member.email)
    page.goto(f"/trust/surveys/{round_.pk}/")
    page.get_by_role("link", name="Vastaa kyselyyn").first.click()
    expect(page.get_by_role("heading", name="Vastaa kyselyyn")).to_be_visible()
    gradia_row = page.get_by_role("group", name="Gradia Jyväskylä", exact=True)
    gradia_row.get_by_label("Koordinointi").check()
    for label, value in (
        ("Luotettavuus", "4"),
        ("Avoimuus keskustelulle", "3"),
        ("Sitoutuminen yhteiseen tehtävään", "4"),
        ("Vaikutusvalta", "3"),
        ("Osallistumisen taso", "2"),
        ("Resurssien tuominen", "3"),
    ):
        gradia_row.get_by_label(label).select_option(value)
    gradia_row.get_by_label("Kommentti (vapaaehtoinen)").fill("Yhteinen ohjauspiste toimii hyvin.")
    humak_row = page.get_by_role("group", name="Humak", exact=True)
    humak_row.get_by_label("Tietoisuus").check()
    expect(humak_row.get_by_label("Luotettavuus")).to_be_hidden()  # asked only of those worked with
    check(page, "survey-04-answer-form")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.get_by_role("button", name="Tallenna luonnos").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    assert SurveyResponse.objects.get().submitted_at is None
    sign_out(page)


def _resume_and_submit(page, check, round_, member) -> None:
    """Later: the draft is there; the last organisation is answered and the answer submitted."""
    sign_in(page, member.email)
    page.goto(f"/trust/surveys/{round_.pk}/")
    page.get_by_role("link", name="Jatka vastaamista").click()
    expect(page.get_by_role("group", name="Gradia Jyväskylä", exact=True).get_by_label("Koordinointi")).to_be_checked()
    expect(page.get_by_label("Kommentti (vapaaehtoinen)").first).to_have_value("Yhteinen ohjauspiste toimii hyvin.")
    page.get_by_role("button", name="Lähetä vastaus").click()
    expect(page.locator(".alert-danger").first).to_contain_text("vastaamatta")  # Ohjaamo is missing
    check(page, "survey-05-answer-incomplete")
    page.get_by_role("group", name="Ohjaamo Jyväskylä", exact=True).get_by_label("Ei suhdetta").check()
    page.get_by_role("button", name="Lähetä vastaus").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    check(page, "survey-06-round-respondent")
    sign_out(page)


def test_a_survey_is_opened_answered_in_two_sittings_and_followed(
    page, check, network, organisation, member, coordinator
):
    gradia = _member(network, "Gradia Jyväskylä", "gradia")
    ohjaamo = _member(network, "Ohjaamo Jyväskylä", "ohjaamo")
    humak = _member(network, "Humak", "humak")
    round_ = _open(page, check, network, coordinator)
    _answer_part(page, check, round_, member)
    _resume_and_submit(page, check, round_, member)
    response = SurveyResponse.objects.get()
    assert response.is_submitted
    assert TrustRating.objects.filter(response=response).count() == 3
    assert TrustRating.objects.get(about=gradia).reliability == 4
    assert TrustRating.objects.get(about=humak).relationship == 1
    assert TrustRating.objects.get(about=ohjaamo).reliability is None

    # The coordinator sees the response rate.
    sign_in(page, coordinator.email)
    page.goto(f"/trust/surveys/{round_.pk}/")
    expect(page.locator("#round-progress")).to_contain_text("1/4 organisaatiota on lähettänyt vastauksensa")
    check(page, "survey-07-round-rate")
    page.goto("/")
    expect(page.locator("#round-rates")).to_contain_text("1/4")
    check(page, "survey-08-dashboard")
