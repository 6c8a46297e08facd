"""``manage.py goal_endorsement_reminders``: the daily job of shared goals (rounds closed, reminders sent)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from networks.goals.reminders import goal_endorsement_reminders_run


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "Close the goals' rounds of endorsement whose rule is met or whose deadline has passed, and e-mail the "
        "representatives and deputies of the member organisations that have not answered, once, shortly before "
        "the deadline. The task worker sends the e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind this many days before the deadline (default: settings.GOAL_ENDORSEMENT_REMINDER_DAYS).",
        )
        parser.add_argument("--today", default=None, help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, days=None, today=None, **options):
        if days is not None and not 0 <= days <= 365:
            raise CommandError("--days must be between 0 and 365.")
        run = goal_endorsement_reminders_run(today=_date(today), days=days)
        closed = ", ".join(f"{count} {outcome}" for outcome, count in sorted(run.outcomes.items())) or "none"
        self.stdout.write(
            self.style.SUCCESS(
                f"Rounds closed: {closed}. Reminders: {run.reminders} rounds ({run.messages} e-mail messages queued)."
            )
        )
