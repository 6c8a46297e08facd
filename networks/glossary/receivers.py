"""What the glossary does when something happens in the domains below it."""

from django.dispatch import receiver

from networks.glossary.endorsement import rounds_evaluate
from networks.memberships.signals import membership_status_changed


@receiver(membership_status_changed, dispatch_uid="glossary_evaluate_rounds_on_membership_change")
def evaluate_open_rounds(sender, *, membership, **kwargs):
    """An organisation that left or paused no longer counts in the terms' open rounds: the rule may now be met."""
    rounds_evaluate(network=membership.network)
