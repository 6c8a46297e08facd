"""Signals of the memberships domain, for the domains built on it to act on without memberships knowing them.

``membership_status_changed`` is sent inside the transaction that changed a membership's status (the row is
locked), with ``membership`` and ``old_status``; receivers run in that transaction, so what they write is
committed or rolled back with the change.
"""

from django.dispatch import Signal

membership_status_changed = Signal()
