"""How the finder's pages answer: in the reader's language without a cookie, cacheable by anyone, unframable but
for the embed.

The language is the address's ``?lang=`` (``fi``, ``sv``, ``en``), else the first of the browser's
Accept-Language the portal speaks, else Finnish; the page links carry it on. Nothing here reads the session or
``request.user`` (:func:`render_public` runs no context processor), and the pages render no CSRF token, so no
response sets a cookie, and one response serves everyone (``Cache-Control: public``, ``Vary: Accept-Language``).
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_safe

from portal.lib.translated import LANGUAGE_CODES

MAX_AGE = 300  # seconds a browser or a proxy may keep a public page; a change shows in the portal at once


def public_language(request) -> str:
    """The reader's language: ``?lang=``, else Accept-Language, else the portal's default."""
    wanted = request.GET.get("lang", "")
    if wanted in LANGUAGE_CODES:
        return wanted
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if accepted == "*":
            break
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def public_page(view):
    """A page anyone may read: rendered in :func:`public_language` (passed to the view as ``language``),
    ``Cache-Control: public``, ``Content-Language`` and ``Vary: Accept-Language``."""

    @wraps(view)
    @require_safe
    def answer(request, *args, **kwargs):
        language = public_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, language=language, **kwargs)
        response.headers["Content-Language"] = language
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        else:
            patch_cache_control(response, public=True, max_age=60)
        patch_vary_headers(response, ["Accept-Language"])
        return response

    return answer


def render_public(request, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    """``template`` rendered without the portal's context processors: they read the person (the session, which
    would add "Vary: Cookie") and their notifications, which no public page shows. The templates get ``request``."""
    return HttpResponse(render_to_string(template, {**context, "request": request}), status=status)


def not_found(request, language: str):
    """A 404 in the finder's own layout (the portal's 404 page carries a CSRF token, which sets a cookie)."""
    return render_public(request, "networks/finder/not_found.html", {"language": language}, status=404)
