"""The networks app's fields written in several languages: django-modeltranslation imports this module
(``<app>.translation``), and it imports each domain's registrations."""

from networks.news import translation as news_translation  # noqa: F401
