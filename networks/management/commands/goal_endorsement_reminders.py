"""``manage.py goal_endorsement_reminders``: the daily job of shared goals (rounds closed, reminders sent)."""

from networks.goals.reminders import goal_endorsement_reminders_run
from portal.lib.reminders import DailyJobCommand


class Command(DailyJobCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "Close the goals' rounds of endorsement whose rule is met or whose deadline has passed, and e-mail the "
        "representatives and deputies of the member organisations that have not answered, once, shortly before "
        "the deadline. The task worker sends the e-mail."
    )
    days_setting = "GOAL_ENDORSEMENT_REMINDER_DAYS"
    days_before = "the deadline"

    def run(self, *, today, days) -> str:
        run = goal_endorsement_reminders_run(today=today, days=days)
        closed = ", ".join(f"{count} {outcome}" for outcome, count in sorted(run.outcomes.items())) or "none"
        return f"Rounds closed: {closed}. Reminders: {run.reminders} rounds ({run.messages} e-mail messages queued)."
