"""What trust-building does when something happens in the domains below it."""

from django.dispatch import receiver

from networks.meetings.signals import attendance_recorded
from networks.trust.contacts import contacts_for_meeting


@receiver(attendance_recorded, dispatch_uid="trust_contacts_on_attendance")
def contacts_on_attendance(sender, *, meeting, **kwargs):
    """The meeting's attendees may have met people of other organisations for the first time (or earlier than
    the row said): their pairs are recomputed."""
    contacts_for_meeting(meeting.pk)
