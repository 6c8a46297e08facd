"""Notifications in a real browser, in Finnish, with axe-core and the Nu checker on each page: the unread count
in the header, the list, marking one read in place (htmx) and without JavaScript, marking all read, changing a
preference, and the unsubscribe page an e-mail's link opens without signing in."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from portal.notifications.models import Notification
from portal.notifications.preferences import preferences_of
from portal.notifications.unsubscribe import make_token
from tests.browser.actions import sign_in
from tests.portal.notifications.conftest import notify

pytestmark = pytest.mark.django_db(transaction=True)


def _badge(page):
    return page.locator("#unread-count")


def test_a_person_reads_notifications_and_changes_a_preference(page, check, member):
    notify(member, 3)
    sign_in(page, member.email)
    expect(_badge(page)).to_contain_text("3")
    page.get_by_role("link", name=re.compile("^Ilmoitukset")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ilmoitukset")
    expect(page.get_by_text("Lukematon", exact=True)).to_have_count(3)
    check(page, "notifications-01-list")

    # In place (htmx): the row loses its mark, the header's count follows.
    page.get_by_role("button", name=re.compile("^Merkitse luetuksi")).first.click()
    expect(page.get_by_text("Lukematon", exact=True)).to_have_count(2)
    expect(_badge(page)).to_contain_text("2")
    expect(page.locator("#notifications-unread")).to_contain_text("2")  # the list's own count too
    assert Notification.objects.filter(user=member, read_at__isnull=True).count() == 2
    check(page, "notifications-02-one-read")

    page.get_by_role("button", name="Merkitse kaikki luetuiksi").click()
    expect(page.get_by_text("Lukematon", exact=True)).to_have_count(0)
    expect(_badge(page)).to_have_text("")
    assert not Notification.objects.filter(user=member, read_at__isnull=True).exists()

    page.get_by_role("link", name="Ilmoitusasetukset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ilmoitusasetukset")
    check(page, "notifications-03-settings")
    page.get_by_label("Kokoukset ja tehtävät").select_option(label="Viikkokooste")
    page.get_by_role("button", name="Tallenna asetukset").click()
    expect(page.get_by_text("Ilmoitusasetuksesi on tallennettu.")).to_be_visible()
    expect(page.get_by_label("Kokoukset ja tehtävät")).to_have_value("weekly")
    assert preferences_of(member)["meetings"] == "weekly"
    check(page, "notifications-04-settings-saved")


def test_marking_read_works_without_javascript(browser, live_server, nu_pages, check, member):
    notify(member, 2)
    context = browser.new_context(base_url=live_server.url, locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    page.on("response", nu_pages.on_response)
    try:
        sign_in(page, member.email)
        page.goto(reverse("notifications:notification_list"))
        page.get_by_role("button", name=re.compile("^Merkitse luetuksi")).first.click()
        expect(page).to_have_url(re.compile(r"/notifications/$"))
        expect(page.get_by_text("Lukematon", exact=True)).to_have_count(1)
        expect(_badge(page)).to_contain_text("1")
        page.get_by_role("button", name="Merkitse kaikki luetuiksi").click()
        expect(page.get_by_text("Kaikki ilmoitukset on merkitty luetuiksi.")).to_be_visible()
        expect(page.get_by_text("Lukematon", exact=True)).to_have_count(0)
    finally:
        context.close()


def test_the_unsubscribe_link_works_without_signing_in(page, check, member):
    page.goto(reverse("notifications:unsubscribe", kwargs={"token": make_token(member, ["meetings"])}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lopeta sähköpostit")
    expect(page.get_by_text("Kokoukset ja tehtävät")).to_be_visible()
    check(page, "notifications-05-unsubscribe")
    page.get_by_role("button", name="Lopeta nämä sähköpostit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sähköpostit lopetettu")
    check(page, "notifications-06-unsubscribed")
    assert preferences_of(member)["meetings"] == "portal"


def test_no_notifications_yet(page, check, member):
    sign_in(page, member.email)
    page.goto(reverse("notifications:notification_list"))
    expect(page.get_by_text("Sinulla ei ole vielä ilmoituksia.", exact=False)).to_be_visible()
    expect(_badge(page)).to_have_text("")
    check(page, "notifications-07-empty")
