"""What the goals domain does when something happens in the domains below it."""

from django.dispatch import receiver

from networks.goals.endorsement import rounds_evaluate
from networks.memberships.signals import membership_status_changed


@receiver(membership_status_changed, dispatch_uid="goals_evaluate_rounds_on_membership_change")
def evaluate_open_rounds(sender, *, membership, **kwargs):
    """An organisation that left or paused no longer counts in the goals' open rounds of endorsement: the rule
    of all may now be met."""
    rounds_evaluate(network=membership.network)
