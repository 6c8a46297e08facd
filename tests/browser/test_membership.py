"""Joining a network and moving along the collaboration continuum, in a real browser, with axe on every page.

Controls are found by their form field ids and addresses rather than by their wording, so the journey
holds before and after the Finnish catalog gains this part's strings.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from networks.memberships.models import Membership, MembershipChange, MembershipLevel
from portal.lib.access import MembershipStatus
from tests import factories
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

L = MembershipLevel
S = MembershipStatus


def _members_with_history(network):
    """Members whose levels moved over the last three years, so the chart has something to show."""
    now = timezone.now()
    paths = [
        [(1000, L.NETWORKING), (700, L.COOPERATION), (300, L.COORDINATION), (100, L.STRATEGIC)],
        [(900, L.NETWORKING), (500, L.COOPERATION)],
        [(1100, L.COOPERATION), (400, L.COORDINATION)],
        [(800, L.NETWORKING)],
        [(600, L.NETWORKING), (200, L.COOPERATION)],
        [(1200, L.STRATEGIC)],
    ]
    for number, path in enumerate(paths):
        organisation = factories.OrganisationFactory(name=f"Kumppani {number + 1}")
        membership = factories.MembershipFactory(
            network=network,
            organisation=organisation,
            level=path[-1][1],
            joined_on=(now - datetime.timedelta(days=path[0][0])).date(),
        )
        MembershipChange.objects.bulk_create(
            MembershipChange(
                membership=membership,
                network=network,
                changed_at=now - datetime.timedelta(days=days),
                new_level=level,
                new_status=S.ACTIVE,
            )
            for days, level in path
        )


def test_coordinator_approves_an_application_and_changes_the_level(page, check, network, coordinator):
    network.is_public = True
    network.save()
    _members_with_history(network)
    applicant_org = factories.OrganisationFactory(name="Laukaan kirjasto")
    applicant = factories.UserFactory(email="hakija@example.fi", first_name="Helmi", last_name="Hakija")
    factories.AffiliationFactory(user=applicant, organisation=applicant_org)

    # The library's librarian applies.
    sign_in(page, applicant.email)
    page.goto(f"/networks/{network.slug}/apply/")
    check(page, "membership-01-apply")
    page.locator("#id_organisation").select_option(label=applicant_org.name)
    page.locator("#id_note").fill("Kirjasto tarjoaa digitukea ja haluaa ohjata asiakkaat oikeaan palveluun.")
    page.locator("form input[type=submit]").click()
    membership = Membership.objects.get(network=network, organisation=applicant_org)
    detail = f"/networks/{network.slug}/members/{membership.pk}/"
    expect(page).to_have_url(f"{page.url.split('/networks/')[0]}{detail}")
    expect(page.get_by_text("Kirjasto tarjoaa digitukea").first).to_be_visible()
    check(page, "membership-02-application")
    sign_out(page)

    # The coordinator sees it on the dashboard's to-do list and approves it.
    sign_in(page, coordinator.email)
    todo_link = page.locator(f"#todo-heading ~ div a[href='{detail}']")
    expect(todo_link).to_be_visible()
    check(page, "membership-03-dashboard")
    todo_link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(applicant_org.name)
    check(page, "membership-04-detail-applied")
    page.locator(f"form[action='{detail}approve/'] button").click()
    expect(page.locator(".alert-success")).to_be_visible()
    membership.refresh_from_db()
    assert membership.status == S.ACTIVE

    # ... and moves it up the continuum, with a reason.
    page.locator(f"a[href='{detail}edit/']").click()
    check(page, "membership-05-edit")
    page.locator("#id_level").select_option(L.COORDINATION)
    page.locator("#id_reason").fill("Yhteinen digitukiviikko sovittu koko verkostolle.")
    page.locator("form input[type=submit]").click()
    expect(page).to_have_url(f"{page.url.split('/networks/')[0]}{detail}")
    history = page.locator("#history-heading + div table")
    expect(history).to_contain_text("Yhteinen digitukiviikko sovittu koko verkostolle.")
    expect(history).to_contain_text(str(coordinator))
    expect(history.locator("tbody tr")).to_have_count(3)  # applied, approved, level changed
    check(page, "membership-06-history")
    membership.refresh_from_db()
    assert membership.level == L.COORDINATION
    assert membership.changes.count() == 3

    # The network page: members by level, and the chart of how the levels moved.
    page.goto(f"/networks/{network.slug}/")
    expect(page.locator("svg[role=img] rect.chart-level-strategic").first).to_be_visible()
    expect(page.locator("#level-coordination")).to_be_visible()
    expect(page.locator(".level-table")).to_be_visible()
    check(page, "membership-07-network")
    page.goto(f"/networks/{network.slug}/?chart=year")
    check(page, "membership-08-network-by-year")


def test_coordinator_rejects_with_a_reason_and_invites_an_organisation(page, check, network, coordinator, mailoutbox):
    applicant_org = factories.OrganisationFactory(name="Väärä alue oy")
    applicant = factories.UserFactory()
    factories.AffiliationFactory(user=applicant, organisation=applicant_org)
    membership = factories.MembershipFactory(
        network=network, organisation=applicant_org, status=S.APPLIED, representative=applicant
    )
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/members/{membership.pk}/reject/")
    check(page, "membership-09-reject")
    expect(page.locator("#id_reason")).to_have_attribute("required", "")  # no rejection without a reason
    page.locator("#id_reason").fill("Verkosto toimii Keski-Suomessa.")
    page.locator("form input[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    membership.refresh_from_db()
    assert membership.status == S.REJECTED
    assert any("Verkosto toimii Keski-Suomessa." in message.body for message in mailoutbox)

    page.goto(f"/networks/{network.slug}/members/invite/")
    check(page, "membership-10-invite")
    page.locator("#id_name").fill("Keski-Suomen Yrittäjät ry")
    page.locator("#id_email").fill("toimisto@yrittajat.example.fi")
    page.locator("form input[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    check(page, "membership-11-invited")
    assert Membership.objects.get(organisation__name="Keski-Suomen Yrittäjät ry").status == S.INVITED
