"""Signals of the meetings domain, for the domains built on it to act on without meetings knowing them.

``attendance_recorded`` is sent inside the transaction that recorded a meeting's attendance, with ``meeting``;
receivers run in that transaction, so what they write is committed or rolled back with the attendance.
"""

from django.dispatch import Signal

attendance_recorded = Signal()
