"""Reads of the partners app, shaped for the pages that show them."""

from django.db import connection
from django.db.models import Q

from networks.memberships.models import Membership, Network
from partners.directory.models import Affiliation, GuidanceService, Organisation
from portal.accounts.models import User
from portal.lib.access import MembershipStatus
from portal.lib.choices import Region


def organisation_people(*, organisation: Organisation, viewer):
    """The organisation's current people whom ``viewer`` may see (who share a network with them)."""
    return (
        Affiliation.objects.filter(
            organisation=organisation,
            until__isnull=True,
            user__in=User.objects.visible_to(viewer).values("pk"),
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def organisation_memberships(*, organisation: Organisation, user):
    """The organisation's memberships in networks the viewer can see (other networks stay private)."""
    return (
        Membership.objects.visible_to(user)
        .filter(organisation=organisation, network__in=Network.objects.visible_to(user))
        .select_related("network")
        .order_by("network__name")
    )


# --- guidance services and the service map (issue 3, part 2) ---------------------------------------


def organisation_services(*, organisation: Organisation):
    """The organisation's guidance services, for its page (access to the organisation is checked by the view)."""
    return GuidanceService.objects.filter(organisation=organisation).order_by("name", "pk")


def _filter_services(
    services,
    *,
    q: str = "",
    level: str = "",
    channel: str = "",
    target_group: str = "",
    language: str = "",
    region: str = "",
    kind: str = "",
    organisation: str = "",
    network: Network | None = None,
):
    """``services`` narrowed by the service map's filters; each array filter uses its GIN index (``@>``)."""
    if q:
        services = services.filter(Q(name__icontains=q) | Q(description__icontains=q))
    if level:
        services = services.filter(level=level)
    if channel:
        services = services.filter(channels__contains=[channel])
    if target_group:
        services = services.filter(target_groups__contains=[target_group])
    if language:
        services = services.filter(languages__contains=[language])
    if region:
        services = services.filter(regions__contains=[region])
    if kind:
        services = services.filter(organisation__kind=kind)
    if organisation:
        services = services.filter(
            Q(organisation__slug=organisation)
            | Q(organisation__name__icontains=organisation)
            | Q(organisation__short_name__icontains=organisation)
        )
    if network is not None:
        members = Membership.objects.filter(network=network).exclude(status=MembershipStatus.LEFT)
        services = services.filter(organisation__in=members.values("organisation"))
    return services


def service_map_services(*, user, filters: dict):
    """The guidance services ``user`` may see that match ``filters`` (the service map form's), with organisations."""
    services = _filter_services(GuidanceService.objects.visible_to(user), **filters)
    return services.select_related("organisation").order_by("organisation__name", "name", "pk")


def service_region_counts(*, user, filters: dict) -> list[dict]:
    """For each of the 19 regions, how many of the services ``user`` may see match ``filters``.

    The region filter itself is left out, so that every region shows what choosing it would give.
    One query: the filtered services as a subquery, their regions unnested and grouped.
    """
    filters = {key: value for key, value in filters.items() if key != "region"}
    services = _filter_services(GuidanceService.objects.visible_to(user), **filters).order_by().values("pk", "regions")
    sql, params = services.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            # The inner SQL is Django's own compiled query with its parameters kept separate.
            f"SELECT region, COUNT(DISTINCT s.service_id) FROM ({sql}) AS s (service_id, service_regions) "  # noqa: S608
            "CROSS JOIN LATERAL unnest(s.service_regions) AS region GROUP BY region",
            params,
        )
        counts = dict(cursor.fetchall())
    return [{"value": value, "label": label, "count": counts.get(value, 0)} for value, label in Region.choices]


# --- the organisation directory (issue 3, part 1; the export reuses it) ---------------------------


def organisation_directory(*, user, filters: dict):
    """The organisations ``user`` may see that match ``filters``, ordered by name.

    ``filters`` is a plain dict of cleaned values (``OrganisationFilterForm.filters()``); every key is
    optional: ``q`` (name or short name contains), ``kind``, ``region`` (one identifier or a list:
    the organisation works in any of them), ``language``, ``network`` (a slug; only networks the
    user may see count, so a guessed slug narrows nothing to a hidden network's members).
    """
    organisations = Organisation.objects.visible_to(user)
    if q := filters.get("q"):
        organisations = organisations.filter(Q(name__icontains=q) | Q(short_name__icontains=q))
    if kind := filters.get("kind"):
        organisations = organisations.filter(kind=kind)
    if region := filters.get("region"):
        organisations = organisations.filter(regions__overlap=[region] if isinstance(region, str) else list(region))
    if language := filters.get("language"):
        organisations = organisations.filter(languages__contains=[language])
    if network := filters.get("network"):
        members = (
            Membership.objects.filter(network__in=Network.objects.visible_to(user).filter(slug=network))
            .exclude(status__in=[MembershipStatus.LEFT, MembershipStatus.REJECTED])
            .values("organisation")
        )
        organisations = organisations.filter(pk__in=members)
    return organisations.order_by("name", "pk")
