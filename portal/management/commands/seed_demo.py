"""``manage.py seed_demo``: a believable Finnish demo network, and optionally bulk data for benchmarks.

Without options the command fills an empty database with the adult guidance network of
Central Finland from :mod:`portal.demo_data` and prints the demo accounts. It refuses
(politely, exit status 0) when organisations already exist. ``--scale N`` adds N
organisations with two people each to the main network using bulk inserts; on an
empty database the demo network is seeded first.
"""

import random
import time
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.functions import Lower
from django.utils.text import slugify

from networks.memberships.models import Membership, MembershipLevel, Network, NetworkRole
from partners.directory.models import Affiliation, ExpertiseArea, Organisation
from portal import demo_data as data
from portal.accounts.models import User
from portal.demo_data.services import seed_scale_services
from portal.lib.access import MembershipStatus, Role
from portal.lib.validators import business_id_check_digit
from portal.search import index as search_index

BATCH_SIZE = 2000

# Membership statuses that make the organisation's people members of the network.
_PARTICIPATING = {MembershipStatus.ACTIVE, MembershipStatus.PAUSED}


def business_id(base: str) -> str:
    """A valid business ID (Y-tunnus) from an invented seven-digit number.

    Numbers without a check digit are never issued, so the next number is tried.
    """
    number = int(base)
    while (digit := business_id_check_digit(f"{number:07d}")) is None:
        number += 1
    return f"{number:07d}-{digit}"


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
                self._seed_demo(password_hash)
            if scale:
                self._seed_scale(scale, password_hash)
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

    def _seed_demo(self, password_hash: str) -> None:
        """Create the networks, organisations, memberships and people of :mod:`portal.demo_data`."""
        emails = [person[0] for person in data.PEOPLE]
        taken = sorted(
            set(User.objects.annotate(e=Lower("email")).filter(e__in=emails).values_list("e", flat=True))
            | set(EmailAddress.objects.annotate(e=Lower("email")).filter(e__in=emails).values_list("e", flat=True))
        )
        if taken:
            raise CommandError(
                "These demo e-mail addresses are already in use: "
                + ", ".join(taken)
                + ". Run seed_demo on an empty database."
            )

        areas = {}
        for slug, name in data.EXPERTISE_AREAS:
            areas[slug], _ = ExpertiseArea.objects.get_or_create(slug=slug, defaults={"name": name})

        networks = {}
        for slug, name, description, require_mfa in data.NETWORKS:
            network, _ = Network.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "require_mfa_for_coordinators": require_mfa,
                },
            )
            networks[slug] = network
        main = networks[data.MAIN_NETWORK]
        if not main.require_mfa_for_coordinators:
            main.require_mfa_for_coordinators = True
            main.save(update_fields=["require_mfa_for_coordinators"])

        organisations = {}
        for slug, name, short_name, kind, base, municipality, domain in data.ORGANISATIONS:
            organisation = Organisation(
                slug=slug,
                name=name,
                short_name=short_name,
                kind=kind,
                business_id=business_id(base),
                municipality=municipality,
                website=f"https://www.{domain}.example.fi/",
            )
            organisation.full_clean()  # the business ID's check digit and uniqueness
            organisation.save()
            organisations[slug] = organisation

        Membership.objects.bulk_create(
            Membership(
                network=networks[network_slug],
                organisation=organisations[organisation_slug],
                level=level,
                status=status,
                joined_on=joined_on,
            )
            for network_slug, organisation_slug, level, status, joined_on in data.MEMBERSHIPS
        )
        in_main = {
            organisation_slug
            for network_slug, organisation_slug, _level, status, _joined in data.MEMBERSHIPS
            if network_slug == data.MAIN_NETWORK and status in _PARTICIPATING
        }

        people = {}
        roles = {}
        for email, first, last, title, phone, languages, expertise, organisation_slug, since in data.PEOPLE:
            is_admin = email == data.ADMIN_EMAIL
            person = User(
                email=email,
                first_name=first,
                last_name=last,
                title=title,
                phone=phone,
                languages=languages,
                password=password_hash,
                is_staff=is_admin,
                is_superuser=is_admin,
            )
            person.full_clean()
            person.save()
            person.expertise.set([areas[slug] for slug in expertise])
            Affiliation.objects.create(
                user=person, organisation=organisations[organisation_slug], title=title, primary=True, since=since
            )
            EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
            people[email] = person
            if organisation_slug in in_main and email not in data.NO_MAIN_ROLE:
                roles[data.MAIN_NETWORK, email] = Role.MEMBER

        Affiliation.objects.bulk_create(
            Affiliation(user=people[email], organisation=organisations[slug], title=title, since=since, until=until)
            for email, slug, title, since, until in data.OTHER_AFFILIATIONS
        )
        for network_slug, email, role in data.ROLES:
            roles[network_slug, email] = role
        NetworkRole.objects.bulk_create(
            NetworkRole(network=networks[network_slug], user=people[email], role=role)
            for (network_slug, email), role in roles.items()
        )

        # The directory's parts add their own demo data (services, contacts, membership history, ...).
        for seed in data.DEMO_EXTENSIONS:
            seed(networks=networks, organisations=organisations, people=people, areas=areas)

    # --- bulk benchmark data ----------------------------------------------------------------------

    def _seed_scale(self, count: int, password_hash: str) -> None:
        """Add ``count`` organisations, two people each, as members of the main network."""
        main = Network.objects.filter(slug=data.MAIN_NETWORK).first()
        if main is None:
            raise CommandError(f"The main network {data.MAIN_NETWORK!r} does not exist; --scale adds to it.")
        first_number = self._next_scale_number()
        numbers = range(first_number, first_number + count)
        rng = random.Random(first_number * 100_003 + count)  # reproducible for the same arguments
        kinds = Organisation.Kind.values
        levels = MembershipLevel.values
        area_ids = list(ExpertiseArea.objects.values_list("pk", flat=True))

        organisations = Organisation.objects.bulk_create(
            (
                Organisation(
                    slug=f"org-{number:05d}",
                    name=f"Esimerkkiorganisaatio {number:05d}",
                    short_name=f"Esim. {number}",
                    kind=kinds[number % len(kinds)],
                    municipality=data.SCALE_MUNICIPALITIES[number % len(data.SCALE_MUNICIPALITIES)],
                    website=f"https://org-{number:05d}.example.fi/",
                )
                for number in numbers
            ),
            batch_size=BATCH_SIZE,
        )
        seed_scale_services(organisations, rng)

        memberships = []
        participating = []
        for number, organisation in zip(numbers, organisations, strict=True):
            status = MembershipStatus.ACTIVE  # mostly; every 25th has applied, the next one paused
            if number % 25 == 0:
                status = MembershipStatus.APPLIED
            elif number % 25 == 1:
                status = MembershipStatus.PAUSED
            joined_on = None if status == MembershipStatus.APPLIED else date(2015, 1, 1) + timedelta(number % 3650)
            memberships.append(
                Membership(
                    network=main,
                    organisation=organisation,
                    level=levels[number % len(levels)],
                    status=status,
                    joined_on=joined_on,
                )
            )
            participating.append(status in _PARTICIPATING)
        Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)

        first_names = data.SCALE_FIRST_NAMES
        people = []
        person_orgs = []
        for index, (number, organisation) in enumerate(zip(numbers, organisations, strict=True)):
            for k in range(2):
                first = first_names[(2 * index + k) % len(first_names)]  # differs within an organisation
                last = rng.choice(data.SCALE_LAST_NAMES)
                title = rng.choice(data.SCALE_TITLES)
                people.append(
                    User(
                        email=f"{slugify(first)}.{slugify(last)}@org-{number:05d}.example.fi",
                        first_name=first,
                        last_name=last,
                        title=title,
                        phone=f"+358 {rng.choice(('40', '44', '50'))} {rng.randrange(100, 1000)} "
                        f"{rng.randrange(1000, 10000)}",
                        languages=["fi", "en"] if rng.random() < 0.5 else ["fi"],
                        password=password_hash,
                    )
                )
                person_orgs.append((organisation, participating[index]))
        people = User.objects.bulk_create(people, batch_size=BATCH_SIZE)

        EmailAddress.objects.bulk_create(
            (EmailAddress(user=person, email=person.email, verified=True, primary=True) for person in people),
            batch_size=BATCH_SIZE,
        )
        Affiliation.objects.bulk_create(
            (
                Affiliation(
                    user=person,
                    organisation=organisation,
                    title=person.title,
                    primary=True,
                    since=date(2010, 1, 1) + timedelta(rng.randrange(5000)),
                )
                for person, (organisation, _) in zip(people, person_orgs, strict=True)
            ),
            batch_size=BATCH_SIZE,
        )
        NetworkRole.objects.bulk_create(
            (
                NetworkRole(network=main, user=person, role=Role.MEMBER)
                for person, (_, member) in zip(people, person_orgs, strict=True)
                if member
            ),
            batch_size=BATCH_SIZE,
        )
        if area_ids:
            through = User.expertise.through
            through.objects.bulk_create(
                (
                    through(user_id=person.pk, expertisearea_id=area_id)
                    for person in people
                    for area_id in rng.sample(area_ids, min(len(area_ids), rng.randint(1, 2)))
                ),
                batch_size=BATCH_SIZE,
            )
        self.stdout.write(f"Added {len(organisations)} benchmark organisations and {len(people)} people.")

    @staticmethod
    def _next_scale_number() -> int:
        """The first free number for ``org-NNNNN`` slugs, so that --scale can be run again."""
        slugs = Organisation.objects.filter(slug__regex=r"^org-[0-9]+$").values_list("slug", flat=True)
        return max((int(slug.removeprefix("org-")) for slug in slugs), default=0) + 1

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
