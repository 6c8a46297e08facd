"""Trust-building: joint activities between the member organisations' people, the new personal contacts
they make, trust surveys of the member organisations (PARTNER-style rounds and partnership health checks),
their results with privacy thresholds, and the network map."""
