"""Joining a network: an organisation applies (a person who works for it), or a coordinator invites it (one the
coordinator can see, or a new one by name) and its people accept.

Every step writes a MembershipChange in the same transaction, with the membership row locked, and e-mails
the people concerned once the transaction commits (see :mod:`networks.memberships.services`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships import invitations
from networks.memberships.mail import mail_coordinators, membership_link, organisation_recipients, send_membership_mail
from networks.memberships.models import Membership, MembershipLevel, Network
from networks.memberships.services import (
    grant_member_role,
    is_current_staff,
    lock_membership,
    membership_set_representatives,
    record_change,
)
from partners.directory.models import Organisation
from portal.accounts.models import User
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from portal.lib.mail import recipient_language
from portal.lib.slugs import free_slugs


def membership_apply(*, network: Network, organisation: Organisation, applicant: User, note: str = "") -> Membership:
    """A person who works for ``organisation`` applies for it to join ``network``.

    Applying again after a rejection or after leaving reuses the membership row (its history stays
    whole); the applicant becomes the representative when the organisation has none. The network's
    coordinators are told.
    """
    if not is_current_staff(organisation, applicant):
        raise DomainError(_("Only people who work for the organisation can apply on its behalf."))
    note = note.strip()
    try:
        with transaction.atomic():
            membership = (
                Membership.objects.select_for_update(of=("self",))
                .filter(network=network, organisation=organisation)
                .first()
            )
            if membership is None:
                membership = Membership.objects.create(
                    network=network,
                    organisation=organisation,
                    level=MembershipLevel.NETWORKING,
                    status=MembershipStatus.APPLIED,
                    application_note=note,
                )
                old_level = old_status = ""
            elif membership.status in (MembershipStatus.REJECTED, MembershipStatus.LEFT):
                old_level, old_status = membership.level, membership.status
                membership.status = MembershipStatus.APPLIED
                membership.application_note = note
                membership.save(update_fields=["status", "application_note", "updated_at"])
            elif membership.status == MembershipStatus.APPLIED:
                raise DomainError(_("This organisation has already applied to this network."))
            elif membership.status == MembershipStatus.INVITED:
                raise DomainError(_("This organisation has been invited to this network: accept the invitation."))
            else:
                raise DomainError(_("This organisation is already a member of this network."))
            membership.network = network
            membership.organisation = organisation
            record_change(
                membership=membership,
                old_level=old_level,
                old_status=old_status,
                changed_by=applicant,
                reason=note,
            )
            mail_coordinators(template="application", membership=membership, extra={"applicant": applicant})
    except IntegrityError:
        raise DomainError(_("This organisation applied at the same moment. Check its membership.")) from None
    return membership


def organisation_for_invitation(*, name: str, business_id: str = "") -> Organisation:
    """A new organisation a coordinator names when inviting it (validated like any other)."""
    organisation = Organisation(name=name.strip(), business_id=business_id.strip(), slug="")
    [organisation.slug] = free_slugs(Organisation, [organisation.name], fallback="organisation")
    try:
        organisation.full_clean()
    except ValidationError as error:
        raise DomainError(" ".join(error.messages)) from None
    organisation.save()
    return organisation


def _invited_membership(*, network: Network, organisation: Organisation, level: str) -> Membership:
    """The organisation's membership of ``network``, locked and set to "invited" at ``level``: a new row, or a
    rejected or former member's row reused (its history stays whole). ``old_level`` and ``old_status`` on the
    returned membership say what it was ("" for a new row)."""
    membership = (
        Membership.objects.select_for_update(of=("self",)).filter(network=network, organisation=organisation).first()
    )
    if membership is None:
        membership = Membership.objects.create(
            network=network, organisation=organisation, level=level, status=MembershipStatus.INVITED
        )
        membership.old_level = membership.old_status = ""
    elif membership.status in (MembershipStatus.REJECTED, MembershipStatus.LEFT):
        membership.old_level, membership.old_status = membership.level, membership.status
        membership.level = level
        membership.status = MembershipStatus.INVITED
        membership.save(update_fields=["level", "status", "updated_at"])
    elif membership.status == MembershipStatus.APPLIED:
        raise DomainError(_("This organisation has applied already: approve its application instead."))
    elif membership.status == MembershipStatus.INVITED:
        raise DomainError(_("This organisation has already been invited."))
    else:
        raise DomainError(_("This organisation is already a member of this network."))
    membership.network = network
    membership.organisation = organisation
    return membership


def membership_invite(
    *,
    network: Network,
    invited_by: User,
    organisation: Organisation | None = None,
    name: str = "",
    business_id: str = "",
    email: str = "",
    level: str = MembershipLevel.NETWORKING,
    message: str = "",
) -> Membership:
    """A coordinator invites an organisation to the network: one they can see, or a new one by name.

    With ``email`` its contact person is invited too (an account invitation for the organisation
    and the network). A rejected or former member's row is reused. The organisation's people are told.
    """
    if level not in MembershipLevel.values:
        raise DomainError(_("Unknown membership level."))
    message = message.strip()
    try:
        with transaction.atomic():
            if organisation is None:
                if not name.strip():
                    raise DomainError(_("Choose an organisation or give the name of a new one."))
                organisation = organisation_for_invitation(name=name, business_id=business_id)
            membership = _invited_membership(network=network, organisation=organisation, level=level)
            record_change(
                membership=membership,
                old_level=membership.old_level,
                old_status=membership.old_status,
                changed_by=invited_by,
                reason=message,
            )
            if email:
                owner = invitations.existing_account(email)
                invitations.invitation_create(
                    email=email,
                    organisation=organisation,
                    network=network,
                    invited_by=invited_by,
                    site_url=settings.SITE_URL,
                    language=recipient_language(owner),
                )
            # The contact person invited by address gets the account invitation, not this message too.
            invited = email.strip().lower()
            recipients = [person for person in organisation_recipients(membership) if person.email.lower() != invited]
            context = {"membership": membership, "link": membership_link(membership), "inviter": invited_by}
            send_membership_mail(template="invited", recipients=recipients, context={**context, "message": message})
    except IntegrityError:
        raise DomainError(_("This organisation was invited at the same moment. Check its membership.")) from None
    return membership


def membership_accept_invitation(
    *,
    membership: Membership,
    accepted_by: User,
    representative: User | None = None,
    deputy: User | None = None,
) -> Membership:
    """A person who works for an invited organisation accepts: the membership is active from today.

    They name the representative (themself unless they choose a colleague) and a deputy; the
    named people become members of the network. The network's coordinators are told.
    """
    with transaction.atomic():
        membership = lock_membership(membership)
        if not membership.may_respond(accepted_by):
            raise DomainError(
                _("Only the organisation's representatives, or a person invited for it, can accept its invitation.")
            )
        if membership.status != MembershipStatus.INVITED:
            raise DomainError(_("This organisation has no open invitation to this network."))
        old_level, old_status = membership.level, membership.status
        membership.status = MembershipStatus.ACTIVE
        membership.joined_on = timezone.localdate()
        membership.left_on = None
        membership.save(update_fields=["status", "joined_on", "left_on", "updated_at"])
        record_change(membership=membership, old_level=old_level, old_status=old_status, changed_by=accepted_by)
        membership = membership_set_representatives(
            membership=membership, representative=representative or accepted_by, deputy=deputy
        )
        grant_member_role(network=membership.network, users=[accepted_by], organisation=membership.organisation)
        mail_coordinators(template="accepted", membership=membership, extra={"accepted_by": accepted_by})
    return membership
