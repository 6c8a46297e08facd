"""Writes of the networks app."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships import invitations
from networks.memberships.mail import (
    mail_coordinators,
    mail_organisation,
    membership_link,
    organisation_recipients,
    send_membership_mail,
)
from networks.memberships.models import Membership, MembershipChange, MembershipLevel, Network, NetworkRole
from networks.memberships.signals import membership_status_changed
from partners.directory.models import Organisation
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED, MembershipStatus, Role
from portal.lib.mail import recipient_language
from portal.lib.slugs import free_slugs

# What a network's coordinators may change (the MFA requirement is the administrators' decision).
NETWORK_FIELDS = ("name", "description", "regions", "field", "is_public", "public_description")


def network_update(*, network: Network, data: dict, logo=None) -> Network:
    """Save a network's details (``NETWORK_FIELDS`` in ``data``, validated by the form).

    ``logo``: a new upload replaces the logo, ``False`` removes it, ``None`` leaves it; a replaced
    file is deleted from storage once the change is committed.
    """
    unknown = set(data) - set(NETWORK_FIELDS)
    if unknown:
        raise TypeError(f"network_update() cannot change {sorted(unknown)}")
    with transaction.atomic():
        for field, value in data.items():
            setattr(network, field, value)
        fields = list(data)
        old_logo = network.logo.name
        if logo is not None:
            network.logo = logo or ""
            fields.append("logo")
        network.save(update_fields=fields)
        if "logo" in fields and old_logo and old_logo != network.logo.name:
            storage = network.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return network


# --- membership on the collaboration continuum, and joining (issue 3, parts 5 and 6) -----------------
#
# Every change of a membership's level or status writes a MembershipChange in the same transaction,
# with the membership row locked (select_for_update), so two coordinators acting at once cannot lose
# a change: the second one waits and then sees (and records) what the first one did. Each step e-mails
# the people concerned through the send_email task once the transaction commits, each person in their
# own language.


class MembershipError(Exception):
    """A membership step is not allowed now; the message is for the user."""


def _lock(membership: Membership) -> Membership:
    """The membership row, locked until the surrounding transaction ends, with what the mails need."""
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("network", "organisation", "representative", "deputy")
        .get(pk=membership.pk)
    )


def _record(
    *,
    membership: Membership,
    old_level: str,
    old_status: str,
    changed_by: User | None,
    reason: str = "",
) -> MembershipChange:
    return MembershipChange.objects.create(
        membership=membership,
        network_id=membership.network_id,
        changed_by=changed_by,
        old_level=old_level,
        new_level=membership.level,
        old_status=old_status,
        new_status=membership.status,
        reason=reason,
    )


def _applicant(membership: Membership) -> User | None:
    """Who made the membership's latest application."""
    change = (
        membership.changes.filter(new_status=MembershipStatus.APPLIED)
        .select_related("changed_by")
        .order_by("-changed_at", "-pk")
        .first()
    )
    return change.changed_by if change else None


def _is_current_staff(organisation: Organisation, user: User | None) -> bool:
    return user is not None and organisation.is_staff_member(user)


def _grant_member_role(*, network: Network, users) -> None:
    """The named people become members of the network (a role they already have is kept)."""
    for user in users:
        if user is not None and not user.is_contact:
            NetworkRole.objects.get_or_create(network=network, user=user, defaults={"role": Role.MEMBER})


def membership_apply(*, network: Network, organisation: Organisation, applicant: User, note: str = "") -> Membership:
    """A person who works for ``organisation`` applies for it to join ``network``.

    Applying again after a rejection or after leaving reuses the membership row (its history stays
    whole); the applicant becomes the representative when the organisation has none. The network's
    coordinators are told.
    """
    if not _is_current_staff(organisation, applicant):
        raise MembershipError(_("Only people who work for the organisation can apply on its behalf."))
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
                raise MembershipError(_("This organisation has already applied to this network."))
            elif membership.status == MembershipStatus.INVITED:
                raise MembershipError(_("This organisation has been invited to this network: accept the invitation."))
            else:
                raise MembershipError(_("This organisation is already a member of this network."))
            membership.network = network
            membership.organisation = organisation
            _record(
                membership=membership,
                old_level=old_level,
                old_status=old_status,
                changed_by=applicant,
                reason=note,
            )
            mail_coordinators(template="application", membership=membership, extra={"applicant": applicant})
    except IntegrityError:
        raise MembershipError(_("This organisation applied at the same moment. Check its membership.")) from None
    return membership


def membership_approve(*, membership: Membership, approved_by: User, reason: str = "") -> Membership:
    """An application or invitation becomes an active membership, joined today."""
    with transaction.atomic():
        membership = _lock(membership)
        if membership.status not in (MembershipStatus.APPLIED, MembershipStatus.INVITED):
            raise MembershipError(_("Only an application or an invitation can be approved."))
        old_level, old_status = membership.level, membership.status
        membership.status = MembershipStatus.ACTIVE
        membership.joined_on = timezone.localdate()
        membership.left_on = None
        membership.save(update_fields=["status", "joined_on", "left_on", "updated_at"])
        _record(
            membership=membership, old_level=old_level, old_status=old_status, changed_by=approved_by, reason=reason
        )
        if membership.representative_id is None and old_status == MembershipStatus.APPLIED:
            # The applicant becomes the representative, now that a coordinator has accepted them.
            applicant = _applicant(membership)
            if _is_current_staff(membership.organisation, applicant):
                membership.representative = applicant
                membership.save(update_fields=["representative", "updated_at"])
        _grant_member_role(network=membership.network, users=[membership.representative, membership.deputy])
        mail_organisation(template="approved", membership=membership)
    return membership


def membership_reject(*, membership: Membership, rejected_by: User, reason: str) -> Membership:
    """An application is rejected; the reason is required and goes to the organisation."""
    reason = reason.strip()
    if not reason:
        raise MembershipError(_("Give the reason for the rejection."))
    with transaction.atomic():
        membership = _lock(membership)
        if membership.status != MembershipStatus.APPLIED:
            raise MembershipError(_("Only an application can be rejected."))
        old_level, old_status = membership.level, membership.status
        membership.status = MembershipStatus.REJECTED
        membership.save(update_fields=["status", "updated_at"])
        _record(
            membership=membership, old_level=old_level, old_status=old_status, changed_by=rejected_by, reason=reason
        )
        mail_organisation(template="rejected", membership=membership, extra={"reason": reason})
    return membership


# Statuses a coordinator sets by changing a membership; the others have their own steps
# (apply, invite, approve, reject).
CHANGEABLE_STATUSES = (MembershipStatus.ACTIVE, MembershipStatus.PAUSED, MembershipStatus.LEFT)


def membership_change(
    *,
    membership: Membership,
    changed_by: User,
    reason: str,
    level: str | None = None,
    status: str | None = None,
    seen_updated_at=None,
) -> Membership:
    """A coordinator changes a membership's level and/or status, with a reason.

    ``left`` sets the leaving date; coming back from ``left`` starts a new membership period today.
    ``seen_updated_at``, when given, is the ``updated_at`` the coordinator's form was built from:
    if someone changed the membership since, nothing is saved and they are asked to look again.
    """
    reason = reason.strip()
    with transaction.atomic():
        membership = _lock(membership)
        if seen_updated_at is not None and membership.updated_at != seen_updated_at:
            raise MembershipError(
                _("Someone else changed this membership while you were editing it. Check the changes and try again.")
            )
        new_level = level or membership.level
        new_status = status or membership.status
        if new_level not in MembershipLevel.values:
            raise MembershipError(_("Unknown membership level."))
        if new_level == membership.level and new_status == membership.status:
            return membership
        if new_status != membership.status:
            if new_status not in CHANGEABLE_STATUSES:
                raise MembershipError(_("This status is set by approving, rejecting or inviting, not by a change."))
            if membership.status not in CHANGEABLE_STATUSES:
                raise MembershipError(_("Approve or reject the application or invitation first."))
        if not reason:
            raise MembershipError(_("Give the reason for the change."))
        old_level, old_status = membership.level, membership.status
        fields = ["level", "status", "updated_at"]
        today = timezone.localdate()
        if new_status == MembershipStatus.LEFT and old_status != MembershipStatus.LEFT:
            membership.left_on = today
            if membership.joined_on and membership.joined_on > today:
                membership.joined_on = today
                fields.append("joined_on")
            fields.append("left_on")
        elif old_status == MembershipStatus.LEFT and new_status != MembershipStatus.LEFT:
            membership.joined_on = today  # a new membership period
            membership.left_on = None
            fields += ["joined_on", "left_on"]
        membership.level = new_level
        membership.status = new_status
        membership.save(update_fields=fields)
        _record(membership=membership, old_level=old_level, old_status=old_status, changed_by=changed_by, reason=reason)
        if new_status != old_status:
            membership_status_changed.send(sender=Membership, membership=membership, old_status=old_status)
        mail_organisation(
            template="changed",
            membership=membership,
            extra={
                "reason": reason,
                "old_level_label": MembershipLevel(old_level).label,
                "old_status_label": MembershipStatus(old_status).label,
                "level_changed": old_level != new_level,
                "status_changed": old_status != new_status,
            },
        )
    return membership


def membership_set_representatives(
    *, membership: Membership, representative: User | None, deputy: User | None
) -> Membership:
    """Name the organisation's representative and deputy in the network: people who work for it now."""
    if representative is not None and deputy is not None and representative.pk == deputy.pk:
        raise MembershipError(_("The representative and the deputy must be different people."))
    with transaction.atomic():
        membership = _lock(membership)
        if (representative or deputy) and membership.status not in ESTABLISHED:
            # Naming someone for an application or invitation would let them speak for the organisation
            # before a coordinator (or the organisation itself) has agreed to the membership.
            raise MembershipError(_("Representatives are named once the membership is active."))
        for person in (representative, deputy):
            if person is not None and not _is_current_staff(membership.organisation, person):
                raise MembershipError(
                    _("%(person)s does not work for %(organisation)s.")
                    % {"person": person, "organisation": membership.organisation}
                )
        membership.representative = representative
        membership.deputy = deputy
        membership.save(update_fields=["representative", "deputy", "updated_at"])
        if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
            _grant_member_role(network=membership.network, users=[representative, deputy])
    return membership


def membership_edit(
    *,
    membership: Membership,
    changed_by: User,
    level: str,
    status: str,
    representative: User | None,
    deputy: User | None,
    reason: str,
    seen_updated_at=None,
) -> Membership:
    """The coordinator's edit form in one transaction: level and status (with history), then the named people."""
    with transaction.atomic():
        membership = membership_change(
            membership=membership,
            changed_by=changed_by,
            reason=reason,
            level=level,
            status=status,
            seen_updated_at=seen_updated_at,
        )
        membership = membership_set_representatives(membership=membership, representative=representative, deputy=deputy)
    return membership


def organisation_for_invitation(*, name: str, business_id: str = "") -> Organisation:
    """A new organisation a coordinator names when inviting it (validated like any other)."""
    organisation = Organisation(name=name.strip(), business_id=business_id.strip(), slug="")
    [organisation.slug] = free_slugs(Organisation, [organisation.name], fallback="organisation")
    try:
        organisation.full_clean()
    except ValidationError as error:
        raise MembershipError(" ".join(error.messages)) from None
    organisation.save()
    return organisation


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
        raise MembershipError(_("Unknown membership level."))
    message = message.strip()
    try:
        with transaction.atomic():
            if organisation is None:
                if not name.strip():
                    raise MembershipError(_("Choose an organisation or give the name of a new one."))
                organisation = organisation_for_invitation(name=name, business_id=business_id)
            membership = (
                Membership.objects.select_for_update(of=("self",))
                .filter(network=network, organisation=organisation)
                .first()
            )
            if membership is None:
                membership = Membership.objects.create(
                    network=network, organisation=organisation, level=level, status=MembershipStatus.INVITED
                )
                old_level = old_status = ""
            elif membership.status in (MembershipStatus.REJECTED, MembershipStatus.LEFT):
                old_level, old_status = membership.level, membership.status
                membership.level = level
                membership.status = MembershipStatus.INVITED
                membership.save(update_fields=["level", "status", "updated_at"])
            elif membership.status == MembershipStatus.APPLIED:
                raise MembershipError(_("This organisation has applied already: approve its application instead."))
            elif membership.status == MembershipStatus.INVITED:
                raise MembershipError(_("This organisation has already been invited."))
            else:
                raise MembershipError(_("This organisation is already a member of this network."))
            membership.network = network
            membership.organisation = organisation
            _record(
                membership=membership,
                old_level=old_level,
                old_status=old_status,
                changed_by=invited_by,
                reason=message,
            )
            if email:
                owner = invitations.existing_account(email)
                try:
                    invitations.invitation_create(
                        email=email,
                        organisation=organisation,
                        network=network,
                        invited_by=invited_by,
                        site_url=settings.SITE_URL,
                        language=recipient_language(owner),
                    )
                except invitations.InvitationError as error:
                    raise MembershipError(str(error)) from None
            recipients = [
                person
                for person in organisation_recipients(membership)
                if person.email.lower() != email.strip().lower()
            ]
            send_membership_mail(
                template="invited",
                recipients=recipients,
                context={
                    "membership": membership,
                    "link": membership_link(membership),
                    "inviter": invited_by,
                    "message": message,
                },
            )
    except IntegrityError:
        raise MembershipError(_("This organisation was invited at the same moment. Check its membership.")) from None
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
        membership = _lock(membership)
        if not membership.may_respond(accepted_by):
            raise MembershipError(
                _("Only the organisation's representatives, or a person invited for it, can accept its invitation.")
            )
        if membership.status != MembershipStatus.INVITED:
            raise MembershipError(_("This organisation has no open invitation to this network."))
        old_level, old_status = membership.level, membership.status
        membership.status = MembershipStatus.ACTIVE
        membership.joined_on = timezone.localdate()
        membership.left_on = None
        membership.save(update_fields=["status", "joined_on", "left_on", "updated_at"])
        _record(membership=membership, old_level=old_level, old_status=old_status, changed_by=accepted_by)
        membership = membership_set_representatives(
            membership=membership, representative=representative or accepted_by, deputy=deputy
        )
        _grant_member_role(network=membership.network, users=[accepted_by])
        mail_coordinators(template="accepted", membership=membership, extra={"accepted_by": accepted_by})
    return membership
