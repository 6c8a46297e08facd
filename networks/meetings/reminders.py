"""The daily job of meetings: reminders the day before a meeting and about action items.

Run once a day by the scheduler (``manage.py meeting_reminders``, see the README). Each run sends:

1. the day before a planned meeting, one reminder to each invitee who has not replied "no";
2. for an open action item due within ``ACTION_ITEM_REMINDER_DAYS`` days (today included), one reminder
   to its owner;
3. for an open action item past its due date, one reminder to its owner.

"Once" is kept in ``Meeting.reminder_sent_at`` and ``ActionItem.due_reminder_sent_at`` /
``overdue_reminder_sent_at``. Each reminder is claimed by an UPDATE that only matches while the field is
empty, so two runs at the same time never both send. A meeting moved to another time gets its reminder
again (``meeting_update`` clears the field).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from networks.meetings.mail import meeting_link
from networks.meetings.models import ActionItem, Invitee, Meeting, MeetingStatus, Reply
from portal.lib.mail import mailable_people, send_personal_mail


@dataclass
class MeetingReminderRun:
    """What one run did."""

    meetings: int = 0  # meetings reminded of
    due: int = 0  # action items reminded of before their due date
    overdue: int = 0  # overdue action items reminded of
    messages: int = 0  # e-mail messages queued


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The start of ``day`` and of the next one, in the portal's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
    return start, end


def meetings_tomorrow(*, today: datetime.date):
    """Planned meetings starting on the day after ``today`` (Helsinki time), not yet reminded of."""
    start, end = _day_bounds(today + datetime.timedelta(days=1))
    return (
        Meeting.objects.filter(
            status=MeetingStatus.PLANNED, reminder_sent_at__isnull=True, starts_at__gte=start, starts_at__lt=end
        )
        .select_related("network")
        .order_by("starts_at", "pk")
    )


def actions_due(*, today: datetime.date, days: int):
    """Open action items due within ``days`` days from ``today`` (today included), not yet reminded of."""
    return (
        ActionItem.objects.open()
        .filter(due_reminder_sent_at__isnull=True, due_on__gte=today, due_on__lte=today + datetime.timedelta(days=days))
        .select_related("owner", "meeting", "network")
        .order_by("due_on", "pk")
    )


def actions_overdue(*, today: datetime.date):
    """Open action items past their due date, not yet reminded of that."""
    return (
        ActionItem.objects.open()
        .filter(overdue_reminder_sent_at__isnull=True, due_on__lt=today)
        .select_related("owner", "meeting", "network")
        .order_by("due_on", "pk")
    )


def _claim(queryset, pk: int, field: str, now: datetime.datetime) -> bool:
    """Take the reminder for this run: True when the UPDATE matched (nobody else sent it)."""
    return queryset.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now}) == 1


def _remind_meeting(meeting: Meeting, *, now: datetime.datetime) -> int | None:
    with transaction.atomic():
        if not _claim(Meeting.objects.filter(status=MeetingStatus.PLANNED), meeting.pk, "reminder_sent_at", now):
            return None
        recipients = mailable_people().filter(
            pk__in=Invitee.objects.filter(meeting=meeting).exclude(reply=Reply.NO).values("user")
        )
        return send_personal_mail(
            template_prefix="networks/meetings/email/reminder",
            recipients=recipients,
            context={"meeting": meeting, "network": meeting.network, "link": meeting_link(meeting)},
            network=meeting.network_id,
            about=meeting,
        )


def _action_link(action: ActionItem) -> str:
    return settings.SITE_URL + reverse("meetings:action_status", kwargs={"pk": action.pk})


def _remind_action(action: ActionItem, *, field: str, template: str, today, now) -> int | None:
    with transaction.atomic():
        if not _claim(ActionItem.objects.open(), action.pk, field, now):
            return None
        return send_personal_mail(
            template_prefix=template,
            recipients=[action.owner],
            context={
                "action": action,
                "meeting": action.meeting,
                "network": action.network,
                "days_left": (action.due_on - today).days,
                "link": _action_link(action),
            },
            network=action.network_id,
            about=action,
        )


def meeting_reminders_run(
    *, today: datetime.date | None = None, now: datetime.datetime | None = None, days: int | None = None
) -> MeetingReminderRun:
    """The daily job: tomorrow's meetings, action items due soon, and overdue action items."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    days = settings.ACTION_ITEM_REMINDER_DAYS if days is None else days
    run = MeetingReminderRun()
    for meeting in meetings_tomorrow(today=today):
        sent = _remind_meeting(meeting, now=now)
        if sent is not None:
            run.meetings += 1
            run.messages += sent
    for action in actions_due(today=today, days=days):
        sent = _remind_action(
            action, field="due_reminder_sent_at", template="networks/meetings/email/action_due", today=today, now=now
        )
        if sent is not None:
            run.due += 1
            run.messages += sent
    for action in actions_overdue(today=today):
        sent = _remind_action(
            action,
            field="overdue_reminder_sent_at",
            template="networks/meetings/email/action_overdue",
            today=today,
            now=now,
        )
        if sent is not None:
            run.overdue += 1
            run.messages += sent
    return run
