"""What the memberships domain tells the audit log: every role a person is given in a network, changed or
taken away (by a page, a service, the admin or the deletion of a network or a person), in the transaction
that did it."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from networks.memberships.models import NetworkRole
from portal.audit.log import Kind, record


@receiver(pre_save, sender=NetworkRole, dispatch_uid="audit_role_before")
def _role_before(sender, instance, raw=False, **kwargs):
    """The role as stored, to compare after the save (no query for a new role)."""
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_previous_role = None
        return
    instance._audit_previous_role = sender.objects.filter(pk=instance.pk).values_list("role", flat=True).first()


@receiver(post_save, sender=NetworkRole, dispatch_uid="audit_role_saved")
def _role_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_audit_previous_role", None)
    if created or previous != instance.role:
        _record(instance, role=instance.role, previous=previous)


@receiver(post_delete, sender=NetworkRole, dispatch_uid="audit_role_deleted")
def _role_deleted(sender, instance, **kwargs):
    _record(instance, role=None, previous=instance.role)


def _record(instance: NetworkRole, *, role: str | None, previous: str | None):
    network = instance.network
    record(
        Kind.ROLE_CHANGED,
        subject=instance.user,
        network=network.slug,
        network_name=network.name,
        role=role,
        previous=previous,
    )
