"""Reads of the portal app, shaped for the pages that show them."""

from django.db.models import OuterRef, Prefetch, Subquery

from networks.models import Network, NetworkRole
from partners.models import Affiliation, Organisation


def dashboard_networks(*, user):
    """The person's networks with their role and active member count, in one query."""
    my_role = NetworkRole.objects.filter(network=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Network.objects.filter(roles__user=user)
        .with_member_counts()
        .annotate(my_role=Subquery(my_role))
        .order_by("name")
    )


def current_affiliations(*, user):
    return Affiliation.objects.filter(user=user, until__isnull=True).select_related("organisation")


def with_profile(queryset, *, viewer):
    """People with what their profile page shows, prefetched: only organisations ``viewer`` may see."""
    return queryset.prefetch_related(
        "expertise",
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.filter(
                until__isnull=True, organisation__in=Organisation.objects.visible_to(viewer).values("pk")
            ).select_related("organisation"),
            to_attr="current_affiliations",
        ),
    )
