"""Digests: one message per person per period, never twice, by the person's choice; the coordinators' to-do."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.notifications import digests
from portal.notifications.models import Digest, Notification
from portal.notifications.preferences import preferences_set
from tests import factories
from tests.portal.notifications.conftest import WEDNESDAY, at, notify

TUESDAY = WEDNESDAY - datetime.timedelta(days=1)
NEXT_MONDAY = WEDNESDAY + datetime.timedelta(days=5)


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def run(moment, capture):
    with at(moment), capture(execute=True):
        call_command("send_digests", stdout=io.StringIO())


def test_periods():
    wednesday = WEDNESDAY.date()
    assert digests.period_start("daily", wednesday) == datetime.date(2026, 3, 10)
    assert digests.period_start("weekly", wednesday) == datetime.date(2026, 3, 2)  # last ISO week's Monday
    assert digests.period_start("todo", wednesday) == datetime.date(2026, 3, 9)
    end = digests.period_end("daily", datetime.date(2026, 3, 10))
    assert timezone.localtime(end).isoformat() == "2026-03-11T00:00:00+02:00"


def test_daily_digest_one_message_per_person_with_all_that_waited(db, mailoutbox, capture):
    anna, ben, now_person = factories.UserFactory.create_batch(3)
    notify(anna, 3, delivery="daily", created_at=TUESDAY)
    notify(anna, 1, kind="goals", delivery="daily", created_at=TUESDAY)
    notify(ben, 2, delivery="daily", created_at=TUESDAY)
    notify(now_person, 2, delivery="now", created_at=TUESDAY)  # sent at once already: no digest
    notify(anna, 1, delivery="daily", created_at=WEDNESDAY)  # today's: tomorrow's digest
    run(WEDNESDAY, capture)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([anna.email, ben.email])
    message = next(m for m in mailoutbox if m.to == [anna.email])
    assert message.body.count("* Ilmoitus") == 4
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.filter(user=anna, digest__isnull=True).count() == 1
    assert Digest.objects.filter(period="daily", period_start=TUESDAY.date()).count() == 2


def test_running_twice_sends_nothing_twice(db, mailoutbox, capture):
    person = factories.UserFactory()
    notify(person, 2, delivery="daily", created_at=TUESDAY)
    run(WEDNESDAY, capture)
    run(WEDNESDAY, capture)
    run(WEDNESDAY + datetime.timedelta(hours=3), capture)
    assert len(mailoutbox) == 1
    assert Digest.objects.count() == 1


def test_a_claimed_period_is_not_sent_again_even_with_new_rows(db, mailoutbox, capture):
    """The unique digest row is the claim: a run that finds the period's row sends nothing."""
    person = factories.UserFactory()
    Digest.objects.create(user=person, period="daily", period_start=TUESDAY.date())
    notify(person, 1, delivery="daily", created_at=TUESDAY)
    with at(WEDNESDAY), capture(execute=True):
        assert digests.digest_send(user=person, period="daily", start=TUESDAY.date()) is False
    assert mailoutbox == []
    assert Notification.objects.get().digest is None


def test_weekly_digest_is_keyed_by_iso_week(db, mailoutbox, capture):
    person = factories.UserFactory()
    notify(person, 2, delivery="weekly", created_at=TUESDAY)
    run(WEDNESDAY, capture)  # this week's notifications wait for the week to end
    assert mailoutbox == []
    run(NEXT_MONDAY, capture)
    run(NEXT_MONDAY + datetime.timedelta(days=1), capture)  # Tuesday's run finds the week sent
    assert len(mailoutbox) == 1
    assert Digest.objects.get().period_start == datetime.date(2026, 3, 9)


def test_digests_go_in_bounded_batches(db, monkeypatch):
    people = factories.UserFactory.create_batch(5)
    for person in people:
        notify(person, 1, delivery="daily", created_at=TUESDAY)
    monkeypatch.setattr(digests, "BATCH_SIZE", 2)
    batches = []
    with at(WEDNESDAY):
        counts = digests.schedule(today=WEDNESDAY.date(), enqueue=lambda **kw: batches.append(kw["user_ids"]))
    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert counts["daily"] == 5


def test_coordinator_gets_the_weekly_todo_once(coordinator, network, member, mailoutbox, capture):
    factories.MembershipFactory(network=network, status="applied", organisation__name="Hakija ry")
    run(WEDNESDAY, capture)
    run(WEDNESDAY + datetime.timedelta(days=1), capture)
    todo = [m for m in mailoutbox if m.to == [coordinator.email]]
    assert len(todo) == 1
    assert "Hakija ry" in todo[0].body
    assert "List-Unsubscribe" in todo[0].extra_headers
    assert not [m for m in mailoutbox if m.to == [member.email]]  # not a coordinator
    assert Notification.objects.get(user=coordinator, kind="todo").digest is not None


def test_todo_can_be_turned_off(coordinator, network, mailoutbox, capture):
    factories.MembershipFactory(network=network, status="applied")
    preferences_set(user=coordinator, choices={"todo": "portal"})
    run(WEDNESDAY, capture)
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_a_second_host_skips_what_the_first_holds(mailoutbox):
    """While one worker holds a person's waiting notifications, another skips them (SKIP LOCKED): it neither
    waits nor sends; once they are free, one digest goes."""
    import threading

    from django.db import connection, transaction

    person = factories.UserFactory()
    notify(person, 2, delivery="daily", created_at=TUESDAY)
    held, release = threading.Event(), threading.Event()

    def first_host():
        try:
            with transaction.atomic():
                list(Notification.objects.select_for_update().filter(user=person))
                held.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=first_host)
    thread.start()
    assert held.wait(10)
    try:
        with at(WEDNESDAY):
            assert digests.digest_send(user=person, period="daily", start=TUESDAY.date()) is False
    finally:
        release.set()
        thread.join()
    assert not Digest.objects.exists() and mailoutbox == []
    with at(WEDNESDAY):
        assert digests.digest_send(user=person, period="daily", start=TUESDAY.date()) is True
        assert digests.digest_send(user=person, period="daily", start=TUESDAY.date()) is False
    assert len(mailoutbox) == 1
