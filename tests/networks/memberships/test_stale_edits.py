"""No lost updates: the network's settings and its vocabulary's terms refuse a stale save
(before, they were saved silently over a newer save)."""

import pytest
from django.urls import reverse

from networks.memberships import services
from networks.memberships.models import Network
from partners.directory import services as directory
from partners.directory.models import ExpertiseArea
from tests import factories
from tests.stale_edits import assert_stale_refused

pytestmark = pytest.mark.django_db


def test_network_settings(client_for, network, coordinator):
    assert_stale_refused(
        client_for(coordinator),
        reverse("networks:network_edit", kwargs={"slug": network.slug}),
        change=lambda: services.network_update(network=network, data={"description": "Toisen kuvaus"}),
        overrides={"description_fi": "Minun kuvaukseni"},
        saved=lambda: {"description": Network.objects.get(pk=network.pk).description},
    )


def test_expertise_term(client_for, network, coordinator):
    area = factories.ExpertiseAreaFactory(network=network, name="Osaamisen tunnistaminen")

    def change():
        area.description = "Toisen kuvaus"
        directory.expertise_area_save(area=area)

    assert_stale_refused(
        client_for(coordinator),
        reverse("networks:expertise_edit", kwargs={"slug": network.slug, "pk": area.pk}),
        change=change,
        overrides={"description": "Minun kuvaukseni"},
        saved=lambda: {"description": ExpertiseArea.objects.get(pk=area.pk).description},
    )
