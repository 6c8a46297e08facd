"""The information flow from a news item to a digest and back, in a real browser, every page checked with axe and
(at the end of the session) the Nu checker.

A member of the network chooses the daily digest for news. A coordinator posts an item in Finnish and Swedish:
the member gets no e-mail at once but sees the unread count in the header, opens the notification list and follows
the notification to the item. The daily job of the next day (``send_digests --today``, its tasks run by the test
settings' immediate task backend, its e-mail written by the console e-mail backend and read from the captured
standard output) sends the member one digest with the item's title, its link and the one-click unsubscribe
headers; running it again sends nothing. The member chooses the weekly digest for meetings and sees it saved
after a reload. The membership is approved and the member gets that e-mail at once. In a fresh browser, not
signed in, that e-mail's unsubscribe link stops the memberships e-mail and the digest's link the news e-mail;
the member's settings then show both as "only in the portal" (the e-mail sent at once is read from the test
settings' locmem outbox). Last, a reader who switches the site to Swedish sees the
item's Swedish title, and an item written only in Finnish with the mark "(på finska)".

The period is fixed without patching the clock (the live server's sessions need the real one): the job runs for the
day after the local date the notification was made, whatever the time of day.
"""

import datetime
import email
import email.policy
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from networks.memberships.mail import mail_organisation
from networks.news.models import NewsItem
from portal.notifications.models import Digest, Notification
from portal.notifications.preferences import preferences_of
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

TITLE_FI = "Syksyn koulutuspäivä"
TITLE_SV = "Höstens utbildningsdag"
ONLY_FINNISH = "Kevään verkostotapaaminen"
CONSOLE_MAIL = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
SEPARATOR = "\n" + "-" * 79 + "\n"


def _settings_page(page, check, shot: str) -> None:
    page.locator("header").get_by_role("link", name=re.compile("^Ilmoitukset")).first.click()
    page.get_by_role("link", name="Ilmoitusasetukset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ilmoitusasetukset")
    check(page, shot)


def _choose(page, kind: str, delivery_label: str) -> None:
    page.locator(f"#id_{kind}").select_option(label=delivery_label)
    page.get_by_role("button", name="Tallenna asetukset").click()
    expect(page.get_by_text("Ilmoitusasetuksesi on tallennettu.")).to_be_visible()


def _post(page, check, network, coordinator) -> NewsItem:
    sign_in(page, coordinator.email)
    page.goto(f"/news/network/{network.slug}/")
    check(page, "information-03-news-list")
    page.locator(f"a[href='/news/network/{network.slug}/new/']").first.click()
    page.locator("#id_title_fi").fill(TITLE_FI)
    page.locator("#id_body_fi").fill("Verkoston ohjaajat kokoontuvat Gradiaan lokakuussa.")
    page.locator("#id_title_sv").fill(TITLE_SV)
    page.locator("#id_body_sv").fill("Handledarna samlas på Gradia i oktober.")
    check(page, "information-04-news-form")
    page.locator("main form [type=submit]").last.click()
    item = NewsItem.objects.get(title_fi=TITLE_FI)
    expect(page).to_have_url(re.compile(rf"/news/{item.uuid}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_FI)
    check(page, "information-05-news-item")
    sign_out(page)
    return item


def _read_in_portal(page, check, member, item) -> None:
    """The member sees the count in the header, opens the list and follows the notification to the item."""
    sign_in(page, member.email)
    expect(page.locator("#unread-count")).to_contain_text("1")
    check(page, "information-06-dashboard-unread")
    page.locator("header").get_by_role("link", name=re.compile("^Ilmoitukset")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ilmoitukset")
    expect(page.get_by_text("Lukematon", exact=True)).to_have_count(1)
    check(page, "information-07-notifications")
    page.locator("#notifications").get_by_role("link", name=re.compile(TITLE_FI)).click()
    expect(page).to_have_url(re.compile(rf"/news/{item.uuid}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_FI)
    check(page, "information-08-item-from-notification")


def _console_messages(capsys) -> list[email.message.EmailMessage]:
    """The messages the console e-mail backend wrote to the (captured) standard output."""
    out = capsys.readouterr().out
    chunks = [chunk.strip() for chunk in out.split(SEPARATOR) if chunk.strip()]
    return [email.message_from_string(chunk + "\n", policy=email.policy.default) for chunk in chunks]


def _run_daily_job(capsys, day: datetime.date) -> list[email.message.EmailMessage]:
    capsys.readouterr()  # what was written before
    with override_settings(MAILERS=CONSOLE_MAIL):
        call_command("send_digests", today=day.isoformat(), stdout=io.StringIO())
    return _console_messages(capsys)


def _digest(capsys, member, item) -> email.message.EmailMessage:
    """The next day's job sends the member one digest; a second run sends nothing."""
    made = Notification.objects.get(user=member, kind="news")
    assert made.delivery == "daily" and made.digest is None
    tomorrow = timezone.localtime(made.created_at).date() + datetime.timedelta(days=1)
    messages = _run_daily_job(capsys, tomorrow)
    assert len(messages) == 1, [m["To"] for m in messages]
    digest = messages[0]
    assert digest["To"] == member.email
    body = digest.get_body(preferencelist=("plain",)).get_content()
    assert TITLE_FI in body
    assert f"{settings.SITE_URL}/news/{item.uuid}/" in body
    assert digest["List-Unsubscribe"].startswith(f"<{settings.SITE_URL}/notifications/unsubscribe/")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Digest.objects.filter(user=member, period="daily").count() == 1
    assert _run_daily_job(capsys, tomorrow) == []  # the period is claimed: nothing twice
    assert Digest.objects.count() == 1
    return digest


def _membership_email(network, organisation, member):
    """The coordinator approves the organisation's membership (the world around the journey, through the service's
    own mail function): its representative, the member, gets the e-mail at once, with the one-click headers."""
    mail.outbox.clear()
    mail_organisation(template="approved", membership=network.memberships.get(organisation=organisation))
    assert [m.to for m in mail.outbox] == [[member.email]]
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    return message.extra_headers["List-Unsubscribe"]


def _unsubscribe_without_signing_in(browser, live_server, nu_pages, check, links) -> None:
    """A fresh browser (no session) opens each e-mail's unsubscribe link and confirms: ``links`` maps the
    ``List-Unsubscribe`` header to the kind the page names."""
    context = browser.new_context(base_url=live_server.url, locale="fi-FI", viewport={"width": 1280, "height": 900})
    fresh = context.new_page()
    fresh.on("response", nu_pages.on_response)
    try:
        for number, (header, kind) in enumerate(links.items()):
            url = header.strip("<>")
            assert url.startswith(f"{settings.SITE_URL}/notifications/unsubscribe/")
            fresh.goto(url.removeprefix(settings.SITE_URL))
            expect(fresh.get_by_role("heading", level=1)).to_have_text("Lopeta sähköpostit")
            expect(fresh.get_by_role("link", name="Kirjaudu sisään").first).to_be_visible()  # nobody signed in
            expect(fresh.locator("main li")).to_have_text([kind])
            check(fresh, f"information-12-unsubscribe-{number}")
            fresh.get_by_role("button", name="Lopeta nämä sähköpostit").click()
            expect(fresh.get_by_role("heading", level=1)).to_have_text("Sähköpostit lopetettu")
            check(fresh, f"information-13-unsubscribed-{number}")
    finally:
        context.close()


def _read_in_swedish(page, check, observer, item, finnish_only) -> None:
    sign_in(page, observer.email)
    page.get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.goto(f"/news/{item.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_SV)
    expect(page.get_by_text("Handledarna samlas på Gradia i oktober.")).to_be_visible()
    expect(page.locator(".fallback-mark")).to_have_count(0)
    check(page, "information-15-item-in-swedish")
    page.goto(f"/news/{finnish_only.uuid}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(ONLY_FINNISH)
    expect(heading.locator(".fallback-mark")).to_have_text("(på finska)")
    expect(heading.locator("[lang=fi]")).to_have_text(ONLY_FINNISH)
    check(page, "information-16-item-in-finnish-only")


def test_news_reaches_a_member_in_the_portal_and_in_the_daily_digest(
    page, check, browser, live_server, nu_pages, capsys, network, organisation, coordinator, member, observer
):
    finnish_only = NewsItem.objects.create(
        network=network, author=coordinator, title_fi=ONLY_FINNISH, body_fi="Tapaamme toukokuussa Humakilla."
    )

    # The member wants news once a day.
    sign_in(page, member.email)
    _settings_page(page, check, "information-01-settings")
    _choose(page, "news", "Päiväkooste")
    check(page, "information-02-news-daily")
    assert preferences_of(member)["news"] == "daily"
    sign_out(page)

    mail.outbox.clear()
    item = _post(page, check, network, coordinator)
    # The observer (no choice made) gets the e-mail at once; the member's waits for the digest.
    assert [m.to for m in mail.outbox] == [[observer.email]]

    _read_in_portal(page, check, member, item)
    digest = _digest(capsys, member, item)

    # Meetings weekly: saved, and still so after a reload.
    _settings_page(page, check, "information-09-settings-again")
    _choose(page, "meetings", "Viikkokooste")
    check(page, "information-10-meetings-weekly")
    page.reload()
    expect(page.locator("#id_meetings")).to_have_value("weekly")
    expect(page.locator("#id_news")).to_have_value("daily")
    check(page, "information-11-settings-reloaded")

    # An immediate e-mail of another kind, and the digest: each one's link stops its kind, signed in or not.
    membership_link = _membership_email(network, organisation, member)
    links = {membership_link: "Jäsenyydet ja roolit", digest["List-Unsubscribe"]: "Uutiset"}
    _unsubscribe_without_signing_in(browser, live_server, nu_pages, check, links)
    page.reload()
    for kind in ("memberships", "news"):
        choice = page.locator(f"#id_{kind}")
        expect(choice).to_have_value("portal")
        expect(choice.locator("option:checked")).to_have_text("Vain portaalissa")
    expect(page.locator("#id_meetings")).to_have_value("weekly")
    expect(page.locator("#id_goals")).to_have_value("now")  # the other kinds as they were
    check(page, "information-14-only-in-the-portal")
    assert {k: v for k, v in preferences_of(member).items() if v != "now"} == {
        "memberships": "portal",
        "news": "portal",
        "meetings": "weekly",
        "todo": "weekly",
    }
    sign_out(page)

    _read_in_swedish(page, check, observer, item, finnish_only)
