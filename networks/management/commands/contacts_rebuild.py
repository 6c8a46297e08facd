"""``manage.py contacts_rebuild``: recompute the personal contacts between people of different organisations
(who first met whom, where) and each joint activity's number of new contacts, from the meetings' attendance,
the activities' participants and the agreements' signatures. For demo data and repairs; safe to run any time."""

from django.core.management.base import BaseCommand, CommandError

from networks.memberships.models import Network
from networks.trust.contacts import contacts_rebuild


class Command(BaseCommand):
    help = (
        "Recompute who first met whom across organisations (meetings, joint activities, agreements) and the "
        "activities' new contacts. --network SLUG limits it to one network's pairs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--network", metavar="SLUG", help="only the pairs that met in this network")

    def handle(self, *args, network=None, **options):
        target = None
        if network:
            target = Network.objects.filter(slug=network).first()
            if target is None:
                raise CommandError(f"No network with the slug {network!r}.")
        written = contacts_rebuild(network=target)
        self.stdout.write(f"Personal contacts recomputed: {written} pairs.")
