"""Meetings as iCalendar (RFC 5545 / RFC 5546): invitations, updates, cancellations and calendar feeds.

- every meeting keeps one UID (``<uuid>@verkosto``) for ever; its SEQUENCE is raised by every change of
  time or place and by the cancellation (:mod:`networks.meetings.services`), so a calendar program that
  already has the event applies the update instead of adding a second one;
- an e-mail invitation or update is ``METHOD:REQUEST`` naming the organiser and the attendee; a
  cancellation is ``METHOD:CANCEL`` with ``STATUS:CANCELLED``;
- a feed is ``METHOD:PUBLISH`` with every meeting, cancelled ones marked ``STATUS:CANCELLED``.

Times are written in Europe/Helsinki (the portal's ``TIME_ZONE``) with its VTIMEZONE included.
"""

from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from networks.meetings.models import Meeting

PRODID = "-//Verkosto//Meetings//EN"
REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"


def event_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@verkosto"


def _address(user) -> vCalAddress:
    if user is not None and user.email:
        address = vCalAddress(f"mailto:{user.email}")
        name = user.get_full_name()
        if name:
            address.params["CN"] = name
        return address
    return vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or 'noreply@verkosto.local'}")


def meeting_event(meeting: Meeting, *, cancelled: bool = False, attendee=None) -> Event:
    """One VEVENT for ``meeting`` (its network, organiser and chair need not be fetched for this)."""
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("summary", meeting.title)
    location = ", ".join(part for part in (meeting.place, meeting.online_link) if part)
    if location:
        event.add("location", location)
    page = settings.SITE_URL + reverse("meetings:meeting_detail", args=[meeting.pk])
    event.add("url", page)
    description = "\n\n".join(part for part in (meeting.description, meeting.online_link, page) if part)
    event.add("description", description)
    is_cancelled = cancelled or meeting.is_cancelled
    event.add("status", "CANCELLED" if is_cancelled else "CONFIRMED")
    event.add("organizer", _address(meeting.organiser if meeting.organiser_id else None))
    if attendee is not None and attendee.email:
        address = _address(attendee)
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["RSVP"] = "FALSE"
        event.add("attendee", address)
    return event


def _calendar(method: str, name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def invitation_ics(meeting: Meeting, *, attendee=None, cancel: bool = False) -> str:
    """The text of an ``.ics`` attachment: a REQUEST (invitation or update) or a CANCEL."""
    calendar = _calendar(CANCEL if cancel else REQUEST)
    calendar.add_component(meeting_event(meeting, cancelled=cancel, attendee=attendee))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def invitation_attachment(meeting: Meeting, *, cancel: bool = False):
    """``attachments(person)`` for :func:`portal.lib.mail.send_personal_mail`: each person's own ``.ics``."""
    method = CANCEL if cancel else REQUEST

    def attachments(person):
        return [
            [
                "cancel.ics" if cancel else "invite.ics",
                invitation_ics(meeting, attendee=person, cancel=cancel),
                f"text/calendar; method={method}",
            ]
        ]

    return attachments


def feed_ics(meetings, *, name: str) -> bytes:
    """A calendar feed (``METHOD:PUBLISH``) of ``meetings``."""
    calendar = _calendar(PUBLISH, name=name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    calendar.add_missing_timezones()
    return calendar.to_ical()
