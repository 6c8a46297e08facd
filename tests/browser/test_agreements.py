"""A partner agreement from draft to force in a real browser, and its print version as a PDF.

A coordinator drafts an agreement with three parties, sends it for signing, each party's
representative signs, and it comes into force. Every page is checked with axe; the agreement page is
then printed to PDF by Chromium (A4), and the PDF is kept in test-artifacts/ to look at.

Controls are found by field ids and addresses rather than wording where the wording is long.
"""

import re

import pytest
from playwright.sync_api import expect

from networks.memberships.models import Membership
from partners.agreements.models import Agreement, AgreementStatus
from tests import factories
from tests.browser.actions import sign_in, sign_out
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def _party_with_representative(network, name, slug, email):
    organisation = factories.OrganisationFactory(name=name, slug=slug)
    person = factories.UserFactory(email=email, first_name=name.split()[0], last_name="Edustaja")
    factories.AffiliationFactory(user=person, organisation=organisation)
    factories.MembershipFactory(network=network, organisation=organisation, representative=person)
    factories.NetworkRoleFactory(network=network, user=person)
    return organisation, person


def _submit(page):
    page.locator("main form [type=submit]").last.click()


def _draft(page, check, network) -> Agreement:
    """The coordinator drafts the agreement from the list page."""
    page.goto("/agreements/")
    check(page, "agreements-01-list-empty")
    page.locator(f"a[href='/agreements/new/{network.slug}/']").click()
    page.locator("#id_title").fill("Yhteinen ohjauspiste Jyväskylään")
    page.locator("#id_kind").select_option("cooperation")
    page.locator("#id_purpose").fill("Aikuinen saa tietoa, neuvontaa ja ohjausta yhdestä paikasta.")
    page.locator("#id_indicators").fill("Ohjauskäynnit, asiakaspalaute.")
    page.locator("#id_review_arrangements").fill("Ohjausryhmä arvioi vuosittain; irtisanomisaika kolme kuukautta.")
    page.locator("#id_valid_from").fill("2026-01-01")
    page.locator("#id_valid_until").fill("2028-12-31")
    page.locator("#id_review_date").fill("2027-06-30")
    check(page, "agreements-02-create-form")
    _submit(page)
    agreement = Agreement.objects.get(title="Yhteinen ohjauspiste Jyväskylään")
    expect(page).to_have_url(re.compile(rf"/agreements/{agreement.pk}/$"))
    assert agreement.status == AgreementStatus.DRAFT
    return agreement


def _add_parties(page, check, agreement, parties) -> None:
    """Three parties, each with its own objectives, roles and a commitment."""
    for number, (party_organisation, _person) in enumerate(parties):
        page.goto(f"/agreements/{agreement.pk}/parties/add/")
        page.locator("#id_organisation").select_option(str(party_organisation.pk))
        page.locator("#id_own_objectives").fill(f"Tavoite {number + 1}")
        page.locator("#id_roles").fill(f"Vastuu {number + 1}")
        if number == 0:
            check(page, "agreements-03-party-add")
        _submit(page)
        expect(page.locator(".alert-success").first).to_be_visible()
        party = agreement.parties.get(organisation=party_organisation)
        page.goto(f"/agreements/{agreement.pk}/parties/{party.pk}/edit/")
        page.locator("#id_commitments-0-kind").select_option("staff_time")
        page.locator("#id_commitments-0-description").fill(f"Ohjaajan työaikaa ({party_organisation.name})")
        page.locator("#id_commitments-0-amount").fill(str(8 * (number + 1)))
        page.locator("#id_commitments-0-unit").fill("h/kk")
        if number == 0:
            check(page, "agreements-04-party-commitments")
        _submit(page)
        expect(page.locator(".alert-success").first).to_be_visible()
    assert agreement.parties.count() == 3
    assert agreement.commitments.count() == 3


def _each_representative_signs(page, check, agreement, parties) -> None:
    """Each party's representative signs for their own organisation only."""
    for number, (party_organisation, person) in enumerate(parties):
        sign_in(page, person.email)
        page.goto(f"/agreements/{agreement.pk}/")
        sign_links = page.locator("a[href*='/sign/']")
        expect(sign_links).to_have_count(1)
        party = agreement.parties.get(organisation=party_organisation)
        assert sign_links.get_attribute("href") == f"/agreements/{agreement.pk}/parties/{party.pk}/sign/"
        sign_links.click()
        page.locator("#id_signatory_name").fill(f"Allekirjoittaja {number + 1}")
        page.locator("#id_signatory_title").fill("rehtori")
        if number == 0:
            check(page, "agreements-06-sign")
        _submit(page)
        expect(page.locator(".alert-success").first).to_be_visible()
        sign_out(page)


def _print_to_pdf(page, agreement, parties) -> None:
    """The agreement page printed by Chromium: A4 pages with every party and commitment, no controls."""
    page.goto(f"/agreements/{agreement.pk}/")
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "agreements-09-print-media.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=False)
    (ARTIFACTS / "agreement-print.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF-")
    # A4 is 595 × 842 points; Chromium writes each page's MediaBox.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes, "no page boxes in the PDF"
    assert all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), boxes
    assert 1 <= len(boxes) <= 4, f"{len(boxes)} pages for one agreement"
    printed = page.locator("main")
    for party_organisation, _person in parties:
        expect(printed.get_by_text(f"Ohjaajan työaikaa ({party_organisation.name})")).to_be_visible()
    expect(page.locator("header")).to_be_hidden()
    expect(page.locator("main .btn").first).to_be_hidden()


def test_coordinator_drafts_three_parties_sign_and_the_print_version_is_a4(
    page, check, network, organisation, member, coordinator
):
    parties = [(organisation, member)]
    parties.append(_party_with_representative(network, "Gradia Jyväskylä", "gradia", "gradia@example.fi"))
    parties.append(_party_with_representative(network, "Ohjaamo Jyväskylä", "ohjaamo", "ohjaamo@example.fi"))
    # A fourth member that is not a party: not offered a signature.
    factories.MembershipFactory(network=network, organisation__name="Laukaan kirjasto", organisation__slug="laukaa")
    assert Membership.objects.filter(network=network).count() == 4

    sign_in(page, coordinator.email)
    agreement = _draft(page, check, network)
    _add_parties(page, check, agreement, parties)
    page.goto(f"/agreements/{agreement.pk}/")
    check(page, "agreements-05-draft")
    page.locator(f"form[action='/agreements/{agreement.pk}/negotiate/'] [type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.NEGOTIATION
    sign_out(page)

    _each_representative_signs(page, check, agreement, parties)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE
    assert agreement.activated_on is not None

    # The coordinator sees it in force, with every party signed, reads its history and prints it.
    sign_in(page, coordinator.email)
    page.goto(f"/agreements/{agreement.pk}/")
    check(page, "agreements-07-active")
    for number in range(3):
        expect(page.get_by_text(f"Allekirjoittaja {number + 1}").first).to_be_visible()
    page.goto(f"/agreements/{agreement.pk}/history/")
    check(page, "agreements-08-history")
    _print_to_pdf(page, agreement, parties)
