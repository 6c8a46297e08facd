"""Reads of the networks app, shaped for the pages that show them."""

from networks.models import Membership, Network, NetworkRole
from partners.models import Organisation


def network_memberships(*, network: Network):
    return (
        Membership.objects.filter(network=network)
        .exclude(status=Membership.Status.LEFT)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def network_coordinators(*, network: Network):
    return NetworkRole.objects.filter(network=network, role=NetworkRole.Role.COORDINATOR).select_related("user")


def invitable_organisations(*, network: Network):
    """Organisations a coordinator may invite people for: the network's active and paused members.

    Not applicants: their people would see the whole network before the organisation is accepted.
    """
    return Organisation.objects.filter(
        memberships__network=network,
        memberships__status__in=[Membership.Status.ACTIVE, Membership.Status.PAUSED],
    ).order_by("name")
