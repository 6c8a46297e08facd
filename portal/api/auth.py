"""Signing in to the API: ``Authorization: Bearer <personal access token>``.

An unknown, revoked or expired token, or one whose person has been deactivated, is a ``401`` with
``WWW-Authenticate: Bearer``; a token without the ``read`` scope is a ``403``. Each token has its own rate limit
(``API_RATE_PER_TOKEN`` requests a window). The session cookie does not sign in to the API: a page's cookie
never reads JSON on the person's behalf, and no request of the API needs CSRF protection."""

from django.conf import settings
from ninja.security import HttpBearer

from portal.api.http import throttle
from portal.api.models import Scope
from portal.api.tokens import token_for_secret


class MissingScopeError(Exception):
    """The token is genuine but does not allow this."""


class TokenAuth(HttpBearer):
    openapi_description = "A personal access token, made on the portal's page of API tokens."

    def __init__(self, scope: str = Scope.READ):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token):
        found = token_for_secret(token)
        if found is None:
            return None
        throttle(f"token:{found.pk}", limit=settings.API_RATE_PER_TOKEN)
        if not found.has_scope(self.scope):
            raise MissingScopeError
        request.api_token = found
        return found


def person(request):
    """The person the request's token belongs to."""
    return request.auth.user
