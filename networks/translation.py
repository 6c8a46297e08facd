"""The networks app's fields written in several languages: each domain registers its own in its
``translation.py`` (django-modeltranslation finds this module)."""

from networks.resources import translation as resource_translation  # noqa: F401
