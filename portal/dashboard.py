"""The dashboard: what waits for the person in each part of the portal, then their networks and organisations.

The sections come from the domains (:mod:`portal.lib.panels`, slot ``dashboard``); each is called with the
request, the networks the person coordinates and today's date, and shows only when it has something to say.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from networks.memberships.selectors import dashboard_networks
from partners.directory.selectors import current_affiliations
from portal.lib.access import Role
from portal.lib.panels import DASHBOARD, render_panels


@require_safe
def home(request):
    """Signed-in people get their dashboard; visitors a short introduction and the sign-in link."""
    if not request.user.is_authenticated:
        return render(request, "portal/landing.html")
    networks = list(dashboard_networks(user=request.user))
    coordinated = [network.pk for network in networks if network.my_role == Role.COORDINATOR]
    for network in networks:
        network.my_role_label = Role(network.my_role).label
    context = {
        "panels": render_panels(DASHBOARD, request, coordinated=coordinated, today=timezone.localdate()),
        "networks": networks,
        "affiliations": current_affiliations(user=request.user),
    }
    return render(request, "portal/dashboard.html", context)
