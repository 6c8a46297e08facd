"""``manage.py seed_demo``: a believable Finnish demo network, and optionally bulk data for benchmarks.

Without options the command fills an empty database with the adult guidance network of
Central Finland from :mod:`portal.demo_data` and prints the demo accounts. It refuses
(politely, exit status 0) when organisations already exist. ``--scale N`` adds N
organisations with two people each to the main network using bulk inserts; on an
empty database the demo network is seeded first.
"""

import time

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from networks.memberships.models import Membership, Network, NetworkRole
from partners.directory.models import Affiliation, ExpertiseArea, Organisation
from portal import demo_data as data
from portal.accounts.models import User
from portal.demo_data.seeding import seed_demo_network, seed_scale
from portal.search import index as search_index


class Command(BaseCommand):
    """Seed the demo network (once) and, with ``--scale``, bulk benchmark data."""

    help = (
        "Create a demo adult guidance network in Finnish with demo accounts (password "
        f"{data.DEMO_PASSWORD}). Refuses when organisations exist, unless --scale N is given, which adds "
        "N benchmark organisations with two people each to the main network."
    )

    def add_arguments(self, parser):
        """``--scale N``: bulk benchmark organisations on top of the demo data."""
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also create N organisations (two people each) in the main network, with bulk inserts.",
        )
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Only print the demo accounts (when the demo data is there); change nothing.",
        )

    def handle(self, *args, scale, accounts=False, **options):
        """Seed inside one transaction and print what was created."""
        if accounts:
            if User.objects.filter(email__in=[email for _, email in data.DEMO_ACCOUNTS]).count() == len(
                data.DEMO_ACCOUNTS
            ):
                self._print_accounts()
            else:
                self.stdout.write("The demo accounts are not in this database.")
            return
        if scale < 0:
            raise CommandError("--scale must be zero or a positive number.")
        started = time.perf_counter()
        with transaction.atomic():
            seeded = Organisation.objects.exists()
            if seeded and not scale:
                self.stdout.write(
                    "The database already has organisations, so no demo data was added and nothing changed. "
                    "Run seed_demo on an empty database, or use --scale N to add benchmark organisations."
                )
                return
            # One hash for every seeded account: hashing is deliberately slow, and all share the password.
            password_hash = make_password(data.DEMO_PASSWORD)
            if not seeded:
                seed_demo_network(password_hash)
            if scale:
                self.stdout.write(seed_scale(scale, password_hash))
        # Bulk inserts send no signals: index everything once the data is in.
        search_index.rebuild()
        if scale:
            # Fresh planner statistics after bulk inserts, so benchmarks see the plans production would.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.perf_counter() - started

        self._print_counts()
        if not seeded:
            self._print_accounts()
        self.stdout.write(self.style.SUCCESS(f"Done in {elapsed:.1f} s."))

    # --- the demo network -------------------------------------------------------------------------

    # --- bulk benchmark data ----------------------------------------------------------------------

    # --- output -----------------------------------------------------------------------------------

    def _print_counts(self) -> None:
        """How many rows of each kind the database now has."""
        counts = [
            ("Networks", Network.objects.count()),
            ("Organisations", Organisation.objects.count()),
            ("Memberships", Membership.objects.count()),
            ("People", User.objects.count()),
            ("Affiliations", Affiliation.objects.count()),
            ("Roles in networks", NetworkRole.objects.count()),
            ("E-mail addresses", EmailAddress.objects.count()),
            ("Areas of expertise", ExpertiseArea.objects.count()),
        ]
        self.stdout.write("")
        self.stdout.write("The database now has:")
        for label, count in counts:
            self.stdout.write(f"  {label:<20} {count:>8}")

    def _print_accounts(self) -> None:
        """The demo accounts, their organisation and roles, and what to expect of MFA."""
        main = Network.objects.get(slug=data.MAIN_NETWORK)
        rows = [("Account", "E-mail", "Name", "Organisation", f"Role in {main.slug}")]
        for label, email in data.DEMO_ACCOUNTS:
            person = User.objects.get(email=email)
            affiliation = person.affiliations.select_related("organisation").get(primary=True, until__isnull=True)
            role = main.role_of(person) or "-"
            if person.is_superuser:
                role = "- (staff, superuser)"
            rows.append((label, email, person.get_full_name(), affiliation.organisation.name, role))
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo accounts, all with the password: {data.DEMO_PASSWORD}"))
        for number, row in enumerate(rows):
            line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + line).rstrip())
            if number == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
        self.stdout.write(
            f"The other {len(data.PEOPLE) - len(data.DEMO_ACCOUNTS)} seeded people use the same password."
        )
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                f"MFA: {main.name} requires two-factor authentication of coordinators, so "
                f"{data.COORDINATOR_EMAIL} is asked to set up an authenticator app at first sign-in (intended). "
                f"{data.ADMIN_EMAIL} is asked too, as all staff are, before using the portal or the admin."
            )
        )
