"""Who may do what with a glossary term: the rules in one place.

Seeing a term at all is :meth:`networks.glossary.models.TermQuerySet.visible_to` (the network's people: a role
in the network; outsiders get 404). Proposing a term is the network's ``take_part`` (coordinators and members;
observers only read). Beyond that:

- ``edit`` a term that is not retired: the network's coordinators, and the person who proposed it while it is
  still a proposal and they take part in the network;
- ``retire`` a term, ``open`` a round of endorsement on a proposal (or again on a term not agreed): the
  coordinators;
- ``answer`` an open round: the representative or deputy of an *active* member organisation, for that
  organisation only (the service checks the organisation);
- ``comment``: coordinators and members.
"""

from functools import cached_property

from django.db.models import Q

from portal.lib.access import MembershipStatus, NetworkObjectAccess


class TermAccess(NetworkObjectAccess):
    @cached_property
    def answers_for(self) -> frozenset[int]:
        """The organisations the person may answer for: active members they represent or deputise."""
        from networks.memberships.models import Membership

        if not self.user.is_authenticated:
            return frozenset()
        return frozenset(
            Membership.objects.filter(network_id=self.obj.network_id, status=MembershipStatus.ACTIVE)
            .filter(Q(representative=self.user) | Q(deputy=self.user))
            .values_list("organisation_id", flat=True)
        )

    def when_edit(self) -> bool:
        return self.obj.status != "retired"

    def may_edit(self) -> bool:
        if self.is_coordinator:
            return True
        return self.takes_part and self.obj.status == "proposed" and self.is_user(self.obj.proposed_by_id)

    def when_retire(self) -> bool:
        return self.obj.status != "retired"

    def may_retire(self) -> bool:
        return self.is_coordinator

    def when_open(self) -> bool:
        return self.obj.status in ("proposed", "not_agreed")

    def may_open(self) -> bool:
        return self.is_coordinator

    def when_answer(self) -> bool:
        return self.obj.status in ("proposed", "not_agreed")

    def may_answer(self) -> bool:
        return bool(self.answers_for)

    def when_comment(self) -> bool:
        return self.obj.status != "retired"

    def may_comment(self) -> bool:
        return self.takes_part
