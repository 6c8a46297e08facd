"""Views of networks anyone may reach: the list of networks, a network's public page and its logo.

A network's public page is opt-in (``Network.is_public``); a private network's page and logo are
for its members only, and everyone else gets 404, as for every members-only page.
"""

from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from networks.memberships.models import Network, NetworkRole
from portal.access import get_for_user
from portal.lib.access import Role
from portal.lib.logos import logo_response
from portal.lib.pagination import paginate
from portal.lib.panels import NETWORK_PUBLIC_PAGE, render_panels


def _listed_networks(user):
    """The public networks and, for a signed-in person, their own; each with ``my_role`` (or None)."""
    networks = Network.objects.with_member_counts()
    if not user.is_authenticated:
        return (
            networks.filter(is_public=True)
            .annotate(my_role=Value(None, output_field=CharField()))
            .order_by("name", "pk")
        )
    mine = NetworkRole.objects.filter(user=user)
    return (
        networks.filter(Q(is_public=True) | Q(pk__in=mine.values("network")))
        .annotate(my_role=Subquery(mine.filter(network=OuterRef("pk")).values("role")[:1]))
        .order_by("name", "pk")
    )


def _network_for_public_page(request, slug) -> Network:
    """A public network for anyone; a private one only for its members (and administrators), else 404."""
    network = get_object_or_404(Network, slug=slug)
    if network.is_public:
        return network
    return get_for_user(request.user, Network, slug=slug)


@require_safe
def network_list(request):
    page_obj = paginate(request, _listed_networks(request.user))
    role_labels = dict(Role.choices)
    for network in page_obj.object_list:
        network.my_role_label = role_labels.get(network.my_role)
    return render(request, "networks/memberships/network_list.html", {"page_obj": page_obj})


@require_safe
def network_public(request, slug):
    network = _network_for_public_page(request, slug)
    is_member = request.user.is_authenticated and network.role_of(request.user) is not None
    context = {
        "network": network,
        "is_member": is_member,
        "panels": render_panels(NETWORK_PUBLIC_PAGE, request, network=network),
    }
    return render(request, "networks/memberships/network_public.html", context)


@require_safe
def network_logo(request, slug):
    return logo_response(_network_for_public_page(request, slug).logo)
