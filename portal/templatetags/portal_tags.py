"""Template helpers shared by every app."""

from django import template

from portal.lib.choices import Language

register = template.Library()


@register.filter
def language_label(code: str) -> str:
    """The translated name of a language code from the shared vocabulary."""
    try:
        return Language(code).label
    except ValueError:
        return code
