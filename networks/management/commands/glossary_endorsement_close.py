"""``manage.py glossary_endorsement_close``: the daily job of the glossary (rounds whose rule is met or whose
deadline has passed are closed)."""

import datetime

from django.core.management.base import BaseCommand

from networks.glossary.endorsement import rounds_evaluate


class Command(BaseCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once (each round is
    evaluated on its rows locked)."""

    help = "Close the glossary terms' rounds of endorsement whose rule is met or whose deadline has passed."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="Run as of this day (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        outcomes = rounds_evaluate(today=today)
        closed = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items())) or "none"
        self.stdout.write(f"Rounds closed: {closed}.")
