"""How the memberships domain follows what happens below it and in itself: a role ends with its basis.

- An organisation's membership stops being established (it becomes *left*): the roles resting on it move to
  another member organisation their person works for, or end (:func:`networks.memberships.roles.roles_recheck`).
- A person stops working for an organisation (:data:`partners.directory.signals.affiliation_ended`): the same
  for their roles resting on it, and they stop being its representative or deputy in every network; the
  coordinator's to-do list then shows the membership without a representative.

Both run inside the transaction of the change, so a role never outlives its basis by a commit.
"""

from django.dispatch import receiver
from django.utils import timezone

from networks.memberships import roles
from networks.memberships.models import Membership, NetworkRole
from networks.memberships.signals import membership_status_changed
from partners.directory.models import Affiliation
from partners.directory.signals import affiliation_ended
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
