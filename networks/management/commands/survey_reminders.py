"""``manage.py survey_reminders``: the daily job of survey rounds (rounds closed at the deadline, reminders sent)."""

from networks.trust.reminders import survey_reminders_run
from portal.lib.reminders import DailyJobCommand


class Command(DailyJobCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "Close the survey rounds whose deadline has passed (their results are computed), and e-mail the "
        "representatives and deputies of the organisations asked that have not submitted their answer, once, "
        "shortly before the deadline. The task worker sends the e-mail."
    )
    days_setting = "SURVEY_REMINDER_DAYS"
    days_before = "the deadline"

    def run(self, *, today, days) -> str:
        run = survey_reminders_run(today=today, days=days)
        return (
            f"Rounds closed: {run.closed}. Reminders: {run.reminders} rounds ({run.messages} e-mail messages queued)."
        )
