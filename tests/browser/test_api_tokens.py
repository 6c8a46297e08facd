"""The API tokens in a real browser, in Finnish: from one's profile to the token pages, making a token (its
secret shown once), reading the API with it, revoking it; axe-core on each page. And the API's docs page: Swagger
UI runs from our own static files with no CSP violation in the console (the ``page`` fixture checks that)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_token_from_the_profile_to_the_api_and_revoked(page, check, member, network):
    sign_in(page, member.email)
    page.goto("/profile/")
    page.get_by_role("link", name="Hallinnoi API-tunnisteita").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API-tunnisteet")
    check(page, "api-tokens-empty")
    page.get_by_role("link", name="Uusi tunniste").click()
    page.get_by_label("Nimi").fill("Raportointi")
    page.get_by_label("Lukea portaalin tietoja, jotka näen").check()
    check(page, "api-token-form")
    page.get_by_role("button", name="Luo tunniste").click()
    secret = page.get_by_label("Tunniste", exact=True).input_value()
    assert re.fullmatch(r"vk_[\w-]{43}", secret)
    check(page, "api-tokens-new")
    answer = page.request.get("/api/v1/networks", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status == 200
    assert [row["slug"] for row in answer.json()["items"]] == [network.slug]
    page.reload()
    expect(page.get_by_label("Tunniste", exact=True)).to_have_count(0)  # shown once
    page.get_by_role("link", name="Peru Raportointi").click()
    check(page, "api-token-revoke")
    page.get_by_role("button", name="Peru").click()
    expect(page.get_by_text("Tunniste on peruttu.")).to_be_visible()
    assert page.request.get("/api/v1/networks", headers={"Authorization": f"Bearer {secret}"}).status == 401


def test_the_docs_page_runs_under_the_csp(page):
    page.goto("/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock").count() == 16
    page.get_by_role("button", name=re.compile("Authorize")).first.click()
    expect(page.get_by_text("personal access token", exact=False).first).to_be_visible()
