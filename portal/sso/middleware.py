"""The Content Security Policy of the pages with a single sign-on button.

The button is a form posted to the portal, which answers with a redirect to the provider; browsers check a
form's redirects against ``form-action`` too, so on these pages it lists the providers' origins besides the
portal's own. The origin is the issuer's (Entra ID's and Google's authorization endpoints live on their
issuers' hosts; so do those of the usual OpenID Connect servers).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy

from portal.accounts.sso import ProviderPolicy

# The pages whose forms go to a provider: the sign-in page's buttons, and allauth's page of one provider.
SSO_FORM_PAGES = {"account_login", "openid_connect_login"}


def provider_origins() -> list[str]:
    origins = []
    for issuer in ProviderPolicy.objects.values_list("issuer", flat=True):
        parts = urlsplit(issuer)
        origin = f"{parts.scheme}://{parts.netloc}"
        if parts.scheme and parts.netloc and origin not in origins:
            origins.append(origin)
    return origins


class ProviderFormActionMiddleware:
    """On the pages with a single sign-on button, ``form-action`` allows the providers' origins too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        config = settings.SECURE_CSP
        if match is None or match.url_name not in SSO_FORM_PAGES or not config or str(CSP.HEADER_ENFORCE) in response:
            return response
        if origins := provider_origins():
            config = {**config, "form-action": [*config.get("form-action", []), *origins]}
            response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(config, get_nonce(request))
        return response
