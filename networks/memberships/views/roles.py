"""Views of people's roles in a network: the coordinators' roles page, giving a role, changing one and taking
one away (each change confirmed first). Outsiders get 404 and the network's other people 403
(``manage_roles``, :class:`networks.memberships.access.NetworkAccess`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from networks.memberships import history, roles, selectors
from networks.memberships.forms import RoleForm, RoleGiveForm
from networks.memberships.models import Network, NetworkRole, RoleBasis
from portal.access import get_for_user
from portal.lib.access import Role
from portal.lib.errors import DomainError, StaleEditError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import show_errors

MANAGE_ROLES = "manage_roles"


def _network(request, slug) -> Network:
    return get_for_user(request.user, Network, action=MANAGE_ROLES, slug=slug)


def _role(network, pk) -> NetworkRole:
    queryset = NetworkRole.objects.filter(network=network).select_related("user", "organisation", "network")
    return get_object_or_404(queryset, pk=pk)


def _to_list(network):
    return redirect("networks:role_list", slug=network.slug)


@require_safe
@login_required
def role_list(request, slug):
    """The network's people with their roles and bases, and the history of the roles."""
    network = _network(request, slug)
    context = {
        "network": network,
        "page_obj": paginate(request, selectors.network_roles(network=network)),
        "history": history.role_history(network=network),
    }
    return render(request, "networks/memberships/role_list.html", context)


@login_required
@creates_once
def role_add(request, slug):
    """Give a person a role in the network, on a basis."""
    network = _network(request, slug)
    form = with_token(RoleGiveForm)(
        request.POST or None, people=selectors.role_candidates(network=network, viewer=request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            given = roles.role_give(
                network=network,
                user=data["user"],
                role=data["role"],
                expert=data["expert"],
                reason=data["reason"],
                given_by=request.user,
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s in the network.")
                % {"person": given.user, "role": Role(given.role).label.lower()},
            )
            return created(request, _to_list(network))
    return render(request, "networks/memberships/role_form.html", {"form": form, "network": network})


@login_required
def role_change(request, slug, pk):
    """Change a person's role or its basis: the form, then a confirmation of what changes."""
    network = _network(request, slug)
    role = _role(network, pk)
    initial = {
        "role": role.role,
        "expert": role.basis == RoleBasis.EXPERT,
        "reason": role.basis_reason,
        "seen": roles.role_state(role),
    }
    form = RoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("confirm") != "yes":
            context = {"form": form, "network": network, "role": role, "new_role": Role(data["role"]).label}
            return render(request, "networks/memberships/role_change_confirm.html", context)
        try:
            changed = roles.role_change(
                role=role,
                new_role=data["role"],
                expert=data["expert"],
                reason=data["reason"],
                changed_by=request.user,
                seen=data["seen"],
            )
        except DomainError as error:
            show_errors(form, error)
            if isinstance(error, StaleEditError):  # sending the form again replaces the other change on purpose
                form.data = form.data.copy()
                form.data["seen"] = roles.role_state(_role(network, pk))
        else:
            messages.success(request, _("The role of %(person)s has been changed.") % {"person": changed.user})
            if changed.user_id == request.user.pk and changed.role != Role.COORDINATOR:
                return redirect("networks:network_detail", slug=network.slug)
            return _to_list(network)
    return render(request, "networks/memberships/role_form.html", {"form": form, "network": network, "role": role})


@login_required
def role_remove(request, slug, pk):
    """Take a person's role in the network away, after a confirmation (never the last coordinator's)."""
    network = _network(request, slug)
    role = _role(network, pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            roles.role_take(role=role, taken_by=request.user)
        except DomainError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(person)s no longer has a role in the network.") % {"person": role.user})
            if role.user_id == request.user.pk:
                return redirect("portal:home")  # a coordinator who stepped down no longer sees the page
        return _to_list(network)
    return render(request, "networks/memberships/role_confirm_remove.html", {"network": network, "role": role})
