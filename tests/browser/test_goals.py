"""A shared goal from proposal to agreement and its first measurement, in a real browser.

A coordinator proposes a goal with an indicator and opens endorsement; the representatives of the
network's three member organisations answer (one with a reservation) and the goal becomes agreed; the
indicator's owner enters a measurement and the progress chart gains a point. Every page is checked with
axe; the chart is kept as a screenshot in test-artifacts/ to look at.
"""

import re

import pytest
from playwright.sync_api import expect

from networks.goals.models import Goal, GoalStatus
from networks.memberships.models import Membership
from tests import factories
from tests.browser.actions import sign_in, sign_out
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def _member_with_representative(network, name, slug, email):
    organisation = factories.OrganisationFactory(name=name, slug=slug)
    person = factories.UserFactory(email=email, first_name=name.split()[0], last_name="Edustaja")
    factories.AffiliationFactory(user=person, organisation=organisation)
    factories.MembershipFactory(network=network, organisation=organisation, representative=person)
    factories.NetworkRoleFactory(network=network, user=person)
    return organisation, person


def _submit(page):
    page.locator("main form [type=submit]").last.click()


def _propose(page, check, network, organisation) -> Goal:
    page.goto("/goals/")
    check(page, "goals-01-index")
    page.goto(f"/goals/network/{network.slug}/")
    check(page, "goals-02-board-empty")
    page.locator(f"a[href='/goals/network/{network.slug}/new/']").first.click()
    page.locator("#id_title").fill("Aikuisten ohjaus tavoittaa uusia asiakkaita")
    page.locator("#id_description").fill("Yhä useampi aikuinen löytää ohjauksen Keski-Suomessa.")
    page.locator("#id_rationale").fill("Ohjausta tarvitsevat eivät aina tiedä palveluista.")
    page.locator("#id_period_start").fill("2026-01-01")
    page.locator("#id_period_end").fill("2027-12-31")
    page.locator("#id_quality_area").select_option("service_provision")
    page.locator("#id_owner_organisation").select_option(str(organisation.pk))
    check(page, "goals-03-create-form")
    _submit(page)
    goal = Goal.objects.get(title="Aikuisten ohjaus tavoittaa uusia asiakkaita")
    expect(page).to_have_url(re.compile(rf"/goals/{goal.pk}/$"))
    assert goal.status == GoalStatus.PROPOSED
    return goal


def _add_indicator(page, check, goal, owner) -> None:
    page.goto(f"/goals/{goal.pk}/indicators/add/")
    page.locator("#id_name").fill("Ohjattujen aikuisten määrä")
    page.locator("#id_unit").fill("henkilöä")
    page.locator("#id_direction").select_option("increase")
    page.locator("#id_baseline_value").fill("100")
    page.locator("#id_baseline_date").fill("2026-01-01")
    page.locator("#id_target_value").fill("300")
    page.locator("#id_target_date").fill("2027-12-31")
    page.locator("#id_frequency").select_option("quarterly")
    page.locator("#id_owner").select_option(str(owner.pk))
    check(page, "goals-04-indicator-form")
    _submit(page)
    expect(page.locator(".alert-success").first).to_be_visible()
    assert goal.indicators.count() == 1


def _answer(page, check, goal, person, answer, reason="", shot=None) -> None:
    sign_in(page, person.email)
    page.goto(f"/goals/{goal.pk}/")
    page.locator(f"a[href='/goals/{goal.pk}/endorsement/answer/']").first.click()
    page.locator(f"input[name=answer][value={answer}]").check()
    if reason:
        page.locator("#id_reason").fill(reason)
    if shot:
        check(page, shot)
    _submit(page)
    expect(page.locator(".alert-success").first).to_be_visible()
    sign_out(page)


def test_a_goal_is_proposed_endorsed_by_three_organisations_and_measured(
    page, check, network, organisation, member, coordinator
):
    voters = [(organisation, member)]
    voters.append(_member_with_representative(network, "Gradia Jyväskylä", "gradia", "gradia@example.fi"))
    voters.append(_member_with_representative(network, "Ohjaamo Jyväskylä", "ohjaamo", "ohjaamo@example.fi"))
    assert Membership.objects.filter(network=network, status="active").count() == 3

    sign_in(page, coordinator.email)
    goal = _propose(page, check, network, organisation)
    _add_indicator(page, check, goal, member)
    page.goto(f"/goals/{goal.pk}/endorsement/open/")
    check(page, "goals-05-open-endorsement")
    _submit(page)
    expect(page.locator(".alert-success").first).to_be_visible()
    goal.refresh_from_db()
    assert goal.status == GoalStatus.ENDORSEMENT
    check(page, "goals-06-under-endorsement")
    sign_out(page)

    _answer(page, check, goal, voters[0][1], "agree", shot="goals-07-answer-form")
    _answer(page, check, goal, voters[1][1], "reservations", reason="Resurssit riittävät vain vuodeksi kerrallaan.")
    goal.refresh_from_db()
    assert goal.status == GoalStatus.ENDORSEMENT  # two of three
    _answer(page, check, goal, voters[2][1], "agree")
    goal.refresh_from_db()
    assert goal.status == GoalStatus.AGREED

    # The indicator's owner (the member) enters a measurement: the chart gains a point.
    sign_in(page, member.email)
    page.goto(f"/goals/{goal.pk}/")
    check(page, "goals-08-agreed")
    expect(page.get_by_text("Resurssit riittävät vain vuodeksi kerrallaan.").first).to_be_visible()
    chart = page.locator("svg.goal-chart").first
    points_before = chart.locator(".chart-point").count()
    indicator = goal.indicators.get()
    page.goto(f"/goals/{goal.pk}/indicators/{indicator.pk}/measurements/add/")
    page.locator("#id_measured_on").fill("2026-06-30")
    page.locator("#id_value").fill("180")
    page.locator("#id_note").fill("Kevään ohjauskäynnit.")
    check(page, "goals-09-measurement-form")
    _submit(page)
    expect(page.locator(".alert-success").first).to_be_visible()
    page.goto(f"/goals/{goal.pk}/")
    chart = page.locator("svg.goal-chart").first
    expect(chart.locator(".chart-point")).to_have_count(points_before + 1)
    check(page, "goals-10-measured")
    chart.screenshot(path=str(ARTIFACTS / "goals-chart.png"))
    expect(page.locator("table").filter(has_text="180")).to_have_count(1)

    page.goto(f"/goals/{goal.pk}/endorsements/")
    check(page, "goals-11-endorsements")
    page.goto(f"/goals/network/{network.slug}/")
    check(page, "goals-12-board")
    page.goto(f"/goals/network/{network.slug}/report/")
    check(page, "goals-13-report")
