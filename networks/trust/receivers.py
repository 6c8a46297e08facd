"""What trust-building does when something happens in the domains below it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from networks.meetings.signals import attendance_recorded
from networks.trust.contacts import contacts_for_agreement, contacts_for_meeting
from partners.agreements.models import AgreementParty


@receiver(attendance_recorded, dispatch_uid="trust_contacts_on_attendance")
def contacts_on_attendance(sender, *, meeting, **kwargs):
    """The meeting's attendees may have met people of other organisations for the first time (or earlier than
    the row said): their pairs are recomputed."""
    contacts_for_meeting(meeting.pk)


@receiver(post_save, sender=AgreementParty, dispatch_uid="trust_contacts_on_signature")
def contacts_on_signature(sender, instance, raw=False, **kwargs):
    """People who signed for different parties of the agreement have met over it (signatures cleared in bulk
    are left to ``contacts_rebuild``)."""
    if not raw and instance.signed_by_id is not None and instance.signed_on is not None:
        contacts_for_agreement(instance.agreement_id)
