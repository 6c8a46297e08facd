"""What joint activities put into the search, kept current: an activity follows its text, kind and date and its
network's name, and leaves the index when deleted."""

import datetime

import pytest

from networks.trust.activities import activity_delete, activity_update
from networks.trust.models import Activity
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.portal.search.search_helpers import titles


@pytest.mark.django_db
def test_an_activity_follows_its_text_and_network(network, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        activity = factories.ActivityFactory(
            network=network, title="Opintokäynti Tampereelle", kind=Activity.Kind.STUDY_VISIT, description=""
        )
    assert titles(member, "opintokäynnille") == {SearchKind.ACTIVITY: ["Opintokäynti Tampereelle"]}
    assert titles(member, "visit", SearchKind.ACTIVITY) == ["Opintokäynti Tampereelle"]

    with django_capture_on_commit_callbacks(execute=True):
        activity = activity_update(
            activity=activity,
            data={
                "title": "Vertaismentorointi",
                "kind": Activity.Kind.PEER_MENTORING,
                "starts_on": datetime.date(2026, 5, 4),
            },
        )
    assert titles(member, "opintokäynti") == {}
    assert titles(member, "mentoring", SearchKind.ACTIVITY) == ["Vertaismentorointi"]
    assert SearchEntry.objects.get(kind=SearchKind.ACTIVITY, object_id=activity.pk).subtitle.endswith("4.5.2026")

    with django_capture_on_commit_callbacks(execute=True):
        network.name = "Lapin ohjausverkosto"
        network.save()
    assert SearchEntry.objects.get(kind=SearchKind.ACTIVITY, object_id=activity.pk).subtitle.startswith("Lapin ")

    with django_capture_on_commit_callbacks(execute=True):
        activity_delete(activity=activity)
    assert not SearchEntry.objects.filter(kind=SearchKind.ACTIVITY).exists()
