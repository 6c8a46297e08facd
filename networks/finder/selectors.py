"""The finder's reads: public services filtered and searched, one public service, one public organisation, and
what an embed shows. Every read starts from the directory's public rule (``GuidanceService.objects.public()``,
``Organisation.objects.with_public_profile()``) and reads only public fields."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db.models import F, Q

from networks.memberships.models import Membership
from partners.directory.models import PUBLIC_ORGANISATION_FIELDS, GuidanceService, Organisation, TargetGroup
from portal.lib import municipalities
from portal.lib.access import ESTABLISHED
from portal.lib.translated import column_names
from portal.search.query import ParsedQuery

# The columns a card or a service page shows: the public fields in every language, and the organisation's.
_TEXTS = ("name", "description", "opening_hours", "accessibility")
SERVICE_COLUMNS = (
    "pk",
    "organisation_id",
    *(column for text in _TEXTS for column in (text, *column_names(text))),
    "level",
    "topics",
    "channels",
    "languages",
    "target_groups",
    "regions",
    "municipalities",
    "contact_email",
    "contact_phone",
    "contact_url",
    *(f"organisation__{field}" for field in PUBLIC_ORGANISATION_FIELDS),
    *(f"organisation__{column}" for text in ("name", "description") for column in column_names(text)),
)


@dataclass(frozen=True)
class Filters:
    """The finder's filters, all optional (the valid values of :class:`networks.finder.forms.FinderFilterForm`)."""

    query: ParsedQuery | None = None
    municipality: str = ""
    topic: str = ""
    channel: str = ""
    language: str = ""
    target_group: str = ""
    level: str = ""


def public_services():
    """Public services with the public fields only (``only``: nothing else is read from the database)."""
    return GuidanceService.objects.public().only(*SERVICE_COLUMNS)


def found_services(filters: Filters, *, organisations=None):
    """The public services that match ``filters``, best match first for a search, else by name.

    A municipality finds the services that list it and those that serve its whole region (the region, and none
    of its municipalities in particular); a target group
    finds the services for it and those for all adults. ``organisations``: only theirs (an embed's scope).
    """
    services = public_services()
    if organisations is not None:
        services = services.filter(organisation__in=organisations)
    if filters.municipality:
        region = municipalities.region_of(filters.municipality)
        whole_region = Q(regions__contains=[region]) & ~Q(municipalities__overlap=list(municipalities.codes_in(region)))
        services = services.filter(Q(municipalities__contains=[filters.municipality]) | whole_region)
    for field, value in (
        ("topics", filters.topic),
        ("channels", filters.channel),
        ("languages", filters.language),
    ):
        if value:
            services = services.filter(**{f"{field}__contains": [value]})
    if filters.target_group:
        services = services.filter(
            Q(target_groups__contains=[filters.target_group]) | Q(target_groups__contains=[TargetGroup.EVERYONE])
        )
    if filters.level:
        services = services.filter(level=filters.level)
    if filters.query is not None:
        tsquery = filters.query.tsquery
        return (
            services.filter(public_document=tsquery)
            .annotate(rank=SearchRank(F("public_document"), tsquery))
            .order_by("-rank", "name", "pk")
        )
    return services.order_by("name", "pk")


def public_service(*, slug: str, pk: int) -> GuidanceService | None:
    """The public service ``pk`` of the organisation ``slug``, or None."""
    return public_services().filter(organisation__slug=slug, pk=pk).first()


def public_organisation(slug: str) -> Organisation | None:
    """The organisation ``slug`` if it has a public profile, with its public fields only, or None."""
    columns = (*PUBLIC_ORGANISATION_FIELDS, "pk", *column_names("name"), *column_names("description"))
    return Organisation.objects.with_public_profile().only(*columns).filter(slug=slug).first()


def network_members(network):
    """The network's established members (active or paused), as a subquery of organisation ids."""
    return Membership.objects.filter(network=network, status__in=ESTABLISHED).values("organisation")
