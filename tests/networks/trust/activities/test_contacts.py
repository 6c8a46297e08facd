"""New contacts between people of different organisations: one row per pair holding the earliest time they met
(over a meeting, a joint activity or an agreement), each activity's number of pairs that first met there, kept
up to date by the services and by recording a meeting's attendance, and the same from a full rebuild."""

import datetime

import pytest
from django.core.management import call_command

from networks.meetings import services as meeting_services
from networks.trust import activities as services
from networks.trust.contacts import contacts_rebuild
from networks.trust.models import Acquaintance, Participant
from tests import factories
from tests.networks.trust.activities.factories import activity, days_ago, meeting, member_organisation, pair, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def gradia(network):
    return member_organisation(network, "Gradia")


@pytest.fixture
def people(network, organisation, gradia):
    """Aino and Eero of the cast organisation, Bertta of Gradia."""
    return (
        person(network, organisation, first_name="Aino"),
        person(network, gradia, first_name="Bertta"),
        person(network, organisation, first_name="Eero"),
    )


def _snapshot():
    return sorted(
        Acquaintance.objects.values_list(
            "person_id", "other_id", "first_met_on", "source", "meeting_id", "activity_id", "agreement_id"
        )
    )


def test_pairs_of_different_organisations_are_new_contacts(network, organisation, gradia, people):
    aino, bertta, eero = people
    made = activity(network, days_ago(5), [(aino, organisation), (bertta, gradia), (eero, organisation)])
    assert made.new_pairs == 2  # Aino–Bertta and Bertta–Eero; Aino and Eero work together
    assert pair(aino, eero) is None
    row = pair(aino, bertta)
    assert (row.source, row.activity_id, row.first_met_on, row.network_id) == (
        "activity",
        made.pk,
        days_ago(5),
        network.pk,
    )
    assert {row.organisation_id, row.other_organisation_id} == {organisation.pk, gradia.pk}
    assert row.person_id < row.other_id


def test_named_people_and_people_without_an_organisation_do_not_count(network, organisation, gradia, people):
    aino, bertta, _eero = people
    made = activity(network, days_ago(5), [(aino, organisation), ("Ilman Tiliä", gradia), (bertta, None)])
    assert made.new_pairs == 0
    assert Acquaintance.objects.count() == 0


def test_a_pair_that_met_earlier_at_a_meeting_is_not_new(network, organisation, gradia, people, coordinator):
    aino, bertta, _eero = people
    met = meeting(network, coordinator, days_ago(30), [(aino, organisation), (bertta, gradia)])
    contacts_rebuild()
    made = activity(network, days_ago(5), [(aino, organisation), (bertta, gradia)])
    assert made.new_pairs == 0
    row = pair(aino, bertta)
    assert (row.source, row.meeting_id, row.first_met_on) == ("meeting", met.pk, days_ago(30))


def test_recording_attendance_moves_the_pair_to_an_earlier_meeting(network, organisation, gradia, people, coordinator):
    aino, bertta, _eero = people
    made = activity(network, days_ago(5), [(aino, organisation), (bertta, gradia)])
    assert made.new_pairs == 1
    met = meeting(network, coordinator, days_ago(30))
    meeting_services.attendance_set(meeting=met, user=coordinator, people=[aino, bertta])
    made.refresh_from_db()
    assert made.new_pairs == 0
    assert pair(aino, bertta).meeting_id == met.pk
    # Taking them off the attendance gives the pair back to the activity.
    meeting_services.attendance_set(meeting=met, user=coordinator, people=[aino])
    made.refresh_from_db()
    assert made.new_pairs == 1
    assert pair(aino, bertta).activity_id == made.pk


def test_an_earlier_activity_added_later_takes_the_pair(network, organisation, gradia, people, member):
    aino, bertta, _eero = people
    later = activity(network, days_ago(5), [(aino, organisation), (bertta, gradia)])
    earlier = services.activity_create(
        network=network,
        user=member,
        data={"kind": "visit", "title": "Opintokäynti", "starts_on": days_ago(40), "hours": 4},
    )
    services.participant_add(activity=earlier, person=aino)
    assert pair(aino, bertta).activity_id == later.pk
    services.participant_add(activity=earlier, person=bertta)
    later.refresh_from_db()
    earlier.refresh_from_db()
    assert (earlier.new_pairs, later.new_pairs) == (1, 0)
    assert pair(aino, bertta).first_met_on == days_ago(40)
    # Removing Bertta from the earlier one gives the pair back.
    services.participant_remove(activity=earlier, participant=earlier.participants.get(user=bertta))
    later.refresh_from_db()
    earlier.refresh_from_db()
    assert (earlier.new_pairs, later.new_pairs) == (0, 1)


def test_moving_an_activity_s_date_moves_its_pairs(network, organisation, gradia, people):
    aino, bertta, _eero = people
    first = activity(network, days_ago(20), [(aino, organisation), (bertta, gradia)])
    second = activity(network, days_ago(10), [(aino, organisation), (bertta, gradia)])
    assert (first.new_pairs, second.new_pairs) == (1, 0)
    services.activity_update(activity=second, data={"starts_on": days_ago(30)})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.new_pairs, second.new_pairs) == (0, 1)


def test_deleting_an_activity_moves_its_pairs_to_the_next_time_they_met(network, organisation, gradia, people):
    aino, bertta, _eero = people
    first = activity(network, days_ago(20), [(aino, organisation), (bertta, gradia)])
    second = activity(network, days_ago(10), [(aino, organisation), (bertta, gradia)])
    services.activity_delete(activity=first)
    second.refresh_from_db()
    assert second.new_pairs == 1
    services.activity_delete(activity=second)
    assert Acquaintance.objects.count() == 0


def test_signing_for_different_parties_of_an_agreement_makes_a_contact(network, organisation, gradia, people):
    aino, bertta, _eero = people
    agreement = factories.AgreementFactory(network=network, title="Ohjauspiste")
    signed = datetime.date(2025, 3, 1)
    factories.AgreementPartyFactory(agreement=agreement, organisation=organisation, signed_by=aino, signed_on=signed)
    factories.AgreementPartyFactory(
        agreement=agreement, organisation=gradia, signed_by=bertta, signed_on=signed + datetime.timedelta(days=3)
    )
    row = pair(aino, bertta)  # kept as the parties signed
    assert (row.source, row.agreement_id, row.first_met_on) == (
        "agreement",
        agreement.pk,
        signed + datetime.timedelta(3),
    )
    assert contacts_rebuild() == 1  # the same from scratch
    made = activity(network, days_ago(5), [(aino, organisation), (bertta, gradia)])
    assert made.new_pairs == 0


def test_the_rebuild_gives_what_the_services_kept(network, organisation, gradia, people, coordinator, other_network):
    aino, bertta, eero = people
    third = member_organisation(network, "Ohjaamo")
    kaisa = person(network, third, first_name="Kaisa")
    meeting_ = meeting(network, coordinator, days_ago(60))
    meeting_services.attendance_set(meeting=meeting_, user=coordinator, people=[aino, kaisa])
    activity(network, days_ago(30), [(aino, organisation), (bertta, gradia), (kaisa, third)])
    activity(network, days_ago(50), [(eero, organisation), (bertta, gradia), (kaisa, third)])
    elsewhere = activity(other_network, days_ago(90), [(eero, organisation), (kaisa, third)])
    kept = _snapshot()
    counts = sorted(Participant.objects.values_list("activity_id", "activity__new_pairs").distinct())
    assert len(kept) == 5
    Acquaintance.objects.all().delete()
    assert contacts_rebuild(network) == 5  # the network's pairs, one of them first met in the other network
    assert _snapshot() == kept
    assert contacts_rebuild() == 5
    assert _snapshot() == kept
    assert sorted(Participant.objects.values_list("activity_id", "activity__new_pairs").distinct()) == counts
    elsewhere.refresh_from_db()
    assert elsewhere.new_pairs == 1


def test_the_command_rebuilds(network, organisation, gradia, people, capsys):
    aino, bertta, _eero = people
    made = activity(network, days_ago(5), [(aino, organisation), (bertta, gradia)])
    Acquaintance.objects.all().delete()
    call_command("contacts_rebuild", network=network.slug)
    made.refresh_from_db()
    assert made.new_pairs == 1
    assert "1 pairs" in capsys.readouterr().out


def test_an_activity_that_has_not_started_makes_no_contacts_until_its_day(
    client_for, network, organisation, gradia, people, coordinator
):
    from networks.trust.activity_queries import quiet_organisations
    from networks.trust.contacts import contacts_for_started_activities
    from networks.trust.reminders import survey_reminders_run

    aino, bertta, _eero = people
    ahead = activity(network, days_ago(-3), [(aino, organisation), (bertta, gradia)], title="Tuleva")
    assert ahead.new_pairs == 0 and pair(aino, bertta) is None
    page = client_for(coordinator).get(f"/trust/activities/{ahead.pk}/", headers={"accept-language": "en"})
    assert "New contacts are counted when the activity has taken place." in page.content.decode()
    contacts_rebuild(network)
    contacts_rebuild()
    assert pair(aino, bertta) is None
    if days_ago(-3).year == days_ago(0).year:
        quiet = {m.organisation for m in quiet_organisations(network_ids=[network.pk], today=days_ago(0))}
        assert {organisation, gradia} <= quiet
    # The day before nothing changes; on its day the daily job counts it.
    contacts_for_started_activities(today=days_ago(-2))
    assert pair(aino, bertta) is None
    survey_reminders_run(today=days_ago(-3))
    ahead.refresh_from_db()
    assert ahead.new_pairs == 1 and pair(aino, bertta).first_met_on == days_ago(-3)
    quiet = {m.organisation for m in quiet_organisations(network_ids=[network.pk], today=days_ago(-3))}
    assert organisation not in quiet and gradia not in quiet
    # The set-based rebuild agrees, on the day and not before.
    contacts_rebuild(today=days_ago(-3))
    assert pair(aino, bertta) is not None
    contacts_rebuild(network, today=days_ago(0))
    assert pair(aino, bertta) is None
