"""Views of networks: the network page, its settings and invitations."""

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from networks import selectors, services
from networks.forms import NetworkForm
from networks.models import Network
from portal import services as portal_services
from portal.access import can, get_for_user
from portal.forms import InvitationForm
from portal.lib.pagination import paginate


@require_safe
@login_required
def network_detail(request, slug):
    network = get_for_user(request.user, Network, slug=slug)
    context = {
        "network": network,
        "page_obj": paginate(request, selectors.network_memberships(network=network)),
        "coordinators": selectors.network_coordinators(network=network),
        "can_edit": can(request.user, network, "edit"),
    }
    return render(request, "networks/network_detail.html", context)


@login_required
def network_edit(request, slug):
    network = get_for_user(request.user, Network, action="edit", slug=slug)
    form = NetworkForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        services.network_update(
            network=network, name=form.cleaned_data["name"], description=form.cleaned_data["description"]
        )
        messages.success(request, _("The network has been saved."))
        return redirect("networks:network_detail", slug=network.slug)
    return render(request, "networks/network_form.html", {"form": form, "network": network})


@login_required
def invitation_create(request, slug):
    """A coordinator invites a person for one of the network's member organisations."""
    network = get_for_user(request.user, Network, action="invite", slug=slug)
    form = InvitationForm(
        request.POST or None,
        organisations=selectors.invitable_organisations(network=network),
    )
    if request.method == "POST" and (limited := ratelimit.consume_or_429(request, action="invite", user=request.user)):
        return limited
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.invitation_create(
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                network=network,
                invited_by=request.user,
                site_url=settings.SITE_URL,
                language=get_language(),
            )
        except portal_services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("networks:network_detail", slug=network.slug)
    return render(request, "networks/invitation_form.html", {"form": form, "network": network})
