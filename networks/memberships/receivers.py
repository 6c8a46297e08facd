"""How the memberships domain follows what happens below it and in itself: a role ends with its basis.

- An organisation's membership stops being established (it becomes *left*): the roles resting on it move to
  another member organisation their person works for, or end (:func:`networks.memberships.roles.roles_recheck`).
- A person stops working for an organisation (:data:`partners.directory.signals.affiliation_ended`): the same
  for their roles resting on it, and they stop being its representative or deputy in every network; the
  coordinator's to-do list then shows the membership without a representative.

Both run inside the transaction of the change, so a role never outlives its basis by a commit.

And what the domain tells the audit log: every role a person is given in a network, changed or taken away
(by a page, a service, the admin or the deletion of a network or a person), in the transaction that did it.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from networks.memberships import roles
from networks.memberships.models import Membership, NetworkRole
from networks.memberships.signals import membership_status_changed
from partners.directory.models import Affiliation
from partners.directory.signals import affiliation_ended
from portal.audit.log import Kind, record
from portal.lib.access import ESTABLISHED


@receiver(membership_status_changed, sender=Membership, dispatch_uid="roles_end_with_membership")
def end_roles_with_membership(sender, *, membership, old_status, **kwargs):
    if old_status in ESTABLISHED and membership.status not in ESTABLISHED:
        resting = NetworkRole.objects.filter(
            network_id=membership.network_id, organisation_id=membership.organisation_id
        )
        roles.roles_recheck(resting, reason=roles.ENDED_MEMBERSHIP_LEFT)


@receiver(affiliation_ended, sender=Affiliation, dispatch_uid="roles_end_with_affiliation")
def end_roles_with_affiliation(sender, *, affiliation, **kwargs):
    if Affiliation.objects.filter(
        user_id=affiliation.user_id, organisation_id=affiliation.organisation_id, until__isnull=True
    ).exists():
        return  # still works there (another current row)
    named = Membership.objects.filter(organisation_id=affiliation.organisation_id)
    now = timezone.now()
    named.filter(representative_id=affiliation.user_id).update(representative=None, updated_at=now)
    named.filter(deputy_id=affiliation.user_id).update(deputy=None, updated_at=now)
    resting = NetworkRole.objects.filter(user_id=affiliation.user_id, organisation_id=affiliation.organisation_id)
    roles.roles_recheck(resting, reason=roles.ENDED_AFFILIATION)


# --- the audit log ---------------------------------------------------------------------------------------


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
