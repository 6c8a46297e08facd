"""The e-mails about meetings. One message per person per event, in their language, after the
transaction commits and through the task worker (:func:`portal.lib.mail.send_personal_mail`); templates
are templates/networks/meetings/email/*.txt.

- invited → the new invitees, with their own ``invite.ics`` (METHOD:REQUEST);
- the time or place of a planned meeting changed → every invitee, with the update (same UID, higher
  SEQUENCE) that their calendar program applies to the event it has;
- cancelled (or a person taken off the invitations) → those people, with ``cancel.ics`` (METHOD:CANCEL);
- minutes circulated for comments → the attendees and the chair;
- a time poll opened → the people asked (but the organiser), with the link to answer;
- the chair confirmed minutes that have minute checkers → the checkers who have not confirmed yet;
- a minute checker objected → the chair and the organiser, with the reason.

The reminders (the day before a meeting, action items due and overdue) are :mod:`networks.meetings.reminders`.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from networks.meetings.ics import invitation_attachment
from networks.meetings.models import Meeting
from portal.lib.mail import mailable_people, send_personal_mail


def meeting_link(meeting: Meeting) -> str:
    return settings.SITE_URL + reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})


def invitees(meeting: Meeting, user_ids=None):
    """The meeting's invitees (or those of ``user_ids`` among them)."""
    people = mailable_people().filter(meeting_invitations__meeting=meeting)
    if user_ids is not None:
        people = people.filter(pk__in=user_ids)
    return people


def _context(meeting: Meeting) -> dict:
    return {"meeting": meeting, "network": meeting.network, "link": meeting_link(meeting)}


def mail_invited(*, meeting: Meeting, user_ids) -> int:
    return send_personal_mail(
        template_prefix="networks/meetings/email/invited",
        recipients=invitees(meeting, user_ids),
        context=_context(meeting),
        network=meeting.network_id,
        about=meeting,
        attachments=invitation_attachment(meeting),
    )


def mail_updated(*, meeting: Meeting) -> int:
    return send_personal_mail(
        template_prefix="networks/meetings/email/updated",
        recipients=invitees(meeting),
        context=_context(meeting),
        network=meeting.network_id,
        about=meeting,
        attachments=invitation_attachment(meeting),
    )


def mail_cancelled(*, meeting: Meeting, user_ids=None) -> int:
    return send_personal_mail(
        template_prefix="networks/meetings/email/cancelled",
        # A person taken off the invitations is no longer an invitee: ``user_ids`` names them directly.
        recipients=mailable_people().filter(pk__in=user_ids) if user_ids is not None else invitees(meeting),
        context=_context(meeting),
        network=meeting.network_id,
        about=meeting,
        attachments=invitation_attachment(meeting, cancel=True),
    )


def mail_minutes_circulated(*, meeting: Meeting) -> int:
    recipients = mailable_people().filter(Q(meeting_attendances__meeting=meeting) | Q(pk=meeting.chair_id)).distinct()
    return send_personal_mail(
        template_prefix="networks/meetings/email/minutes_circulated",
        recipients=recipients,
        context=_context(meeting),
        network=meeting.network_id,
        about=meeting,
    )


def mail_poll_opened(*, poll) -> int:
    link = settings.SITE_URL + reverse("meetings:poll_detail", kwargs={"pk": poll.pk})
    return send_personal_mail(
        template_prefix="networks/meetings/email/poll_opened",
        recipients=mailable_people().filter(time_polls=poll).exclude(pk=poll.organiser_id),
        context={"poll": poll, "network": poll.network, "link": link, "slots": list(poll.slots.all())},
        network=poll.network_id,
        about=poll,
    )


def mail_minutes_await_checkers(*, meeting: Meeting, user_ids) -> int:
    return send_personal_mail(
        template_prefix="networks/meetings/email/minutes_await_checkers",
        recipients=mailable_people().filter(pk__in=user_ids),
        context=_context(meeting),
        network=meeting.network_id,
        about=meeting,
    )


def mail_minutes_objected(*, meeting: Meeting, objection) -> int:
    recipients = mailable_people().filter(pk__in=[meeting.chair_id, meeting.organiser_id]).exclude(pk=objection.user_id)
    context = _context(meeting) | {"objection": objection, "checker": objection.user}
    return send_personal_mail(
        template_prefix="networks/meetings/email/minutes_objected",
        recipients=recipients,
        context=context,
        network=meeting.network_id,
        about=meeting,
    )
