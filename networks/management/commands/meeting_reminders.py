"""``manage.py meeting_reminders``: the daily job of meetings (reminders of meetings and action items)."""

from networks.meetings.reminders import meeting_reminders_run
from portal.lib.reminders import DailyJobCommand


class Command(DailyJobCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "E-mail the invitees of tomorrow's meetings (not those who replied no), and the owners of open action "
        "items due within a few days or already overdue; each reminder once. The task worker sends the e-mail."
    )
    days_setting = "ACTION_ITEM_REMINDER_DAYS"
    days_before = "an action item is due"

    def run(self, *, today, days) -> str:
        run = meeting_reminders_run(today=today, days=days)
        return (
            f"Reminders: {run.meetings} meetings, {run.due} action items due, {run.overdue} overdue "
            f"({run.messages} e-mail messages queued)."
        )
