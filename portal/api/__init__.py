"""The open read API (JSON, django-ninja) under ``/api/v1/`` and the personal access tokens that sign people in
to it. The API composes the domains (it reads their querysets); the tokens' model lives in ``models.py`` and
imports no domain, so that the portal app (``portal.models``) can register it."""
