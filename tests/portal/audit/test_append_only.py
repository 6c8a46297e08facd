"""The audit log is append-only in the database itself: raw SQL cannot change or remove an event; only
anonymising a person and the retention job's removal of old events get through. Append-only, and
erasure stays possible."""

import datetime
from unittest import mock

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from networks.memberships.models import NetworkRole
from portal.audit import log
from portal.audit.models import ANONYMOUS, AuditEvent
from portal.lib.access import Role
from tests import factories

Kind = AuditEvent.Kind


def _sql(statement, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def event(member):
    return log.record(Kind.SIGN_IN, actor=member, subject=member, via="test")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET kind = 'sign_out' WHERE id = %s",
        "UPDATE audit_auditevent SET details = '{}'::jsonb WHERE id = %s",
        "UPDATE audit_auditevent SET \"when\" = now() - interval '10 years' WHERE id = %s",
        "UPDATE audit_auditevent SET ip = '10.0.0.1' WHERE id = %s",
        "UPDATE audit_auditevent SET actor_label = 'joku muu' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_raw_sql_cannot_change_or_delete_an_event(event, statement):
    with pytest.raises(DatabaseError, match="the audit log is append-only"):
        _sql(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).details == {"via": "test"}


@pytest.mark.django_db
def test_the_orm_cannot_either(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(subject=factories.UserFactory())
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        event.delete()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        event.ip = "10.0.0.1"
        event.save()


@pytest.mark.django_db
def test_truncate_is_refused(event):
    refused = pytest.raises(DatabaseError, match="TRUNCATE refused")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        # the test database allows it for its flush; a deployment has no such setting
        cursor.execute("SET LOCAL verkosto.audit_allow_truncate = 'off'")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks of this test's inserts
        cursor.execute("TRUNCATE audit_auditevent CASCADE")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_anonymising_a_person_is_the_one_update_allowed(event, member):
    admin = factories.UserFactory()
    done = log.record(Kind.STAFF_CHANGED, actor=member, subject=admin)
    failed = log.record(Kind.SIGN_IN_FAILED, subject_label=member.email.upper())
    assert log.anonymise_user(member) >= 3
    assert not AuditEvent.objects.filter(actor=member).exists()
    assert not AuditEvent.objects.filter(subject=member).exists()
    event.refresh_from_db()
    done.refresh_from_db()
    failed.refresh_from_db()
    assert (event.actor, event.subject, event.actor_label, event.subject_label) == (None, None, ANONYMOUS, ANONYMOUS)
    assert (event.kind, event.details) == (Kind.SIGN_IN, {"via": "test"})
    assert (done.actor_label, done.subject) == (ANONYMOUS, admin)
    assert failed.subject_label == ANONYMOUS


@pytest.mark.django_db
def test_deleting_a_person_works_and_leaves_no_name(network, django_capture_on_commit_callbacks):
    person = factories.UserFactory(email="poistuva@example.fi")
    NetworkRole.objects.create(network=network, user=person, role=Role.MEMBER)
    log.record(Kind.SIGN_IN, actor=person, subject=person)
    person.delete()  # the role goes with the person: that too is recorded, then anonymised
    labels = list(AuditEvent.objects.values_list("kind", "actor_id", "subject_id", "subject_label"))
    assert (Kind.SIGN_IN, None, None, ANONYMOUS) in labels
    assert (Kind.ROLE_CHANGED, None, None, ANONYMOUS) in labels
    assert not AuditEvent.objects.filter(subject_label__contains="poistuva").exists()


@pytest.mark.django_db
def test_retention_may_delete_only_events_older_than_its_period(member):
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() - datetime.timedelta(days=40)):
        old = log.record(Kind.SIGN_IN, actor=member)
    recent = log.record(Kind.SIGN_IN, actor=member)
    refused = pytest.raises(DatabaseError, match="DELETE of event")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('verkosto.audit_retention_days', '30', true)")
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [recent.pk])
    assert log.purge_expired(days=30, now=timezone.now()) == 1
    assert list(AuditEvent.objects.filter(pk__in=[old.pk, recent.pk])) == [recent]
    # the setting was for the retention's own transaction only
    with pytest.raises(DatabaseError, match="append-only"):
        _sql("DELETE FROM audit_auditevent WHERE id = %s", [recent.pk])


@pytest.mark.django_db(transaction=True)
def test_the_test_database_may_still_be_flushed_between_transactional_tests():
    """Its flush truncates every table; a test database sets ``verkosto.audit_allow_truncate`` for it."""
    log.record(Kind.SIGN_IN_FAILED, subject_label="flush@example.fi")
    with connection.cursor() as cursor:
        cursor.execute("SHOW verkosto.audit_allow_truncate")
        assert cursor.fetchone() == ("on",)
