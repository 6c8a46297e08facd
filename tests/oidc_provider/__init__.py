"""A real OpenID Connect provider for the tests: a small Django project of its own (django-oauth-toolkit with
OIDC), run as a second process by :func:`tests.oidc_provider.process.running_provider`. It is the outside party
of single sign-on: its own database (SQLite in a temporary directory), its own RS256 key, its own users.

Its people are read from a JSON file the tests write (``PROVIDER_PEOPLE``): by address, the password they type
at the provider and the claims it gives (``email_verified``, ``amr``, names). Consent is granted by itself.
"""
