"""A notification goes with the object it tells of: a domain names the models whose deletion takes their
notifications along (:func:`forget_when_deleted`, called when its app is ready). The object is known by its
key (:func:`portal.lib.mail.source_key`), given as ``about`` to :func:`portal.lib.mail.send_personal_mail`."""

from django.db.models.signals import post_delete

from portal.lib.mail import source_key
from portal.notifications.models import Notification


def forget(obj) -> int:
    """Delete the notifications that tell of ``obj``; how many. One statement (the index portal_notif_source)."""
    deleted, _per_model = Notification.objects.filter(source=source_key(obj)).delete()
    return deleted


def _deleted(sender, instance, **kwargs):
    forget(instance)


def forget_when_deleted(*models) -> None:
    """Have the notifications about an object of ``models`` deleted with it (on every delete, a cascade's too)."""
    for model in models:
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"notifications_{model._meta.label_lower}_deleted")
