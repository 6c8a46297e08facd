"""Who may do what in the directory: the rules in one place.

Seeing an organisation at all is :meth:`OrganisationQuerySet.visible_to` (the person's own organisations and
the members of their networks); a person, :meth:`portal.accounts.models.UserQuerySet.visible_to`. Beyond that:

- an organisation's ``edit`` (its details, logo and guidance services): the representatives and deputies of
  its established memberships, and the coordinators of the networks it is an established member of. Working
  for the organisation is not enough: people add affiliations to their own profiles themselves, so an
  affiliation proves nothing;
- a guidance service follows its organisation;
- a term of a network's expertise vocabulary (``edit``, ``delete``): the network's coordinators; portal-wide
  terms only administrators.
"""

from portal.lib.access import Access, Role


class OrganisationAccess(Access):
    def may_edit(self) -> bool:
        return self.obj.is_represented_by(self.user) or self.obj.is_coordinated_by(self.user)


class GuidanceServiceAccess(Access):
    def may_edit(self) -> bool:
        return self.obj.organisation.permits(self.user, "edit")


class ExpertiseAreaAccess(Access):
    def _curates(self) -> bool:
        if self.obj.network_id is None or not self.user.is_authenticated:
            return False
        return self.user.network_roles.filter(network_id=self.obj.network_id, role=Role.COORDINATOR).exists()

    def may_edit(self) -> bool:
        return self._curates()

    def may_delete(self) -> bool:
        return self._curates()
