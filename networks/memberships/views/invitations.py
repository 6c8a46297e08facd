"""Accepting an invitation: a new person creates their account; a person with an account signs in and joins."""

from allauth.account.utils import perform_login
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from networks.memberships import invitations
from networks.memberships.forms import InvitationAcceptForm
from portal.accounts.models import Invitation
from portal.lib.errors import DomainError
from portal.lib.views import show_errors


@never_cache
def invitation_accept(request, token):
    """The invitee chooses a password and lands signed in.

    Someone who already has an account signs in and confirms (they join the organisation
    and the network); a person signed in with another account is told so.
    """
    invitation = Invitation.objects.select_related("organisation", "network").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        return render(request, "networks/memberships/invitation_invalid.html", status=404)
    owner = invitations.existing_account(invitation.email)
    if owner is not None:
        return _invitation_join(request, invitation, owner)
    if request.user.is_authenticated:
        return render(
            request,
            "networks/memberships/invitation_signed_in.html",
            {"invitation": invitation},
            status=409,
        )
    # A directory contact's names are already known: offered for checking, and the row becomes the account.
    contact = invitations.existing_contact(invitation.email)
    initial = {"first_name": contact.first_name, "last_name": contact.last_name} if contact else None
    form = InvitationAcceptForm(request.POST or None, email=invitation.email, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.invitation_accept(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Welcome to Verkosto! Your account is ready."))
            return perform_login(request, user, email_verification="none", redirect_url="/")
    return render(
        request,
        "networks/memberships/invitation_accept.html",
        {"form": form, "invitation": invitation},
    )


def _invitation_join(request, invitation, owner):
    if not request.user.is_authenticated:
        messages.info(request, _("You already have an account: sign in to accept the invitation."))
        return redirect_to_login(request.get_full_path())
    if request.user.pk != owner.pk:
        return render(request, "networks/memberships/invitation_signed_in.html", {"invitation": invitation}, status=409)
    if request.method == "POST":
        try:
            invitations.invitation_join(token=invitation.token, user=request.user)
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("portal:home")
        messages.success(request, _("You have accepted the invitation."))
        if invitation.network_id:
            return redirect("networks:network_detail", slug=invitation.network.slug)
        return redirect("portal:home")
    return render(request, "networks/memberships/invitation_join.html", {"invitation": invitation})
