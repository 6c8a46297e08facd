"""Views of memberships on the collaboration continuum, and of joining a network.

Access: the network and the membership come through :func:`portal.access.get_for_user`, so an
outsider gets 404 and a member without the right 403, and a membership is always looked up within
the network of the address (a coordinator of network B cannot reach network A's memberships).
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from networks.memberships import joining, selectors, services
from networks.memberships.forms import (
    MembershipAcceptForm,
    MembershipApplyForm,
    MembershipEditForm,
    MembershipInviteForm,
    MembershipRejectForm,
)
from networks.memberships.models import Membership, Network
from portal.access import get_for_user
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.views import show_errors

MANAGE = "manage"
RESPOND = "respond"


def _membership(request, slug, pk, *, action="view") -> Membership:
    queryset = Membership.objects.filter(network__slug=slug).select_related(
        "network", "organisation", "representative", "deputy"
    )
    return get_for_user(request.user, queryset, action=action, pk=pk)


def _to_detail(membership):
    return redirect("networks:membership_detail", slug=membership.network.slug, pk=membership.pk)


@login_required
@creates_once
def membership_apply(request, slug):
    """A person applies for their organisation to join the network."""
    network = get_for_user(request.user, selectors.networks_open_to_applications(), slug=slug)
    organisations = selectors.applicable_organisations(network=network, user=request.user)
    form = with_token(MembershipApplyForm)(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            membership = joining.membership_apply(
                network=network,
                organisation=form.cleaned_data["organisation"],
                applicant=request.user,
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your application has been sent to the network's coordinators."))
            return created(request, _to_detail(membership))
    context = {
        "network": network,
        "form": form,
        "own_memberships": selectors.user_memberships_in(network=network, user=request.user),
    }
    return render(request, "networks/memberships/membership_apply.html", context)


@require_safe
@login_required
def membership_detail(request, slug, pk):
    membership = _membership(request, slug, pk)
    context = {
        "membership": membership,
        "network": membership.network,
        "history": selectors.membership_history(membership=membership),
        "may": membership.access(request.user).rights(MANAGE, "approve", "reject", "accept"),
    }
    return render(request, "networks/memberships/membership_detail.html", context)


@login_required
def membership_edit(request, slug, pk):
    """A coordinator changes the level, status, representative or deputy, with a reason."""
    membership = _membership(request, slug, pk, action=MANAGE)
    staff = selectors.organisation_staff(organisation=membership.organisation)
    form = MembershipEditForm(request.POST or None, membership=membership, staff=staff)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.membership_edit(
                membership=membership,
                changed_by=request.user,
                level=data["level"],
                status=data["status"],
                representative=data["representative"],
                deputy=data["deputy"],
                reason=data["reason"],
                seen_updated_at=data["seen"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The membership has been saved."))
            return _to_detail(membership)
    return render(
        request,
        "networks/memberships/membership_form.html",
        {"membership": membership, "network": membership.network, "form": form},
    )


@require_POST
@login_required
def membership_approve(request, slug, pk):
    membership = _membership(request, slug, pk, action=MANAGE)
    try:
        services.membership_approve(membership=membership, approved_by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(organisation)s is now a member.") % {"organisation": membership.organisation.name}
        )
    return _to_detail(membership)


@login_required
def membership_reject(request, slug, pk):
    membership = _membership(request, slug, pk, action=MANAGE)
    form = MembershipRejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_reject(
                membership=membership, rejected_by=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The application has been rejected."))
            return _to_detail(membership)
    return render(
        request,
        "networks/memberships/membership_reject.html",
        {"membership": membership, "network": membership.network, "form": form},
    )


@login_required
@creates_once
def membership_invite(request, slug):
    """A coordinator invites an organisation (one they can see, or a new one) to the network."""
    network = get_for_user(request.user, Network, action="invite", slug=slug)
    form = with_token(MembershipInviteForm)(
        request.POST or None,
        organisations=selectors.organisations_to_invite(network=network, user=request.user),
    )
    # An e-mail address means a portal invitation is sent: the same limit as inviting a person.
    if (
        request.method == "POST"
        and request.POST.get("email")
        and (limited := ratelimit.consume_or_429(request, action="invite", user=request.user))
    ):
        return limited
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = joining.membership_invite(
                network=network,
                invited_by=request.user,
                organisation=data["organisation"],
                name=data["name"],
                business_id=data["business_id"],
                email=data["email"],
                level=data["level"],
                message=data["message"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("%(organisation)s has been invited.") % {"organisation": membership.organisation.name}
            )
            return created(request, _to_detail(membership))
    return render(request, "networks/memberships/membership_invite.html", {"network": network, "form": form})


@login_required
def membership_accept(request, slug, pk):
    """A person who works for an invited organisation accepts the invitation."""
    membership = _membership(request, slug, pk, action=RESPOND)
    staff = selectors.organisation_staff(organisation=membership.organisation)
    form = MembershipAcceptForm(request.POST or None, staff=staff, initial={"representative": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            joining.membership_accept_invitation(
                membership=membership,
                accepted_by=request.user,
                representative=form.cleaned_data["representative"],
                deputy=form.cleaned_data["deputy"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(organisation)s is now a member of %(network)s.")
                % {"organisation": membership.organisation.name, "network": membership.network.name},
            )
            return redirect("networks:network_detail", slug=membership.network.slug)
    return render(
        request,
        "networks/memberships/membership_accept.html",
        {"membership": membership, "network": membership.network, "form": form},
    )
