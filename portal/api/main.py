"""The read API, ``/api/v1/``: its OpenAPI 3.1 document (``openapi.json``), its docs page (``docs``, Swagger UI
served from our own static files), and the answers to refusals: ``401`` with ``WWW-Authenticate``, ``403`` for a
token without the scope, ``429`` with ``Retry-After``."""

from django.conf import settings
from django.http import JsonResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError

from portal.api import endpoints, public
from portal.api.auth import MissingScopeError
from portal.api.http import RateLimitedError

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}

DESCRIPTION = """\
Read the adult guidance networks' data you can see in Verkosto, as JSON.

Sign in with a personal access token made on the portal's page of API tokens: `Authorization: Bearer <token>`.
Lists come in pages: follow each page's `next` link (cursor pagination). Every answer has an `ETag`; send it back
in `If-None-Match` to get `304 Not Modified` when nothing changed. Each token and each address has a rate limit;
past it the answer is `429` with `Retry-After`.

The open data (the public guidance services and organisations) is licensed under CC BY 4.0."""


def _problem(status: int, detail: str, **headers) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


api = NinjaAPI(
    title="Verkosto API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None}),
    openapi_extra={
        "info": {
            "license": LICENCE,
            "contact": {"name": settings.SERVICE_OPERATOR, "email": settings.API_CONTACT_EMAIL},
        }
    },
)
api.add_router("/", endpoints.router)
api.add_router("/public", public.router)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    given = "Authorization" in request.headers
    challenge = 'Bearer realm="api", error="invalid_token"' if given else 'Bearer realm="api"'
    return _problem(401, "A valid personal access token is needed.", WWW_Authenticate=challenge)


@api.exception_handler(MissingScopeError)
def missing_scope(request, exc):
    challenge = 'Bearer realm="api", error="insufficient_scope", scope="read"'
    return _problem(403, "The token does not have the read scope.", WWW_Authenticate=challenge)


@api.exception_handler(RateLimitedError)
def rate_limited(request, exc):
    return _problem(429, "Too many requests.", Retry_After=str(exc.retry_after))
