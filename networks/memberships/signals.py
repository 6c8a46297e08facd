"""Signals of the memberships domain, for the domains built on it to act on without memberships knowing them.

``membership_status_changed`` is sent inside the transaction that changed a membership's status, with
``membership`` and ``old_status``; receivers run in that transaction, so what they write is committed or
rolled back with the change. It is sent from the model's own save, so every way of changing the status (the
services, the Django admin, a script) is heard.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal, receiver

from networks.memberships.models import Membership

membership_status_changed = Signal()


@receiver(pre_save, sender=Membership, dispatch_uid="memberships_status_before")
def _status_before(sender, instance, raw=False, **kwargs):
    """The status as stored, to compare after the save (one query, only for a saved row)."""
    if raw or instance.pk is None:
        instance._status_before = None
        return
    instance._status_before = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()


@receiver(post_save, sender=Membership, dispatch_uid="memberships_status_changed")
def _status_saved(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_status_before", None)
    if not raw and not created and before is not None and before != instance.status:
        membership_status_changed.send(sender=Membership, membership=instance, old_status=before)
