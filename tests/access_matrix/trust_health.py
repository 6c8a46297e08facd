"""Access-matrix rows of trust-building: partnership health checks."""

GET = {}

POST = {}

READ_ONLY = set()

CASES = []
