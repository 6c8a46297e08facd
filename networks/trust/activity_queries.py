"""Reads of joint activities, shaped for their pages: a network's list, one activity's page with its
participants, reflections and the new contacts it made, and the dashboard's sections."""

import datetime

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, Window

from networks.goals.models import Goal
from networks.memberships.models import Membership, NetworkRole
from networks.trust.models import Acquaintance, Activity, Participant
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus

# How many rows a dashboard section shows (the rest is counted).
PANEL_ROWS = 8


def network_activities(network, *, kind: str = "", year: int | None = None):
    """The network's activities, the latest first, with their number of participants and their organisers."""
    activities = Activity.objects.filter(network=network)
    if kind:
        activities = activities.filter(kind=kind)
    if year:
        activities = activities.filter(starts_on__year=year)
    return (
        activities.annotate(participant_count=Count("participants"))
        .order_by("-starts_on", "-pk")
        .prefetch_related(Prefetch("organisers", queryset=Organisation.objects.order_by("name", "pk")))
    )


def people_matching(people, query: str):
    """``people`` whose first name, last name or e-mail address contains each word of ``query`` (at most five
    words), by name."""
    for word in query.split()[:5]:
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word))
    return people.order_by("last_name", "first_name", "pk")


def activity_years(network) -> list[int]:
    """The years the network's activities started in, the latest first (one query)."""
    dates = Activity.objects.filter(network=network).dates("starts_on", "year", order="DESC")
    return [day.year for day in dates]


def activity_page():
    """Activities shaped for their page: network, recorder, organisers and linked goals."""
    return Activity.objects.select_related("network", "created_by").prefetch_related(
        Prefetch("organisers", queryset=Organisation.objects.order_by("name", "pk")),
        Prefetch("goals", queryset=Goal.objects.order_by("title", "pk")),
    )


def participants(activity):
    """The activity's participants with their accounts and organisations, organisers first, by name."""
    return (
        Participant.objects.filter(activity=activity)
        .select_related("user", "organisation")
        .order_by("-is_organiser", "name", "user__last_name", "user__first_name", "pk")
    )


def reflections(activity):
    """The participants' reflections with their names, the latest first."""
    return (
        Participant.objects.filter(activity=activity, user__isnull=False)
        .filter(Q(usefulness__isnull=False) | ~Q(reflection=""))
        .select_related("user", "organisation")
        .order_by("-reflected_at", "pk")
    )


def usefulness(activity) -> dict:
    """``{"average": …, "count": …, "reflected": …}``: the participants' usefulness ratings' average and number,
    and the number of participants who reflected (one query)."""
    return Participant.objects.filter(activity=activity).aggregate(
        average=Avg("usefulness"),
        count=Count("usefulness"),
        reflected=Count("pk", filter=Q(user__isnull=False, reflected_at__isnull=False)),
    )


def new_contacts(activity):
    """The pairs of people of different organisations who first met at the activity, by name."""
    return (
        Acquaintance.objects.filter(activity=activity)
        .select_related("person", "other", "organisation", "other_organisation")
        .order_by("person__last_name", "person__first_name", "other__last_name", "other__first_name", "pk")
    )


# --- the dashboard ---------------------------------------------------------------------------------------


def my_upcoming_activities(*, user, today: datetime.date):
    """Activities starting today or later that the person takes part in or that are of their networks, the
    soonest first, with ``is_participant`` (one query, at most :data:`PANEL_ROWS` and ``upcoming_count``)."""
    mine = Participant.objects.filter(activity=OuterRef("pk"), user=user)
    networks = NetworkRole.objects.filter(user=user).values("network")
    return list(
        Activity.objects.filter(starts_on__gte=today, network__in=networks)
        .select_related("network")
        .annotate(is_participant=Exists(mine))
        .order_by("starts_on", "pk")
        .annotate(upcoming_count=Window(Count("pk")))[:PANEL_ROWS]
    )


def quiet_organisations(*, network_ids, today: datetime.date):
    """The active member organisations of ``network_ids`` with no new contact made this year up to ``today`` in
    that network involving them, by network and name, with ``quiet_count`` (one query, at most
    :data:`PANEL_ROWS`)."""
    made = Acquaintance.objects.filter(
        network=OuterRef("network"), first_met_on__year=today.year, first_met_on__lte=today
    ).filter(Q(organisation=OuterRef("organisation")) | Q(other_organisation=OuterRef("organisation")))
    return list(
        Membership.objects.filter(network_id__in=network_ids, status=MembershipStatus.ACTIVE)
        .filter(~Exists(made))
        .select_related("network", "organisation")
        .order_by("network__name", "organisation__name", "pk")
        .annotate(quiet_count=Window(Count("pk")))[:PANEL_ROWS]
    )
