"""Who may do what in the resource library: the rules in one place.

Seeing a resource at all is its queryset's ``visible_to``: a public resource is for everyone (anonymous
visitors too), the others for the people of its network (a role in it); anyone else gets 404. Beyond that:

- adding a resource to a network is the network's ``take_part`` (coordinators and members; observers only read);
- ``own``: the network's coordinators and the person who added it, while they take part in the network. They
  ``delete`` it, and while it is the network's own they ``edit`` it and upload a new version of a document
  (``add_version``);
- a public resource is changed (``edit``, ``add_version``) only by those who may ``publish`` it: what anyone
  reads is not changed without a coordinator;
- ``publish`` (choosing who may read it: the network's people or anyone): the network's coordinators;
- ``see_library``, the network's whole library, and with it a resource's tags that name the network's own
  things (its goals), who added it and every version of a document: the network's people. Those who read a
  resource only because it is public see its texts and download its current version.
"""

from portal.lib.access import NetworkObjectAccess


class ResourceAccess(NetworkObjectAccess):
    def may_own(self) -> bool:
        return self.is_coordinator or (self.takes_part and self.is_user(self.obj.added_by_id))

    def may_manage(self) -> bool:
        """Change what the resource says or holds: a public one, only those who may publish it."""
        return self.may_publish() if self.obj.is_public else self.may_own()

    def may_edit(self) -> bool:
        return self.may_manage()

    def may_delete(self) -> bool:
        return self.may_own()

    def when_add_version(self) -> bool:
        return self.obj.kind == "document"

    def may_add_version(self) -> bool:
        return self.may_manage()

    def may_publish(self) -> bool:
        return self.is_coordinator

    def may_see_library(self) -> bool:
        """The network's library (where the resource page leads back to): the network's people."""
        return self.role is not None
