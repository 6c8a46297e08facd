"""The partners app's translated fields, found here by django-modeltranslation; each domain declares its own."""

from partners.directory import translation as directory_translation  # noqa: F401
