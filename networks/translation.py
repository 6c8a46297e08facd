"""The networks app's translated fields, found here by django-modeltranslation; each domain declares its own."""

from networks.memberships import translation as membership_translation  # noqa: F401
