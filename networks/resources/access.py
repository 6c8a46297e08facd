"""Who may do what in the resource library: the rules in one place.

Seeing a resource at all is its queryset's ``visible_to``: a public resource is for everyone (anonymous
visitors too), the others for the people of its network (a role in it); anyone else gets 404. Beyond that:

- adding a resource to a network is the network's ``take_part`` (coordinators and members; observers only read);
- a resource's ``edit`` and ``delete``, and uploading a new version of a document (``add_version``): the
  network's coordinators and the person who added it, while they take part in the network;
- ``publish`` (choosing who may read it: the network's people or anyone): the network's coordinators;
- ``see_library``, the network's whole library: the network's people;
- every version of a resource is downloadable by whoever may read the resource.
"""

from portal.lib.access import NetworkObjectAccess


class ResourceAccess(NetworkObjectAccess):
    def may_manage(self) -> bool:
        return self.is_coordinator or (self.takes_part and self.is_user(self.obj.added_by_id))

    def may_edit(self) -> bool:
        return self.may_manage()

    def may_delete(self) -> bool:
        return self.may_manage()

    def when_add_version(self) -> bool:
        return self.obj.kind == "document"

    def may_add_version(self) -> bool:
        return self.may_manage()

    def may_publish(self) -> bool:
        return self.is_coordinator

    def may_see_library(self) -> bool:
        """The network's library (where the resource page leads back to): the network's people."""
        return self.role is not None
