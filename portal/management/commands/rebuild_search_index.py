"""``manage.py rebuild_search_index``: build the whole search index again from the database."""

import time

from django.core.management.base import BaseCommand

from portal.search import index


class Command(BaseCommand):
    """Rebuild the search index in one transaction; run after bulk imports, which send no signals."""

    help = "Rebuild the search index: every kind of object the domains registered."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = index.rebuild()
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt in {elapsed:.1f} s: {summary}."))
