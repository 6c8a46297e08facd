"""Changing a membership through the services: its level and status, kept with who, when and why and mailed;
its representatives."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from networks.memberships import services
from networks.memberships.models import MembershipLevel
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.memberships.membership_helpers import changes_of

L = MembershipLevel
S = MembershipStatus


@pytest.fixture(autouse=True)
def _english():
    """Service errors are checked in English (the default language is Finnish)."""
    with translation.override("en"):
        yield


# --- change level and status ----------------------------------------------------------------------


@pytest.mark.django_db
def test_change_of_level_is_kept_with_who_when_why_and_mailed(active, member, coordinator, commit):
    before = timezone.now()
    with commit():
        services.membership_change(
            membership=active, changed_by=coordinator, level=L.COORDINATION, reason="Yhteinen malli"
        )
    active.refresh_from_db()
    assert active.level == L.COORDINATION
    [change] = changes_of(active)
    assert (change.old_level, change.new_level, change.old_status, change.new_status) == (
        L.COOPERATION,
        L.COORDINATION,
        S.ACTIVE,
        S.ACTIVE,
    )
    assert change.changed_by == coordinator
    assert change.reason == "Yhteinen malli"
    assert change.changed_at >= before - datetime.timedelta(seconds=5)
    [message] = mail.outbox
    assert message.to == [member.email]  # the representative
    assert "Yhteinen malli" in message.body


@pytest.mark.django_db
def test_change_mail_goes_to_staff_in_the_network_when_no_representative(
    network, organisation, coordinator, member, commit
):
    membership = network.memberships.get(organisation=organisation)
    membership.representative = None  # the cast's member represents the organisation: not here
    membership.save(update_fields=["representative"])
    outside_the_network = factories.UserFactory()
    factories.AffiliationFactory(user=outside_the_network, organisation=organisation, primary=False)
    with commit():
        services.membership_change(membership=membership, changed_by=coordinator, status=S.PAUSED, reason="Tauko")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([coordinator.email, member.email])  # the cast's staff with a role here


@pytest.mark.django_db
def test_change_needs_a_reason_and_a_settable_status(active, application, coordinator):
    with pytest.raises(DomainError, match="reason"):
        services.membership_change(membership=active, changed_by=coordinator, level=L.STRATEGIC, reason=" ")
    with pytest.raises(DomainError):
        services.membership_change(membership=active, changed_by=coordinator, status=S.APPLIED, reason="x")
    with pytest.raises(DomainError):
        services.membership_change(membership=application, changed_by=coordinator, status=S.ACTIVE, reason="x")
    with pytest.raises(DomainError):
        services.membership_change(membership=active, changed_by=coordinator, level="galactic", reason="x")
    assert changes_of(active) == []
    # Nothing changed, nothing recorded (no reason needed).
    services.membership_change(membership=active, changed_by=coordinator, level=active.level, reason="")
    assert changes_of(active) == []


@pytest.mark.django_db
def test_leaving_sets_the_date_and_coming_back_starts_a_new_period(active, coordinator):
    active.joined_on = datetime.date(2020, 1, 1)
    active.save()
    services.membership_change(membership=active, changed_by=coordinator, status=S.LEFT, reason="Lopetti")
    active.refresh_from_db()
    assert active.left_on == timezone.localdate()
    services.membership_change(membership=active, changed_by=coordinator, status=S.ACTIVE, reason="Palasi")
    active.refresh_from_db()
    assert active.left_on is None
    assert active.joined_on == timezone.localdate()
    assert [c.new_status for c in changes_of(active)] == [S.LEFT, S.ACTIVE]


@pytest.mark.django_db
def test_a_change_made_meanwhile_is_not_overwritten(active, coordinator):
    seen = active.updated_at
    services.membership_change(membership=active, changed_by=coordinator, level=L.STRATEGIC, reason="Eka")
    with pytest.raises(DomainError, match="Someone else"):
        services.membership_change(
            membership=active, changed_by=coordinator, level=L.NETWORKING, reason="Toka", seen_updated_at=seen
        )
    active.refresh_from_db()
    assert active.level == L.STRATEGIC
    assert len(changes_of(active)) == 1


@pytest.mark.django_db
def test_the_membership_row_is_locked_while_it_changes(active, coordinator, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        services.membership_change(membership=active, changed_by=coordinator, level=L.STRATEGIC, reason="x")
    assert any("FOR UPDATE" in query["sql"] for query in ctx.captured_queries)


# --- representatives ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_representative_and_deputy_must_work_for_the_organisation_now(active, member, coordinator, outsider):
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=active, representative=outsider, deputy=None)
    former = factories.UserFactory()
    factories.AffiliationFactory(
        user=former, organisation=active.organisation, primary=False, until=datetime.date(2023, 1, 1)
    )
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=active, representative=member, deputy=former)
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=active, representative=member, deputy=member)
    services.membership_set_representatives(membership=active, representative=coordinator, deputy=member)
    active.refresh_from_db()
    assert (active.representative, active.deputy) == (coordinator, member)
