"""``{% load glossary_tags %}``: the glossary's filters live in :mod:`networks.glossary.templatetags`; Django finds
template libraries in the app's ``templatetags`` package, so this module hands that library on."""

from networks.glossary.templatetags.glossary_tags import register

__all__ = ["register"]
