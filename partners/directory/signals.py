"""Signals of the directory, for the domains built on it to act on without the directory knowing them.

``affiliation_ended`` is sent inside the transaction that ended a person's affiliation with an organisation
(``affiliation``, its ``until`` set); receivers run in that transaction, so what they change (the person's
roles in networks, the memberships they represented the organisation in) is committed or rolled back with it.
"""

from django.dispatch import Signal

affiliation_ended = Signal()
