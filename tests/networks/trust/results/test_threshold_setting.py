"""The network's privacy threshold of trust surveys, on the network's edit form (2–50, a clear error)."""

import pytest
from django.urls import reverse

from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db


def _post(client, coordinator, network, value):
    client.force_login(coordinator)
    url = reverse("networks:network_edit", kwargs={"slug": network.slug})
    return client.post(url, {"name_fi": network.name_fi, "trust_threshold": value, **version_of(network)})


@pytest.mark.parametrize("value", ["5", "2", "50"])
def test_coordinator_sets_the_threshold(client, coordinator, network, value):
    assert _post(client, coordinator, network, value).status_code == 302
    network.refresh_from_db()
    assert network.trust_threshold == int(value)


@pytest.mark.parametrize("value", ["1", "51", "0", "-3", "kolme"])
def test_out_of_range_is_refused_with_a_clear_error(client, coordinator, network, value):
    response = _post(client, coordinator, network, value)
    assert response.status_code == 200
    assert response.context["form"].errors["trust_threshold"]
    assert "2" in response.context["form"].errors["trust_threshold"][0]
    assert "50" in response.context["form"].errors["trust_threshold"][0]
    network.refresh_from_db()
    assert network.trust_threshold == 3


def test_left_empty_it_keeps_the_threshold(client, coordinator, network):
    network.trust_threshold = 7
    network.save(update_fields=["trust_threshold"])
    assert _post(client, coordinator, network, "").status_code == 302
    network.refresh_from_db()
    assert network.trust_threshold == 7


def test_the_form_shows_the_threshold(client, coordinator, network):
    client.force_login(coordinator)
    page = client.get(reverse("networks:network_edit", kwargs={"slug": network.slug}))
    assert 'name="trust_threshold"' in page.text and 'value="3"' in page.text
