"""Who may do what with a network and its memberships: the rules in one place.

Seeing a network at all is :meth:`NetworkQuerySet.visible_to` (the people with a role in it); a membership,
:meth:`MembershipQuerySet.visible_to`. Beyond that:

- a network's ``edit`` (its details, vocabulary, contacts, the import) and ``invite`` (people, for its
  member organisations): its coordinators;
- ``manage_roles`` (give, change and take people's roles in it, :mod:`networks.memberships.roles`): its
  coordinators;
- ``take_part`` (propose goals, organise meetings and find times): its coordinators and members; observers
  only read;
- a membership's ``manage`` (change, name the representatives): the network's coordinators, who also
  ``approve`` an application or invitation and ``reject`` an application; ``respond`` (answer for the
  organisation, :meth:`Membership.may_respond`) and ``accept`` an open invitation.
"""

from portal.lib.access import NetworkObjectAccess, Role


class NetworkAccess(NetworkObjectAccess):
    @property
    def network(self):
        return self.obj

    def may_view(self) -> bool:
        return self.role is not None

    def may_edit(self) -> bool:
        return self.is_coordinator

    def may_invite(self) -> bool:
        return self.is_coordinator

    def may_take_part(self) -> bool:
        return self.takes_part

    def may_manage_roles(self) -> bool:
        return self.is_coordinator


class MembershipAccess(NetworkObjectAccess):
    def may_manage(self) -> bool:
        return self.role == Role.COORDINATOR

    def when_approve(self) -> bool:
        """An application or an invitation."""
        return self.obj.is_pending

    def may_approve(self) -> bool:
        return self.may_manage()

    def when_reject(self) -> bool:
        """An application (an invitation is answered by the organisation)."""
        return self.obj.is_applied

    def may_reject(self) -> bool:
        return self.may_manage()

    def may_respond(self) -> bool:
        return self.obj.may_respond(self.user)

    def when_accept(self) -> bool:
        """An open invitation."""
        return self.obj.is_invited

    def may_accept(self) -> bool:
        return self.may_respond()
