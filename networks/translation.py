"""The networks app's fields written in several languages: django-modeltranslation imports this module
(``<app>.translation``), and it imports each domain's registrations."""

from networks.glossary import translation as glossary_translation  # noqa: F401
from networks.memberships import translation as membership_translation  # noqa: F401
from networks.news import translation as news_translation  # noqa: F401
from networks.resources import translation as resource_translation  # noqa: F401
