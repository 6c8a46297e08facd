"""The glossary in a real browser: a member proposes a term, the coordinator puts it to endorsement, the member
answers for their organisation on the term's page (in place, with htmx) and the rule of all is met; the agreed
term then appears marked in a meeting's minutes, a link whose accessible name carries the definition. Every page
is checked with axe and the Nu checker."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from networks.glossary.models import Term, TermStatus
from networks.meetings.minutes import render_minutes
from networks.meetings.models import AgendaItem, Attendance, Invitee, MeetingStatus
from tests import factories
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

DEFINITION = "Aikuisen tukeminen koulutus- ja uravalinnoissa."


def _minutes(network, coordinator, member, organisation):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = factories.MeetingFactory(
        network=network,
        title="Verkostotapaaminen",
        organiser=coordinator,
        chair=coordinator,
        status=MeetingStatus.MINUTES_DRAFT,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    for person in (coordinator, member):
        Invitee.objects.create(meeting=meeting, user=person, organisation=organisation, reply="yes")
    Attendance.objects.create(meeting=meeting, user=member, organisation=organisation)
    text = "Sovittiin, että **elinikäinen ohjaus** kirjataan strategiaan. Elinikäinen ohjaus jatkuu."
    AgendaItem.objects.create(
        meeting=meeting, title="Strategia", position=1, minutes=text, minutes_html=render_minutes(text)
    )
    return meeting


def test_a_term_is_proposed_agreed_and_marked_in_the_minutes(page, check, network, organisation, coordinator, member):
    # The member proposes the term.
    sign_in(page, member.email)
    page.goto(f"/glossary/network/{network.slug}/")
    expect(page.get_by_text("Verkoston sanastossa ei ole vielä termejä.")).to_be_visible()
    check(page, "glossary-01-empty")
    page.get_by_role("link", name="Ehdota termiä").first.click()
    page.locator("#id_term_fi").fill("elinikäinen ohjaus")
    page.locator("#id_term_sv").fill("livslång vägledning")
    page.locator("#id_definition_fi").fill(DEFINITION)
    check(page, "glossary-02-propose")
    page.locator("main form [type=submit]").last.click()
    term = Term.objects.get(term_fi="elinikäinen ohjaus")
    expect(page).to_have_url(f"{page.url.split('/glossary/')[0]}/glossary/terms/{term.pk}/")
    # A comment, added in place.
    page.locator("#id_body").fill("Vastaa EU:n määritelmää.")
    page.get_by_role("button", name="Lisää kommentti").click()
    expect(page.locator("#comments")).to_contain_text("Vastaa EU:n määritelmää.")
    expect(page.locator("#comments .alert-success")).to_be_visible()
    check(page, "glossary-03-term-proposed")
    sign_out(page)

    # The coordinator opens endorsement.
    sign_in(page, coordinator.email)
    page.goto(f"/glossary/terms/{term.pk}/")
    page.get_by_role("link", name="Aloita hyväksyntäkierros").click()
    check(page, "glossary-04-open-endorsement")
    page.locator("main form [type=submit]").last.click()
    expect(page.locator("#endorsement")).to_contain_text("Jäsenorganisaatioita pyydetään hyväksymään termi")
    sign_out(page)

    # The member answers for their organisation: the section is updated in place and the term is agreed.
    sign_in(page, member.email)
    page.goto(f"/glossary/terms/{term.pk}/")
    check(page, "glossary-05-answer")
    page.locator("#endorsement input[name=answer][value=agree]").check()
    page.locator("#endorsement [type=submit]").click()
    expect(page.locator("#endorsement")).to_contain_text("jäsenorganisaatiot ovat hyväksyneet termin")
    expect(page.locator("#term-status")).to_have_text("Hyväksytty")  # the status above, swapped out of band
    term.refresh_from_db()
    assert term.status == TermStatus.AGREED
    check(page, "glossary-06-agreed")
    page.goto(f"/glossary/network/{network.slug}/")
    expect(page.get_by_role("link", name="elinikäinen ohjaus")).to_be_visible()
    check(page, "glossary-07-list")
    sign_out(page)

    # In the minutes, the first occurrence is a link whose accessible name carries the definition.
    meeting = _minutes(network, coordinator, member, organisation)
    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{meeting.pk}/")
    marked = page.get_by_role("link", name=f"elinikäinen ohjaus: {DEFINITION}")
    expect(marked).to_have_count(1)
    expect(marked).to_have_text("elinikäinen ohjaus")
    expect(marked).to_have_attribute("href", f"/glossary/terms/{term.pk}/")
    check(page, "glossary-08-minutes-marked")
