"""Single sign-on in the tests: the portal's provider app pointed at the tests' own OpenID Connect provider
(:mod:`tests.oidc_provider`), and the whole redirect dance done with ``requests`` across the two servers."""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import requests
from allauth.socialaccount.models import SocialApp

from portal.accounts.sso import ProviderPolicy
from tests.oidc_provider.process import PROVIDER_PASSWORD, Provider

PROVIDER_ID = "testidp"
PROVIDER_NAME = "Organisaation tili (Testi-IdP)"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def callback_path() -> str:
    return f"/accounts/oidc/{PROVIDER_ID}/login/callback/"


@dataclass
class SSO:
    provider: Provider
    app: SocialApp
    policy: ProviderPolicy


def configure(provider: Provider, *, domains=("example.fi",), trust_mfa=True) -> SSO:
    """The provider app and its policy, as an administrator makes them in the admin."""
    provider.forget_everyone()
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=PROVIDER_ID,
        name=PROVIDER_NAME,
        client_id=provider.client_id,
        secret=provider.client_secret,
    )
    policy = ProviderPolicy(app=app, preset=ProviderPolicy.Preset.OIDC, issuer=provider.issuer)
    policy.allowed_domains = list(domains)
    policy.trust_mfa = trust_mfa
    policy.full_clean()
    policy.save()
    return SSO(provider=provider, app=app, policy=policy)


def sign_in_with_requests(base_url: str, email: str, session: requests.Session | None = None) -> requests.Response:
    """Press the provider's button on the portal's sign-in page, sign in at the provider as ``email``; the
    portal's last answer (redirects followed)."""
    session = session or requests.Session()
    login_page = session.get(urljoin(base_url, "/accounts/login/"), timeout=10)
    token = CSRF.search(login_page.text).group(1)
    at_provider = session.post(
        urljoin(base_url, f"/accounts/oidc/{PROVIDER_ID}/login/"),
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": login_page.url},
        timeout=10,
    )
    assert "Test identity provider" in at_provider.text, at_provider.text[:500]
    next_url = re.search(r'name="next" value="([^"]+)"', at_provider.text).group(1).replace("&amp;", "&")
    return session.post(
        at_provider.url,
        data={
            "csrfmiddlewaretoken": CSRF.search(at_provider.text).group(1),
            "username": email,
            "password": PROVIDER_PASSWORD,
            "next": next_url,
        },
        headers={"Referer": at_provider.url},
        timeout=20,
    )
