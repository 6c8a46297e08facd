"""The task the worker runs to send one batch of digests (queued by ``manage.py send_digests``)."""

import datetime

from django.tasks import task
from django.utils import timezone

from portal.notifications import digests


@task
def send_digest_batch(*, period: str, start: str, user_ids: list[int], today: str | None = None):
    """Send the ``period`` digest starting ``start`` (ISO date) to each of ``user_ids`` that has one due."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return digests.send_batch(period=period, start=datetime.date.fromisoformat(start), user_ids=user_ids, today=day)
