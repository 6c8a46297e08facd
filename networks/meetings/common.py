"""Small helpers every writer of meetings shares (meeting_services, meeting_agenda, meeting_minutes,
meeting_actions): the meeting's row locked for the change, a refusal, and the right to act."""

from django.core.exceptions import ValidationError

from networks.meetings.models import Meeting


def lock_meeting(meeting: Meeting) -> Meeting:
    """The meeting read again with its row locked until the transaction ends (call inside ``atomic``)."""
    return Meeting.objects.select_for_update().select_related("network").get(pk=meeting.pk)


def refuse(message: str):
    raise ValidationError(message)


def may(meeting: Meeting, user, action: str) -> bool:
    """Whether ``user`` may do ``action`` (networks.meeting_access); a superuser may do everything."""
    return user.is_superuser or meeting.permits(user, action)
