"""The demo's joint activities (:mod:`portal.demo_data.activities`, which ``manage.py seed_demo`` runs for the
main network): a year of them with participants, reflections and new contacts, the same each time."""

import pytest
from django.utils import timezone

from networks.trust.contacts import contacts_rebuild
from networks.trust.models import Acquaintance, Activity, ActivityKind, Participant
from portal.demo_data.activities import seed_activities
from tests.networks.trust.activities.factories import member_organisation, person

pytestmark = pytest.mark.django_db


def _stored(network):
    activities = Activity.objects.filter(network=network).order_by("starts_on", "title")
    return [
        (
            a.kind,
            a.title,
            a.starts_on,
            a.hours,
            sorted(a.participants.values_list("user_id", "name", "usefulness"), key=str),
        )
        for a in activities
    ]


def test_a_year_of_activities_with_participants_reflections_and_contacts(network, organisation, member, coordinator):
    for name in ("Gradia", "Ohjaamo", "Keski-Suomen hyvinvointialue"):
        other = member_organisation(network, name)
        for first in ("Anna", "Ville", "Mari"):
            person(network, other, first_name=first)
    made = seed_activities(network)
    today = timezone.localdate()
    assert len(made) == 26
    assert set(Activity.objects.values_list("kind", flat=True)) == set(ActivityKind.values)
    assert any(a.starts_on > today for a in made) and any(a.starts_on <= today for a in made)
    participants = Participant.objects.filter(activity__network=network)
    assert participants.filter(user__isnull=True).exists()  # named guests
    assert not participants.filter(activity__starts_on__gt=today).exclude(reflection="").exists()
    assert participants.filter(usefulness__isnull=False).exists()
    assert sum(Activity.objects.values_list("new_pairs", flat=True)) == Acquaintance.objects.count() > 0
    kept = sorted(Acquaintance.objects.values_list("person_id", "other_id", "first_met_on", "activity_id"))
    contacts_rebuild()
    assert sorted(Acquaintance.objects.values_list("person_id", "other_id", "first_met_on", "activity_id")) == kept
    # The same again from the same seed.
    first = _stored(network)
    Activity.objects.all().delete()
    seed_activities(network)
    assert _stored(network) == first
