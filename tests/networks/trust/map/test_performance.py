"""The map of a large network: 300 organisations, each rating 60 others in a closed trust survey (who rate it
back: 9,000 survey ties), 2,000 meetings of the year and 100 joint activities. Drawn once, the map page answers
within 300 ms from the cache; the first drawing's time is printed (run with -s to see the figures).

The limit holds for the fastest of several requests: the machine running the tests may be busy with other work,
and the fastest one is the page's own cost."""

import statistics
import time

import pytest
from django.db import connection
from django.urls import reverse

from tests.networks.trust.map import builders

pytestmark = pytest.mark.django_db

CACHED_LIMIT_MS = 300


def _timed(client, url) -> tuple[float, object]:
    started = time.perf_counter()
    response = client.get(url)
    return (time.perf_counter() - started) * 1000, response


def test_a_large_map_is_fast_once_drawn(client_for, member, network):
    builders.bulk_world(network, 300, ratings_per_org=60, meetings=2000, per_meeting=6, activities=100)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum keeps them in production
    client = client_for(member)
    url = reverse("trust:network_map", kwargs={"slug": network.slug})
    first, response = _timed(client, url)
    assert response.status_code == 200
    assert response.content.count(b'class="map-node"') == 301
    cached = [_timed(client, url)[0] for _ in range(10)]
    ties = response.context["tie_count"]
    print(
        f"\nnetwork map, 301 organisations, {ties} ties, {len(response.content) // 1024} kB: first {first:.0f} ms, "
        f"from the cache fastest {min(cached):.0f} ms, median {statistics.median(cached):.0f} ms"
    )
    assert ties >= 9000
    assert min(cached) < CACHED_LIMIT_MS
