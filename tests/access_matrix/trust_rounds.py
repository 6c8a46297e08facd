"""Access-matrix rows of trust-building: survey rounds: opening and answering."""

GET = {}

POST = {}

READ_ONLY = set()

CASES = []
