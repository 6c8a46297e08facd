"""``manage.py glossary_endorsement_close``: the daily job of the glossary (rounds whose rule is met or whose
deadline has passed are closed)."""

from django.core.management.base import BaseCommand

from networks.glossary.endorsement import rounds_evaluate


class Command(BaseCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = "Close the glossary terms' rounds of endorsement whose rule is met or whose deadline has passed."

    def handle(self, *args, **options):
        outcomes = rounds_evaluate()
        closed = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items())) or "none"
        self.stdout.write(f"Rounds closed: {closed}.")
