"""Writes of the portal app: invitations and profiles."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from networks.models import Network, NetworkRole
from partners.models import Affiliation, Organisation
from portal.models import Invitation, User
from portal.tasks import send_email


class InvitationError(Exception):
    """An invitation cannot be created or accepted; the message is for the user."""


def invitation_create(
    *,
    email: str,
    organisation: Organisation,
    network: Network | None,
    invited_by: User,
    site_url: str,
    language: str,
) -> Invitation:
    """Invite a person by e-mail to join for an organisation (and a network); e-mail them the link."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise InvitationError(_("This person already has an account."))
    with transaction.atomic():
        if Invitation.objects.filter(email__iexact=email, organisation=organisation, accepted_at__isnull=True).exists():
            # Replace the old open invitation: the new link is the one that works.
            Invitation.objects.filter(email__iexact=email, organisation=organisation, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            email=email, organisation=organisation, network=network, invited_by=invited_by
        )
        invitation_send(invitation=invitation, site_url=site_url, language=language)
    return invitation


def invitation_send(*, invitation: Invitation, site_url: str, language: str) -> None:
    """E-mail the invitation link in ``language`` once the surrounding transaction commits."""
    link = site_url + reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    with override(language):
        context = {"invitation": invitation, "link": link, "inviter": invitation.invited_by}
        subject = render_to_string("portal/email/invitation_subject.txt", context).strip()
        body = render_to_string("portal/email/invitation_message.txt", context)
    to = [invitation.email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to, from_email=None, html=None))


def invitation_accept(*, token: str, first_name: str, last_name: str, password: str) -> User:
    """Create the invited person's account with a verified e-mail, their affiliation and role."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organisation", "network")
            .filter(token=token)
            .first()
        )
        if invitation is None or not invitation.is_usable:
            raise InvitationError(_("This invitation is no longer valid. Ask the coordinator for a new one."))
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationError(_("This person already has an account."))
        user = User.objects.create_user(
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        Affiliation.objects.create(user=user, organisation=invitation.organisation, primary=True)
        if invitation.network_id:
            NetworkRole.objects.get_or_create(
                network=invitation.network,
                user=user,
                defaults={"role": NetworkRole.Role.MEMBER},
            )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def profile_update(*, user: User, data: dict, expertise) -> User:
    """Save a person's own profile fields and areas of expertise."""
    with transaction.atomic():
        for field, value in data.items():
            setattr(user, field, value)
        user.save(update_fields=list(data))
        user.expertise.set(expertise)
    return user
