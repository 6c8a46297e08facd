"""A network meeting from finding a time to the follow-up at the next meeting, in a real browser.

The coordinator finds a time with a poll the member answers and picks the time (the meeting is created
and invited by e-mail); the agenda is built (one item linked to a goal, one proposed by the member);
one more person is invited and the member replies. The meeting takes place (the clock is simulated by
moving its times into the past): attendance, minutes, a decision and an action item are recorded and the
minutes circulated, commented on, approved and amended. The decision shows on the goal's page, the action
item on the member's dashboard, and the next meeting is offered both for its agenda. Every page visited is
checked with axe; the screenshots (meetings-NN-*.png) are kept in test-artifacts/ to look at.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from networks.meetings.models import ActionItem, AgendaItem, Decision, Meeting, SlotAnswer, TimePoll
from tests import factories
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Keski-Suomen ohjausverkoston kevätkokous"
NEXT_TITLE = "Keski-Suomen ohjausverkoston syyskokous"
DECISION = "Päätettiin käynnistää yhteinen chat-ohjaus syksyllä."
ACTION = "Kootaan chat-ohjauksen päivystysvuorot."
COMMENT = "Tilannekatsaukseen puuttuu Gradian luku."
AMEND_REASON = "Korjattu osallistujamäärä kokouksen jälkeen."


def _day(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _tuesday_after(days: int) -> datetime.date:
    """The first Tuesday at least ``days`` days ahead: meetings fall on weekdays in the screenshots."""
    day = _day(days)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def _ok(page):
    expect(page.locator(".alert-success").first).to_be_visible()


def _submit(page, form: str = "main form"):
    page.locator(f"{form} [type=submit]").last.click()


# --- 1. finding a time -------------------------------------------------------------------------------------


def _create_poll(page, check, network, organisation) -> TimePoll:
    page.goto(f"/meetings/network/{network.slug}/polls/new/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_description").fill("Kevään yhteiset asiat ja tavoitteiden tilanne.")
    page.locator("#id_place").fill("Jyväskylän kaupunginkirjasto, Lähde-sali")
    page.locator(f"input[name=organisations][value='{organisation.pk}']").check()
    for row, day in enumerate((_tuesday_after(14), _tuesday_after(14) + datetime.timedelta(days=1))):
        page.locator(f"#id_slots-{row}-date").fill(day.isoformat())
        page.locator(f"#id_slots-{row}-start").fill("09:00")
        page.locator(f"#id_slots-{row}-end").fill("11:00")
    check(page, "meetings-01-poll-form")
    _submit(page)
    _ok(page)
    poll = TimePoll.objects.get(title=TITLE)
    expect(page).to_have_url(re.compile(rf"/meetings/polls/{poll.pk}/$"))
    assert poll.slots.count() == 2
    return poll


def _answer_poll(page, poll, answers: tuple[str, str], shot=None, check=None):
    page.goto(f"/meetings/polls/{poll.pk}/")
    for slot, answer in zip(poll.slots.order_by("starts_at"), answers, strict=True):
        page.locator(f"input[name=slot_{slot.pk}][value={answer}]").check()
    if shot:
        check(page, shot)
    _submit(page, "form[action$='/answer/']")
    _ok(page)


def _find_a_time(page, check, network, organisation, coordinator, member, mailoutbox) -> Meeting:
    sign_in(page, coordinator.email)
    poll = _create_poll(page, check, network, organisation)
    check(page, "meetings-02-poll-created")
    _answer_poll(page, poll, ("yes", "no"))
    sign_out(page)

    sign_in(page, member.email)
    _answer_poll(page, poll, ("yes", "if_need_be"), shot="meetings-03-poll-answer-form", check=check)
    assert SlotAnswer.objects.filter(slot__poll=poll, user=member).count() == 2
    sign_out(page)

    sign_in(page, coordinator.email)
    page.goto(f"/meetings/polls/{poll.pk}/")
    expect(page.locator("table").first).to_contain_text("Tarvittaessa")
    first = poll.slots.order_by("starts_at").first()
    page.locator(f"form[action$='/pick/'] input[name=slot][value='{first.pk}']").check()
    page.locator("form[action$='/pick/'] select[name=chair]").select_option(str(coordinator.pk))
    check(page, "meetings-04-poll-answers-and-pick")
    sent_before = len(mailoutbox)
    _submit(page, "form[action$='/pick/']")
    _ok(page)
    meeting = Meeting.objects.get(title=TITLE)
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    assert meeting.starts_at == first.starts_at
    assert meeting.chair == coordinator
    assert meeting.is_planned
    poll.refresh_from_db()
    assert poll.meeting == meeting
    invitation = next(message for message in mailoutbox[sent_before:] if message.to == [member.email])
    ics = next(body for _name, body, mimetype in invitation.attachments if mimetype.startswith("text/calendar"))
    assert [str(event["summary"]) for event in Calendar.from_ical(ics).walk("VEVENT")] == [TITLE]
    check(page, "meetings-05-meeting-created")
    return meeting


# --- 2. the agenda -----------------------------------------------------------------------------------------


def _add_item(page, meeting, title, minutes, presenter=None, goal=None):
    form = "form[action$='/agenda/add/']"
    page.locator(f"{form} #id_title").fill(title)
    page.locator(f"{form} #id_planned_minutes").fill(str(minutes))
    if presenter:
        page.locator(f"{form} #id_presenter").select_option(str(presenter.pk))
    if goal:
        page.locator(f"{form} #id_goal").select_option(str(goal.pk))
    _submit(page, form)
    _ok(page)


def _plan_agenda(page, check, meeting, goal, coordinator, member):
    page.goto(f"/meetings/{meeting.pk}/agenda/")
    check(page, "meetings-06-agenda-empty")
    _add_item(page, meeting, "Tilannekatsaus", 20, presenter=member)
    _add_item(page, meeting, "Tavoitteen eteneminen", 30, presenter=coordinator, goal=goal)
    check(page, "meetings-07-agenda-two-items")
    sign_out(page)

    sign_in(page, member.email)
    page.goto(f"/meetings/{meeting.pk}/")
    page.locator(f"a[href='/meetings/{meeting.pk}/agenda/propose/']").first.click()
    page.locator("#id_title").fill("Syksyn koulutuspäivä")
    page.locator("#id_description").fill("Ehdotan yhteistä koulutuspäivää ohjaajille.")
    page.locator("#id_planned_minutes").fill("15")
    check(page, "meetings-08-propose-item")
    _submit(page)
    _ok(page)
    proposal = AgendaItem.objects.get(meeting=meeting, title="Syksyn koulutuspäivä")
    assert proposal.is_proposed
    sign_out(page)

    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{meeting.pk}/agenda/")
    check(page, "meetings-09-agenda-with-proposal")
    _submit(page, f"form[action$='/agenda/{proposal.pk}/accept/']")
    _ok(page)
    proposal.refresh_from_db()
    assert proposal.is_accepted
    titles = list(meeting.items.filter(status=AgendaItem.Status.ACCEPTED).values_list("title", flat=True))
    assert titles == ["Tilannekatsaus", "Tavoitteen eteneminen", "Syksyn koulutuspäivä"]


# --- 3. invitations and replies ----------------------------------------------------------------------------


def _invite_and_reply(page, check, meeting, guest, member):
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    check(page, "meetings-10-invitations")
    page.locator(f"input[name=people][value='{guest.pk}']").check()
    _submit(page)
    _ok(page)
    assert meeting.invitees.filter(user=guest).exists()
    expect(page.locator("main table")).to_contain_text(guest.get_full_name())
    check(page, "meetings-11-invitations-more")
    sign_out(page)

    sign_in(page, member.email)
    page.goto(f"/meetings/{meeting.pk}/")
    page.locator("#reply-yes").check()
    _submit(page, "form[action$='/reply/']")
    # the reply is saved in place (htmx): the invitations show it and the live region says so
    expect(page.locator("#invitations-status")).to_have_text(re.compile(r"\S"))
    assert meeting.invitees.get(user=member).reply == "yes"
    check(page, "meetings-12-member-replied")
    sign_out(page)


# --- 4. the meeting takes place ----------------------------------------------------------------------------


def _write_minutes(page, meeting, item, text, unfinished=False):
    page.goto(f"/meetings/{meeting.pk}/minutes/{item.pk}/")
    page.locator("#id_minutes").fill(text)
    if unfinished:
        page.locator("#id_unfinished").check()
    page.locator("main form button[name=preview]").click()
    expect(page.locator("#preview-heading")).to_be_visible()
    page.locator("main form button[name=save]").click()
    _ok(page)


def _hold(page, check, meeting, goal, coordinator, member):
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=now - datetime.timedelta(hours=3), ends_at=now - datetime.timedelta(hours=1)
    )
    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{meeting.pk}/status/")
    check(page, "meetings-13-status-steps")
    page.locator("main button[name=to][value=held]").click()
    _ok(page)
    assert Meeting.objects.get(pk=meeting.pk).is_held

    page.goto(f"/meetings/{meeting.pk}/attendance/")
    expect(page.locator(f"input[name=people][value='{member.pk}']")).to_be_checked()  # replied yes
    page.locator(f"input[name=people][value='{coordinator.pk}']").check()
    check(page, "meetings-14-attendance")
    _submit(page)
    _ok(page)
    assert set(meeting.attendances.values_list("user_id", flat=True)) == {member.pk, coordinator.pk}

    status, progress, training = meeting.items.filter(status=AgendaItem.Status.ACCEPTED).order_by("position")
    minutes = "Kuultiin jäsenten tilannekatsaus.\n\n- ohjauskäyntejä **120**\n- uusia asiakkaita 45"
    _write_minutes(page, meeting, status, minutes)
    page.goto(f"/meetings/{meeting.pk}/minutes/{progress.pk}/")
    check(page, "meetings-15-minutes-form")
    _write_minutes(page, meeting, progress, "Tavoitteen mittari on *hyvällä* tiellä.")
    _write_minutes(page, meeting, training, "Keskustelu jatkuu seuraavassa kokouksessa.", unfinished=True)

    page.goto(f"/meetings/{meeting.pk}/decisions/new/?item={progress.pk}")
    page.locator("#id_text").fill(DECISION)
    page.locator("#id_goal").select_option(str(goal.pk))
    check(page, "meetings-16-decision-form")
    _submit(page)
    _ok(page)
    assert Decision.objects.get(meeting=meeting).goal == goal

    page.goto(f"/meetings/{meeting.pk}/actions/new/?item={status.pk}")
    page.locator("#id_what").fill(ACTION)
    page.locator("#id_owner").select_option(str(member.pk))
    page.locator("#id_due_on").fill(_day(21).isoformat())
    check(page, "meetings-17-action-form")
    _submit(page)
    _ok(page)
    action = ActionItem.objects.get(meeting=meeting)
    assert (action.owner, action.due_on, action.is_open) == (member, _day(21), True)

    page.goto(f"/meetings/{meeting.pk}/status/")
    page.locator("main button[name=to][value=circulate]").click()
    _ok(page)
    assert Meeting.objects.get(pk=meeting.pk).has_draft_minutes
    check(page, "meetings-18-minutes-circulated")
    sign_out(page)
    return status


# --- 5. comments, approval, amendment ----------------------------------------------------------------------


def _comment_approve_amend(page, check, meeting, status_item, coordinator, member):
    sign_in(page, member.email)
    page.goto(f"/meetings/{meeting.pk}/")
    page.locator("#comment-item").select_option(str(status_item.pk))
    page.locator("#comment-body").fill(COMMENT)
    _submit(page, "form[action$='/comments/']")
    _ok(page)
    expect(page.locator("#comments")).to_contain_text(COMMENT)
    check(page, "meetings-19-member-commented")
    sign_out(page)

    sign_in(page, coordinator.email)
    page.goto(f"/meetings/{meeting.pk}/")
    page.locator("main button[name=to][value=approve]").click()
    _ok(page)
    assert Meeting.objects.get(pk=meeting.pk).has_approved_minutes

    page.goto(f"/meetings/{meeting.pk}/minutes/{status_item.pk}/amend/")
    page.locator("#id_minutes").fill(
        "Kuultiin jäsenten tilannekatsaus.\n\n- ohjauskäyntejä **125**\n- uusia asiakkaita 45\n- Gradia: 30"
    )
    page.locator("#id_reason").fill(AMEND_REASON)
    check(page, "meetings-20-amend-form")
    page.locator("main form button[name=save]").click()
    _ok(page)
    status_item.refresh_from_db()
    assert "125" in status_item.minutes
    assert status_item.amendments.get().reason == AMEND_REASON
    expect(page.locator("#amendments + ul")).to_contain_text(AMEND_REASON)
    expect(page.locator(f"#item-{status_item.pk} .meeting-minutes strong")).to_have_text("125")
    check(page, "meetings-21-meeting-approved-amended")


# --- 6. the follow-up --------------------------------------------------------------------------------------


def _create_next_meeting(page, check, network, organisation, coordinator) -> Meeting:
    page.goto(f"/meetings/network/{network.slug}/new/")
    page.locator("#id_title").fill(NEXT_TITLE)
    page.locator("#id_date").fill(_tuesday_after(40).isoformat())
    page.locator("#id_start_time").fill("13:00")
    page.locator("#id_end_time").fill("15:30")
    page.locator("#id_place").fill("Gradia, Viitaniementie 1")
    page.locator("#id_chair").select_option(str(coordinator.pk))
    page.locator(f"input[name=organisations][value='{organisation.pk}']").check()
    check(page, "meetings-24-new-meeting-form")
    _submit(page)
    _ok(page)
    return Meeting.objects.get(title=NEXT_TITLE)


def _follow_up(page, check, meeting, goal, network, organisation, coordinator, member):
    page.goto(f"/goals/{goal.pk}/")
    expect(page.locator("#meeting-records")).to_contain_text(DECISION)
    check(page, "meetings-22-goal-page")
    sign_out(page)

    sign_in(page, member.email)
    page.goto("/")
    expect(page.locator("#my-actions")).to_contain_text(ACTION)
    check(page, "meetings-23-member-dashboard")
    sign_out(page)

    sign_in(page, coordinator.email)
    following = _create_next_meeting(page, check, network, organisation, coordinator)
    action = ActionItem.objects.get(meeting=meeting)
    unfinished = meeting.items.get(unfinished=True)
    page.goto(f"/meetings/{following.pk}/agenda/")
    actions_box = page.locator(f"input[name=actions][value='{action.pk}']")
    items_box = page.locator(f"input[name=items][value='{unfinished.pk}']")
    expect(actions_box).to_be_visible()
    expect(items_box).to_be_visible()
    check(page, "meetings-25-next-agenda-offers")
    actions_box.check()
    items_box.check()
    _submit(page, "form[action$='/agenda/carry/']")
    _ok(page)
    carried = following.items.filter(status=AgendaItem.Status.ACCEPTED)
    assert carried.filter(source_action=action).exists()
    assert carried.filter(source_item=unfinished, title=unfinished.title).exists()
    items = page.locator("#items-heading + ol")
    expect(items).to_contain_text(unfinished.title)
    expect(items.locator("li")).to_have_count(2)
    expect(page.locator(f"input[name=actions][value='{action.pk}']")).to_have_count(0)
    check(page, "meetings-26-next-agenda-carried")
    return following


# --- 7. the other pages ------------------------------------------------------------------------------------


def _other_pages(page, check, live_server, meeting, network):
    page.goto("/meetings/")
    expect(page.locator("main")).to_contain_text(NEXT_TITLE)
    check(page, "meetings-27-index")
    page.goto(f"/meetings/network/{network.slug}/?when=all")
    expect(page.locator("main")).to_contain_text(TITLE)
    check(page, "meetings-28-list")
    page.goto(f"/meetings/network/{network.slug}/calendar/?month={timezone.localtime(meeting.starts_at):%Y-%m}")
    expect(page.locator("main table")).to_contain_text(TITLE)
    check(page, "meetings-29-calendar")
    page.goto(f"/meetings/network/{network.slug}/decisions/")
    expect(page.locator("main")).to_contain_text(DECISION)
    check(page, "meetings-30-decision-log")
    page.goto(f"/meetings/{meeting.pk}/print/agenda/")
    expect(page.locator("body")).to_contain_text("Tavoitteen eteneminen")
    check(page, "meetings-31-print-agenda")
    page.goto(f"/meetings/{meeting.pk}/print/minutes/")
    expect(page.locator("body")).to_contain_text(DECISION)
    check(page, "meetings-32-print-minutes")
    page.goto("/meetings/calendar/")
    check(page, "meetings-33-calendar-feeds")
    feed_url = page.locator("#personal-feed").input_value()
    response = page.request.get(live_server.url + urlsplit(feed_url).path)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.body())
    summaries = {str(event.get("summary")) for event in calendar.walk("VEVENT")}
    assert {TITLE, NEXT_TITLE} <= summaries


def test_a_meeting_from_finding_a_time_to_the_follow_up(
    page, check, live_server, network, organisation, member, coordinator, observer, goal, mailoutbox
):
    gradia = factories.OrganisationFactory(name="Gradia", slug="gradia")
    factories.MembershipFactory(network=network, organisation=gradia)
    guest = factories.UserFactory(email="vieras@example.fi", first_name="Ville", last_name="Vieras")
    factories.AffiliationFactory(user=guest, organisation=gradia)
    factories.NetworkRoleFactory(network=network, user=guest)

    meeting = _find_a_time(page, check, network, organisation, coordinator, member, mailoutbox)
    _plan_agenda(page, check, meeting, goal, coordinator, member)
    _invite_and_reply(page, check, meeting, guest, member)
    status_item = _hold(page, check, meeting, goal, coordinator, member)
    _comment_approve_amend(page, check, meeting, status_item, coordinator, member)
    _follow_up(page, check, meeting, goal, network, organisation, coordinator, member)
    _other_pages(page, check, live_server, Meeting.objects.get(pk=meeting.pk), network)
