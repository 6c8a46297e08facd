"""The demo's resource library (:mod:`portal.demo_data.resources`, which ``manage.py seed_demo`` runs for the main
network): documents and links, one document with two versions, two public; every file made in code passes the
upload checks and is served through the access-checked download."""

import pytest
from django.urls import reverse

from networks.resources.models import Resource, ResourceVersion
from portal.demo_data.resources import seed_resources
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_library(settings, tmp_path, client_for, network, coordinator, member):
    settings.MEDIA_ROOT = tmp_path
    factories.ExpertiseAreaFactory(network=network)
    factories.GoalFactory(network=network)
    made = seed_resources(network, people={coordinator.email: coordinator})
    assert len(made) == 5
    assert {resource.kind for resource in made} == {"document", "link"}
    assert Resource.objects.filter(visibility="public").count() == 2
    assert sorted(ResourceVersion.objects.values_list("number", flat=True)) == [1, 1, 1, 2]
    guide = made[0]
    assert guide.title_sv and guide.title_en
    assert guide.expertise.exists() and guide.goals.exists()
    client = client_for(None)  # the guide is public
    page = client.get(guide.get_absolute_url())
    assert page.status_code == 200
    current = guide.versions.order_by("-number").first().number  # the earlier ones are the network's people's
    download = client.get(reverse("resources:version_download", kwargs={"uuid": guide.uuid, "number": current}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert client_for(member).get(reverse("resources:resource_list", kwargs={"slug": network.slug})).status_code == 200
