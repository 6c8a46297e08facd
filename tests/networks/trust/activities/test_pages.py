"""The pages of joint activities: the list with its filters and empty state, recording, the activity's page,
editing, deleting, adding and removing participants, and a participant's reflection."""

import datetime

import pytest
from django.urls import reverse

from networks.trust.models import Activity, Participant
from tests import factories
from tests.networks.trust.activities.factories import activity, days_ago, member_organisation, person

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def _list(network):
    return reverse("trust:activity_list", kwargs={"slug": network.slug})


def _detail(made):
    return reverse("trust:activity_detail", kwargs={"pk": made.pk})


def test_the_empty_list_invites_a_member_to_record_the_first(client_for, network, member):
    page = client_for(member).get(_list(network), headers=EN)
    content = page.content.decode()
    assert "The network has recorded no joint activities yet." in content
    assert reverse("trust:activity_create", kwargs={"slug": network.slug}) in content
    assert reverse("trust:activity_report", kwargs={"slug": network.slug}) not in content  # coordinators only


def test_the_list_filters_by_kind_and_year(client_for, network, observer):
    factories.ActivityFactory(
        network=network, title="Varjostus 2025", kind="shadowing", starts_on=datetime.date(2025, 5, 1)
    )
    factories.ActivityFactory(
        network=network, title="Koulutus 2025", kind="training", starts_on=datetime.date(2025, 6, 1)
    )
    factories.ActivityFactory(
        network=network, title="Koulutus 2024", kind="training", starts_on=datetime.date(2024, 6, 1)
    )
    client = client_for(observer)
    content = client.get(_list(network), {"kind": "training", "year": "2025"}, headers=EN).content.decode()
    assert "Koulutus 2025" in content
    assert "Varjostus 2025" not in content and "Koulutus 2024" not in content
    assert "Record an activity" not in content  # observers only read
    content = client.get(_list(network), {"kind": "informal"}, headers=EN).content.decode()
    assert "No activities match these filters." in content
    # A year that is no choice is ignored, not an error.
    assert client.get(_list(network), {"year": "abc"}).status_code == 200


def test_a_member_records_an_activity_with_organisers_and_goals(client_for, network, organisation, member, goal):
    url = reverse("trust:activity_create", kwargs={"slug": network.slug})
    client = client_for(member)
    assert client.get(url).status_code == 200
    data = {
        "kind": "shadowing",
        "title": "Työn varjostus Gradiassa",
        "starts_on": "2026-03-02",
        "ends_on": "2026-03-03",
        "hours": "6",
        "place": "Gradia",
        "description": "Kaksi päivää opinto-ohjaajan mukana.",
        "organisers": [organisation.pk],
        "goals": [goal.pk],
    }
    response = client.post(url, data)
    made = Activity.objects.get(title="Työn varjostus Gradiassa")
    assert response.status_code == 302 and response["Location"].endswith(f"{_detail(made)}#participants")
    assert (
        made.created_by == member and list(made.organisers.all()) == [organisation] and list(made.goals.all()) == [goal]
    )


def test_bad_input_is_said_and_kept(client_for, network, member, other_network):
    foreign_goal = factories.GoalFactory(network=other_network)
    url = reverse("trust:activity_create", kwargs={"slug": network.slug})
    data = {"kind": "training", "title": "Koulutus", "starts_on": "2026-03-02", "ends_on": "2026-03-01", "hours": "2"}
    response = client_for(member).post(url, data | {"goals": [foreign_goal.pk]}, headers=EN)
    assert response.status_code == 200
    form = response.context["form"]
    assert "ends_on" in form.errors and "goals" in form.errors  # only the network's own goals are offered
    assert 'value="Koulutus"' in response.content.decode()
    assert not Activity.objects.exists()


def test_the_page_shows_participants_reflections_usefulness_and_new_contacts(
    client_for, network, organisation, coordinator, member, observer
):
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia, first_name="Bertta", last_name="Berg")
    made = activity(network, days_ago(3), [(member, organisation), (bertta, gradia), ("Nimetty Vieras", gradia)])
    Participant.objects.filter(user=member).update(
        reflection="Opin paljon.", usefulness=4, reflected_at=made.created_at
    )
    Participant.objects.filter(user=bertta).update(usefulness=5, reflected_at=made.created_at)
    content = client_for(observer).get(_detail(made), headers=EN).content.decode()
    assert "Nimetty Vieras" in content and "Bertta Berg" in content
    assert "Opin paljon." in content
    assert "Usefulness to the network: 4.5 / 5 (rated by 2 participants)." in content
    assert "1 new contact between people of different organisations" in content
    assert "Who met for the first time" not in content  # the list is for coordinators
    assert "Add a participant" not in content
    content = client_for(coordinator).get(_detail(made), headers=EN).content.decode()
    assert "Who met for the first time" in content and "Add a participant" in content


def test_the_recorder_adds_a_person_with_their_organisation_and_a_named_one(client_for, network, organisation, member):
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia, first_name="Bertta")
    outsider_person = factories.UserFactory()
    made = factories.ActivityFactory(network=network, created_by=member)
    url = reverse("trust:participant_add", kwargs={"pk": made.pk})
    client = client_for(member)
    assert client.post(url, {"person": bertta.pk}).status_code == 302
    assert Participant.objects.get(activity=made, user=bertta).organisation == gradia  # their member organisation
    assert client.post(url, {"name": "Vieras Ohjaaja", "organisation": organisation.pk}).status_code == 302
    assert Participant.objects.get(activity=made, name="Vieras Ohjaaja").organisation == organisation
    made.refresh_from_db()
    assert made.new_pairs == 0  # one person with an account only
    # Nobody, someone outside the network, a name without an organisation, twice the same: refused, said.
    for data in ({}, {"person": outsider_person.pk}, {"name": "Nimi"}, {"person": bertta.pk}):
        response = client.post(url, data, headers=EN)
        assert response.status_code == 200 and response.context["form"].errors, data
    assert made.participants.count() == 2


def test_removing_a_participant_is_confirmed(client_for, network, organisation, coordinator, member):
    made = activity(network, days_ago(3), [(member, organisation)])
    participant = made.participants.get()
    url = reverse("trust:participant_remove", kwargs={"pk": made.pk, "participant": participant.pk})
    client = client_for(coordinator)
    assert "Remove the participant" in client.get(url, headers=EN).content.decode()
    client.post(url, {})
    assert made.participants.exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not made.participants.exists()


def test_a_participant_reflects_once_it_has_started(client_for, network, organisation, member):
    made = activity(network, days_ago(1), [(member, organisation)])
    url = reverse("trust:reflection_edit", kwargs={"pk": made.pk})
    client = client_for(member)
    assert client.post(url, {"reflection": "Hyödyllinen päivä.", "usefulness": "5"}).status_code == 302
    assert client.post(url, {"reflection": "Vielä parempi.", "usefulness": "4"}).status_code == 302
    mine = made.participants.get(user=member)
    assert (mine.reflection, mine.usefulness) == ("Vielä parempi.", 4)
    assert client.post(url, {"usefulness": "9"}).status_code == 200  # out of range
    ahead = activity(network, days_ago(-3), [(member, organisation)])
    response = client.get(reverse("trust:reflection_edit", kwargs={"pk": ahead.pk}))
    assert response.status_code == 403  # not before it starts
    assert client.get(_detail(ahead)).context["reflection_form"] is None


def test_deleting_is_confirmed_and_only_the_manager_may(client_for, network, organisation, coordinator, member):
    made = factories.ActivityFactory(network=network, created_by=coordinator)
    url = reverse("trust:activity_delete", kwargs={"pk": made.pk})
    assert client_for(member).get(url).status_code == 403  # recorded by someone else
    client = client_for(coordinator)
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 200
    assert client.post(url, {"confirm": "yes"})["Location"] == _list(network)
    assert not Activity.objects.filter(pk=made.pk).exists()


def test_the_network_page_links_to_the_activities(client_for, network, member):
    content = client_for(member).get(reverse("networks:network_detail", kwargs={"slug": network.slug})).content.decode()
    assert _list(network) in content


def test_the_activity_page_links_to_adding_and_lists_nobody_to_choose(client_for, network, coordinator):
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia, first_name="Bertta")
    made = factories.ActivityFactory(network=network)
    content = client_for(coordinator).get(_detail(made), headers=EN).content.decode()
    assert reverse("trust:participant_add", kwargs={"pk": made.pk}) in content
    assert f'<option value="{bertta.pk}"' not in content and 'name="person"' not in content


def test_adding_finds_people_by_name_or_address_and_offers_at_most_twenty(client_for, network, organisation, member):
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia, first_name="Bertta", last_name="Berg")
    others = [person(network, gradia, first_name="Ohjaaja", last_name=f"Numero {n:02}") for n in range(22)]
    made = factories.ActivityFactory(network=network, created_by=member)
    url = reverse("trust:participant_add", kwargs={"pk": made.pk})
    client = client_for(member)
    content = client.get(url, headers=EN).content.decode()
    assert "Search for the person above first" in content and f'<option value="{bertta.pk}"' not in content
    page = client.get(url, {"q": "bert"}, headers=EN)
    assert [m.pk for m in page.context["form"].matches] == [bertta.pk]
    assert f'<option value="{bertta.pk}"' in page.content.decode()
    page = client.get(url, {"q": bertta.email}, headers=EN)
    assert [m.pk for m in page.context["form"].matches] == [bertta.pk]
    page = client.get(url, {"q": "ohjaaja"}, headers=EN)
    content = page.content.decode()
    assert len(page.context["form"].matches) == 20 and "Narrow the search" in content
    assert f'<option value="{others[21].pk}"' not in content
    # An error keeps the search and its choices; a valid choice is added once and is not offered again.
    page = client.post(f"{url}?q=bert", {"person": bertta.pk, "name": "Joku"}, headers=EN)
    assert page.status_code == 200 and f'<option value="{bertta.pk}"' in page.content.decode()
    assert client.post(f"{url}?q=bert", {"person": bertta.pk}).status_code == 302
    assert made.participants.get().user == bertta
    assert client.get(url, {"q": "bert"}, headers=EN).context["form"].matches == []
