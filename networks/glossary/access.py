"""Who may do what with a glossary term: the rules in one place.

Seeing a term at all is :meth:`networks.glossary.models.TermQuerySet.visible_to`, as for the network's goals:
the network's people (a role in the network) and the representatives and deputies of its established member
organisations, who are asked to endorse its terms; outsiders get 404. Proposing a term is the network's
``take_part`` (coordinators and members; observers only read). Beyond that:

- ``edit`` a term that is not retired: the network's coordinators, and the person who proposed it while it is
  still a proposal, they take part in the network and no round of endorsement is open on it (a change ends
  the round and discards its answers: while it is open only a coordinator decides that; the proposer is
  told so, :meth:`TermAccess.edit_waits_for_round`);
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

    @cached_property
    def under_endorsement(self) -> bool:
        """Whether a round of endorsement is open on the term (one query, then kept)."""
        return self.obj.rounds.open().exists()

    def _proposer_of_proposal(self) -> bool:
        return self.is_user(self.obj.proposed_by_id) and self.obj.status == "proposed" and self.takes_part

    def may_edit(self) -> bool:
        if self.is_coordinator:
            return True
        return self._proposer_of_proposal() and not self.under_endorsement

    def edit_waits_for_round(self) -> bool:
        """The proposer, who may edit the proposal again once the open round of endorsement has closed."""
        return not self.is_coordinator and self._proposer_of_proposal() and self.under_endorsement

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
