"""People's roles in a network over time: a coordinator gives, changes and takes them; a role rests on a basis
and ends with it.

A role rests on the person working for one of the network's established (active or paused) member
organisations, or on a coordinator naming them as an individual expert, with a reason. When the basis ends
(the organisation's membership becomes *left*, or the person stops working for it) the role moves to another
member organisation the person works for, or else ends at once: the row is deleted, so every rule that asks
for the person's role finds none. django-pghistory's triggers keep every change (``NetworkRoleEvent``), with
who made it (the request's context) or why (``reason``, when the basis ended). Every change is e-mailed to the
person. A network keeps at least one coordinator: the roles page cannot take or change the last one.
"""

import hashlib

import pghistory
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from networks.memberships.models import Network, NetworkRole, RoleBasis
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED, Role
from portal.lib.errors import STALE_EDIT, DomainError, StaleEditError
from portal.lib.mail import send_personal_mail

# Why a role ended without anyone taking it (kept in the history's context, translated when shown).
ENDED_MEMBERSHIP_LEFT = gettext_noop("The organisation's membership of the network ended.")
ENDED_AFFILIATION = gettext_noop("The person no longer works for a member organisation of the network.")


def basis_organisation(*, network_id: int, user_id: int, prefer: int | None = None) -> Organisation | None:
    """A member organisation (established membership of the network) the person works for now, or None:
    ``prefer`` if it is one, else their primary organisation first, then by name."""
    affiliations = Affiliation.objects.filter(
        user_id=user_id,
        until__isnull=True,
        organisation__memberships__network_id=network_id,
        organisation__memberships__status__in=ESTABLISHED,
    ).select_related("organisation")
    if prefer is not None:
        preferred = affiliations.filter(organisation_id=prefer).first()
        if preferred is not None:
            return preferred.organisation
    first = affiliations.order_by("-primary", "organisation__name", "pk").first()
    return first.organisation if first else None


def role_defaults(*, network: Network, user: User, role: str = Role.MEMBER, prefer=None, reason: str = "") -> dict:
    """The fields of a new role the portal gives by itself (approving a membership, accepting an invitation,
    adding a contact): on the member organisation the person works for, else as an expert with ``reason``."""
    organisation = basis_organisation(network_id=network.pk, user_id=user.pk, prefer=prefer)
    if organisation is not None:
        return {"role": role, "basis": RoleBasis.ORGANISATION, "organisation": organisation, "basis_reason": ""}
    return {"role": role, "basis": RoleBasis.EXPERT, "organisation": None, "basis_reason": reason}


def _basis(*, network: Network, user: User, expert: bool, reason: str) -> dict:
    """The basis the coordinator asked for, or a refusal next to the field that is wrong."""
    reason = (reason or "").strip()
    if expert:
        if not reason:
            raise DomainError({"reason": _("Say why the person is named as an individual expert.")})
        return {"basis": RoleBasis.EXPERT, "organisation": None, "basis_reason": reason}
    organisation = basis_organisation(network_id=network.pk, user_id=user.pk)
    if organisation is None:
        raise DomainError(
            {
                "expert": _(
                    "%(person)s does not work for a member organisation of the network. "
                    "Name them as an individual expert, with the reason, or choose someone else."
                )
                % {"person": user}
            }
        )
    return {"basis": RoleBasis.ORGANISATION, "organisation": organisation, "basis_reason": ""}


def _lock_network(network: Network) -> None:
    """Two coordinators changing roles at once take turns (the last-coordinator rule counts the rows)."""
    Network.objects.select_for_update().filter(pk=network.pk).first()


def _keeps_a_coordinator(role: NetworkRole, new_role: str | None) -> None:
    if role.role != Role.COORDINATOR or new_role == Role.COORDINATOR:
        return
    others = NetworkRole.objects.filter(network_id=role.network_id, role=Role.COORDINATOR).exclude(pk=role.pk)
    if not others.exists():
        raise DomainError(
            _(
                "%(person)s is the network's last coordinator: give another person the coordinator's role "
                "first, then change or take this one."
            )
            % {"person": role.user}
        )


def _mail(*, network: Network, person: User, old: str | None, new: str | None, reason: str = "") -> None:
    """Tell the person what changed in their role (old/new: role values, None for none)."""
    send_personal_mail(
        template_prefix="networks/memberships/email/role_changed",
        recipients=[person],
        context={
            "network": network,
            "old_label": Role(old).label if old else "",
            "new_label": Role(new).label if new else "",
            "reason": reason,
            "link": settings.SITE_URL + reverse("networks:network_detail", kwargs={"slug": network.slug}),
        },
    )


def role_give(*, network: Network, user: User, role: str, expert: bool, reason: str, given_by: User) -> NetworkRole:
    """A coordinator gives a person without a role in the network a role, on a basis."""
    if role not in Role.values:
        raise DomainError({"role": _("Unknown role.")})
    with transaction.atomic():
        _lock_network(network)
        if NetworkRole.objects.filter(network=network, user=user).exists():
            raise DomainError({"user": _("This person already has a role in this network.")})
        basis = _basis(network=network, user=user, expert=expert, reason=reason)
        given = NetworkRole.objects.create(network=network, user=user, role=role, **basis)
        _mail(network=network, person=user, old=None, new=role)
    return given


def role_state(role: NetworkRole) -> str:
    """The role as a form showed it (role and basis), for refusing a save from a form opened before a change."""
    shown = f"{role.role}|{role.basis}|{role.organisation_id}|{role.basis_reason}"
    return hashlib.sha256(shown.encode()).hexdigest()[:20]


def role_change(
    *, role: NetworkRole, new_role: str, expert: bool, reason: str, changed_by: User, seen: str = ""
) -> NetworkRole:
    """A coordinator changes a person's role or its basis (the network keeps a coordinator). ``seen``: the
    :func:`role_state` the form was opened with; a save from a form opened before another change is refused."""
    if new_role not in Role.values:
        raise DomainError({"role": _("Unknown role.")})
    with transaction.atomic():
        _lock_network(role.network)
        locked = NetworkRole.objects.select_for_update().select_related("network", "user").filter(pk=role.pk).first()
        if locked is None:
            raise DomainError(_("This role has ended in the meantime."))
        if seen and seen != role_state(locked):
            raise StaleEditError(STALE_EDIT)
        _keeps_a_coordinator(locked, new_role)
        basis = _basis(network=locked.network, user=locked.user, expert=expert, reason=reason)
        old_role, old_basis = locked.role, (locked.basis, locked.organisation_id, locked.basis_reason)
        for field, value in {"role": new_role, **basis}.items():
            setattr(locked, field, value)
        locked.save(update_fields=["role", "basis", "organisation", "basis_reason"])
        if old_role != new_role or old_basis != (locked.basis, locked.organisation_id, locked.basis_reason):
            _mail(network=locked.network, person=locked.user, old=old_role, new=new_role)
    return locked


def role_take(*, role: NetworkRole, taken_by: User) -> None:
    """A coordinator takes a person's role in the network away (never the last coordinator's)."""
    with transaction.atomic():
        _lock_network(role.network)
        locked = NetworkRole.objects.select_for_update().select_related("network", "user").filter(pk=role.pk).first()
        if locked is None:
            return
        _keeps_a_coordinator(locked, None)
        locked.delete()
        _mail(network=locked.network, person=locked.user, old=locked.role, new=None)


def roles_recheck(roles, *, reason: str) -> list[NetworkRole]:
    """Roles whose member organisation may no longer carry them: each moves to another member organisation the
    person works for, or ends (deleted, with ``reason`` in the history and an e-mail). Runs inside the caller's
    transaction. Returns the roles ended."""
    ended = []
    with pghistory.context(reason=reason):
        for role in (
            roles.filter(basis=RoleBasis.ORGANISATION).select_for_update(of=("self",)).select_related("network", "user")
        ):
            organisation = basis_organisation(network_id=role.network_id, user_id=role.user_id)
            if organisation is not None:
                if organisation.pk != role.organisation_id:
                    role.organisation = organisation
                    role.save(update_fields=["organisation"])
                continue
            role.delete()
            ended.append(role)
            _mail(network=role.network, person=role.user, old=role.role, new=None, reason=reason)
    return ended


def roles_find_bases(roles, *, reason: str) -> None:
    """Roles made in bulk without a basis (the demo data): each rests on a member organisation its person works
    for, or stays an individual expert's with ``reason``."""
    for role in roles.filter(basis=RoleBasis.EXPERT, basis_reason=""):
        organisation = basis_organisation(network_id=role.network_id, user_id=role.user_id)
        if organisation is not None:
            role.basis, role.organisation = RoleBasis.ORGANISATION, organisation
        else:
            role.basis_reason = reason
        role.save(update_fields=["basis", "organisation", "basis_reason"])
