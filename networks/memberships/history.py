"""The history of a network's roles, as django-pghistory's triggers recorded it, told in words.

Reading it takes three queries whatever its length: the events with their context, the people named in them
(the person and whoever made the change) and the member organisations named in them.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext as _

from networks.memberships.models import Network, RoleBasis
from partners.directory.models import Organisation
from portal.accounts.models import User
from portal.lib.access import Role

HISTORY_SHOWN = 30


@dataclass
class RoleEntry:
    """One change of a role: when, by whom (or why), whose, and what it became."""

    when: datetime.datetime
    who: str
    person: str
    action: str  # given, changed or ended
    role: str
    old_role: str
    basis: str
    reason: str

    @property
    def label(self) -> str:
        return {"insert": _("Role given"), "update": _("Role changed"), "delete": _("Role ended")}[self.action]


def _basis_text(event, organisations) -> str:
    if event.basis == RoleBasis.EXPERT:
        return _("Individual expert: %(reason)s") % {"reason": event.basis_reason} if event.basis_reason else ""
    organisation = organisations.get(event.organisation_id)
    return _("Works for %(organisation)s") % {"organisation": organisation.name if organisation else "?"}


def role_history(*, network: Network, limit: int = HISTORY_SHOWN) -> list[RoleEntry]:
    """The latest changes of the network's roles, newest first."""
    event_model = apps.get_model("networks", "NetworkRoleEvent")
    events = list(
        event_model.objects.filter(network_id=network.pk)
        .select_related("pgh_context")
        .order_by("-pgh_created_at", "-pgh_id")[:limit]
    )
    metadata = {event.pgh_id: (event.pgh_context.metadata if event.pgh_context else {}) for event in events}
    user_ids = {event.user_id for event in events} | {
        data["user"] for data in metadata.values() if isinstance(data.get("user"), int)
    }
    people = User.objects.in_bulk(user_ids)
    organisations = Organisation.objects.only("name").in_bulk({e.organisation_id for e in events} - {None})
    entries = []
    for index, event in enumerate(events):
        data = metadata[event.pgh_id]
        older = next((e for e in events[index + 1 :] if e.pgh_obj_id == event.pgh_obj_id), None)
        actor = people.get(data.get("user"))
        entries.append(
            RoleEntry(
                when=event.pgh_created_at,
                who=str(actor) if actor else "",
                person=str(people.get(event.user_id, "?")),
                action=event.pgh_label,
                role=Role(event.role).label,
                old_role=Role(older.role).label if older and older.role != event.role else "",
                basis=_basis_text(event, organisations),
                reason=_(data["reason"]) if data.get("reason") else "",
            )
        )
    return entries
