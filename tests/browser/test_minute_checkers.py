"""Minutes checked by the chair and two minute checkers, in a real browser (in Finnish).

The coordinator (organiser and chair) names the member and the observer the minute checkers on the edit form
of a held meeting and circulates the minutes; the member objects with a reason, which the chair reads on the
meeting's page; the chair and both checkers confirm, each on the confirmation
page; the printed minutes carry the signature block. Every page visited is checked with axe; screenshots
are kept in test-artifacts/ (checkers-NN-*.png).
"""

import pytest
from playwright.sync_api import expect

from networks.meetings.models import Meeting, MeetingStatus
from tests.browser.actions import sign_in, sign_out
from tests.networks.meetings.records_helpers import meeting_that_took_place

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "Kohdan 1 päätöksestä puuttuu aikataulu."


def _ok(page):
    expect(page.locator(".alert-success").first).to_be_visible()


def _confirm(page, check, meeting, name):
    page.goto(f"/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Vahvista pöytäkirja").click()
    check(page, name)
    page.locator("main form [type=submit]").click()
    _ok(page)


def test_the_chair_and_two_checkers_confirm_the_minutes(
    page, check, network, organisation, coordinator, member, observer
):
    meeting, _items = meeting_that_took_place(network, coordinator, organisation)

    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{meeting.pk}/edit/")
    page.get_by_label("Ensimmäinen pöytäkirjantarkastaja").select_option(str(member.pk))
    page.get_by_label("Toinen pöytäkirjantarkastaja").select_option(str(observer.pk))
    check(page, "checkers-01-edit-form")
    page.locator("main form [type=submit]").last.click()
    _ok(page)
    page.get_by_role("button", name="Lähetä pöytäkirjaluonnos kommentoitavaksi").click()
    _ok(page)
    expect(page.locator("#checking")).to_be_visible()
    check(page, "checkers-02-draft-for-the-chair")
    sign_out(page)

    sign_in(page, member.email)
    page.goto(f"/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Huomauta pöytäkirjasta").click()
    check(page, "checkers-03-objection-form")
    page.get_by_label("Huomautuksen peruste").fill(REASON)
    page.locator("main form [type=submit]").last.click()
    _ok(page)
    sign_out(page)

    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{meeting.pk}/")
    expect(page.locator("#checking")).to_contain_text(REASON)
    check(page, "checkers-04-objection-for-the-chair")
    _confirm(page, check, meeting, "checkers-05-confirm-as-chair")
    sign_out(page)

    sign_in(page, member.email)
    _confirm(page, check, meeting, "checkers-06-confirm-as-checker")
    sign_out(page)
    sign_in(page, observer.email)
    _confirm(page, check, meeting, "checkers-07-confirm-as-checker")

    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.MINUTES_APPROVED
    page.goto(f"/meetings/{meeting.pk}/print/minutes/")
    signatures = page.locator(".meeting-print-signatures")
    for person in (coordinator, member, observer):
        expect(signatures).to_contain_text(person.get_full_name())
    check(page, "checkers-08-printed-minutes")
