"""Settings for the benchmarks: the portal's, with a URLconf that adds a minimal Django view."""

from portal.settings import *  # noqa: F403 - the benchmark measures the real configuration

ROOT_URLCONF = "tests.bench.urls"
