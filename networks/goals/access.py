"""Who may do what with a shared goal and its indicators: the rules in one place.

Seeing a goal at all is :meth:`networks.goals.models.GoalQuerySet.visible_to` (the network's people and the
representatives of its established members; outsiders get 404). Beyond that:

- a goal's ``manage`` (edit it, open endorsement, move its status, add and change its indicators): the
  network's coordinators;
- ``answer``: the representative or deputy of an *active* member organisation (for that organisation only:
  the service checks the organisation, see :func:`networks.goals.endorsement.endorsement_answer`);
- ``measure``: enter measurements of some indicator of the goal: the indicators' owners and the coordinators;
  an indicator's own ``measure`` (:class:`IndicatorAccess`): its owner and the coordinators;
- ``read_network``: read what the network's people read (every meeting's records): a role in the network;
- proposing a goal is the network's ``take_part`` (coordinators and members; observers only read).

- ``edit`` a goal that is not finished, ``delete`` a proposal never put to endorsement: the coordinators
  (an administrator too, but only in those states).
"""

from functools import cached_property

from django.db.models import Q

from networks.memberships.models import Membership
from portal.lib.access import MembershipStatus, NetworkObjectAccess


class GoalAccess(NetworkObjectAccess):
    @cached_property
    def answers_for(self) -> frozenset[int]:
        """The organisations the person may answer for: active members they represent or deputise."""
        if not self.user.is_authenticated:
            return frozenset()
        return frozenset(
            Membership.objects.filter(network_id=self.obj.network_id, status=MembershipStatus.ACTIVE)
            .filter(Q(representative=self.user) | Q(deputy=self.user))
            .values_list("organisation_id", flat=True)
        )

    def may_manage(self) -> bool:
        return self.is_coordinator

    def when_edit(self) -> bool:
        """An achieved or dropped goal no longer changes."""
        return not self.obj.is_finished

    def may_edit(self) -> bool:
        return self.is_coordinator

    def when_delete(self) -> bool:
        """A proposal never put to endorsement."""
        return self.obj.is_new_proposal

    def may_delete(self) -> bool:
        return self.is_coordinator

    def may_answer(self) -> bool:
        return bool(self.answers_for)

    def may_read_network(self) -> bool:
        return self.role is not None

    def may_measure(self) -> bool:
        return self.is_coordinator or any(self.is_user(indicator.owner_id) for indicator in self.obj.indicators.all())


class IndicatorAccess(NetworkObjectAccess):
    """Rules over one indicator: its goal's person's role, worked out once for the goal (``indicator.goal``)."""

    @property
    def network(self):
        return self.obj.goal.network

    @property
    def goal_access(self) -> GoalAccess:
        return self.obj.goal.access(self.user)

    @property
    def role(self) -> str | None:
        return self.goal_access.role

    def may_measure(self) -> bool:
        return self.is_coordinator or self.is_user(self.obj.owner_id)
