"""Invitations that bring people in: a coordinator invites a person by e-mail for an organisation (and a network);
the person creates their account, or signs in and accepts with the account they have."""

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from networks.memberships.models import Network, NetworkRole
from networks.memberships.roles import role_defaults
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import Invitation, User
from portal.lib.errors import DomainError
from portal.tasks import send_email


def invitation_create(
    *,
    email: str,
    organisation: Organisation,
    network: Network | None,
    invited_by: User,
    site_url: str,
    language: str,
) -> Invitation:
    """Invite a person by e-mail to join for an organisation (and a network); e-mail them the link.

    Inviting the same address for the same organisation and network again replaces the open
    invitation (the new link is the one that works); an open invitation from another network
    is left alone and reported. A person who already has an account gets the same kind of
    link: they sign in and accept (``invitation_join``), so the inviter learns nothing about
    which addresses have accounts.
    """
    email = email.strip().lower()  # addresses are stored in lower case everywhere
    try:
        with transaction.atomic():
            # Serialise invitations for one organisation: a double-click cannot create two.
            Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
            open_invitation = Invitation.objects.filter(
                email=email, organisation=organisation, accepted_at__isnull=True
            ).first()
            if open_invitation is not None:
                if open_invitation.network_id != (network.pk if network else None) and open_invitation.is_usable:
                    raise DomainError(_("Another network has already invited this person for this organisation."))
                open_invitation.delete()
            invitation = Invitation.objects.create(
                email=email, organisation=organisation, network=network, invited_by=invited_by
            )
            invitation_send(invitation=invitation, site_url=site_url, language=language)
    except IntegrityError:
        raise DomainError(_("This person was invited at the same moment. Check the invitations.")) from None
    return invitation


def account_exists(email: str) -> bool:
    """Whether an account uses ``email`` (as its login or as one of its addresses)."""
    return existing_account(email) is not None


def existing_account(email: str) -> User | None:
    """The account that owns ``email``: its login address, or one of its verified addresses.

    A directory contact (``is_contact``) is not an account: accepting an invitation turns it into one.
    """
    email = email.strip().lower()
    user = User.objects.filter(email=email, is_contact=False).first()
    if user is None:
        address = (
            EmailAddress.objects.filter(email=email, verified=True, user__is_contact=False)
            .select_related("user")
            .first()
        )
        user = address.user if address else None
    return user


def existing_contact(email: str) -> User | None:
    """The directory contact (a person without an account yet) with ``email``, if any."""
    return User.objects.filter(email__iexact=email.strip(), is_contact=True).first()


def invitation_join(*, token: str, user: User) -> Invitation:
    """An existing account accepts an invitation sent to one of its addresses.

    The person gets the organisation (as a current affiliation, primary if they have none)
    and the network (as a member; a role they already have is kept).
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organisation", "network")
            .filter(token=token)
            .first()
        )
        if invitation is None or not invitation.is_usable:
            raise DomainError(_("This invitation is no longer valid. Ask the coordinator for a new one."))
        owner = existing_account(invitation.email)
        if owner is None or owner.pk != user.pk:
            raise DomainError(_("This invitation was sent to another e-mail address."))
        if not Affiliation.objects.filter(user=user, organisation=invitation.organisation, until__isnull=True).exists():
            has_primary = Affiliation.objects.filter(user=user, primary=True, until__isnull=True).exists()
            Affiliation.objects.create(user=user, organisation=invitation.organisation, primary=not has_primary)
        if invitation.network_id:
            NetworkRole.objects.get_or_create(
                network=invitation.network, user=user, defaults=_invited_role(invitation, user)
            )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return invitation


def invitation_send(*, invitation: Invitation, site_url: str, language: str) -> None:
    """E-mail the invitation link in ``language`` once the surrounding transaction commits."""
    link = site_url + reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    with override(language):
        context = {
            "invitation": invitation,
            "link": link,
            "inviter": invitation.invited_by,
            "has_account": account_exists(invitation.email),
        }
        subject = render_to_string("networks/memberships/email/invitation_subject.txt", context).strip()
        body = render_to_string("networks/memberships/email/invitation_message.txt", context)
    to = [invitation.email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to, from_email=None, html=None))


def invitation_accept(*, token: str, first_name: str, last_name: str, password: str | None) -> User:
    """Create the invited person's account with a verified e-mail, their affiliation and role.

    Without a password (``None``: the person signed in through their organisation's single sign-on) the
    account has no usable password.

    The address counts as verified: the link reached it. Two accepts racing for one address
    make one account; the other gets a DomainError. When a coordinator had added the
    person as a directory contact, that row becomes the account (its affiliations, roles and
    expertise are kept) instead of a second person being made.
    """
    try:
        return _invitation_accept(token=token, first_name=first_name, last_name=last_name, password=password)
    except IntegrityError:
        raise DomainError(_("This person already has an account.")) from None


def _invitation_accept(*, token: str, first_name: str, last_name: str, password: str | None) -> User:
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organisation", "network")
            .filter(token=token)
            .first()
        )
        if invitation is None or not invitation.is_usable:
            raise DomainError(_("This invitation is no longer valid. Ask the coordinator for a new one."))
        if account_exists(invitation.email):
            raise DomainError(_("This person already has an account."))
        contact = User.objects.select_for_update().filter(email__iexact=invitation.email, is_contact=True).first()
        if contact is not None:
            user = contact
            user.first_name, user.last_name, user.is_contact = first_name, last_name, False
            user.set_password(password)
            user.save(update_fields=["first_name", "last_name", "is_contact", "password"])
            EmailAddress.objects.filter(user=user).update(primary=False)
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        else:
            user = User.objects.create_user(
                email=invitation.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        current = Affiliation.objects.filter(user=user, until__isnull=True)
        if not current.filter(organisation=invitation.organisation).exists():
            has_primary = current.filter(primary=True).exists()
            Affiliation.objects.create(user=user, organisation=invitation.organisation, primary=not has_primary)
        if invitation.network_id:
            NetworkRole.objects.get_or_create(
                network=invitation.network, user=user, defaults=_invited_role(invitation, user)
            )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def _invited_role(invitation: Invitation, user: User) -> dict:
    """A member's role, resting on the organisation the person was invited for (the coordinator's word, when it
    is not a member organisation of the network)."""
    return role_defaults(
        network=invitation.network,
        user=user,
        prefer=invitation.organisation_id,
        reason=_("Invited by a coordinator"),
    )
