"""Who may do what with one shared goal (issue 5, part 6): the rules in one place.

Seeing a goal at all is :meth:`networks.models.goals.GoalQuerySet.visible_to` (the network's people and
the representatives of its established members; outsiders get 404). Beyond that:

- ``manage``: the network's coordinators: edit, open endorsement, move the status, indicators;
- ``answer``: the representative or deputy of an *active* member organisation (for that organisation
  only: the service checks the organisation, see :func:`networks.goal_services.endorsement_answer`);
- ``measure``: enter measurements of an indicator: its owner and the coordinators (:meth:`may_measure`);
- proposing a goal is :func:`may_propose` (coordinators and members; observers only read).
"""

from functools import cached_property

from django.db.models import Q

from portal.lib.access import MembershipStatus, Role


class GoalAccess:
    """What one person may do with one goal, worked out with a query or two and then kept."""

    def __init__(self, goal, user):
        self.goal = goal
        self.user = user

    @cached_property
    def role(self) -> str | None:
        return self.goal.network.role_of(self.user)

    @property
    def is_coordinator(self) -> bool:

        return self.role == Role.COORDINATOR

    @cached_property
    def answers_for(self) -> frozenset[int]:
        """The organisations the person may answer for: active members they represent or deputise."""
        from networks.memberships.models import Membership

        return frozenset(
            Membership.objects.filter(network_id=self.goal.network_id, status=MembershipStatus.ACTIVE)
            .filter(Q(representative=self.user) | Q(deputy=self.user))
            .values_list("organisation_id", flat=True)
        )

    def permits(self, action: str) -> bool:
        if action == "view":
            return True
        if action == "manage":
            return self.is_coordinator
        if action == "answer":
            return bool(self.answers_for)
        if action == "read_network":
            # what the network's people read (every meeting's records): a role in the network
            return self.role is not None
        if action == "measure":
            return self.is_coordinator or any(
                indicator.owner_id == self.user.pk for indicator in self.goal.indicators.all()
            )
        return False

    def may_measure(self, indicator) -> bool:
        return self.is_coordinator or (self.user.is_authenticated and indicator.owner_id == self.user.pk)


def may_propose(network, user) -> bool:
    """Coordinators and members of the network may propose goals; observers and outsiders may not."""

    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return network.role_of(user) in (Role.COORDINATOR, Role.MEMBER)
