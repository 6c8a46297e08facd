"""A page that htmx also asks for a region of (filters applied in place, a part refreshed on a timer).

htmx 2 sends ``HX-Request`` when it restores a page of its history it no longer keeps (a history-cache miss,
``historyRestoreAsHxRequest``) and puts the answer in place of the whole body: such a request wants the whole
page, with ``HX-History-Restore-Request``. The page and its region share an address, so both answers say that
they vary with ``HX-Request``: a cache (the browser's too) never gives one for the other.
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_region(request) -> bool:
    """Whether htmx asks for the page's region alone (not the whole page to restore its history)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def vary_on_htmx(response):
    patch_vary_headers(response, ("HX-Request",))
    return response


def render_page_or_region(request, template: str, region: str, context, **kwargs):
    """``template``, or only its partial ``region`` when htmx asks for it (:func:`wants_region`)."""
    name = f"{template}#{region}" if wants_region(request) else template
    return vary_on_htmx(render(request, name, context, **kwargs))
