"""The coordinators' roles page in a real browser, in Finnish, with axe-core on every page (and the Nu checker
over every page at the end of the session): a member's role is changed to observer after a confirmation, then
taken away after a confirmation; the person is told by e-mail each time and the history shows both."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from networks.memberships.models import NetworkRole
from portal.lib.access import Role
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_changes_and_takes_a_role_after_confirming(page, check, network, coordinator, member):
    role = NetworkRole.objects.get(network=network, user=member)
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/roles/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Henkilöt ja roolit")
    expect(page.get_by_role("link", name=str(member)).first).to_be_visible()
    check(page, "roles-01-list")

    page.locator(f"a[href='/networks/{network.slug}/roles/{role.pk}/change/']").click()
    check(page, "roles-02-change-form")
    page.locator("select[name=role]").select_option(Role.OBSERVER)
    # the fixture's member is an individual expert without a reason: the form asks for one before confirming
    page.locator("main form [type=submit]").first.click()
    expect(page.locator("main input[name=confirm]")).to_have_count(0)
    page.locator("textarea[name=reason]").fill("Ohjauksen tutkija, joka tuntee alueen verkostot")
    page.locator("main form [type=submit]").first.click()
    expect(page.locator("main input[name=confirm]")).to_have_count(1)  # the confirmation page
    check(page, "roles-03-change-confirm")
    page.locator("main form [type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Henkilöt ja roolit")
    role.refresh_from_db()
    assert role.role == Role.OBSERVER

    page.locator(f"a[href='/networks/{network.slug}/roles/{role.pk}/remove/']").click()
    check(page, "roles-04-take-confirm")
    page.locator("main form [type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Henkilöt ja roolit")
    assert not NetworkRole.objects.filter(pk=role.pk).exists()
    check(page, "roles-05-after")
    assert len([message for message in mail.outbox if member.email in message.to]) == 2
