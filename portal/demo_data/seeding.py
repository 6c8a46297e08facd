"""Seeding the demo data: the demo network of Central Finland (:mod:`portal.demo_data`), and bulk benchmark
organisations with people in the main network. ``manage.py seed_demo`` calls these in one transaction."""

import random
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.core.management.base import CommandError
from django.db.models.functions import Lower
from django.utils.text import slugify

from networks.memberships import roles as network_roles
from networks.memberships.models import Membership, MembershipLevel, Network, NetworkRole, RoleBasis
from partners.directory.models import Affiliation, ExpertiseArea, Organisation
from portal import demo_data as data
from portal.accounts.models import User
from portal.demo_data.activities import seed_activities
from portal.demo_data.glossary import seed_glossary
from portal.demo_data.news import seed_news
from portal.demo_data.resources import seed_resources
from portal.demo_data.services import seed_scale_services
from portal.demo_data.trust_rounds import seed_trust_rounds
from portal.lib.access import MembershipStatus, Role
from portal.lib.validators import business_id_check_digit

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


def seed_demo_network(password_hash: str) -> None:
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
    seed_trust_rounds(main)
    seed_activities(networks[data.MAIN_NETWORK], people=people)
    seed_resources(networks[data.MAIN_NETWORK], people=people)
    seed_glossary(networks[data.MAIN_NETWORK], people=people)
    seed_news(networks[data.MAIN_NETWORK], people=people)
    # Each role rests on the member organisation its person works for, else on the coordinator's word.
    network_roles.roles_find_bases(NetworkRole.objects.all(), reason="Asiantuntija (esimerkkiaineisto)")


def seed_scale(count: int, password_hash: str) -> str:
    """Add ``count`` organisations, two people each, as members of the main network."""
    main = Network.objects.filter(slug=data.MAIN_NETWORK).first()
    if main is None:
        raise CommandError(f"The main network {data.MAIN_NETWORK!r} does not exist; --scale adds to it.")
    first_number = _next_scale_number()
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
            NetworkRole(
                network=main, user=person, role=Role.MEMBER, basis=RoleBasis.ORGANISATION, organisation=organisation
            )
            for person, (organisation, member) in zip(people, person_orgs, strict=True)
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
    return f"Added {len(organisations)} benchmark organisations and {len(people)} people."


def _next_scale_number() -> int:
    """The first free number for ``org-NNNNN`` slugs, so that --scale can be run again."""
    slugs = Organisation.objects.filter(slug__regex=r"^org-[0-9]+$").values_list("slug", flat=True)
    return max((int(slug.removeprefix("org-")) for slug in slugs), default=0) + 1
