"""No doubled writes and no lost updates: recording an activity or adding a participant twice with the same
one-time token makes one; a stale edit of an activity is refused with the input kept."""

import pytest
from django.urls import reverse

from networks.trust import activities as services
from networks.trust.models import Activity, Participant
from tests import factories
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.networks.trust.activities.factories import member_organisation, person
from tests.stale_edits import assert_stale_refused

pytestmark = pytest.mark.django_db

DATA = {"kind": "training", "title": "Yhteinen koulutuspäivä", "starts_on": "2026-04-14", "hours": "5"}


def test_recording_an_activity_twice_makes_one(client_for, network, member, django_capture_on_commit_callbacks):
    url = reverse("trust:activity_create", kwargs={"slug": network.slug})
    client = client_for(member)
    assert_form_carries_token(client, url)
    first = assert_created_once(client, url, lambda: DATA, Activity.objects.count, django_capture_on_commit_callbacks)
    assert first["Location"].startswith(Activity.objects.get().get_absolute_url())


def test_adding_a_participant_twice_adds_one(client_for, network, coordinator, django_capture_on_commit_callbacks):
    gradia = member_organisation(network, "Gradia")
    made = factories.ActivityFactory(network=network, created_by=coordinator)
    client = client_for(coordinator)
    url = reverse("trust:participant_add", kwargs={"pk": made.pk})
    assert_form_carries_token(client, url)
    assert_created_once(
        client,
        url,
        lambda: {"name": "Vieras Ohjaaja", "organisation": gradia.pk},
        Participant.objects.count,
        django_capture_on_commit_callbacks,
    )


def test_a_stale_edit_is_refused(client_for, network, organisation, coordinator):
    made = factories.ActivityFactory(network=network, created_by=coordinator, title="Alkuperäinen")
    assert_stale_refused(
        client_for(coordinator),
        reverse("trust:activity_edit", kwargs={"pk": made.pk}),
        change=lambda: services.activity_update(activity=made, data={"title": "Toisen otsikko"}),
        overrides={"title": "Minun otsikkoni"},
        saved=lambda: {"title": Activity.objects.get(pk=made.pk).title},
    )


def test_the_edit_saves_and_moves_the_contacts(client_for, network, organisation, coordinator, member):
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia)
    made = factories.ActivityFactory(network=network, created_by=member)
    services.participant_add(activity=made, person=member)
    services.participant_add(activity=made, person=bertta)
    made.refresh_from_db()
    assert made.new_pairs == 1
    url = reverse("trust:activity_edit", kwargs={"pk": made.pk})
    form = client_for(member).get(url).context["form"]
    data = {**DATA, "version": form.initial["version"], "organisers": [gradia.pk]}
    assert client_for(member).post(url, data).status_code == 302
    made.refresh_from_db()
    assert (made.title, list(made.organisers.all()), made.new_pairs) == ("Yhteinen koulutuspäivä", [gradia], 1)
