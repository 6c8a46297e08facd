"""Access-matrix rows of trust-building: the network map and its change over the trust surveys. The network's
people see the map (observers too); the change over the surveys tells what the organisations said of each
other, so only the coordinators see it (403 for the others with a role). Outsiders get 404."""

from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, Entry, network_slug

GET = {
    "trust:network_map": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "trust:network_map_change": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
}

POST = {}

READ_ONLY = {"trust:network_map", "trust:network_map_change"}

CASES = []
