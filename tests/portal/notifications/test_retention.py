"""Notifications and digest rows are removed by the daily ``manage.py retention`` after
``NOTIFICATION_RETENTION_DAYS`` (unread notifications after twice that), in bounded batches, with the clock
fixed. Before, they were kept for ever."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.notifications.models import Digest, Notification
from portal.notifications.retention import notifications_prune
from tests.portal.notifications.conftest import WEDNESDAY, at, notify

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def period(settings):
    settings.NOTIFICATION_RETENTION_DAYS = 30
    return 30


def _retention() -> str:
    out = io.StringIO()
    with at(WEDNESDAY):
        call_command("retention", stdout=out)
    return out.getvalue()


def _digest(user, days_ago: int, period="daily") -> Digest:
    sent = WEDNESDAY - days_ago * DAY
    return Digest.objects.create(user=user, period=period, period_start=sent.date(), created_at=sent)


def test_read_notifications_go_after_the_period_unread_ones_after_twice_that(period, member):
    [read_old] = notify(member, created_at=WEDNESDAY - 31 * DAY, read=True)
    [read_recent] = notify(member, created_at=WEDNESDAY - 29 * DAY, read=True)
    [unread_old] = notify(member, created_at=WEDNESDAY - 59 * DAY)
    [unread_older] = notify(member, created_at=WEDNESDAY - 61 * DAY)
    assert "2 old notifications" in _retention()
    kept = set(Notification.objects.values_list("pk", flat=True))
    assert kept == {read_recent.pk, unread_old.pk}
    assert read_old.pk not in kept and unread_older.pk not in kept


def test_digest_rows_go_after_the_period_unless_a_kept_notification_is_marked_with_them(period, member, observer):
    old, recent = _digest(member, 31), _digest(member, 29)
    marked = _digest(observer, 40)
    [waiting] = notify(observer, delivery="daily", created_at=WEDNESDAY - 41 * DAY)  # unread: kept 60 days
    Notification.objects.filter(pk=waiting.pk).update(digest=marked)
    assert "1 old digest rows" in _retention()
    assert set(Digest.objects.values_list("pk", flat=True)) == {recent.pk, marked.pk}
    assert Notification.objects.get(pk=waiting.pk).digest == marked  # still digested: never sent twice
    assert not Digest.objects.filter(pk=old.pk).exists()


def test_the_deletes_are_bounded_batches(member):
    notify(member, 7, created_at=WEDNESDAY - 100 * DAY, read=True)
    [kept] = notify(member, created_at=WEDNESDAY, read=True)
    with CaptureQueriesContext(connection) as ctx:
        assert notifications_prune(now=WEDNESDAY, days=30, batch_size=3) == (7, 0)
    deletes = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("DELETE FROM")]
    assert len(deletes) == 3  # 3 + 3 + 1 rows
    assert all(sql.count(",") <= 2 for sql in deletes)  # at most 3 ids in each
    assert list(Notification.objects.values_list("pk", flat=True)) == [kept.pk]


def test_the_period_must_be_at_least_a_day(settings):
    settings.NOTIFICATION_RETENTION_DAYS = 0
    with pytest.raises(CommandError, match="NOTIFICATION_RETENTION_DAYS"):
        _retention()
