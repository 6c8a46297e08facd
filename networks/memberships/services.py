"""Writes of networks and memberships: a network's details; a membership's level, status and representatives;
the coordinators' decisions on applications; importing a network's organisations from a file. Joining (apply,
invite, accept) is :mod:`networks.memberships.joining`."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships.importing import check_against_database, validate_rows
from networks.memberships.mail import (
    mail_organisation,
)
from networks.memberships.models import Membership, MembershipChange, MembershipLevel, Network, NetworkRole
from networks.memberships.roles import role_defaults
from partners.directory.models import Organisation
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED, MembershipStatus
from portal.lib.errors import DomainError, StaleEditError, check_version
from portal.lib.slugs import free_slugs
from portal.lib.translated import column_names
from portal.search import index as search_index
from portal.search.models import SearchKind

# What a network's coordinators may change (the MFA requirement is the administrators' decision).
# The name and the description in each language (``name`` and ``description``: the reader's language).
NETWORK_FIELDS = (*column_names("name"), *column_names("description"), "regions", "field", "is_public")
NETWORK_FIELDS += ("public_description", "trust_threshold")
NETWORK_FIELDS += ("members_may_post_news", "embed_origins", "accept_provider_mfa")


def network_update(*, network: Network, data: dict, logo=None, version=None) -> Network:
    """Save a network's details (``NETWORK_FIELDS`` in ``data``, validated by the form).

    ``logo``: a new upload replaces the logo, ``False`` removes it, ``None`` leaves it; a replaced
    file is deleted from storage once the change is committed. ``version``: the network's when the form was
    opened; a stale one raises :class:`~portal.lib.errors.StaleEditError` and nothing is saved.
    """
    unknown = set(data) - {*NETWORK_FIELDS, "name", "description"}
    if unknown:
        raise TypeError(f"network_update() cannot change {sorted(unknown)}")
    with transaction.atomic():
        check_version(Network.objects.select_for_update().get(pk=network.pk), version)
        for field, value in data.items():
            setattr(network, field, value)
        fields = list(data)
        old_logo = network.logo.name
        if logo is not None:
            network.logo = logo or ""
            fields.append("logo")
        network.save(update_fields=[*fields, "updated_at"])
        if "logo" in fields and old_logo and old_logo != network.logo.name:
            storage = network.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return network


# --- membership on the collaboration continuum -------------------------------------------------------
#
# Every change of a membership's level or status writes a MembershipChange in the same transaction,
# with the membership row locked (select_for_update), so two coordinators acting at once cannot lose
# a change: the second one waits and then sees (and records) what the first one did. Each step e-mails
# the people concerned through the send_email task once the transaction commits, each person in their
# own language.


def lock_membership(membership: Membership) -> Membership:
    """The membership row, locked until the surrounding transaction ends, with what the mails need."""
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("network", "organisation", "representative", "deputy")
        .get(pk=membership.pk)
    )


def record_change(
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


def applicant_of(membership: Membership) -> User | None:
    """Who made the membership's latest application."""
    change = (
        membership.changes.filter(new_status=MembershipStatus.APPLIED)
        .select_related("changed_by")
        .order_by("-changed_at", "-pk")
        .first()
    )
    return change.changed_by if change else None


def is_current_staff(organisation: Organisation, user: User | None) -> bool:
    return user is not None and organisation.is_staff_member(user)


def grant_member_role(*, network: Network, users, organisation: Organisation) -> None:
    """The named people become members of the network, on ``organisation`` (a role they already have is kept)."""
    for user in users:
        if user is not None and not user.is_contact:
            defaults = role_defaults(
                network=network, user=user, prefer=organisation.pk, reason=_("Named by a coordinator")
            )
            NetworkRole.objects.get_or_create(network=network, user=user, defaults=defaults)


def membership_approve(*, membership: Membership, approved_by: User, reason: str = "") -> Membership:
    """An application or invitation becomes an active membership, joined today."""
    with transaction.atomic():
        membership = lock_membership(membership)
        if membership.status not in (MembershipStatus.APPLIED, MembershipStatus.INVITED):
            raise DomainError(_("Only an application or an invitation can be approved."))
        old_level, old_status = membership.level, membership.status
        membership.status = MembershipStatus.ACTIVE
        membership.joined_on = timezone.localdate()
        membership.left_on = None
        membership.save(update_fields=["status", "joined_on", "left_on", "updated_at"])
        record_change(
            membership=membership, old_level=old_level, old_status=old_status, changed_by=approved_by, reason=reason
        )
        if membership.representative_id is None and old_status == MembershipStatus.APPLIED:
            # The applicant becomes the representative, now that a coordinator has accepted them.
            applicant = applicant_of(membership)
            if is_current_staff(membership.organisation, applicant):
                membership.representative = applicant
                membership.save(update_fields=["representative", "updated_at"])
        grant_member_role(
            network=membership.network,
            users=[membership.representative, membership.deputy],
            organisation=membership.organisation,
        )
        mail_organisation(template="approved", membership=membership)
    return membership


def membership_reject(*, membership: Membership, rejected_by: User, reason: str) -> Membership:
    """An application is rejected; the reason is required and goes to the organisation."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for the rejection."))
    with transaction.atomic():
        membership = lock_membership(membership)
        if membership.status != MembershipStatus.APPLIED:
            raise DomainError(_("Only an application can be rejected."))
        old_level, old_status = membership.level, membership.status
        membership.status = MembershipStatus.REJECTED
        membership.save(update_fields=["status", "updated_at"])
        record_change(
            membership=membership, old_level=old_level, old_status=old_status, changed_by=rejected_by, reason=reason
        )
        mail_organisation(template="rejected", membership=membership, extra={"reason": reason})
    return membership


# Statuses a coordinator sets by changing a membership; the others have their own steps
# (apply, invite, approve, reject).
CHANGEABLE_STATUSES = (MembershipStatus.ACTIVE, MembershipStatus.PAUSED, MembershipStatus.LEFT)


def _check_change(membership: Membership, *, new_level: str, new_status: str, reason: str) -> None:
    """Refuse a change a coordinator may not make by changing the membership (see ``CHANGEABLE_STATUSES``)."""
    if new_level not in MembershipLevel.values:
        raise DomainError(_("Unknown membership level."))
    if new_status != membership.status:
        if new_status not in CHANGEABLE_STATUSES:
            raise DomainError(_("This status is set by approving, rejecting or inviting, not by a change."))
        if membership.status not in CHANGEABLE_STATUSES:
            raise DomainError(_("Approve or reject the application or invitation first."))
    if not reason:
        raise DomainError(_("Give the reason for the change."))


def _new_period(membership: Membership, *, new_status: str) -> list[str]:
    """Set the dates a change of status moves: leaving sets the leaving date; coming back from ``left`` starts a
    new membership period today. Returns the fields changed."""
    today = timezone.localdate()
    if new_status == MembershipStatus.LEFT and membership.status != MembershipStatus.LEFT:
        membership.left_on = today
        if membership.joined_on and membership.joined_on > today:
            membership.joined_on = today
            return ["joined_on", "left_on"]
        return ["left_on"]
    if membership.status == MembershipStatus.LEFT and new_status != MembershipStatus.LEFT:
        membership.joined_on = today  # a new membership period
        membership.left_on = None
        return ["joined_on", "left_on"]
    return []


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
        membership = lock_membership(membership)
        if seen_updated_at is not None and membership.updated_at != seen_updated_at:
            raise StaleEditError(
                _("Someone else changed this membership while you were editing it. Check the changes and try again.")
            )
        new_level = level or membership.level
        new_status = status or membership.status
        if new_level == membership.level and new_status == membership.status:
            return membership
        _check_change(membership, new_level=new_level, new_status=new_status, reason=reason)
        old_level, old_status = membership.level, membership.status
        fields = ["level", "status", "updated_at", *_new_period(membership, new_status=new_status)]
        membership.level = new_level
        membership.status = new_status
        membership.save(update_fields=fields)
        record_change(
            membership=membership, old_level=old_level, old_status=old_status, changed_by=changed_by, reason=reason
        )
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
        raise DomainError(_("The representative and the deputy must be different people."))
    with transaction.atomic():
        membership = lock_membership(membership)
        if (representative or deputy) and membership.status not in ESTABLISHED:
            # Naming someone for an application or invitation would let them speak for the organisation
            # before a coordinator (or the organisation itself) has agreed to the membership.
            raise DomainError(_("Representatives are named once the membership is active."))
        for person in (representative, deputy):
            if person is not None and not is_current_staff(membership.organisation, person):
                raise DomainError(
                    _("%(person)s does not work for %(organisation)s.")
                    % {"person": person, "organisation": membership.organisation}
                )
        membership.representative = representative
        membership.deputy = deputy
        membership.save(update_fields=["representative", "deputy", "updated_at"])
        if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
            grant_member_role(
                network=membership.network, users=[representative, deputy], organisation=membership.organisation
            )
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


# --- importing a network's organisations from a file ---------------------------------------------------


class OrganisationImportError(DomainError):
    """The rows cannot be imported (any more); ``rows`` carry the errors found. The message is for the user."""

    def __init__(self, message, *, rows=()):
        super().__init__(message)
        self.rows = list(rows)


def organisations_import(*, network, rows, imported_by) -> list[Organisation]:
    """Create the organisations of checked import rows, all or none, as active members of ``network``.

    The rows are checked again here, inside the transaction and with the network locked (two
    imports into one network run one after the other): something may have changed since the
    preview. A row for an existing organisation only adds its membership. Every membership gets a
    MembershipChange by ``imported_by``. Returns the organisations created.
    """
    try:
        with transaction.atomic():
            Network.objects.select_for_update().filter(pk=network.pk).first()
            rows = check_against_database(validate_rows(rows), network=network, user=imported_by)
            if not rows or any(row.errors for row in rows):
                raise OrganisationImportError(
                    _("The file has errors now: nothing was saved. Correct the file and upload it again."), rows=rows
                )
            new_rows = [row for row in rows if row.existing_pk is None]
            slugs = free_slugs(Organisation, [row.data["name_fi"] for row in new_rows], fallback="organisation")
            created = Organisation.objects.bulk_create(
                [Organisation(slug=slug, **row.data) for slug, row in zip(slugs, new_rows, strict=True)],
                batch_size=500,
            )
            _add_imported_members(network=network, rows=rows, created=created, imported_by=imported_by)
            # bulk_create sends no signals: the search index learns of the new organisations here.
            search_index.reindex_later(SearchKind.ORGANISATION, [organisation.pk for organisation in created])
    except IntegrityError:
        # Someone saved the same business ID or name at the same moment: nothing of this import stays.
        raise OrganisationImportError(
            _("Someone changed the same organisations at the same moment: nothing was saved. Try again.")
        ) from None
    return created


def _add_imported_members(*, network, rows, created, imported_by) -> None:
    """Every row's organisation (an existing one, or the next one created) becomes an active member, with a
    MembershipChange by ``imported_by``."""
    organisation_pks = iter(organisation.pk for organisation in created)
    today = timezone.localdate()
    memberships = Membership.objects.bulk_create(
        [
            Membership(
                network=network,
                organisation_id=row.existing_pk or next(organisation_pks),
                level=row.level,
                status=MembershipStatus.ACTIVE,
                joined_on=today,
            )
            for row in rows
        ],
        batch_size=500,
    )
    reason = _("Imported")
    MembershipChange.objects.bulk_create(
        [
            MembershipChange(
                membership=membership,
                network=network,
                changed_by=imported_by,
                new_level=membership.level,
                new_status=membership.status,
                reason=reason,
            )
            for membership in memberships
        ],
        batch_size=500,
    )
