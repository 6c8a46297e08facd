"""When an action done in place fails, the person sees why and keeps what they typed (static/js/inline-outcome.js).

A form's errors come back as 422 with the form in its region, which htmx swaps in like a success; any other
failure (here: the news item deleted meanwhile, a 404; and no connection) swaps nothing, so the form keeps its
text, and a message in Finnish (the page's own, from base.html) shows next to it with role="alert". Every page
is checked with axe, the page with the message too.
"""

import re

import pytest
from playwright.sync_api import expect

from networks.glossary.models import TermComment
from networks.news.models import NewsComment
from tests.browser.actions import sign_in
from tests.networks.glossary.factories import term
from tests.networks.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db(transaction=True)

MARK = "window.__notReloaded = true"
NOT_RELOADED = "window.__notReloaded === true"
TEXT = "Tämä määritelmä kaipaa esimerkin."
GONE = "Tätä ei enää löydy: se on ehkä poistettu sillä välin."
OFFLINE = "Palvelimeen ei saatu yhteyttä."


def test_an_empty_comment_shows_its_error_in_place_and_no_connection_keeps_the_text(page, check, network, member):
    guidance = term(network)
    sign_in(page, member.email)
    page.goto(guidance.get_absolute_url())
    check(page, "inline-errors-01-term")
    page.reload()
    page.evaluate(MARK)
    # only spaces: the server says the field is required, and the discussion comes back with the error (422)
    page.locator("#id_body").fill("   ")
    with page.expect_response(re.compile(r"/comments?/")) as answer:
        page.get_by_role("button", name="Lisää kommentti").click()
    assert answer.value.status == 422
    expect(page.locator("#comments")).to_contain_text("Tämä kenttä vaaditaan.")
    expect(page.locator("#id_body")).to_have_attribute("aria-invalid", "true")
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"
    assert not TermComment.objects.exists()

    # no connection: nothing is swapped, the text stays, and an alert next to the form says why
    page.locator("#id_body").fill(TEXT)
    page.route(re.compile(r"/glossary/terms/\d+/comments?/"), lambda route: route.abort())
    page.get_by_role("button", name="Lisää kommentti").click()
    alert = page.locator("#comments [role=alert]")
    expect(alert).to_contain_text(OFFLINE)
    expect(page.locator("#id_body")).to_have_value(TEXT)
    assert not TermComment.objects.exists()

    # connected again: the same text is sent, the alert goes and the comment is there
    page.unroute(re.compile(r"/glossary/terms/\d+/comments?/"))
    page.get_by_role("button", name="Lisää kommentti").click()
    expect(page.locator("#comments")).to_contain_text(TEXT)
    expect(page.locator("#comments [role=alert]")).to_have_count(0)
    assert list(TermComment.objects.values_list("body", flat=True)) == [TEXT]
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"


def test_a_comment_on_a_news_item_deleted_meanwhile_says_so_and_keeps_the_text(
    page, check, network, coordinator, member
):
    item = NewsItemFactory(network=network, author=coordinator, title_fi="Syksyn koulutuspäivä")
    sign_in(page, member.email)
    page.goto(item.get_absolute_url())
    page.evaluate(MARK)
    page.locator("#id_text").fill("Tulen mukaan!")
    item.delete()  # the coordinator deletes it meanwhile
    with page.expect_response(re.compile(r"/comments?/")) as answer:
        page.locator("#comment-form [type=submit]").click()
    assert answer.value.status == 404
    alert = page.locator("#comments [role=alert]")
    expect(alert).to_contain_text(GONE)
    expect(page.locator("#id_text")).to_have_value("Tulen mukaan!")
    expect(page.locator("#comment-form [type=submit]")).to_be_enabled()
    assert page.evaluate(NOT_RELOADED), "the page was loaded again"
    assert not NewsComment.objects.exists()
    page.mouse.move(0, 0)
    check(page, "inline-errors-02-news-item-gone")
