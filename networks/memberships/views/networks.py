"""Views of networks: the network page, its settings and invitations."""

import copy

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from networks.memberships import charts, invitations, selectors, services
from networks.memberships.forms import InvitationForm, NetworkForm
from networks.memberships.models import Network
from portal.access import can, get_for_user
from portal.lib.choices import Region
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import show_errors

# Applications and invitations listed on the network page; the coordinator's dashboard lists them too.
PENDING_SHOWN = 20


@require_safe
@login_required
def network_detail(request, slug):
    """The network: its details, coordinators, members by level, and how the levels have moved."""
    network = get_for_user(request.user, Network, slug=slug)
    can_edit = can(request.user, network, "edit")
    by = "year" if request.GET.get("chart") == "year" else "quarter"
    periods = selectors.levels_over_time(network=network, by=by)
    pending = selectors.pending_memberships(network=network)[: PENDING_SHOWN + 1] if can_edit else []
    page_obj = paginate(request, selectors.network_memberships(network=network))
    context = {
        "network": network,
        "page_obj": page_obj,
        "level_groups": _group_by_level(page_obj, selectors.level_counts(network=network)),
        "coordinators": selectors.network_coordinators(network=network),
        "regions": [Region(value).label for value in network.regions if value in Region.values],
        "can_edit": can_edit,
        "pending": list(pending)[:PENDING_SHOWN],
        "more_pending": len(pending) > PENDING_SHOWN,
        "periods": periods,
        "chart": charts.stacked_bars(periods),
        "chart_by": by,
    }
    return render(request, "networks/memberships/network_detail.html", context)


def _group_by_level(memberships, counts: dict[str, int]) -> list[dict]:
    """The page's memberships (already in continuum order) in one group per level, with the level's total."""
    groups: list[dict] = []
    for membership in memberships:
        if not groups or groups[-1]["level"] != membership.level:
            groups.append(
                {
                    "level": membership.level,
                    "label": membership.level_label,
                    "total": counts.get(membership.level, 0),
                    "memberships": [],
                }
            )
        groups[-1]["memberships"].append(membership)
    return groups


@login_required
def network_edit(request, slug):
    network = get_for_user(request.user, Network, action="edit", slug=slug)
    # The form works on a copy: the page keeps the saved name while the input is being fixed.
    form = NetworkForm(request.POST or None, request.FILES or None, instance=copy.copy(network))
    if request.method == "POST" and form.is_valid():
        try:
            services.network_update(
                network=network,
                data={field: form.cleaned_data[field] for field in services.NETWORK_FIELDS},
                logo=form.logo_change(),
                version=form.edit_version(),
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The network has been saved."))
            return redirect("networks:network_detail", slug=network.slug)
    return render(request, "networks/memberships/network_form.html", {"form": form, "network": network})


@login_required
@creates_once
def invitation_create(request, slug):
    """A coordinator invites a person for one of the network's member organisations."""
    network = get_for_user(request.user, Network, action="invite", slug=slug)
    form = with_token(InvitationForm)(
        request.POST or None,
        organisations=selectors.invitable_organisations(network=network),
    )
    if request.method == "POST" and (limited := ratelimit.consume_or_429(request, action="invite", user=request.user)):
        return limited
    if request.method == "POST" and form.is_valid():
        try:
            invitations.invitation_create(
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                network=network,
                invited_by=request.user,
                site_url=settings.SITE_URL,
                language=get_language(),
            )
        except DomainError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return created(request, redirect("networks:network_detail", slug=network.slug))
    return render(request, "networks/memberships/invitation_form.html", {"form": form, "network": network})
