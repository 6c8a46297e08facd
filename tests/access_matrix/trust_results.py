"""Access-matrix rows of trust-building: closing a round and its results."""

GET = {}

POST = {}

READ_ONLY = set()

CASES = []
