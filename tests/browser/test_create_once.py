"""No doubled writes, in the browser: a double click on a create form's button sends it
once (static/js/once.js disables the buttons after the first submit, and they are usable again when the page
is shown again); the server's one-time token is the guarantee, this is the help."""

import re

import pytest
from playwright.sync_api import expect

from partners.agreements.models import Agreement
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# Records in the tab's session storage that the button was disabled before the next page replaced this one.
WATCH_BUTTON = """() => {
  const button = document.querySelector("main form [type=submit]");
  new MutationObserver(() => {
    if (button.disabled) sessionStorage.setItem("disabled-after-submit", "yes");
  }).observe(button, {attributes: true});
}"""


def test_a_double_click_creates_one_agreement_and_the_button_comes_back(page, coordinator, network):
    sign_in(page, coordinator.email)
    page.goto(f"/agreements/new/{network.slug}/")
    page.locator("#id_title").fill("Yhteinen ohjauspiste")
    page.locator("#id_valid_from").fill("2026-01-01")
    page.locator("#id_valid_until").fill("2026-12-31")
    assert page.locator("main form input[name=once]").count() == 1
    page.evaluate(WATCH_BUTTON)
    page.locator("main form [type=submit]").last.dblclick()
    expect(page).to_have_url(re.compile(r"/agreements/\d+/$"))
    assert Agreement.objects.filter(title="Yhteinen ohjauspiste").count() == 1
    assert page.evaluate("sessionStorage.getItem('disabled-after-submit')") == "yes"
    # Back to the form (from the back-forward cache or anew): its button can be used again.
    page.go_back()
    expect(page.locator("main form [type=submit]").last).to_be_enabled()
