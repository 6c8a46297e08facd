"""The networks app's fields written in several languages: modeltranslation imports this module; each domain
registers its own in its ``translation.py``."""

from networks.glossary import translation as glossary_translation  # noqa: F401
from networks.resources import translation as resource_translation  # noqa: F401
