"""``manage.py retention``: the daily job that removes what the privacy notice keeps only for a limited time.

- audit events (sign-ins and the other security events) older than ``AUDIT_RETENTION_DAYS``;
- finished rows of the task worker (e-mail sent or failed, with their contents) older than
  ``TASK_RETENTION_DAYS``;
- invitations never accepted, ``INVITATION_RETENTION_DAYS`` after they expired;
- notifications (read ones) and digest rows ``NOTIFICATION_RETENTION_DAYS`` after they were made, unread
  notifications twice that (:mod:`portal.notifications.retention`, in batches);
- expired sessions (Django's ``clearsessions``);
- create forms' one-time tokens after 30 days (:func:`portal.lib.once.prune`);
- data exports (the ZIP files of *Download my data*) past their expiry, rows and files.

allauth keeps no sign-in log of its own here (no ``allauth.usersessions``; e-mail confirmations are signed
links, not rows; rate-limit counters expire in the cache by themselves).
"""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.accounts.models import Invitation
from portal.audit import log as audit_log
from portal.lib import once
from portal.lib.reminders import DailyJobCommand
from portal.notifications.retention import notifications_prune
from portal.privacy.exporting import remove_expired as remove_expired_exports

PERIODS = ("AUDIT_RETENTION_DAYS", "TASK_RETENTION_DAYS", "INVITATION_RETENTION_DAYS", "NOTIFICATION_RETENTION_DAYS")


@dataclasses.dataclass
class RetentionRun:
    audit_events: int = 0
    task_results: int = 0
    invitations: int = 0
    sessions: int = 0
    data_exports: int = 0
    create_tokens: int = 0
    notifications: int = 0
    digests: int = 0


def _as_of(today: datetime.date | None) -> datetime.datetime:
    """The moment the periods count back from: now, or the end of ``today`` (``--today``)."""
    now = timezone.now()
    if today is None:
        return now
    return min(now, timezone.make_aware(datetime.datetime.combine(today, datetime.time.max)))


def retention_run(*, today: datetime.date | None = None) -> RetentionRun:
    """Delete what has outlived its period. Safe to run twice or on two hosts at once (deletes only)."""
    for name in PERIODS:
        if getattr(settings, name) < 1:
            raise CommandError(f"{name} must be at least 1 day.")
    now = _as_of(today)
    run = RetentionRun()
    run.audit_events = audit_log.purge_expired(days=settings.AUDIT_RETENTION_DAYS, now=now)
    with transaction.atomic():
        task_cutoff = now - datetime.timedelta(days=settings.TASK_RETENTION_DAYS)
        run.task_results, _ = DBTaskResult.objects.finished().filter(finished_at__lt=task_cutoff).delete()
        invitation_cutoff = now - datetime.timedelta(days=settings.INVITATION_RETENTION_DAYS)
        expired = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=invitation_cutoff)
        run.invitations, _ = expired.delete()
        run.sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    run.data_exports = remove_expired_exports(now)
    run.create_tokens = once.prune(now=now)
    run.notifications, run.digests = notifications_prune(now=now, days=settings.NOTIFICATION_RETENTION_DAYS)
    return run


class Command(DailyJobCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "Delete what is kept only for a limited time: audit events after AUDIT_RETENTION_DAYS, finished task "
        "rows after TASK_RETENTION_DAYS, invitations never accepted INVITATION_RETENTION_DAYS after they expired, "
        "expired sessions and expired data exports, read notifications and digest rows after "
        "NOTIFICATION_RETENTION_DAYS (unread notifications after twice that)."
    )

    def add_arguments(self, parser):
        # The periods come from the settings only: no --days that would shorten one by mistake.
        parser.add_argument(
            "--today",
            default=None,
            help="Run as if today were this date (YYYY-MM-DD); never later than the real today.",
        )

    def run(self, *, today, days) -> str:
        run = retention_run(today=today)
        return (
            f"Deleted: {run.audit_events} audit events, {run.task_results} finished task rows, "
            f"{run.invitations} expired invitations, {run.sessions} expired sessions, "
            f"{run.data_exports} expired data exports, {run.create_tokens} old create tokens, "
            f"{run.notifications} old notifications, {run.digests} old digest rows."
        )
