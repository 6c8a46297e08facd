"""Who may do what with one partner agreement (issue 4, part 10): the rules in one place."""

from functools import cached_property

from django.db.models import Q

from portal.lib.access import ESTABLISHED, Role


class AgreementAccess:
    """What one person may do with one agreement, worked out with two queries and then kept.

    - ``manage``: the network's coordinators: create, edit, move through the lifecycle, documents;
    - ``details``: commitments, documents and parties' own objectives: coordinators, the parties'
      representatives, and (when the coordinator shares them) every member of the network;
    - ``history``: the coordinators;
    - signing a party is :meth:`may_sign`: its representative or deputy, or a coordinator.
    """

    def __init__(self, agreement, user):
        self.agreement = agreement
        self.user = user

    @cached_property
    def role(self) -> str | None:
        return self.agreement.network.role_of(self.user)

    @cached_property
    def represented_organisation_ids(self) -> frozenset[int]:
        """The parties' organisations the person represents in the agreement's network."""
        from networks.memberships.models import Membership

        return frozenset(
            Membership.objects.filter(
                network_id=self.agreement.network_id,
                status__in=ESTABLISHED,
                organisation__in=self.agreement.parties.values("organisation"),
            )
            .filter(Q(representative=self.user) | Q(deputy=self.user))
            .values_list("organisation_id", flat=True)
        )

    @property
    def is_coordinator(self) -> bool:

        return self.role == Role.COORDINATOR

    def permits(self, action: str) -> bool:
        if action == "view":
            return True
        if action in {"manage", "history"}:
            return self.is_coordinator
        if action == "details":
            return (
                self.is_coordinator
                or bool(self.represented_organisation_ids)
                or (self.agreement.share_details and self.role is not None)
            )
        return False

    def may_sign(self, party) -> bool:
        return self.is_coordinator or party.organisation_id in self.represented_organisation_ids
