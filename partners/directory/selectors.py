"""Reads of the partners app, shaped for the pages that show them."""

from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Value,
)

from partners.directory.models import NOT_LEFT, Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.accounts.models import User
from portal.lib.access import MembershipStatus
from portal.lib.choices import Region
from portal.lib.querysets import related_rows
from portal.lib.translated import in_any_language

# A network's members and those on their way in: not those who left or were rejected.
CURRENT_OR_PENDING = [status for status in NOT_LEFT if status != MembershipStatus.REJECTED]


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


# --- guidance services and the service map ------------------------------------------------------------------


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
    network: str = "",
):
    """``services`` narrowed by the service map's filters; each array filter uses its GIN index (``@>``)."""
    if q:
        # in every language: a Swedish name finds the service on a Finnish page too
        services = services.filter(in_any_language("name__icontains", q) | in_any_language("description__icontains", q))
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
            | in_any_language("organisation__name__icontains", organisation)
            | Q(organisation__short_name__icontains=organisation)
        )
    if network:
        # ``network`` is the slug of a network the person has a role in (the form offers no other).
        members = related_rows(Organisation, "memberships").filter(network__slug=network, status__in=NOT_LEFT)
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


# --- the organisation directory (the export reuses it) ------------------------------------------------------


def organisation_directory(*, user, filters: dict):
    """The organisations ``user`` may see that match ``filters``, ordered by name.

    ``filters`` is a plain dict of cleaned values (``OrganisationFilterForm.filters()``); every key is
    optional: ``q`` (name or short name contains), ``kind``, ``region`` (one identifier or a list:
    the organisation works in any of them), ``language``, ``network`` (a slug; only networks the
    user may see count, so a guessed slug narrows nothing to a hidden network's members).
    """
    organisations = Organisation.objects.visible_to(user)
    if q := filters.get("q"):
        organisations = organisations.filter(in_any_language("name__icontains", q) | Q(short_name__icontains=q))
    if kind := filters.get("kind"):
        organisations = organisations.filter(kind=kind)
    if region := filters.get("region"):
        organisations = organisations.filter(regions__overlap=[region] if isinstance(region, str) else list(region))
    if language := filters.get("language"):
        organisations = organisations.filter(languages__contains=[language])
    if network := filters.get("network"):
        members = related_rows(Organisation, "memberships").filter(
            network__slug=network, network__in=user.network_roles.values("network"), status__in=CURRENT_OR_PENDING
        )
        organisations = organisations.filter(pk__in=members.values("organisation"))
    return organisations.order_by("name", "pk")


# --- people: profiles and the people directory ("who knows what") -------------------------------------------


def current_affiliations(*, user):
    return Affiliation.objects.filter(user=user, until__isnull=True).select_related("organisation")


def with_profile(queryset, *, viewer):
    """People with what their profile page shows, prefetched: only organisations ``viewer`` may see."""
    return queryset.prefetch_related(
        # Only the terms of vocabularies ``viewer`` may see (another network's terms stay private).
        Prefetch("expertise", queryset=ExpertiseArea.objects.visible_to(viewer).order_by("name")),
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.filter(
                until__isnull=True, organisation__in=Organisation.objects.visible_to(viewer).values("pk")
            ).select_related("organisation"),
            to_attr="current_affiliations",
        ),
    )


def shares_network_with(viewer):
    """A boolean expression over people: whether ``viewer`` may see their e-mail and phone.

    The one rule for contact details: the person themself, and people who share a network
    with them (any role). Used as an annotation (``contact_visible``) on every list and page
    that shows people, so the rule is written once and costs no extra query per person.
    """
    if not viewer.is_authenticated:
        return Value(False)
    roles = related_rows(User, "network_roles")
    my_networks = viewer.network_roles.values("network")
    return Q(pk=viewer.pk) | Exists(roles.filter(user=OuterRef("pk"), network__in=my_networks))


def with_contact_visibility(queryset, *, viewer):
    """People annotated with ``contact_visible`` (see :func:`shares_network_with`)."""
    return queryset.annotate(
        contact_visible=ExpressionWrapper(shares_network_with(viewer), output_field=BooleanField())
    )


def contact_details_visible(*, viewer, person) -> bool:
    """Whether ``viewer`` may see ``person``'s e-mail and phone (uses the annotation when present)."""
    if hasattr(person, "contact_visible"):
        return person.contact_visible
    return (
        with_contact_visibility(User.objects.filter(pk=person.pk), viewer=viewer)
        .values_list("contact_visible", flat=True)
        .first()
        is True
    )


def people_directory(
    *,
    viewer,
    name: str = "",
    organisation: str = "",
    area: ExpertiseArea | None = None,
    language: str = "",
    region: str = "",
):
    """People ``viewer`` may see, filtered, with what a directory row shows prefetched.

    ``organisation`` matches a current organisation's identifier exactly or its name or short name
    in part; ``region`` is a region the person's current organisations work in. Filters are
    IN-subqueries over current affiliations, so the row count never multiplies.
    """
    people = User.objects.visible_to(viewer).filter(is_active=True)
    for word in name.split()[:5]:
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    current = Affiliation.objects.filter(until__isnull=True)
    if organisation:
        organisations = Organisation.objects.visible_to(viewer).filter(
            Q(slug=organisation)
            | in_any_language("name__icontains", organisation)
            | Q(short_name__icontains=organisation)
        )
        people = people.filter(pk__in=current.filter(organisation__in=organisations.values("pk")).values("user"))
    if region:
        # Only through organisations the viewer may see: a hidden organisation's region must not show.
        people = people.filter(
            pk__in=current.filter(
                organisation__regions__contains=[region],
                organisation__in=Organisation.objects.visible_to(viewer).values("pk"),
            ).values("user")
        )
    if area is not None:
        people = people.filter(pk__in=User.expertise.through.objects.filter(expertisearea=area).values("user"))
    if language:
        people = people.filter(languages__contains=[language])
    visible_organisations = Organisation.objects.visible_to(viewer).values("pk")
    people = people.prefetch_related(
        Prefetch("expertise", queryset=ExpertiseArea.objects.visible_to(viewer).order_by("name")),
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.filter(until__isnull=True, organisation__in=visible_organisations)
            .select_related("organisation")
            .order_by("-primary", "organisation__name"),
            to_attr="current_affiliations",
        ),
    )
    return with_contact_visibility(people, viewer=viewer).order_by("last_name", "first_name", "pk")


def own_affiliations(*, user):
    """A person's affiliations, current first, then past ones newest first."""
    return (
        Affiliation.objects.filter(user=user)
        .select_related("organisation")
        .order_by(F("until").desc(nulls_first=True), "-primary", "organisation__name")
    )
