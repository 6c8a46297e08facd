"""Template helpers shared by every app."""

from django import template

from portal.lib import once
from portal.lib.choices import Language
from portal.lib.phones import e164

register = template.Library()


@register.filter
def language_label(code: str) -> str:
    """The translated name of a language code from the shared vocabulary."""
    try:
        return Language(code).label
    except ValueError:
        return code


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced, e.g. ``{% query_with page=2 %}``."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()


@register.inclusion_tag("includes/phone.html")
def phone_link(number: str) -> dict:
    """``number`` as a ``tel:`` link in E.164 form, or as plain text when it cannot be dialled."""
    return {"number": number, "tel": e164(number)}


@register.simple_tag
def once_token() -> str:
    """A hand-written create form's one-time token (:mod:`portal.lib.once`)."""
    return once.hidden_input()
