"""A city in the cast's network, with a guidance service and a person; what the network's work left behind (a
goal, minutes, a decision, an activity); and the index built over everything."""

import datetime

import pytest
from django.utils import timezone

from networks.goals.models import Goal
from networks.meetings.models import Meeting
from networks.trust.models import Activity
from portal.search import index
from portal.search.models import SearchKind
from tests import factories


@pytest.fixture
def city(network):
    """Jyväskylän kaupunki, a member of the network, with a service and a person."""
    city = factories.OrganisationFactory(
        name="Jyväskylän kaupunki", slug="jyvaskylan-kaupunki", municipality="Jyväskylä", kind="municipality"
    )
    factories.MembershipFactory(network=network, organisation=city)
    factories.GuidanceServiceFactory(
        organisation=city,
        name="Ohjauspalvelut aikuisille",
        description="Neuvontaa koulutuksesta ja työstä. Vägledningen sker på svenska.",
        target_groups=["immigrants"],
    )
    person = factories.UserFactory(first_name="Mikko", last_name="Virtanen", title="Opinto-ohjaaja")
    factories.AffiliationFactory(user=person, organisation=city)
    factories.NetworkRoleFactory(network=network, user=person)
    return city


@pytest.fixture
def indexed(city, organisation, network, other_network, member, outsider):
    index.rebuild()


@pytest.fixture
def records(network, coordinator, organisation):
    """What the network's work left behind, one of each kind: an agreed goal, a meeting with approved minutes
    and a decision, and a joint activity; each with a Finnish and a Swedish word of its own.

    Their words: the goal *etäohjaus* / *distansvägledning*, the decision *työryhmä* / *arbetsgrupp*, the
    minutes *hyvinvointi* / *rekrytering*, the activity *työvarjostus* / *handledare*."""
    goal = factories.GoalFactory(
        network=network,
        title="Etäohjauksen laatu paranee",
        description="Kehitämme etäohjausta yhdessä. Vi utvecklar distansvägledningen tillsammans.",
        status=Goal.Status.AGREED,
    )
    meeting = factories.MeetingFactory(
        network=network,
        title="Ohjausryhmän kokous",
        starts_at=timezone.make_aware(datetime.datetime(2026, 3, 12, 13)),
        ends_at=timezone.make_aware(datetime.datetime(2026, 3, 12, 15)),
        organiser=coordinator,
        status=Meeting.Status.MINUTES_APPROVED,
    )
    item = factories.AgendaItemFactory(
        meeting=meeting,
        title="Opiskelijoiden tuki",
        minutes="Keskusteltiin opiskelijoiden hyvinvoinnista. Diskussion om rekrytering.",
    )
    decision = factories.DecisionFactory(
        item=item, text="Päätettiin perustaa työryhmä. Beslut: en arbetsgrupp tillsätts."
    )
    activity = factories.ActivityFactory(
        network=network,
        kind=Activity.Kind.JOB_SHADOWING,
        title="Työvarjostus kirjastossa",
        description="Handledare besökte varandra.",
        starts_on=datetime.date(2026, 2, 3),
    )
    return {
        SearchKind.GOAL: goal,
        SearchKind.MINUTES: meeting,
        SearchKind.DECISION: decision,
        SearchKind.ACTIVITY: activity,
    }
