"""Sections one domain adds to another's page: rendered in order, only when they have something to show; and
the sections the domains register reach the pages they are for."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from portal.lib import panels

SLOT = "test-slot"


@pytest.fixture
def slot():
    yield SLOT
    panels._panels.pop(SLOT, None)


def test_sections_render_in_order_and_silent_ones_are_left_out(slot, settings, tmp_path):
    (tmp_path / "section.html").write_text("<section>{{ text }}</section>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    @panels.panel(slot, order=20, template="section.html")
    def second(request, *, thing):
        return {"text": f"second {thing}"}

    @panels.panel(slot, order=10, template="section.html")
    def first(request, *, thing):
        return {"text": f"first {thing}"}

    @panels.panel(slot, order=15, template="section.html")
    def silent(request, *, thing):
        return None

    rendered = panels.render_panels(slot, RequestFactory().get("/"), thing="x")
    assert rendered == ["<section>first x</section>", "<section>second x</section>"]


def test_registering_the_same_function_again_replaces_it(slot, settings, tmp_path):
    (tmp_path / "section.html").write_text("{{ text }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    def section(request):
        return {"text": "once"}

    panels.panel(slot, order=1, template="section.html")(section)
    panels.panel(slot, order=1, template="section.html")(section)
    assert panels.render_panels(slot, RequestFactory().get("/")) == ["once"]


def test_the_domains_sections_are_registered_for_their_pages():
    registered = {slot: {entry.template for entry in entries} for slot, entries in panels._panels.items()}
    assert {
        "networks/memberships/includes/dashboard_todo.html",
        "partners/agreements/includes/dashboard_signatures.html",
        "networks/goals/includes/dashboard.html",
        "networks/meetings/includes/dashboard.html",
        "partners/agreements/includes/dashboard_todo.html",
    } <= registered[panels.DASHBOARD]
    assert registered[panels.ORGANISATION_PAGE] == {"partners/agreements/includes/organisation_agreements.html"}
    assert registered[panels.ORGANISATION_ASIDE] == {"networks/memberships/includes/organisation_networks.html"}
    assert registered[panels.PERSON_PAGE] == {"networks/memberships/includes/person_invitation.html"}
    assert registered[panels.GOAL_PAGE] == {"networks/meetings/includes/goal_records.html"}
    assert registered[panels.ACCOUNT_PAGE] == {
        "portal/privacy/includes/account_data.html",
        "portal/api/includes/account_tokens.html",
    }


@pytest.mark.django_db
def test_the_organisation_page_shows_the_networks_section_of_the_memberships_domain(client, member, organisation):
    client.force_login(member)
    page = client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug}))
    assert 'aria-labelledby="networks-heading"' in page.text
    assert "Keski-Suomen ohjausverkosto" in page.text
