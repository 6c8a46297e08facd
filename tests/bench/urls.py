"""The portal's URLs plus ``/__bench__/small/``: the yardstick the directory benchmark compares with.

The minimal view goes through the same middleware (sessions, authentication, CSP, ...) and
renders a small template, so a page's ratio to it says what the page itself costs.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

_SMALL = engines["django"].from_string(
    '<!doctype html><html lang="fi"><title>{{ title }}</title><h1>{{ title }}</h1>'
    "<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></html>"
)


def small(request):
    return HttpResponse(_SMALL.render({"title": "Verkosto", "items": ["yksi", "kaksi", "kolme"]}, request))


urlpatterns = [path("__bench__/small/", small), *portal_urlpatterns]
