"""Moving a meeting's status through its pages (held only after it started, circulating needs a chair,
only the chair approves) and the printable agenda and minutes."""

import datetime
import pathlib

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone

from networks.meetings import services
from networks.meetings.models import Attendance, Meeting, MeetingStatus
from tests import factories

pytestmark = pytest.mark.django_db

EN = {"accept-language": "en"}


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    """The matrix meeting, started an hour ago: organised by the coordinator, the member chairs it."""
    start = timezone.now() - datetime.timedelta(hours=1)
    return services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Kevätkokous", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )


def _status(client, meeting, to, **kwargs):
    return client.post(reverse("meetings:meeting_status", kwargs={"pk": meeting.pk}), {"to": to}, **kwargs)


def _set(meeting, **fields):
    Meeting.objects.filter(pk=meeting.pk).update(**fields)
    meeting.refresh_from_db()


def test_a_manager_marks_a_started_meeting_held(client_for, meeting, coordinator):
    content = client_for(coordinator).get(reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}), headers=EN)
    assert "Mark as held" in content.content.decode()
    response = _status(client_for(coordinator), meeting, "held")
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_a_meeting_ahead_is_not_marked_held(client_for, meeting, coordinator):
    later = timezone.now() + datetime.timedelta(days=2)
    _set(meeting, starts_at=later, ends_at=later + datetime.timedelta(hours=1))
    response = _status(client_for(coordinator), meeting, "held", headers=EN, follow=True)
    assert "The meeting has not started yet." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_members_and_observers_cannot_move_the_status(client_for, meeting, member, observer, outsider):
    for person in (member, observer):
        assert _status(client_for(person), meeting, "held").status_code == 403
        assert client_for(person).get(reverse("meetings:meeting_status", kwargs={"pk": meeting.pk})).status_code == 403
    assert _status(client_for(outsider), meeting, "held").status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_an_unknown_change_is_a_bad_request(client_for, meeting, coordinator):
    assert _status(client_for(coordinator), meeting, "done").status_code == 400


def test_the_status_page_explains_the_steps(client_for, meeting, coordinator):
    response = client_for(coordinator).get(reverse("meetings:meeting_status", kwargs={"pk": meeting.pk}), headers=EN)
    assert response.status_code == 200
    assert response.context["status_actions"] == [("held", "Mark as held")]
    assert 'aria-current="step"' in response.content.decode()


def test_circulating_needs_a_chair(client_for, meeting, coordinator, member, django_capture_on_commit_callbacks):
    _set(meeting, status=MeetingStatus.HELD)
    response = _status(client_for(coordinator), meeting, "circulate", headers=EN, follow=True)
    assert "Name the chair first" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    _set(meeting, chair=member)
    Attendance.objects.create(meeting=meeting, user=member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _status(client_for(coordinator), meeting, "circulate")
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT
    assert mail.outbox


def test_only_the_chair_approves(client_for, meeting, coordinator, member, observer):
    _set(meeting, status=MeetingStatus.MINUTES_DRAFT, chair=member)
    # The coordinator manages the meeting but is not its chair.
    assert _status(client_for(coordinator), meeting, "approve").status_code == 403
    assert _status(client_for(observer), meeting, "approve").status_code == 403
    detail = client_for(member).get(reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}), headers=EN)
    assert "Approve the minutes" in detail.content.decode()
    response = _status(client_for(member), meeting, "approve", headers=EN, follow=True)
    assert "The minutes have been approved." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED
    assert meeting.minutes_approved_by == member


def test_the_chair_is_told_when_there_is_nothing_to_approve_yet(client_for, meeting, member):
    _set(meeting, status=MeetingStatus.HELD, chair=member)
    response = _status(client_for(member), meeting, "approve", headers=EN, follow=True)
    assert "Only draft minutes can be approved." in response.content.decode()


def test_the_admin_moves_a_meeting_all_the_way(client_for, meeting, admin_user, member):
    _set(meeting, chair=member)
    client = client_for(admin_user)
    for to, status in (
        ("held", MeetingStatus.HELD),
        ("circulate", MeetingStatus.MINUTES_DRAFT),
        ("approve", MeetingStatus.MINUTES_APPROVED),
    ):
        assert _status(client, meeting, to).status_code == 302
        meeting.refresh_from_db()
        assert meeting.status == status


def test_status_changes_are_post_only(client_for, meeting, coordinator):
    url = reverse("meetings:meeting_status", kwargs={"pk": meeting.pk})
    assert client_for(coordinator).put(url).status_code == 405


# --- printable pages -----------------------------------------------------------------------------------------


@pytest.fixture
def agenda(meeting, member, goal):
    first = factories.AgendaItemFactory(
        meeting=meeting, title="Avaus", position=1, planned_minutes=10, presenter=member, goal=goal
    )
    second = factories.AgendaItemFactory(meeting=meeting, title="Talousarvio", position=2, planned_minutes=30)
    factories.AgendaItemFactory(meeting=meeting, title="Ehdotus", position=3, status="proposed")
    return first, second


def test_the_printable_agenda_lists_the_accepted_items_with_times(client_for, meeting, agenda, observer):
    response = client_for(observer).get(reverse("meetings:print_agenda", kwargs={"pk": meeting.pk}), headers=EN)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Avaus" in content and "Talousarvio" in content and "Ehdotus" not in content
    first, second = response.context["items"]
    assert second.planned_start == first.planned_start + datetime.timedelta(minutes=10)
    assert formats.time_format(timezone.localtime(second.planned_start), "TIME_FORMAT") in content
    assert "css/meetings.css" in content
    assert "<script" not in content and "style=" not in content


def test_the_printable_minutes_need_the_right_to_read_them(client_for, meeting, agenda, coordinator, member, observer):
    first, _second = agenda
    first.minutes = "Keskusteltiin **tavoitteista**.\n\n<script>alert(1)</script>"
    first.unfinished = True
    first.save()
    factories.DecisionFactory(item=first, text="Hyväksyttiin toimintasuunnitelma.")
    factories.ActionItemFactory(item=first, owner=member, what="Kootaan palautteet")
    _set(meeting, status=MeetingStatus.MINUTES_DRAFT, chair=coordinator)
    url = reverse("meetings:print_minutes", kwargs={"pk": meeting.pk})
    # Draft minutes: those who manage, the chair and the attendees.
    assert client_for(observer).get(url).status_code == 403
    assert client_for(member).get(url).status_code == 403
    Attendance.objects.create(meeting=meeting, user=member)
    response = client_for(member).get(url, headers=EN)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Draft: not approved yet" in content
    assert "Hyväksyttiin toimintasuunnitelma." in content and "Kootaan palautteet" in content
    assert "Unfinished" in content
    assert "<script>alert" not in content
    # Approved minutes: everyone who sees the meeting.
    _set(
        meeting,
        status=MeetingStatus.MINUTES_APPROVED,
        minutes_approved_at=timezone.now(),
        minutes_approved_by=coordinator,
    )
    response = client_for(observer).get(url, headers=EN)
    assert response.status_code == 200
    assert "Draft" not in response.content.decode()


def test_the_printable_pages_are_a4(client_for, meeting, coordinator):
    css = pathlib.Path(finders.find("css/meetings.css")).read_text(encoding="utf-8")
    assert "@page" in css and "size: A4" in css
    assert client_for(coordinator).get(reverse("meetings:print_minutes", kwargs={"pk": meeting.pk})).status_code == 200
