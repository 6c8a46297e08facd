"""A network's news in a real browser: a coordinator posts an item (with a link to a shared goal), a member reads
it and comments in place with htmx, and comments again in a browser without JavaScript (a plain POST and a
redirect). Every page is checked with axe and, at the end of the session, the Nu checker."""

import re

import pytest
from playwright.sync_api import expect

from networks.news.models import NewsComment, NewsItem
from tests.browser.actions import sign_in, sign_out
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def _post(page, check, network, coordinator, goal) -> NewsItem:
    """The coordinator posts an item in Finnish and Swedish, linked to the goal."""
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/")
    page.locator(f"a[href='/news/network/{network.slug}/']").first.click()
    expect(page.get_by_text("Verkostolla ei ole vielä uutisia.")).to_be_visible()
    check(page, "news-01-empty")
    page.locator(f"a[href='/news/network/{network.slug}/new/']").first.click()
    page.locator("#id_title_fi").fill("Syksyn koulutuspäivä")
    page.locator("#id_body_fi").fill("Verkoston ohjaajat kokoontuvat Gradiaan lokakuussa.")
    page.locator("#id_title_sv").fill("Höstens utbildningsdag")
    page.locator("#id_body_sv").fill("Handledarna samlas på Gradia i oktober.")
    page.locator("#id_goal").select_option(str(goal.pk))
    check(page, "news-02-form")
    page.locator("main form [type=submit]").last.click()
    item = NewsItem.objects.get()
    expect(page).to_have_url(re.compile(rf"/news/{item.uuid}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Syksyn koulutuspäivä")
    expect(page.get_by_role("link", name=goal.title)).to_be_visible()
    check(page, "news-03-item")
    sign_out(page)
    return item


def _comment_in_place(page, check, network, member) -> None:
    """The member reads the news from the dashboard and comments in place."""
    sign_in(page, member.email)
    expect(page.locator("#latest-news").get_by_role("link", name="Syksyn koulutuspäivä")).to_be_visible()
    check(page, "news-04-dashboard")
    page.goto(f"/news/network/{network.slug}/")
    check(page, "news-05-list")
    page.get_by_role("link", name="Syksyn koulutuspäivä").click()
    page.evaluate("window.stillThisPage = true")
    page.locator("#id_text").fill("Tulen mukaan!")
    page.locator("#comment-form [type=submit]").click()
    comments = page.locator("#comments")
    expect(comments.get_by_text("Tulen mukaan!")).to_be_visible()
    expect(page.locator("#comment-status")).to_have_text("Kommenttisi on lisätty.")
    assert page.evaluate("window.stillThisPage") is True, "the page was loaded again instead of updated in place"
    expect(page.locator("#id_text")).to_have_value("")
    check(page, "news-06-commented-in-place")


def test_a_coordinator_posts_and_a_member_comments_with_and_without_javascript(
    page, check, browser, live_server, nu_pages, network, coordinator, member, goal
):
    item = _post(page, check, network, coordinator, goal)
    _comment_in_place(page, check, network, member)

    # Without JavaScript the same form posts and comes back to the comment.
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    plain = context.new_page()
    plain.on("response", nu_pages.on_response)
    sign_in(plain, member.email)
    plain.goto(f"/news/{item.uuid}/")
    plain.locator("#id_text").fill("Ja tuon kollegan.")
    plain.locator("#comment-form [type=submit]").click()
    expect(plain).to_have_url(re.compile(rf"/news/{item.uuid}/\?page=1#comment-\d+$"))
    last = NewsComment.objects.latest("pk")
    assert plain.url.endswith(f"#comment-{last.pk}")
    expect(plain.locator(f"#comment-{last.pk}")).to_contain_text("Ja tuon kollegan.")
    expect(plain.get_by_text("Kommenttisi on lisätty.").first).to_be_visible()
    plain.screenshot(path=str(ARTIFACTS / "news-07-commented-without-javascript.png"), full_page=True)
    url = plain.url
    context.close()
    # axe runs in the page's JavaScript, which this context has not: the same page is checked in the first one
    # (the Nu checker has the page as the browser without JavaScript got it).
    page.goto(url)
    expect(page.locator(f"#comment-{last.pk}")).to_be_visible()
    check(page, "news-08-the-comment-page")
    assert [c.text for c in NewsComment.objects.order_by("pk")] == ["Tulen mukaan!", "Ja tuon kollegan."]
