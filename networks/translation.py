"""The networks app's translated fields: modeltranslation imports this module; each domain registers its own."""

from networks.glossary import translation as glossary_translation  # noqa: F401
