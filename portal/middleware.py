"""Request-wide policies: MFA where it is required, no caching of personal pages."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.db import connection
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from networks.memberships.models import Network, NetworkRole
from portal.access import unrestricted
from portal.lib.access import Role
from portal.sso.receivers import PROVIDER_MFA_SESSION_KEY

# Paths a person who still has to set up MFA may use: the account and MFA pages
# themselves, static files, language switching and the public pages.
_MFA_EXEMPT_PREFIXES = (
    "/accounts/",
    "/static/",
    "/i18n/",
    "/healthz",
    "/accessibility/",
    "/privacy/",
    "/find/",
    "/sitemap.xml",
)


def mfa_required_for(user, *, provider_mfa: bool = False) -> bool:
    """Whether ``user`` must set up an authenticator before using the portal.

    Staff (administrators) always need one, everywhere: they can reach every
    network. Coordinators of a network that asks for it need one too, unless
    they signed in through a single sign-on provider whose two-factor
    authentication counts (``provider_mfa``) and the network accepts it. This
    runs on every signed-in request, so it is one small hand-written query
    (the ORM's compilation of the same two EXISTS cost more than the query).
    """
    privileged = user.is_staff or unrestricted(user)
    sql = f"""
        SELECT
            EXISTS (SELECT 1 FROM {Authenticator._meta.db_table}
                    WHERE user_id = %(user)s AND type IN (%(totp)s, %(webauthn)s)),
            EXISTS (SELECT 1 FROM {NetworkRole._meta.db_table} r
                    JOIN {Network._meta.db_table} n ON n.id = r.network_id
                    WHERE r.user_id = %(user)s AND r.role = %(coordinator)s AND n.require_mfa_for_coordinators
                      AND NOT (%(provider_mfa)s AND n.accept_provider_mfa))
    """  # noqa: S608 - table names come from model metadata, values are parameters
    params = {
        "user": user.pk,
        "totp": Authenticator.Type.TOTP,
        "webauthn": Authenticator.Type.WEBAUTHN,
        "coordinator": Role.COORDINATOR,
        "provider_mfa": provider_mfa,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        has_authenticator, coordinates_strict_network = cursor.fetchone()
    if has_authenticator:
        return False
    return privileged or coordinates_strict_network


class RequireMFAMiddleware:
    """Send people who must use two-factor authentication to set it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            # path_info: the path inside the app, whatever prefix (SCRIPT_NAME) it is served under; asked first,
            # so that a public page does not read the session (which would add "Vary: Cookie")
            not request.path_info.startswith(_MFA_EXEMPT_PREFIXES)
            and user.is_authenticated
            and mfa_required_for(user, provider_mfa=bool(request.session.get(PROVIDER_MFA_SESSION_KEY)))
        ):
            messages.warning(
                request,
                _("Your role requires two-factor authentication. Set up an authenticator app to continue."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class NoStoreForAuthenticatedMiddleware:
    """Pages shown to a signed-in person are personal: browsers and proxies must not keep them. A page that says
    it is the same for everyone (``Cache-Control: public``, the public finder's) is left as it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" in response.get("Cache-Control", ""):
            return response
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response


class RejectNulBytesMiddleware:
    """Answer 400 to a request whose path, query string or form fields contain a NUL byte.

    PostgreSQL refuses NUL in text, so such input would otherwise reach the
    database as a 500. No legitimate browser input contains one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only url-encoded form bodies are read here: parsing a multipart body now would fix its
        # upload handlers before a view could choose its own.
        form_post = request.method == "POST" and request.content_type == "application/x-www-form-urlencoded"
        if "\x00" in request.path or _has_nul(request.GET) or (form_post and _has_nul(request.POST)):
            return HttpResponseBadRequest(_("The request contained characters that are not allowed."))
        return self.get_response(request)


def _has_nul(querydict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in querydict.lists())
