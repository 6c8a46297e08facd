"""Access-matrix rows of trust-building: the network map and its change over the trust surveys. The network's
people see them (observers too); outsiders get 404."""

from tests.access_matrix.rows import NETWORK_READ, Entry, network_slug

GET = {
    "trust:network_map": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "trust:network_map_change": Entry(NETWORK_READ, network_slug, login_redirect=True),
}

POST = {}

READ_ONLY = {"trust:network_map", "trust:network_map_change"}

CASES = []
