"""Query budgets of joint activities (HOUSE-STYLE rule 22): the list, an activity's page, the report and the
dashboard's sections make the same number of queries with a few activities, participants and contacts as with
hundreds."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from networks.trust import panels
from networks.trust.contacts import contacts_rebuild
from networks.trust.models import Activity, Participant
from tests import factories
from tests.networks.trust.activities.factories import member_organisation
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db
_numbers = itertools.count()


def _bulk(network, organisations, people, n, *, day=None):
    """``n`` activities of ``network``, each with every one of ``people`` (from ``organisations`` in turn), a
    named guest and reflections; organisers and contacts as well."""
    day = day or timezone.localdate() - datetime.timedelta(days=10)
    activities = Activity.objects.bulk_create(
        Activity(network=network, kind="training", title=f"Koulutus {next(_numbers)}", starts_on=day, hours=3)
        for _ in range(n)
    )
    for activity in activities:
        activity.organisers.set(organisations[:2])
    Participant.objects.bulk_create(
        Participant(
            activity=activity,
            user=user,
            organisation=organisations[index % len(organisations)],
            reflection="Hyvä päivä.",
            usefulness=4,
            reflected_at=timezone.now(),
        )
        for activity in activities
        for index, user in enumerate(people)
    )
    Participant.objects.bulk_create(
        Participant(activity=activity, name="Vieras", organisation=organisations[0]) for activity in activities
    )
    contacts_rebuild(network)
    return activities


@pytest.fixture
def world(network, organisation, coordinator, member):
    organisations = [organisation, member_organisation(network, "Gradia"), member_organisation(network, "Ohjaamo")]
    people = [coordinator, member, *factories.UserFactory.create_batch(3)]
    activities = _bulk(network, organisations, people, 3)
    return network, organisations, people, activities[0]


def _grow(world_):
    network, organisations, _people, activity = world_

    def grow():
        more = factories.UserFactory.create_batch(40)
        _bulk(network, organisations, more, 200, day=timezone.localdate() - datetime.timedelta(days=400))
        Participant.objects.bulk_create(
            Participant(activity=activity, user=user, organisation=organisations[i % 3], usefulness=3, reflection="x")
            for i, user in enumerate(more)
        )
        contacts_rebuild(network)
        goals = factories.GoalFactory.create_batch(5, network=network)
        activity.goals.set(goals)

    return grow


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_list_does_not_grow(request, client_for, world, viewer):
    network = world[0]
    url = reverse("trust:activity_list", kwargs={"slug": network.slug})
    # session, user, MFA check, network, years, the role (kept for the request), the count, a page of
    # activities with their participant counts, their organisers
    assert_budget(client_for(request.getfixturevalue(viewer)), url + "?kind=training", budget=10, grow=_grow(world))


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_activity_page_does_not_grow(request, client_for, world, viewer):
    url = reverse("trust:activity_detail", kwargs={"pk": world[3].pk})
    # session, user, MFA check, the activity (network, recorder), organisers, goals, the role, the participant
    # check, the person's participation, the participants' count and page, reflections, the usefulness with the
    # number who reflected, the contacts (coordinators)
    assert_budget(client_for(request.getfixturevalue(viewer)), url, budget=15, grow=_grow(world))


def test_adding_a_participant_does_not_grow(client_for, world, coordinator):
    url = reverse("trust:participant_add", kwargs={"pk": world[3].pk}) + "?q=a"
    # session, user, MFA check, the activity with its network, the role; the people matching, the organisations
    assert_budget(client_for(coordinator), url, budget=8, grow=_grow(world))


def test_the_report_does_not_grow(client_for, world, coordinator):
    start = timezone.localdate() - datetime.timedelta(days=3 * 365)
    url = reverse("trust:activity_report", kwargs={"slug": world[0].slug}) + f"?start={start:%Y-%m-%d}"
    url += f"&end={timezone.localdate():%Y-%m-%d}"
    # session, user, MFA check, network, the role; the activities' totals, the organisations, the participations'
    # totals, the activities' count and page
    assert_budget(client_for(coordinator), url, budget=11, grow=_grow(world))


def test_the_dashboard_sections_do_not_grow(rf, world, coordinator):
    network, organisations, _people, activity = world
    Activity.objects.filter(pk=activity.pk).update(starts_on=timezone.localdate() + datetime.timedelta(days=3))
    request = rf.get("/")
    request.user = coordinator

    def count():
        with CaptureQueriesContext(connection) as ctx:
            for section in (panels.my_upcoming_activities, panels.quiet_organisations):
                assert section(request, coordinated=[network.pk], today=timezone.localdate())
        return len(ctx.captured_queries)

    member_organisation(network, "Hiljainen opisto")  # no new contacts this year
    small = count()
    for _ in range(30):
        member_organisation(network, "Uusi jäsen")
    _bulk(network, organisations, factories.UserFactory.create_batch(10), 30, day=timezone.localdate())
    assert small == count() == 2
