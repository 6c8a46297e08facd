"""How long notifications and the record of digests are kept (``NOTIFICATION_RETENTION_DAYS``, removed by the
daily ``manage.py retention``):

- a notification the person has read: the period after it was made;
- one never read: twice the period (it may still be waiting for the person);
- a digest row: the period after it was sent, and only once no kept notification is marked with it. The row
  is the claim that the period's digest went out: deleting it while a notification still points to it would
  clear the mark (``on_delete=SET_NULL``), and the next digest would send that notification again.

Each delete is a bounded batch in its own short transaction, found by walking the primary key, so a backlog of
millions of rows never becomes one long DELETE that holds its locks and bloats the table at once; a run reads
each table once.
"""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from portal.notifications.models import Digest, Notification

BATCH_SIZE = 2000  # rows per DELETE


def _delete_in_batches(queryset, *, batch_size: int) -> int:
    """Delete the rows of ``queryset`` in batches of at most ``batch_size``, in order of the primary key."""
    model = queryset.model
    deleted, after = 0, 0
    while True:
        ids = list(queryset.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            return deleted
        with transaction.atomic():
            deleted += model.objects.filter(pk__in=ids).delete()[1].get(model._meta.label, 0)
        after = ids[-1]


def expired_notifications(*, now: datetime.datetime, days: int):
    cutoff = now - datetime.timedelta(days=days)
    unread_cutoff = now - datetime.timedelta(days=2 * days)
    return Notification.objects.filter(
        Q(read_at__isnull=False, created_at__lt=cutoff) | Q(read_at__isnull=True, created_at__lt=unread_cutoff)
    )


def expired_digests(*, now: datetime.datetime, days: int):
    marks_kept = Notification.objects.filter(digest=OuterRef("pk"))
    return Digest.objects.filter(created_at__lt=now - datetime.timedelta(days=days)).filter(~Exists(marks_kept))


def notifications_prune(*, now: datetime.datetime, days: int, batch_size: int = BATCH_SIZE) -> tuple[int, int]:
    """Delete the notifications and digest rows past their period at ``now``; how many of each."""
    notifications = _delete_in_batches(expired_notifications(now=now, days=days), batch_size=batch_size)
    digests = _delete_in_batches(expired_digests(now=now, days=days), batch_size=batch_size)
    return notifications, digests
