"""The daily job of meetings: the reminder the day before goes once to the invitees who have not
replied "no"; action items due soon and overdue are reminded of once each, to the owner, in their language."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from networks.meetings import actions, services
from networks.meetings.models import ActionStatus, Meeting, MeetingStatus
from networks.meetings.reminders import meeting_reminders_run
from tests.networks.meetings.records_helpers import meeting_that_took_place

pytestmark = pytest.mark.django_db

# A fixed clock: the job runs as of this day (the meetings and due dates are set from it).
TODAY = datetime.date(2027, 3, 10)
NOW = timezone.make_aware(datetime.datetime(2027, 3, 10, 7, 0))


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """``run(today)`` runs the job as of ``today`` (07:00 Helsinki); the e-mails it queues are sent."""

    def _run(today=TODAY, **kwargs):
        now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(7)))
        with django_capture_on_commit_callbacks(execute=True):
            return meeting_reminders_run(today=today, now=now, **kwargs)

    return _run


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def _meeting_on(network, coordinator, organisation, day: datetime.date) -> Meeting:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))
    return services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Kevätkokous", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )


def test_the_day_before_a_meeting_the_invitees_are_reminded_once_but_not_those_who_said_no(
    run, network, organisation, coordinator, member, observer
):
    meeting = _meeting_on(network, coordinator, organisation, TODAY + datetime.timedelta(days=1))
    services.reply(meeting=meeting, user=member, answer="no")
    services.reply(meeting=meeting, user=observer, answer="maybe")
    mail.outbox.clear()
    result = run()
    assert (result.meetings, result.messages) == (1, 2)
    assert recipients() == sorted([coordinator.email, observer.email])
    assert "Kevätkokous" in mail.outbox[0].subject
    assert f"/meetings/{meeting.pk}/" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.reminder_sent_at is not None
    mail.outbox.clear()
    assert run().meetings == 0
    assert mail.outbox == []


def test_no_reminder_two_days_ahead_nor_for_a_cancelled_meeting(run, network, organisation, coordinator, member):
    _meeting_on(network, coordinator, organisation, TODAY + datetime.timedelta(days=2))
    cancelled = _meeting_on(network, coordinator, organisation, TODAY + datetime.timedelta(days=1))
    services.meeting_cancel(meeting=cancelled, user=coordinator, reason="Sairastumisia")
    mail.outbox.clear()
    assert run().meetings == 0
    assert mail.outbox == []


def test_a_meeting_moved_to_another_day_is_reminded_of_again(run, network, organisation, coordinator, member):
    meeting = _meeting_on(network, coordinator, organisation, TODAY + datetime.timedelta(days=1))
    assert run().meetings == 1
    later = meeting.starts_at + datetime.timedelta(days=7)
    services.meeting_update(
        meeting=meeting, user=coordinator, data={"starts_at": later, "ends_at": later + datetime.timedelta(hours=1)}
    )
    assert run().meetings == 0
    assert run(TODAY + datetime.timedelta(days=7)).meetings == 1


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation, days_ago=30)


def _action(held, coordinator, owner, due_on, what="Kokoaa palautteen"):
    meeting, items = held
    return actions.action_add(meeting=meeting, item=items[0], user=coordinator, what=what, owner=owner, due_on=due_on)


def test_an_action_item_due_soon_is_reminded_of_once_and_not_when_done(run, held, coordinator, member, settings):
    settings.ACTION_ITEM_REMINDER_DAYS = 3
    soon = _action(held, coordinator, member, TODAY + datetime.timedelta(days=3), "Pian erääntyvä")
    _action(held, coordinator, member, TODAY + datetime.timedelta(days=4), "Myöhemmin erääntyvä")
    done = _action(held, coordinator, coordinator, TODAY + datetime.timedelta(days=1), "Jo tehty")
    actions.action_set_status(action=done, user=coordinator, status=ActionStatus.DONE)
    mail.outbox.clear()
    result = run()
    assert (result.due, result.overdue, result.messages) == (1, 0, 1)
    assert recipients() == [member.email]
    assert "Pian erääntyvä" in mail.outbox[0].body
    assert f"/meetings/actions/{soon.pk}/status/" in mail.outbox[0].body
    mail.outbox.clear()
    assert run().due == 0
    assert mail.outbox == []


def test_an_overdue_action_item_is_reminded_of_once(run, held, coordinator, member):
    action = _action(held, coordinator, member, TODAY - datetime.timedelta(days=1), "Myöhässä")
    mail.outbox.clear()
    result = run()
    assert (result.due, result.overdue) == (0, 1)
    assert recipients() == [member.email]
    action.refresh_from_db()
    assert action.overdue_reminder_sent_at is not None
    mail.outbox.clear()
    assert run(TODAY + datetime.timedelta(days=5)).overdue == 0
    assert mail.outbox == []


def test_a_due_reminder_then_an_overdue_one(run, held, coordinator, member):
    _action(held, coordinator, member, TODAY + datetime.timedelta(days=2))
    mail.outbox.clear()
    assert run().due == 1
    assert run(TODAY + datetime.timedelta(days=3)).overdue == 1
    assert len(mail.outbox) == 2


def test_reminders_are_in_the_readers_language(run, held, coordinator, member):
    member.languages = ["en"]
    member.save(update_fields=["languages"])
    _action(held, coordinator, member, TODAY + datetime.timedelta(days=2))
    _action(held, coordinator, coordinator, TODAY + datetime.timedelta(days=2))
    mail.outbox.clear()
    run()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    # The date in each reader's format: English as read in Finland writes it as Finnish does, day first.
    assert subjects[member.email] == "Action item due on 12.3.2027"
    assert "12.3.2027" in subjects[coordinator.email]
    assert not subjects[coordinator.email].startswith("Action item")


def test_the_command_runs_as_of_a_given_day(held, coordinator, member, django_capture_on_commit_callbacks):
    _action(held, coordinator, member, TODAY - datetime.timedelta(days=2))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("meeting_reminders", f"--today={TODAY.isoformat()}", stdout=out)
    assert "1 overdue" in out.getvalue()
    assert Meeting.objects.get(pk=held[0].pk).status == MeetingStatus.HELD
