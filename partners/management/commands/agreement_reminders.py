"""``manage.py agreement_reminders``: the daily agreement job (statuses, expiry and review reminders)."""

from partners.agreements.reminders import agreement_reminders_run
from portal.lib.reminders import DailyJobCommand


class Command(DailyJobCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "Move agreements in force to expiring or expired by their dates, and e-mail the coordinators and the "
        "parties' representatives once before an agreement ends and once on its review date. "
        "The task worker sends the e-mail."
    )
    days_setting = "AGREEMENT_EXPIRY_REMINDER_DAYS"
    days_before = "the end date"
    max_days = 3650

    def run(self, *, today, days) -> str:
        run = agreement_reminders_run(today=today, days=days)
        moved = ", ".join(f"{count} {status}" for status, count in run.statuses.items())
        return (
            f"Statuses changed: {moved}. Reminders: {run.expiry_reminders} of ending, "
            f"{run.review_reminders} of review ({run.messages} e-mail messages queued)."
        )
