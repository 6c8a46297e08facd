"""Demo data of guidance services: what each demo organisation offers adults, and bulk services for benchmarks.

The kinds of service are those real Finnish actors give (Ohjaamo's low-threshold advice, employment
services' guidance for jobseekers, libraries' digital help, ...); the contact addresses are under
the organisation's ``example.fi`` domain and no phone numbers are invented.
"""

from urllib.parse import urlsplit

from partners.directory.models import GuidanceService, Organisation, ServiceChannel, ServiceLevel, TargetGroup
from portal.demo_data.service_catalogue import SERVICES
from portal.lib.choices import Language, Region

BATCH_SIZE = 2000


ALL_REGIONS = list(Region.values)


def _host(website: str) -> str:
    """``gradia.example.fi`` from ``https://www.gradia.example.fi/``."""
    return (urlsplit(website).hostname or "example.fi").removeprefix("www.")


def seed_services(*, networks, organisations, people, areas) -> None:
    """Give each demo organisation its guidance services (a DEMO_EXTENSIONS hook)."""
    # Organisations other demo data adds (e.g. an invited one) are not in ``organisations``.
    found = {**Organisation.objects.in_bulk(set(SERVICES) - set(organisations), field_name="slug"), **organisations}
    services = []
    for slug, rows in SERVICES.items():
        organisation = found.get(slug)
        if organisation is None:
            continue
        host = _host(organisation.website) if organisation.website else "example.fi"
        for name, level, channels, target_groups, languages, regions, description, local in rows:
            service = GuidanceService(
                organisation=organisation,
                name=name,
                level=level,
                channels=list(channels),
                target_groups=list(target_groups),
                languages=list(languages),
                regions=list(regions),
                description=description,
                contact_email=f"{local}@{host}",
                contact_url=f"https://www.{host}/palvelut/{local}/",
            )
            service.full_clean()
            services.append(service)
    GuidanceService.objects.bulk_create(services)


# Names for bulk benchmark services.
SCALE_SERVICE_NAMES = [
    "Henkilökohtainen opinto-ohjaus",
    "Työnhakijan ohjaus",
    "Matalan kynnyksen neuvonta",
    "Kirjaston digineuvonta",
    "Uraohjaus",
    "Osaamisen tunnistaminen",
    "Kurssineuvonta",
    "Maahanmuuttajien neuvonta",
    "Yrittäjyysneuvonta",
    "Työkyvyn tuen palveluohjaus",
    "Hakeutumisvaiheen ohjaus",
    "Opintoneuvonta chatissa",
]


def seed_scale_services(organisations, rng) -> list[GuidanceService]:
    """One to three guidance services for each of ``organisations`` (already saved), with bulk inserts.

    Mostly in Central Finland, each also in one other region, so every region has services to count.
    """
    channels, groups = ServiceChannel.values, TargetGroup.values
    other_languages = [code for code in Language.values if code != "fi"]
    services = []
    for organisation in organisations:
        for _ in range(rng.randint(1, 3)):
            languages = ["fi", *rng.sample(other_languages, rng.randint(0, 2))]
            regions = {"keski-suomi", rng.choice(ALL_REGIONS)}
            services.append(
                GuidanceService(
                    organisation=organisation,
                    name=rng.choice(SCALE_SERVICE_NAMES),
                    level=rng.choice(ServiceLevel.values),
                    channels=sorted(rng.sample(channels, rng.randint(1, 3)), key=channels.index),
                    target_groups=sorted(rng.sample(groups, rng.randint(1, 2)), key=groups.index),
                    languages=sorted(languages, key=Language.values.index),
                    regions=sorted(regions, key=ALL_REGIONS.index),
                    description="Palvelun kuvaus: kenelle palvelu on tarkoitettu ja miten siihen pääsee.",
                )
            )
    return GuidanceService.objects.bulk_create(services, batch_size=BATCH_SIZE)
