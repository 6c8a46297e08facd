"""The meeting's core services: creation with invitations, updates and cancellation as
calendar updates (same UID, higher SEQUENCE, METHOD:CANCEL), status changes, replies and attendance."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from networks.meetings import services
from networks.meetings.models import Attendance, Invitee, MeetingStatus
from portal.lib.errors import DomainError, StaleEditError
from tests import factories

pytestmark = pytest.mark.django_db(transaction=False)


def _data(**overrides):
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    return {"title": "Syystapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)} | overrides


def _ics(message):
    (_name, content, mimetype) = message.attachments[0]
    return icalendar.Calendar.from_ical(content), mimetype


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.meeting_create(
            network=network, user=coordinator, data=_data(chair=coordinator), organisations=[organisation]
        )


def test_inviting_an_organisation_invites_its_people_in_the_network_once_each(meeting, coordinator, member, observer):
    invited = set(Invitee.objects.filter(meeting=meeting).values_list("user__email", flat=True))
    assert invited == {coordinator.email, member.email, observer.email}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(invited)
    calendar, mimetype = _ics(mail.outbox[0])
    assert mimetype == "text/calendar; method=REQUEST"
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"{meeting.uid}@verkosto"
    assert int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == timezone.localtime(meeting.starts_at)
    assert calendar.walk("VTIMEZONE")


def test_a_change_of_time_sends_an_update_with_the_same_uid_and_a_higher_sequence(
    meeting, coordinator, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    later = meeting.starts_at + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        updated = services.meeting_update(
            meeting=meeting, user=coordinator, data={"starts_at": later, "ends_at": later + datetime.timedelta(hours=1)}
        )
    assert updated.sequence == 1
    assert len(mail.outbox) == 3
    calendar, _mimetype = _ics(mail.outbox[0])
    event = calendar.walk("VEVENT")[0]
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (f"{meeting.uid}@verkosto", 1)
    assert event.decoded("DTSTART") == timezone.localtime(later)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=updated, user=coordinator, data={"description": "Tarkennus"})
    assert mail.outbox == []


def test_cancelling_needs_a_reason_and_sends_method_cancel(meeting, coordinator, django_capture_on_commit_callbacks):
    with pytest.raises(DomainError):
        services.meeting_cancel(meeting=meeting, user=coordinator, reason=" ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.meeting_cancel(meeting=meeting, user=coordinator, reason="Liian vähän osallistujia")
    assert cancelled.status == MeetingStatus.CANCELLED
    assert cancelled.sequence == 1
    calendar, mimetype = _ics(mail.outbox[0])
    assert mimetype == "text/calendar; method=CANCEL"
    assert calendar["METHOD"] == "CANCEL"
    event = calendar.walk("VEVENT")[0]
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CANCELLED", 1)
    with pytest.raises(DomainError):
        services.meeting_cancel(meeting=cancelled, user=coordinator, reason="Uudestaan")


def test_status_moves_planned_held_draft_approved_and_only_the_chair_approves(meeting, coordinator, member):
    with pytest.raises(DomainError, match="not started"):
        services.meeting_mark_held(meeting=meeting, user=coordinator)
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=3)
    meeting.ends_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.save()
    with pytest.raises(DomainError):
        services.minutes_circulate(meeting=meeting, user=coordinator)
    held = services.meeting_mark_held(meeting=meeting, user=coordinator)
    assert held.status == MeetingStatus.HELD
    services.attendance_set(meeting=held, user=coordinator, people=[member])
    draft = services.minutes_circulate(meeting=held, user=coordinator)
    assert draft.status == MeetingStatus.MINUTES_DRAFT
    with pytest.raises(DomainError, match="chair"):
        services.minutes_approve(meeting=draft, user=member)
    approved = services.minutes_approve(meeting=draft, user=coordinator)
    assert approved.status == MeetingStatus.MINUTES_APPROVED
    assert approved.minutes_approved_by == coordinator
    with pytest.raises(DomainError):
        services.attendance_set(meeting=approved, user=coordinator, people=[])


def test_circulating_needs_a_chair(network, coordinator):
    meeting = factories.MeetingFactory(network=network, organiser=coordinator, status=MeetingStatus.HELD, chair=None)
    with pytest.raises(DomainError, match="chair"):
        services.minutes_circulate(meeting=meeting, user=coordinator)


def test_replies_only_from_invitees_while_planned(meeting, member, outsider):
    assert services.reply(meeting=meeting, user=member, answer="maybe").reply == "maybe"
    assert services.reply(meeting=meeting, user=member, answer="yes").reply == "yes"
    with pytest.raises(DomainError):
        services.reply(meeting=meeting, user=outsider, answer="yes")
    with pytest.raises(DomainError):
        services.reply(meeting=meeting, user=member, answer="perhaps")


def test_attendance_keeps_the_organisation_and_refuses_outsiders(meeting, coordinator, member, outsider, organisation):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    services.attendance_set(meeting=meeting, user=coordinator, people=[member, coordinator])
    assert set(Attendance.objects.filter(meeting=meeting).values_list("user__email", "organisation")) == {
        (member.email, organisation.pk),
        (coordinator.email, organisation.pk),
    }
    services.attendance_set(meeting=meeting, user=coordinator, people=[member])
    assert Attendance.objects.filter(meeting=meeting).count() == 1
    with pytest.raises(DomainError):
        services.attendance_set(meeting=meeting, user=coordinator, people=[outsider])


def test_only_member_organisations_and_network_people_are_invited(meeting, coordinator, outsider, other_network):
    other = other_network.memberships.get().organisation
    with pytest.raises(DomainError):
        services.invite(meeting=meeting, user=coordinator, organisations=[other])
    with pytest.raises(DomainError):
        services.invite(meeting=meeting, user=coordinator, people=[outsider])


def test_the_chair_stays_once_the_minutes_are_circulated(meeting, coordinator, member):
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=3)
    meeting.ends_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.save()
    held = services.meeting_mark_held(meeting=meeting, user=coordinator)
    draft = services.minutes_circulate(meeting=held, user=coordinator)
    kept = services.meeting_update(meeting=draft, user=member, data={"chair": member, "title": "Uusi otsikko"})
    assert (kept.chair, kept.title) == (coordinator, "Uusi otsikko")


def test_a_stale_update_is_refused_with_the_saved_version(meeting, coordinator):
    version = meeting.updated_at
    saved = services.meeting_update(meeting=meeting, user=coordinator, data={"description": "Joku muu ehti"})
    with pytest.raises(StaleEditError, match="Someone else changed the meeting") as error:
        services.meeting_update(meeting=meeting, user=coordinator, data={"title": "Minun"}, version=version)
    assert error.value.current_version == saved.updated_at
    meeting.refresh_from_db()
    assert meeting.title != "Minun"
    # Saving again with the version the refusal gave replaces what the other person saved.
    again = services.meeting_update(
        meeting=meeting, user=coordinator, data={"title": "Minun"}, version=error.value.current_version
    )
    assert again.title == "Minun"
