"""Digests: one message per person per period with what waited for it, never twice.

``manage.py send_digests`` runs daily. It finds the people with something waiting (the daily digest of
yesterday, the weekly digest of last ISO week, the coordinators' to-do of this week) and queues the work for the
task worker in batches of :data:`BATCH_SIZE` people. For each person the task claims the period in one
transaction: it locks the waiting notifications (``select_for_update(skip_locked=True)``: a second worker
skips them), inserts the :class:`~portal.notifications.models.Digest` row (unique per person, period and
start: a second run finds it) and marks the notifications as digested; the e-mail is queued on commit. Run
the job twice, or on two hosts at once, and nothing is sent twice.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from portal.lib.mail import Outgoing, mailable_people, queue_message, recipient_language
from portal.notifications.kinds import Delivery, Kind
from portal.notifications.models import Digest, Notification, NotificationPreference, Period
from portal.notifications.todo import todo_source
from portal.notifications.unsubscribe import add_unsubscribe

BATCH_SIZE = 200  # people per task: a large network's digests go out as many small tasks, never one storm
MAX_ITEMS = 100  # notifications listed in one digest; the rest are on the notifications page


def period_start(period: str, today: datetime.date) -> datetime.date:
    """The first day of the period whose digest is due ``today``: yesterday, last ISO week's Monday, or
    (for the to-do, a picture of now) this week's Monday."""
    monday = today - datetime.timedelta(days=today.weekday())
    if period == Period.DAILY:
        return today - datetime.timedelta(days=1)
    if period == Period.WEEKLY:
        return monday - datetime.timedelta(days=7)
    return monday


def period_end(period: str, start: datetime.date) -> datetime.datetime:
    """The moment after the period (local midnight): what was created before it goes in its digest."""
    days = 1 if period == Period.DAILY else 7
    return timezone.make_aware(datetime.datetime.combine(start + datetime.timedelta(days=days), datetime.time()))


def people_due(period: str, start: datetime.date):
    """The ids of the people whose ``period`` digest starting ``start`` is due and not yet sent."""
    sent = Digest.objects.filter(period=period, period_start=start).values("user")
    if period == Period.TODO:
        source = todo_source()
        if source is None:
            return []
        portal_only = NotificationPreference.objects.filter(kind=Kind.TODO, delivery=Delivery.PORTAL).values("user")
        people = source.recipients().filter(pk__in=mailable_people().values("pk"))
        return list(people.exclude(pk__in=portal_only).exclude(pk__in=sent).values_list("pk", flat=True).distinct())
    waiting = Notification.objects.pending_digest(period=period, before=period_end(period, start))
    waiting = waiting.filter(user__in=mailable_people().values("pk"))  # nobody e-mail cannot reach, every day
    return list(waiting.exclude(user__in=sent).order_by("user_id").values_list("user_id", flat=True).distinct())


def schedule(*, today: datetime.date, enqueue) -> dict[str, int]:
    """Queue the due digests of every period in batches (``enqueue(period=, start=, user_ids=)``); how many
    people each period has."""
    counts = {}
    for period in Period.values:
        start = period_start(period, today)
        ids = people_due(period, start)
        for first in range(0, len(ids), BATCH_SIZE):
            batch = ids[first : first + BATCH_SIZE]
            enqueue(period=period, start=start.isoformat(), user_ids=batch, today=today.isoformat())
        counts[period] = len(ids)
    return counts


def _claim(user, period: str, start: datetime.date) -> Digest | None:
    """Insert the period's digest row, or None when it is there already (in a savepoint: the caller's
    transaction goes on)."""
    try:
        with transaction.atomic():
            return Digest.objects.create(user=user, period=period, period_start=start)
    except IntegrityError:
        return None


def _settings_url() -> str:
    return settings.SITE_URL + reverse("notifications:notification_settings")


def _absolute(url: str) -> str:
    """A path of ours on the site's address; anything else (an address elsewhere) is left out of the e-mail."""
    return settings.SITE_URL + url if url.startswith("/") and not url.startswith("//") else ""


def digest_send(*, user, period: str, start: datetime.date) -> bool:
    """Send the person's ``period`` digest starting ``start``, if anything waits for it and it was not sent."""
    with transaction.atomic():
        waiting = list(
            Notification.objects.pending_digest(period=period, before=period_end(period, start))
            .filter(user=user)
            .select_for_update(skip_locked=True)
            .order_by("-created_at", "-pk")
        )
        if not waiting:
            return False
        digest = _claim(user, period, start)
        if digest is None:
            return False
        Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(digest=digest)
        for notification in waiting:
            notification.absolute_url = _absolute(notification.url)
        context = {
            "recipient": user,
            "period": Period(period),
            "start": start,
            "notifications": waiting[:MAX_ITEMS],
            "more": max(len(waiting) - MAX_ITEMS, 0),
            "list_url": settings.SITE_URL + reverse("notifications:notification_list"),
            "settings_url": _settings_url(),
        }
        _queue(user, "portal/notifications/email/digest", context, kinds={n.kind for n in waiting})
    return True


def todo_send(*, user, start: datetime.date, today: datetime.date) -> bool:
    """Send the coordinator's to-do of the week starting ``start``, if there is something to do and it was not
    sent. The to-do is also a notification in the portal."""
    source = todo_source()
    if source is None:
        return False
    with override(recipient_language(user)):
        text = source.render(user, today)
    if not text:
        return False
    with transaction.atomic():
        digest = _claim(user, Period.TODO, start)
        if digest is None:
            return False
        context = {
            "recipient": user,
            "todo": text,
            "start": start,
            "dashboard_url": settings.SITE_URL + reverse("portal:home"),
        }
        message = _queue(user, "portal/notifications/email/todo", context, kinds={Kind.TODO})
        Notification.objects.create(
            user=user,
            kind=Kind.TODO,
            subject=message.subject,
            text=text[:600],
            url=reverse("portal:home"),
            delivery=Delivery.WEEKLY,
            digest=digest,
        )
    return True


def _queue(user, template_prefix: str, context: dict, *, kinds) -> Outgoing:
    language = recipient_language(user)
    with override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_message.txt", context)
    message = Outgoing(user, template_prefix, language, subject, body)
    add_unsubscribe(message, kinds=kinds)
    queue_message(message)
    return message


def send_batch(*, period: str, start: datetime.date, user_ids, today: datetime.date) -> int:
    """Send one batch's digests; how many were sent."""
    sent = 0
    for user in mailable_people().filter(pk__in=user_ids):
        if period == Period.TODO:
            sent += todo_send(user=user, start=start, today=today)
        else:
            sent += digest_send(user=user, period=period, start=start)
    return sent
