"""Reads of the networks app, shaped for the pages that show them."""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships.models import (
    Membership,
    MembershipChange,
    MembershipLevel,
    Network,
    NetworkQuerySet,
    NetworkRole,
)
from partners.directory.models import Affiliation, Organisation
from portal.access import unrestricted
from portal.accounts.models import User
from portal.lib.access import MembershipStatus, Role
from portal.lib.querysets import VisibleToQuerySet

# The continuum from loose to strategic, as a sort key the database can use.
LEVEL_ORDER = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(MembershipLevel.values)),
    default=Value(len(MembershipLevel.values)),
    output_field=IntegerField(),
)

CURRENT_STATUSES = (MembershipStatus.ACTIVE, MembershipStatus.PAUSED)
PENDING_STATUSES = (MembershipStatus.APPLIED, MembershipStatus.INVITED)


def network_memberships(*, network: Network):
    """The network's current members (active and paused), by level of the continuum, then by name."""
    return (
        Membership.objects.filter(network=network, status__in=CURRENT_STATUSES)
        .select_related("organisation", "representative", "deputy")
        .annotate(level_rank=LEVEL_ORDER)
        .order_by("level_rank", "organisation__name", "pk")
    )


def network_coordinators(*, network: Network):
    return NetworkRole.objects.filter(network=network, role=Role.COORDINATOR).select_related("user")


def invitable_organisations(*, network: Network):
    """Organisations a coordinator may invite people for: the network's active and paused members.

    Not applicants: their people would see the whole network before the organisation is accepted.
    """
    return Organisation.objects.filter(
        memberships__network=network,
        memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.PAUSED],
    ).order_by("name")


# --- membership on the collaboration continuum, and joining -------------------------------------------------


def level_counts(*, network: Network) -> dict[str, int]:
    """How many current (active or paused) members the network has at each level, in one query."""
    rows = (
        Membership.objects.filter(network=network, status__in=CURRENT_STATUSES)
        .order_by()
        .values("level")
        .annotate(count=Count("*"))
    )
    return {row["level"]: row["count"] for row in rows}


def pending_memberships(*, network: Network):
    """Applications and invitations waiting for an answer, oldest first (for the coordinators)."""
    return (
        Membership.objects.filter(network=network, status__in=PENDING_STATUSES)
        .select_related("organisation", "representative")
        .order_by("updated_at", "pk")
    )


def membership_history(*, membership: Membership):
    """A membership's changes of level and status, newest first, with who made them."""
    return (
        MembershipChange.objects.filter(membership=membership)
        .select_related("changed_by")
        .order_by("-changed_at", "-pk")
    )


def organisation_staff(*, organisation: Organisation):
    """The people who work for the organisation now (candidates for representative and deputy)."""
    return User.objects.filter(
        pk__in=Affiliation.objects.filter(organisation=organisation, until__isnull=True).values("user")
    ).order_by("last_name", "first_name", "pk")


class _OpenToApplicationsQuerySet(NetworkQuerySet):
    def _visible_to(self, user):
        """Networks ``user`` may apply to: public ones; those they have a role in; those that invited
        an organisation they work for. Any other network stays hidden (404)."""
        my_organisations = Affiliation.objects.filter(user=user, until__isnull=True).values("organisation")
        invited = Membership.objects.filter(organisation__in=my_organisations, status=MembershipStatus.INVITED).values(
            "network"
        )
        return self.filter(
            Q(is_public=True) | Q(pk__in=NetworkRole.objects.filter(user=user).values("network")) | Q(pk__in=invited)
        )


def networks_open_to_applications() -> VisibleToQuerySet:
    """Networks, with ``visible_to(user)`` meaning "may open the application page" (for get_for_user)."""
    return _OpenToApplicationsQuerySet(model=Network)


def applicable_organisations(*, network: Network, user):
    """The organisations ``user`` works for that may apply to ``network``: not yet in it, or rejected or left."""
    in_network = Membership.objects.filter(network=network).exclude(
        status__in=[MembershipStatus.REJECTED, MembershipStatus.LEFT]
    )
    return (
        Organisation.objects.filter(
            pk__in=Affiliation.objects.filter(user=user, until__isnull=True).values("organisation")
        )
        .exclude(pk__in=in_network.values("organisation"))
        .order_by("name")
    )


def user_memberships_in(*, network: Network, user):
    """Memberships of the organisations ``user`` works for in ``network`` (to show where they stand)."""
    return (
        Membership.objects.filter(
            network=network,
            organisation__in=Affiliation.objects.filter(user=user, until__isnull=True).values("organisation"),
        )
        .select_related("organisation")
        .order_by("organisation__name")
    )


def organisations_to_invite(*, network: Network, user):
    """Organisations a coordinator may invite to ``network``: those they can see that are not in it
    (or were rejected or have left)."""
    in_network = Membership.objects.filter(network=network).exclude(
        status__in=[MembershipStatus.REJECTED, MembershipStatus.LEFT]
    )
    queryset = Organisation.objects.all() if unrestricted(user) else Organisation.objects.visible_to(user)
    return queryset.exclude(pk__in=in_network.values("organisation")).order_by("name")


# --- the coordinator's to-do list ---------------------------------------------------------------------------

TODO_LIMIT = 10


@dataclass
class TodoList:
    """The three kinds of open work, each with up to TODO_LIMIT rows and the full count."""

    applications: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    unrepresented: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {"applications": 0, "invitations": 0, "unrepresented": 0})

    @property
    def total(self) -> int:
        return sum(self.counts.values())


_TODO_KIND = Case(
    When(status=MembershipStatus.APPLIED, then=Value("applications")),
    When(status=MembershipStatus.INVITED, then=Value("invitations")),
    default=Value("unrepresented"),
)


def coordinator_todo(*, network_ids) -> TodoList:
    """Open applications, invitations not yet accepted and members without a representative in the
    given networks: the first TODO_LIMIT of each kind and how many there are, in one query."""
    todo = TodoList()
    if not network_ids:
        return todo
    rows = (
        Membership.objects.filter(network_id__in=network_ids)
        .filter(Q(status__in=PENDING_STATUSES) | Q(status__in=CURRENT_STATUSES, representative__isnull=True))
        .annotate(
            kind=_TODO_KIND,
            position=Window(RowNumber(), partition_by=[_TODO_KIND], order_by=[F("updated_at").asc(), F("pk").asc()]),
            kind_count=Window(Count("*"), partition_by=[_TODO_KIND]),
        )
        .filter(position__lte=TODO_LIMIT)
        .select_related("network", "organisation")
        .order_by("kind", "position")
    )
    for membership in rows:
        getattr(todo, membership.kind).append(membership)
        todo.counts[membership.kind] = membership.kind_count
    return todo


# --- how the levels have moved over time --------------------------------------------------------------------

CHART_QUARTERS = 12  # three years
CHART_YEARS = 4


@dataclass
class Period:
    """One point of the chart: the active members at each level at ``end``."""

    label: str
    end: datetime.datetime
    is_current: bool
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(level, self.counts.get(level, 0)) for level in MembershipLevel.values]


def _quarter_start(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(month=3 * ((moment.month - 1) // 3) + 1, day=1, hour=0, minute=0, second=0, microsecond=0)


def _add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    index = moment.year * 12 + moment.month - 1 + months
    tz = moment.tzinfo
    return datetime.datetime(index // 12, index % 12 + 1, 1, tzinfo=tz)


def chart_periods(
    *, by: str = "quarter", now: datetime.datetime | None = None
) -> list[tuple[str, datetime.datetime, bool]]:
    """(label, end, is_current) for each point: the ends of the last complete quarters (or years),
    in Helsinki time, and finally the present moment."""
    now = timezone.localtime(now)
    points = []
    if by == "year":
        start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        for back in range(CHART_YEARS - 1, 0, -1):
            year = start.year - back
            points.append((str(year), start.replace(year=year + 1), False))
        points.append((str(now.year), now, True))
        return points
    current = _quarter_start(now)
    for back in range(CHART_QUARTERS - 1, 0, -1):
        begin = _add_months(current, -3 * back)
        label = _("Q%(quarter)s %(year)s") % {"quarter": (begin.month - 1) // 3 + 1, "year": begin.year}
        points.append((label, _add_months(begin, 3), False))
    label = _("Q%(quarter)s %(year)s") % {"quarter": (current.month - 1) // 3 + 1, "year": current.year}
    points.append((label, now, True))
    return points


# One pass over the network's history: each change holds from its moment until the membership's next
# change (LEAD); a membership counts at a moment when the change holding then says "active".
_LEVELS_OVER_TIME_SQL = """
WITH spans AS (
    SELECT new_level, new_status, changed_at AS since,
           LEAD(changed_at) OVER (PARTITION BY membership_id ORDER BY changed_at, id) AS until
    FROM {table}
    WHERE network_id = %s
)
SELECT moment.i, spans.new_level, COUNT(*)
FROM unnest(%s::timestamptz[]) WITH ORDINALITY AS moment(at, i)
JOIN spans ON spans.since < moment.at AND (spans.until IS NULL OR spans.until >= moment.at)
WHERE spans.new_status = %s
GROUP BY moment.i, spans.new_level
"""


def levels_over_time(*, network: Network, by: str = "quarter", now: datetime.datetime | None = None) -> list[Period]:
    """The number of active member organisations at each level at the end of each period, from the
    membership history, counted by the database in one query."""
    points = chart_periods(by=by, now=now)
    sql = _LEVELS_OVER_TIME_SQL.format(table=connection.ops.quote_name(MembershipChange._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [network.pk, [end for _label, end, _current in points], MembershipStatus.ACTIVE])
        found = cursor.fetchall()
    periods = [Period(label=label, end=end, is_current=current, counts={}) for label, end, current in points]
    for index, level, count in found:
        periods[index - 1].counts[level] = count
    return periods


# --- the dashboard's networks, and where a contact may be invited -------------------------------------------


def dashboard_networks(*, user):
    """The person's networks with their role and active member count, in one query."""
    my_role = NetworkRole.objects.filter(network=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Network.objects.filter(roles__user=user)
        .with_member_counts()
        .annotate(my_role=Subquery(my_role))
        .order_by("name")
    )


def contact_invitation_targets(*, person, viewer) -> list[tuple]:
    """Where ``viewer`` may invite the contact ``person``: (network, organisation) pairs.

    Networks ``viewer`` coordinates and the contact belongs to, for the contact's current
    organisations that are active or paused members there (as ``networks:invitation_create`` allows).
    """
    if not person.is_contact or not viewer.is_authenticated:
        return []
    networks = Network.objects.filter(roles__user=viewer, roles__role=Role.COORDINATOR).filter(
        pk__in=NetworkRole.objects.filter(user=person).values("network")
    )
    memberships = (
        Membership.objects.filter(
            network__in=networks,
            status__in=[MembershipStatus.ACTIVE, MembershipStatus.PAUSED],
            organisation__in=Affiliation.objects.filter(user=person, until__isnull=True).values("organisation"),
        )
        .select_related("network", "organisation")
        .order_by("network__name", "organisation__name")
    )
    return [(membership.network, membership.organisation) for membership in memberships]


def organisation_memberships(*, organisation: Organisation, user):
    """The organisation's memberships in networks the viewer can see (other networks stay private)."""
    return (
        Membership.objects.visible_to(user)
        .filter(organisation=organisation, network__in=Network.objects.visible_to(user))
        .select_related("network")
        .order_by("network__name")
    )


# --- people's roles -----------------------------------------------------------------------------------------

_ROLE_ORDER = Case(
    *(When(role=role, then=Value(rank)) for rank, role in enumerate(Role.values)), output_field=IntegerField()
)


def network_roles(*, network: Network):
    """The network's people with their roles (coordinators first) and what each role rests on."""
    return (
        NetworkRole.objects.filter(network=network)
        .select_related("user", "organisation")
        .annotate(role_rank=_ROLE_ORDER)
        .order_by("role_rank", "user__last_name", "user__first_name", "pk")
    )


def role_candidates(*, network: Network, viewer):
    """Whom a coordinator may give a role: people without one in the network who work for one of its member
    organisations, or whom the coordinator already shares a network with (to name as an individual expert)."""
    staff = Affiliation.objects.filter(
        until__isnull=True,
        organisation__memberships__network=network,
        organisation__memberships__status__in=CURRENT_STATUSES,
    ).values("user")
    return (
        User.objects.filter(Q(pk__in=staff) | Q(pk__in=User.objects.visible_to(viewer).values("pk")), is_active=True)
        .exclude(pk__in=NetworkRole.objects.filter(network=network).values("user"))
        .order_by("last_name", "first_name", "pk")
    )
