"""Template helpers shared by every app."""

from django import template
from django.template.defaultfilters import linebreaks
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from portal.lib import once
from portal.lib.choices import Language
from portal.lib.phones import e164
from portal.lib.translated import pick

# The mark after a text shown in another language than the reader's ("(in Finnish)", "(suomeksi)").
LANGUAGE_NAMES = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}

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


@register.simple_tag
def translated(obj, field: str, block: bool = False, mark: bool = True):
    """``obj.<field>`` in the reader's language; another language's text, when that is all there is, in an
    element with that language's ``lang`` and followed by a mark in the reader's language ("(in Finnish)").

    ``block=True`` keeps the text's paragraphs and line breaks (``linebreaks``), for descriptions.
    ``mark=False`` leaves the mark out (a list, where it would clutter) but keeps the ``lang``.
    """
    picked = pick(obj, field)
    body = linebreaks(picked.text, autoescape=True) if block else conditional_escape(picked.text)
    if not picked.fallback:
        return mark_safe(body)  # noqa: S308 - escaped above
    tag = "div" if block else "span"
    if not mark:
        return format_html('<{} lang="{}">{}</{}>', tag, picked.language, mark_safe(body), tag)  # noqa: S308
    return format_html(
        '<{} lang="{}">{}</{}> <small class="text-body-secondary fallback-mark">({})</small>',
        tag,
        picked.language,
        mark_safe(body),  # noqa: S308 - escaped above
        tag,
        LANGUAGE_NAMES[picked.language],
    )
