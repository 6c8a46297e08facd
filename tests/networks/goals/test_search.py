"""What shared goals put into the search, kept current: a goal follows its text and status (its label in every
language) and its network's name, and leaves the index when deleted."""

import pytest

from networks.goals import services
from networks.goals.models import Goal
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.portal.search.search_helpers import titles


@pytest.mark.django_db
def test_a_goal_follows_its_text_status_and_network(network, coordinator, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        goal = factories.GoalFactory(
            network=network, title="Uraohjaus tavoittaa nuoret", description="Nuorten uraohjausta kehitetään."
        )
    assert titles(member, "uraohjauksen") == {SearchKind.GOAL: ["Uraohjaus tavoittaa nuoret"]}
    assert titles(member, "agreed") == {}

    with django_capture_on_commit_callbacks(execute=True):
        Goal.objects.filter(pk=goal.pk).update(status=Goal.Status.AGREED)
        services.goal_set_status(goal=goal, status=Goal.Status.IN_PROGRESS, user=coordinator)
    # In progress: käynnissä, pågår
    for word in ["progress", "käynnissä"]:
        assert titles(member, word, SearchKind.GOAL) == ["Uraohjaus tavoittaa nuoret"], word

    with django_capture_on_commit_callbacks(execute=True):
        network.name = "Pohjois-Savon ohjausverkosto"
        network.save(update_fields=["name"])
    assert SearchEntry.objects.get(kind=SearchKind.GOAL, object_id=goal.pk).subtitle == "Pohjois-Savon ohjausverkosto"

    with django_capture_on_commit_callbacks(execute=True):
        Goal.objects.get(pk=goal.pk).delete()
    assert not SearchEntry.objects.filter(kind=SearchKind.GOAL).exists()
