"""What the meeting views share (issue 6): fetching a meeting for an action, going back to its page, and
saying a refusal there."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse

from networks.meetings.models import Meeting
from portal.access import get_for_user


def meeting_for(request, action: str = "view", **lookup) -> Meeting:
    """The meeting (by ``pk``, or by a lookup such as ``decisions__pk``) if the person may do ``action`` on
    it: 404 for outsiders, 403 for those who see it but may not."""
    return get_for_user(request.user, Meeting.objects.select_related("network"), action=action, **lookup)


def to_meeting(meeting: Meeting, anchor: str = ""):
    """Back to the meeting's page, at ``anchor`` when given (an item, the records of an item, a section)."""
    url = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


def refuse(request, meeting: Meeting, error: ValidationError):
    """A refusal no form input can mend (the meeting's state): said on the meeting's page."""
    messages.error(request, " ".join(error.messages))
    return to_meeting(meeting)
