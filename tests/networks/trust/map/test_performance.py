"""The map of a large network: 300 organisations, each rating 60 others in a closed trust survey (about 9,000
ties), 2,000 meetings of the year and 100 joint activities. Drawn once, the map page answers within 300 ms
from the cache; the first drawing's time is printed (run with -s to see the figures)."""

import statistics
import time

import pytest
from django.urls import reverse

from tests.networks.trust.map import builders

pytestmark = pytest.mark.django_db

CACHED_LIMIT_MS = 300


def test_a_large_map_is_fast_once_drawn(client_for, member, network):
    builders.bulk_world(network, 300, ratings_per_org=60, meetings=2000, per_meeting=6, activities=100)
    client = client_for(member)
    url = reverse("trust:network_map", kwargs={"slug": network.slug})
    started = time.perf_counter()
    response = client.get(url)
    first = (time.perf_counter() - started) * 1000
    assert response.status_code == 200
    assert response.content.count(b'class="map-node"') == 301
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    cached = statistics.median(timings)
    ties = int(response.context["tie_count"])
    print(f"\nnetwork map, 301 organisations, {ties} ties: first {first:.0f} ms, cached median {cached:.0f} ms")
    assert ties > 9000
    assert cached < CACHED_LIMIT_MS
