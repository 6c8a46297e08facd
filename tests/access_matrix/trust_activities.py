"""Access-matrix rows of trust-building: joint activities and the activity report."""

GET = {}

POST = {}

READ_ONLY = set()

CASES = []
