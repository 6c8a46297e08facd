"""Access-matrix rows of trust-building: the network map."""

GET = {}

POST = {}

READ_ONLY = set()

CASES = []
