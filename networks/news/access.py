"""Who may do what with a network's news: the rules in one place.

Reading an item and its comments at all is its queryset's ``visible_to`` (the network's people: a role in the
network; outsiders get 404). Beyond that:

- ``post`` an item (asked of a new, unsaved item of the network): the network's coordinators always; its
  members only where the network allows them (``Network.members_may_post_news``); observers never;
- ``pin`` an item (it stays at the top of the network's news): the network's coordinators;
- an item's ``edit`` and ``delete``: the network's coordinators, and its author while they take part in the
  network (coordinators and members);
- ``comment`` on an item: the network's coordinators and members (observers only read);
- a comment's ``delete``: its author while they have a role in the network, and the network's coordinators
  (an item's ``moderate``: whether the person may delete anyone's comments on it).
"""

from portal.lib.access import NetworkObjectAccess, Role


class NewsItemAccess(NetworkObjectAccess):
    def may_post(self) -> bool:
        if self.is_coordinator:
            return True
        return self.role == Role.MEMBER and self.network.members_may_post_news

    def may_pin(self) -> bool:
        return self.is_coordinator

    def may_edit(self) -> bool:
        return self.is_coordinator or (self.takes_part and self.is_user(self.obj.author_id))

    def may_delete(self) -> bool:
        return self.may_edit()

    def may_comment(self) -> bool:
        return self.takes_part

    def may_moderate(self) -> bool:
        return self.is_coordinator


class CommentAccess(NetworkObjectAccess):
    def may_delete(self) -> bool:
        return self.is_coordinator or (self.role is not None and self.is_user(self.obj.author_id))
