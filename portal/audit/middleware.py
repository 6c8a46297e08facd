"""Keeps the request being answered where the audit log finds it (``portal.audit.log.current_request``), so
that an event recorded in a service or a model signal still says who did it and from which address."""

from portal.audit.log import current_request


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
