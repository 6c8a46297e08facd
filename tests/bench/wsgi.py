"""The benchmark's WSGI entry: our Django app, plus a plain WSGI hello on /__hello__.

Both are served by the same gunicorn worker, so the ratio of their request
rates measured in one run says how heavy our pages are, whatever the machine.
"""

from portal.wsgi import application as django_application


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/__hello__":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "6")])
        return [b"hello\n"]
    return django_application(environ, start_response)
