"""``manage.py seed_demo`` gives the main network a year of meetings: every status, agendas, minutes,
decisions linked to the goals, action items open, done, dropped and overdue, and an open time poll."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from networks.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
    SlotAnswer,
    TimePoll,
)
from networks.meetings.selectors import dashboard as selectors
from portal.accounts.models import User
from portal.demo_data import COORDINATOR_EMAIL, COUNSELLOR_EMAIL, OBSERVER_EMAIL


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())
    return Meeting.objects.filter(network__slug="keski-suomi")


@pytest.mark.django_db
def test_a_year_of_meetings_in_every_status(seeded):
    assert set(seeded.values_list("status", flat=True)) == set(MeetingStatus.values)
    assert 20 <= seeded.count() <= 30
    first, last = seeded.order_by("starts_at").first(), seeded.order_by("starts_at").last()
    assert (last.starts_at - first.starts_at).days >= 330
    now = timezone.now()
    # Today's meeting (if there is one) may have started; every earlier one took place or was cancelled.
    assert not seeded.filter(status=MeetingStatus.PLANNED, starts_at__lt=now - datetime.timedelta(days=1)).exists()
    assert not seeded.filter(
        status__in=[MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED], starts_at__gt=now
    ).exists()
    assert seeded.get(status=MeetingStatus.CANCELLED).cancel_reason
    for meeting in seeded:
        assert 5 <= meeting.items.count() <= 8, meeting
        assert meeting.invitees.exists(), meeting


@pytest.mark.django_db
def test_past_meetings_have_minutes_attendance_decisions_and_action_items(seeded):
    approved = seeded.filter(status=MeetingStatus.MINUTES_APPROVED)
    assert approved.count() >= 10
    for meeting in approved:
        assert meeting.chair_id and meeting.minutes_approved_at
        assert not AgendaItem.objects.filter(meeting=meeting, minutes="").exists()
        assert Attendance.objects.filter(meeting=meeting).exists()
        assert Decision.objects.filter(meeting=meeting).exists()
    assert Decision.objects.filter(goal__isnull=False, meeting__status=MeetingStatus.MINUTES_APPROVED).exists()
    assert AgendaItem.objects.filter(source_item__isnull=False).exists()
    actions = ActionItem.objects.filter(network__slug="keski-suomi")
    assert set(actions.values_list("status", flat=True)) == set(ActionStatus.values)
    assert (
        actions.filter(status=ActionStatus.DROPPED).exclude(status_note="").count()
        == actions.filter(status=ActionStatus.DROPPED).count()
    )
    today = timezone.localdate()
    assert actions.filter(status=ActionStatus.OPEN, due_on__lt=today).exists()
    assert actions.filter(status=ActionStatus.OPEN, due_on__gte=today).exists()


@pytest.mark.django_db
def test_an_open_time_poll_with_answers(seeded):
    poll = TimePoll.objects.get(network__slug="keski-suomi")
    assert poll.is_open and poll.meeting is None
    assert poll.slots.count() >= 2
    assert SlotAnswer.objects.filter(slot__poll=poll).exists()
    assert all(slot.starts_at > timezone.now() for slot in poll.slots.all())


@pytest.mark.django_db
def test_the_demo_accounts_see_their_action_items_and_meetings(seeded, client):
    counsellor = User.objects.get(email=COUNSELLOR_EMAIL)
    mine = selectors.my_open_actions(user=counsellor)
    assert mine and mine[0].due_on < timezone.localdate()  # overdue first
    assert selectors.my_next_meetings(user=User.objects.get(email=COORDINATOR_EMAIL))
    assert selectors.my_next_meetings(user=User.objects.get(email=OBSERVER_EMAIL))
    client.force_login(counsellor)
    log = client.get(reverse("meetings:decision_log", kwargs={"slug": "keski-suomi"}))
    assert log.status_code == 200 and log.context["page_obj"].paginator.count > 10
    assert client.get(reverse("meetings:my_actions")).status_code == 200
    assert client.get(reverse("meetings:network_actions", kwargs={"slug": "keski-suomi"})).status_code == 200
