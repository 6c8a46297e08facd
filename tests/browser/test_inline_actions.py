"""Actions done in place with htmx, in a real browser, and the same actions without JavaScript.

With JavaScript the page is not loaded again (a marker set on ``window`` survives), the region shows the new
state, the focus stays on the control that was used (or moves to the region's heading when the control is
gone) and the live region says what happened. Without JavaScript (a second browser context) the same forms
POST and come back to the page with a message. Every page is checked with axe and the Nu checker, the page
after an htmx swap too (its DOM is saved for the Nu checker). axe needs JavaScript: a page the context without
it came back to is checked with axe in the other context, at the same address (the Nu checker gets the
document itself).

The actions: replying to a meeting invitation, marking an action item done and open again (on the person's own
list, the meeting's page and the network's list), and answering the endorsement of a goal on its page.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from networks.goals import endorsement
from networks.goals.models import Endorsement
from networks.meetings import actions as records
from networks.meetings import services
from networks.meetings.models import ActionItem, ActionStatus, Invitee
from tests.browser.actions import sign_in
from tests.networks.goals.endorsement_cast import three_members
from tests.networks.meetings.records_helpers import meeting_that_took_place

pytestmark = pytest.mark.django_db(transaction=True)

MARK = "window.__notReloaded = true"
# axe leaves empty style attributes behind on elements it measured; htmx's settling copies an old element's
# style onto its new version, which the CSP (style-src 'self') reports. So a page axe ran on is loaded again
# before it is used.
NOT_RELOADED = "window.__notReloaded === true"


@pytest.fixture
def no_js(browser, live_server, nu_pages):
    """A page in a browser context without JavaScript: every form is a plain POST and a redirect."""
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.on("response", nu_pages.on_response)
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _checked_after_swap(page, check, nu_pages, name: str) -> None:
    """axe on the page as htmx left it, and its DOM saved for the session's Nu check.

    The pointer is moved off the button just clicked and the buttons' colour transition (0.15 s) let finish
    first: axe would otherwise measure the contrast of a colour half-way from the outline to the hover style.
    """
    page.mouse.move(0, 0)
    page.wait_for_function(
        "() => document.getAnimations().filter(a => a.playState === 'running').length === 0", timeout=2_000
    )
    check(page, name)
    path = nu_pages.directory / f"page-{name}.html"
    path.write_text(page.content(), encoding="utf-8")
    nu_pages.sources[path.name] = f"{urlsplit(page.url).path} (after htmx)"


def _checked_without_js(no_js, page, check, name: str) -> None:
    """axe, in the context with JavaScript, on the page the context without it shows (same address, same
    person's view: the Nu checker has the document the context without JavaScript loaded)."""
    page.context.clear_cookies()
    page.context.add_cookies(no_js.context.cookies())
    page.goto(no_js.url.split("#")[0])  # a new document, not a jump within the one shown
    check(page, name)


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


# --- replying to an invitation -------------------------------------------------------------------------------


@pytest.fixture
def planned(network, coordinator, member, organisation):
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    return services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Syystapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )


def test_replying_in_place_and_without_javascript(page, no_js, check, nu_pages, planned, member, coordinator):
    sign_in(page, member.email)
    page.goto(f"/meetings/{planned.pk}/")
    check(page, "inline-01-meeting")
    page.reload()
    page.evaluate(MARK)
    page.locator("#reply-maybe").check()
    page.locator("#reply-submit").click()
    expect(page.locator("#invitations-status")).to_have_text(re.compile(r"\S"))
    expect(page.locator("#invitations")).to_contain_text("Ehkä")
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"
    assert _focused_id(page) == "reply-submit"
    assert page.locator("#reply-maybe").is_checked()
    assert Invitee.objects.get(meeting=planned, user=member).reply == "maybe"
    _checked_after_swap(page, check, nu_pages, "inline-02-replied")

    # The coordinator was invited too: without JavaScript the same form posts and comes back with a message.
    Invitee.objects.get_or_create(meeting=planned, user=coordinator)
    sign_in(no_js, coordinator.email)
    no_js.goto(f"/meetings/{planned.pk}/")
    no_js.locator("#reply-no").check()
    no_js.locator("#reply-submit").click()
    expect(no_js).to_have_url(re.compile(rf"/meetings/{planned.pk}/#invitations$"))
    expect(no_js.locator(".alert-success").first).to_be_visible()
    assert no_js.locator("#reply-no").is_checked()
    _checked_without_js(no_js, page, check, "inline-03-replied-without-js")
    assert Invitee.objects.get(meeting=planned, user=coordinator).reply == "no"


# --- marking an action item done ---------------------------------------------------------------------------------


@pytest.fixture
def action(network, coordinator, member, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    return records.action_add(
        meeting=meeting,
        item=items[0],
        user=coordinator,
        what="Kootaan chat-ohjauksen päivystysvuorot",
        owner=member,
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )


def _toggle_in_place(page, action, status) -> None:
    page.locator(f"#action-{action.pk}-toggle").click()
    label = "Avaa uudelleen" if status == ActionStatus.DONE else "Merkitse tehdyksi"
    expect(page.locator(f"#action-{action.pk}-toggle")).to_contain_text(label)
    expect(page.locator("#action-status")).to_have_text(re.compile(r"\S"))
    expect(page.locator(f"#action-{action.pk}-toggle")).to_be_focused()
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"
    assert ActionItem.objects.get(pk=action.pk).status == status


def test_marking_an_action_item_done_in_place_and_without_javascript(
    page, no_js, check, nu_pages, action, member, coordinator, network
):
    sign_in(page, member.email)
    page.goto("/meetings/actions/")
    check(page, "inline-04-my-actions")
    page.reload()
    page.evaluate(MARK)
    _toggle_in_place(page, action, ActionStatus.DONE)
    _checked_after_swap(page, check, nu_pages, "inline-05-my-actions-done")
    page.reload()
    page.evaluate(MARK)
    _toggle_in_place(page, action, ActionStatus.OPEN)

    # the coordinator, on the meeting's page: its row among the records of the agenda item
    page.context.clear_cookies()
    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{action.meeting_id}/")
    page.evaluate(MARK)
    _toggle_in_place(page, action, ActionStatus.DONE)
    _checked_after_swap(page, check, nu_pages, "inline-06-meeting-action-done")

    # without JavaScript: the coordinator opens it again on the network's list and comes back to the list
    sign_in(no_js, coordinator.email)
    no_js.goto(f"/meetings/network/{network.slug}/actions/?status=done")
    no_js.locator(f"#action-{action.pk}-toggle").click()
    expect(no_js).to_have_url(re.compile(rf"/meetings/network/{network.slug}/actions/\?status=done$"))
    expect(no_js.locator(".alert-success").first).to_be_visible()
    _checked_without_js(no_js, page, check, "inline-07-network-actions-without-js")
    assert ActionItem.objects.get(pk=action.pk).status == ActionStatus.OPEN


# --- answering the endorsement of a goal ---------------------------------------------------------------------


def test_answering_an_endorsement_in_place_and_without_javascript(
    page, no_js, check, nu_pages, goal, network, organisation, member, partner_organisation, coordinator
):
    three = three_members(network, organisation, member, partner_organisation)
    endorsement.endorsement_open(goal=goal, user=coordinator)

    sign_in(page, member.email)
    page.goto(f"/goals/{goal.pk}/")
    check(page, "inline-08-goal")
    page.reload()
    page.evaluate(MARK)
    # a reservation without a reason: the error on the panel's form, the focus on the field to fix
    page.locator("#endorse-answer_1").check()
    page.locator("#endorsement-form [type=submit]").click()
    expect(page.locator("#endorse-reason")).to_be_focused()
    expect(page.locator("#endorsement-status")).to_have_text(re.compile(r"\S"))
    assert not Endorsement.objects.exists()
    _checked_after_swap(page, check, nu_pages, "inline-09-goal-answer-error")
    page.reload()
    page.evaluate(MARK)
    page.locator("#endorse-answer_1").check()
    page.locator("#endorse-reason").fill("Resurssit riittävät vain vuodeksi kerrallaan.")
    page.locator("#endorsement-form [type=submit]").click()
    expect(page.locator("#endorsement table")).to_contain_text(organisation.name)
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"
    assert Endorsement.objects.get().organisation == organisation
    _checked_after_swap(page, check, nu_pages, "inline-10-goal-answered")

    # without JavaScript Gradia's representative answers with the same form and comes back to the goal
    sign_in(no_js, three.reps[1].email)
    no_js.goto(f"/goals/{goal.pk}/")
    no_js.locator("#endorse-answer_0").check()
    no_js.locator("#endorsement-form [type=submit]").click()
    expect(no_js).to_have_url(re.compile(rf"/goals/{goal.pk}/$"))
    expect(no_js.locator(".alert-success").first).to_be_visible()
    _checked_without_js(no_js, page, check, "inline-11-goal-answered-without-js")
    assert Endorsement.objects.filter(organisation=partner_organisation).exists()

    # the last answer meets the rule: the form is gone and the focus moves to the panel's heading
    page.context.clear_cookies()
    sign_in(page, three.reps[2].email)
    page.goto(f"/goals/{goal.pk}/")
    page.evaluate(MARK)
    page.locator("#endorse-answer_0").check()
    page.locator("#endorsement-form [type=submit]").click()
    expect(page.locator("#endorsement-heading")).to_be_focused()
    expect(page.locator("#endorsement-form")).to_have_count(0)
    # the status above the panel and in the facts follows, out of band
    expect(page.locator("#goal-status-badge")).to_have_text("Hyväksytty")
    expect(page.locator("#goal-status-facts")).to_contain_text("Hyväksytty")
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"
    _checked_after_swap(page, check, nu_pages, "inline-12-goal-agreed")
