"""What the tests of joint activities share: people of the cast's network working for other organisations,
activities at given dates, meetings with attendance and signed agreements."""

import datetime

from django.utils import timezone

from networks.meetings.models import Attendance
from networks.trust.contacts import contacts_for_activity
from networks.trust.models import Acquaintance, Activity, Participant
from tests import factories


def person(network, organisation, *, role="member", first_name="Testi", last_name="Henkilö"):
    """A person with a ``role`` in ``network`` who works for ``organisation`` (a member of the network)."""
    user = factories.UserFactory(first_name=first_name, last_name=last_name)
    factories.AffiliationFactory(user=user, organisation=organisation)
    factories.NetworkRoleFactory(network=network, user=user, role=role)
    return user


def member_organisation(network, name):
    organisation = factories.OrganisationFactory(name=name)
    factories.MembershipFactory(network=network, organisation=organisation)
    return organisation


def activity(network, day: datetime.date, people=(), **kwargs) -> Activity:
    """An activity of ``network`` starting on ``day`` with ``people`` (``(user, organisation)`` or a name and an
    organisation) as participants; its contacts recomputed as the services do."""
    made = factories.ActivityFactory(network=network, starts_on=day, **kwargs)
    for who, organisation in people:
        if isinstance(who, str):
            Participant.objects.create(activity=made, name=who, organisation=organisation)
        else:
            Participant.objects.create(activity=made, user=who, organisation=organisation)
    contacts_for_activity(made.pk)
    made.refresh_from_db()
    return made


def meeting(network, organiser, day: datetime.date, people=()):
    """A held meeting of ``network`` on ``day`` at 13 Helsinki time, with ``people`` attending."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))
    made = factories.MeetingFactory(
        network=network,
        organiser=organiser,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status="held",
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=made, user=user, organisation=organisation) for user, organisation in people
    )
    return made


def pair(a, b) -> Acquaintance | None:
    low, high = sorted([a.pk, b.pk])
    return Acquaintance.objects.filter(person_id=low, other_id=high).first()


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)
