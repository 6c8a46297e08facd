"""The audit log of security events: sign-ins, password, MFA, e-mail, role and staff changes, exports and
erasures. Append-only: a database trigger refuses to change or remove a row (see ``models.py``).

Every domain may record an event through :func:`portal.audit.log.record`; this package imports no domain.
"""
