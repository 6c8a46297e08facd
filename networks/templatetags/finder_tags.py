"""Template helpers of the public guidance finder."""

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.html import format_html

from portal.lib import municipalities
from portal.lib.choices import Region
from portal.lib.translated import pick
from portal.templatetags.portal_tags import LANGUAGE_NAMES

register = template.Library()


@register.simple_tag
def areas(service, language: str) -> str:
    """Where the service is for: its municipalities (in ``language``), then its regions, comma-separated."""
    names = [municipalities.name(code, language) for code in service.municipalities]
    names += [str(Region(value).label) for value in service.regions if value in Region.values]
    return ", ".join(names)


@register.simple_tag
def short_translated(obj, field: str, words: int = 30) -> str:
    """``obj.<field>`` in the reader's language cut to ``words`` words; another language's text is marked as
    ``{% translated %}`` marks it."""
    picked = pick(obj, field)
    text = truncatewords(" ".join(picked.text.split()), words)
    if not picked.fallback:
        return format_html("{}", text)
    return format_html(
        '<span lang="{}">{}</span> <small class="text-body-secondary fallback-mark">({})</small>',
        picked.language,
        text,
        LANGUAGE_NAMES[picked.language],
    )
