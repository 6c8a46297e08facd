"""Who may do what with a partner agreement: the rules in one place.

Seeing an agreement at all is :meth:`partners.agreements.models.AgreementQuerySet.visible_to`: the people with a
role in its network, and the representatives and deputies of its parties; outsiders get 404. Beyond that, each
action is who may do it (``may_<action>``) and, where the agreement's state matters, when it can be done at all
(``when_<action>``, for everyone, administrators too):

- ``manage``: the network's coordinators: its documents, and the pages of the steps below. What the agreement's
  page offers them depends on its state: ``edit`` the text, a party's details and commitments (not once
  expired or terminated), ``edit_parties`` (add and remove them: a draft or in negotiation),
  ``send_for_signing`` and ``delete`` (a draft), ``back_to_draft`` (in negotiation), ``terminate`` (in
  negotiation or in force) and ``renew`` (in force or expired, and not renewed yet);
- ``details`` (commitments, documents, amendments and the parties' own objectives): the coordinators, the
  parties' representatives and deputies, and every member of the network when the coordinator shares them;
- ``history``: the coordinators;
- signing for a party (:meth:`AgreementAccess.may_sign`, which takes the party): its representative or deputy,
  or a coordinator; the page offers it (:meth:`AgreementAccess.offers_signing`) in negotiation until it signed.

The rules read the agreement's state through its properties (``agreement.is_draft`` …): this module imports no
model of the domain (the models import it).
"""

from functools import cached_property

from django.db.models import Q

from portal.access import unrestricted
from portal.lib.access import ESTABLISHED, NetworkObjectAccess

# The rights the agreement's page and its parts show their sections and buttons by (``may.terminate`` …).
AGREEMENT_PAGE = (
    "manage",
    "details",
    "history",
    "edit",
    "edit_parties",
    "send_for_signing",
    "back_to_draft",
    "delete",
    "terminate",
    "renew",
)


class AgreementAccess(NetworkObjectAccess):
    """What one person may do with one agreement: the role in its network and the organisations the person
    represents are worked out with a query each, then kept."""

    @cached_property
    def represented_organisation_ids(self) -> frozenset[int]:
        """The parties' organisations the person represents in the agreement's network."""
        if not self.user.is_authenticated:
            return frozenset()
        return frozenset(
            self.network.memberships.filter(
                status__in=ESTABLISHED, organisation__in=self.obj.parties.values("organisation")
            )
            .filter(Q(representative=self.user) | Q(deputy=self.user))
            .values_list("organisation_id", flat=True)
        )

    def may_manage(self) -> bool:
        return self.is_coordinator

    def may_details(self) -> bool:
        return (
            self.is_coordinator
            or bool(self.represented_organisation_ids)
            or (self.obj.share_details and self.role is not None)
        )

    def may_history(self) -> bool:
        return self.is_coordinator

    # --- the steps of the lifecycle: whoever manages the agreement, from the states each starts from ---

    def when_edit(self) -> bool:
        """Not expired or terminated (in force, a change is an amendment)."""
        return not self.obj.is_closed

    def may_edit(self) -> bool:
        return self.may_manage()

    def when_edit_parties(self) -> bool:
        """A draft or in negotiation: in force, the parties change by renewing."""
        return self.obj.is_open

    def may_edit_parties(self) -> bool:
        return self.may_manage()

    def when_send_for_signing(self) -> bool:
        return self.obj.is_draft

    def may_send_for_signing(self) -> bool:
        return self.may_manage()

    def when_back_to_draft(self) -> bool:
        return self.obj.is_in_negotiation

    def may_back_to_draft(self) -> bool:
        return self.may_manage()

    def when_delete(self) -> bool:
        """A draft: anything later is terminated instead."""
        return self.obj.is_draft

    def may_delete(self) -> bool:
        return self.may_manage()

    def when_terminate(self) -> bool:
        return self.obj.is_terminable

    def may_terminate(self) -> bool:
        return self.may_manage()

    def when_renew(self) -> bool:
        """In force or expired, and no next version yet."""
        return self.obj.is_renewable and not self.obj.is_renewed

    def may_renew(self) -> bool:
        return self.may_manage()

    # --- signing for one party ----------------------------------------------------------------------

    def may_sign(self, party) -> bool:
        """Recording ``party``'s signature: its representative or deputy, or a coordinator."""
        return self.is_coordinator or party.organisation_id in self.represented_organisation_ids

    def permits_signing(self, party) -> bool:
        """:meth:`may_sign`, administrators always: what views ask (``permits`` takes no party)."""
        return unrestricted(self.user) or self.may_sign(party)

    def offers_signing(self, party) -> bool:
        """The "Sign for" button of ``party``: the agreement is in negotiation, the party has not signed yet, and
        the person may sign for it."""
        return self.obj.is_in_negotiation and not party.has_signed and self.permits_signing(party)
