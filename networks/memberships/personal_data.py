"""The memberships' share of a person's data: their roles in networks, the memberships they represent an
organisation in, and the membership changes they made (see :mod:`portal.lib.personal_data`).

Erasure ends the roles and clears the person as a representative or deputy; the changes they made stay in
the networks' history, attributed to the removed-user marker. The only coordinator of a network is not
erased until the network has another one: a network without a coordinator could not be run.
"""

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from networks.memberships.models import (
    Membership,
    MembershipChange,
    MembershipLevel,
    Network,
    NetworkRole,
)
from portal.lib.access import MembershipStatus, Role
from portal.lib.personal_data import register, rows
from portal.lib.translated import with_languages

# the role history django-pghistory writes (see networks.memberships.history)
NetworkRoleEvent = apps.get_model("networks", "NetworkRoleEvent")


def export(user):
    represented = Membership.objects.filter(Q(representative=user) | Q(deputy=user)).order_by("pk")
    return {
        "roles": rows(NetworkRole.objects.filter(user=user).order_by("network__name"), "network__name", "role"),
        "role_history": rows(
            NetworkRoleEvent.objects.filter(user=user).order_by("pgh_created_at", "pk"),
            "pgh_created_at",
            "pgh_label",
            "network__name",
            "role",
            "basis",
            "basis_reason",
        ),
        "representing": (
            {
                "network": membership["network__name"],
                "organisation": membership["organisation__name"],
                "as": "representative" if membership["representative_id"] == user.pk else "deputy",
            }
            for membership in rows(represented, "network__name", "organisation__name", "representative_id", "deputy_id")
        ),
        "membership_changes_made": rows(
            MembershipChange.objects.filter(changed_by=user).order_by("changed_at", "pk"),
            "network__name",
            "membership__organisation__name",
            "changed_at",
            "old_level",
            "new_level",
            "old_status",
            "new_status",
            "reason",
        ),
    }


def refuse(user):
    coordinated = Network.objects.filter(roles__user=user, roles__role=Role.COORDINATOR)
    alone = Network.objects.filter(pk__in=coordinated.values("pk")).annotate(
        coordinators=Count("roles", filter=Q(roles__role=Role.COORDINATOR))
    )
    return [
        _("%(network)s has no other coordinator: name another coordinator first.") % {"network": network.name}
        for network in alone.filter(coordinators=1).order_by("name")
    ]


def erase(user):
    NetworkRole.objects.filter(user=user).delete()
    # the history of their roles stays (who had which role when), without what was written about them
    NetworkRoleEvent.objects.filter(user=user).update(basis_reason="")
    Membership.objects.filter(representative=user).update(representative=None)
    Membership.objects.filter(deputy=user).update(deputy=None)


register(
    name="memberships",
    title=gettext_lazy("Networks and roles"),
    order=30,
    fields=[
        (NetworkRole, ["user", "basis_reason"]),
        (NetworkRoleEvent, ["user", "basis_reason"]),
        (Membership, ["representative", "deputy"]),
        (MembershipChange, ["changed_by", "reason"]),
    ],
    export=export,
    erase=erase,
    refuse=refuse,
    choices={
        "role": Role,
        "old_level": MembershipLevel,
        "new_level": MembershipLevel,
        "old_status": MembershipStatus,
        "new_status": MembershipStatus,
    },
    sections={
        "roles": gettext_lazy("Roles in networks"),
        "role_history": gettext_lazy("The history of your roles"),
        "representing": gettext_lazy("Representing an organisation"),
        "membership_changes_made": gettext_lazy("Membership changes you made"),
    },
    not_personal=[
        (Network, with_languages("name"), "a network's name"),
        (Membership, ["application_note"], "an organisation's application, not a person's"),
    ],
)
