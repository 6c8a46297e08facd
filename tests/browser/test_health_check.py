"""A partnership health check from opening to its review meeting, in a real browser.

A coordinator opens a health check of the whole network; the representatives of two member organisations
answer (one saves a draft first and resumes it), rating some aspects red and amber; the coordinator closes the
check, reads the counts per aspect and the comments, and makes the review meeting in one click, landing on the
meeting whose agenda has the aspects rated red or amber, the reds first. Every page is checked with axe; the
results page is kept as /tmp/health.png to look at.
"""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from networks.meetings.models import Meeting
from networks.trust.models import SurveyRound
from tests import factories
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)


def _representative(network, name, slug, email):
    organisation = factories.OrganisationFactory(name=name, slug=slug)
    person = factories.UserFactory(email=email, first_name=name.split()[0], last_name="Edustaja")
    factories.AffiliationFactory(user=person, organisation=organisation)
    factories.MembershipFactory(network=network, organisation=organisation, representative=person)
    factories.NetworkRoleFactory(network=network, user=person)
    return organisation, person


def _rate(page, colours: dict, comments: dict | None = None):
    for aspect in ("goals", "commitments", "communication", "decisions", "resources", "benefits"):
        page.locator(f"input[name={aspect}_colour][value={colours.get(aspect, 'green')}]").check()
    for aspect, text in (comments or {}).items():
        page.locator(f"#id_{aspect}_comment").fill(text)


def _answer(page, check, round_, person, colours, comments=None, *, draft_first=False, shot=None):
    sign_in(page, person.email)
    page.goto(f"/trust/health/{round_.pk}/")
    check(page, f"health-03-open-{person.pk}")
    page.get_by_role("link", name="Vastaa").first.click()
    expect(page.locator("fieldset")).to_have_count(6)
    if draft_first:
        page.locator("input[name=goals_colour][value=red]").check()
        page.locator("#id_goals_comment").fill("Tavoitteet ovat jääneet epäselviksi.")
        page.get_by_role("button", name="Tallenna luonnos").click()
        expect(page.locator(".alert-success").first).to_be_visible()
        expect(page.locator("#id_goals_comment")).to_have_value("Tavoitteet ovat jääneet epäselviksi.")
        expect(page.locator("input[name=goals_colour][value=red]")).to_be_checked()
    _rate(page, colours, comments)
    if shot:
        check(page, shot)
    page.get_by_role("button", name="Lähetä vastaus").click()
    expect(page).to_have_url(re.compile(rf"/trust/health/{round_.pk}/$"))
    expect(page.locator(".alert-success").first).to_be_visible()
    sign_out(page)


def test_a_health_check_becomes_a_review_meeting(page, check, network, organisation, member, coordinator):
    gradia, gradia_rep = _representative(network, "Gradia Jyväskylä", "gradia", "gradia@example.fi")

    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/")
    page.get_by_role("link", name="Kumppanuuden terveystarkastukset").click()
    check(page, "health-01-list-empty")
    page.get_by_role("link", name="Avaa terveystarkastus").click()
    page.locator("#id_title").fill("Kumppanuuden terveystarkastus syksy 2026")
    check(page, "health-02-open-form")
    page.get_by_role("button", name="Avaa terveystarkastus").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    round_ = SurveyRound.objects.get(title="Kumppanuuden terveystarkastus syksy 2026")
    assert set(round_.organisations.all()) == {organisation, gradia}
    sign_out(page)

    _answer(
        page,
        check,
        round_,
        member,
        {"goals": "red", "communication": "amber"},
        {"communication": "Tieto kulkee hitaasti."},
        draft_first=True,
        shot="health-04-answer-form",
    )
    _answer(page, check, round_, gradia_rep, {"resources": "amber", "benefits": "red"})

    sign_in(page, coordinator.email)
    page.goto(f"/trust/health/{round_.pk}/")
    expect(page.get_by_text("2 organisaatiosta 2 on lähettänyt")).to_be_visible()
    page.get_by_role("link", name="Päätä terveystarkastus").click()
    check(page, "health-05-close-confirm")
    page.get_by_role("button", name="Päätä terveystarkastus").click()
    expect(page.locator("table caption")).to_contain_text("Arviot osa-alueittain")
    expect(page.get_by_text("Tieto kulkee hitaasti.")).to_be_visible()
    expect(page.get_by_text("Tavoitteet ovat jääneet epäselviksi.")).to_be_visible()
    check(page, "health-06-results")
    page.screenshot(path=str(Path(tempfile.gettempdir()) / "health.png"), full_page=True)

    page.get_by_role("button", name="Luo arviointikokous").click()
    meeting = Meeting.objects.get()
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kumppanuuden arviointikokous")
    titles = list(meeting.items.order_by("position").values_list("title", flat=True))
    assert titles == [
        "Yhteiset tavoitteet ovat selkeät",
        "Hyödyt jakautuvat tasapuolisesti",
        "Viestintä toimii",
        "Resurssit riittävät",
    ]
    for number, title in enumerate(titles, start=1):
        expect(page.get_by_role("heading", name=f"{number}. {title}")).to_be_visible()
    check(page, "health-07-review-meeting")

    # A second click leads to the same meeting.
    page.goto(f"/trust/health/{round_.pk}/")
    page.get_by_role("link", name=meeting.title).click()
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    assert Meeting.objects.count() == 1
