"""The access protocol every domain's rules share: who (``may_``) and when (``when_``), the one bypass, and the
per-person cache on the object."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.lib.access import ESTABLISHED, Access, AccessMixin, MembershipStatus, NetworkObjectAccess, Role

pytestmark = pytest.mark.django_db


class DoorAccess(Access):
    """A door: its keeper opens it, and only while it is unlocked; anybody looks at it."""

    def may_open(self):
        return self.is_user(self.obj.keeper_id)

    def when_open(self):
        return not self.obj.locked

    def may_look(self):
        return True


class Door(AccessMixin):
    access_class = DoorAccess

    def __init__(self, *, keeper_id, locked=False):
        self.keeper_id, self.locked = keeper_id, locked


def test_an_action_needs_both_the_person_and_the_state(member, coordinator):
    door = Door(keeper_id=member.pk)
    assert door.permits(member, "open")
    assert not door.permits(coordinator, "open")  # not the keeper
    assert not Door(keeper_id=member.pk, locked=True).permits(member, "open")  # the state forbids it


def test_an_administrator_passes_whoever_they_are_but_never_past_the_state(admin_user):
    assert Door(keeper_id=None).permits(admin_user, "open")
    assert not Door(keeper_id=None, locked=True).permits(admin_user, "open")


def test_an_unknown_action_is_refused_except_to_an_administrator(member, admin_user):
    door = Door(keeper_id=member.pk)
    assert not door.permits(member, "paint")
    assert door.permits(admin_user, "paint")


def test_anonymous_visitors_are_nobody(member):
    door = Door(keeper_id=member.pk)
    assert not door.permits(AnonymousUser(), "open")
    assert door.permits(AnonymousUser(), "look")


def test_rights_are_worked_out_once_per_object_and_person(member, coordinator):
    door = Door(keeper_id=member.pk)
    assert door.access(member) is door.access(member)
    assert door.access(member) is not door.access(coordinator)
    assert door.access(member).rights("open", "look", "paint") == {"open": True, "look": True, "paint": False}


def test_a_network_object_asks_the_role_once(
    network, member, coordinator, observer, outsider, django_assert_num_queries
):
    thing = SimpleNamespace(network=network)
    access = NetworkObjectAccess(thing, coordinator)
    with django_assert_num_queries(1):
        assert access.role == Role.COORDINATOR
        assert access.is_coordinator and access.takes_part
    assert NetworkObjectAccess(thing, member).takes_part
    assert not NetworkObjectAccess(thing, observer).takes_part
    assert NetworkObjectAccess(thing, outsider).role is None


def test_established_memberships_are_the_active_and_paused_ones():
    assert set(ESTABLISHED) == {MembershipStatus.ACTIVE, MembershipStatus.PAUSED}
    assert {MembershipStatus.LEFT, MembershipStatus.REJECTED}.isdisjoint(ESTABLISHED)
