"""The access protocol every domain shares: the vocabulary of rights, and one shape for the rules.

- :class:`Role` is a person's role in a network and :class:`MembershipStatus` where an organisation's
  membership stands. Every domain's rules are written in these words, so they live here, below all of them.
- :class:`Access` is the base of every domain's rules (``<domain>/access.py``): one object per person and
  object, asked ``permits(action)``; each action is a method ``may_<action>``. Unknown actions are refused.
- :class:`AccessMixin` gives a model ``access(user)`` (worked out once per instance and person) and
  ``permits(user, action)``, which :func:`portal.access.get_for_user` asks.

Who sees an object at all is its queryset's ``visible_to(user)`` (:mod:`portal.lib.querysets`); outsiders
get 404 before any rule is asked. The one superuser bypass is :func:`portal.access.unrestricted`.
"""

from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.access import unrestricted


class Role(models.TextChoices):
    """A person's role in a network."""

    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


# Roles that take part (create, propose, organise); observers only read.
TAKING_PART = (Role.COORDINATOR, Role.MEMBER)


class MembershipStatus(models.TextChoices):
    """Where an organisation's membership of a network stands."""

    APPLIED = "applied", _("Applied")
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left")
    REJECTED = "rejected", _("Rejected")


# Memberships a coordinator has approved and that have not ended: these carry rights.
ESTABLISHED = (MembershipStatus.ACTIVE, MembershipStatus.PAUSED)


class Access:
    """What one person may do with one object: ``permits(action)``.

    A subclass names its object (``obj`` is always there) and writes, per action, who may do it
    (``may_<action>``) and, where the object's state matters, when it can be done at all
    (``when_<action>``). An administrator with full rights (:func:`portal.access.unrestricted`) may do
    whatever the state allows, whoever they are; anybody else needs both. Unknown actions are refused. The
    rules are worked out with a query or two and kept for the life of the object (``cached_property``).
    """

    def __init__(self, obj, user):
        self.obj = obj
        self.user = user

    def permits(self, action: str) -> bool:
        when = getattr(self, f"when_{action}", None)
        if when is not None and not when():
            return False
        if unrestricted(self.user):
            return True
        rule = getattr(self, f"may_{action}", None)
        return bool(rule and rule())

    def may_view(self) -> bool:
        """Seeing the object was decided by its queryset's ``visible_to``: whoever got it may view it."""
        return True

    def rights(self, *actions: str) -> dict[str, bool]:
        """``{action: permits(action)}``, for a template's buttons (``may.manage``)."""
        return {action: self.permits(action) for action in actions}

    def is_user(self, user_id) -> bool:
        """Whether the person is the one with ``user_id`` (an organiser, an owner, a chair)."""
        return self.user.is_authenticated and user_id is not None and user_id == self.user.pk


class NetworkObjectAccess(Access):
    """Rules over an object that belongs to one network: the person's role in it is the basis of most of them."""

    @property
    def network(self):
        return self.obj.network

    @cached_property
    def role(self) -> str | None:
        """The person's role in the object's network, or None (one query, then kept)."""
        return self.network.role_of(self.user)

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def takes_part(self) -> bool:
        """Coordinators and members; observers only read."""
        return self.role in TAKING_PART


class AccessMixin:
    """Gives a model ``access(user)`` and ``permits(user, action)`` through its ``access_class``."""

    access_class: type[Access]

    def access(self, user) -> Access:
        """What ``user`` may do with this object, worked out once per instance and person."""
        cache = self.__dict__.setdefault("_access_cache", {})
        if user.pk not in cache:
            cache[user.pk] = self.access_class(self, user)
        return cache[user.pk]

    def permits(self, user, action: str) -> bool:
        return self.access(user).permits(action)
