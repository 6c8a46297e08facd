"""The network map in a real browser: it renders, its organisations are reached with Tab and have names,
switching a source off removes its ties, and axe finds nothing serious. The picture is kept as a screenshot
(test-artifacts/network-map*.png) to look at."""

import pytest
from playwright.sync_api import expect

from tests.browser.actions import sign_in
from tests.browser.conftest import ARTIFACTS
from tests.networks.trust.map import builders

pytestmark = pytest.mark.django_db(transaction=True)


def _ratings(round_):
    from networks.trust.models import TrustRating

    return list(TrustRating.objects.filter(response__round=round_).select_related("response").order_by("pk"))


def _line_count(page) -> int:
    return page.locator("svg.trust-map line").count()


def test_network_map(page, check, network, organisation, coordinator):
    orgs, latest = builders.demo_network(network, 40)
    earlier = [(r.response.organisation, r.about, r.relationship) for r in _ratings(latest)[::3]]
    builders.closed_round(network, orgs, earlier, title="Luottamuskysely 2025", closed_days_ago=365)
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/")
    page.get_by_role("link", name="Verkostokartta").click()
    expect(page.get_by_role("heading", level=1, name="Verkostokartta")).to_be_visible()
    check(page, "network-map")
    page.locator("svg.trust-map").screenshot(path=str(ARTIFACTS / "network-map-svg.png"))

    # The organisations are links reached with Tab, each with a name that tells its level and ties.
    first_node = page.locator("svg.trust-map a.map-node").first
    first_node.focus()
    name = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert ":" in name
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('class')")
    assert focused == "map-node"
    expect(page.get_by_role("link", name=name)).to_have_count(1)

    # Switching off the meetings and the survey leaves fewer ties.
    before = _line_count(page)
    page.get_by_label("Luottamuskyselyn suhteet").uncheck()
    page.get_by_label("Yhdessä osallistutut tapaamiset").uncheck()
    page.get_by_role("button", name="Näytä kartta").click()
    expect(page.get_by_label("Luottamuskyselyn suhteet")).not_to_be_checked()
    assert _line_count(page) < before
    check(page, "network-map-filtered")

    page.get_by_role("link", name="Muutos luottamuskyselyjen välillä").click()
    expect(page.locator("svg.trust-map-small")).to_have_count(2)
    check(page, "network-map-change")


def test_a_large_network_map_stays_readable(page, check, network, organisation, coordinator):
    builders.demo_network(network, 300, groups=8)
    sign_in(page, coordinator.email)
    page.goto(f"/trust/network/{network.slug}/map/")
    labels = page.locator("svg.trust-map .map-labels text").count()
    assert 0 < labels <= 24
    assert page.locator("svg.trust-map a.map-node").count() == 301
    page.locator("svg.trust-map").screenshot(path=str(ARTIFACTS / "network-map-large.png"))
    check(page, "network-map-large")
