"""Reads of the partners app, shaped for the pages that show them."""

from networks.models import Membership, Network
from partners.models import Affiliation, Organisation
from portal.models import User


def organisation_people(*, organisation: Organisation, viewer):
    """The organisation's current people whom ``viewer`` may see (who share a network with them)."""
    return (
        Affiliation.objects.filter(
            organisation=organisation,
            until__isnull=True,
            user__in=User.objects.visible_to(viewer).values("pk"),
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def organisation_memberships(*, organisation: Organisation, user):
    """The organisation's memberships in networks the viewer can see (other networks stay private)."""
    return (
        Membership.objects.filter(organisation=organisation, network__in=Network.objects.visible_to(user))
        .select_related("network")
        .order_by("network__name")
    )
