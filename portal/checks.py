"""System checks for deployment mistakes Django's own checks do not know about."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_deployment(app_configs, **kwargs):
    problems = []
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0:
        problems.append(
            Warning(
                "BEHIND_PROXY is on but TRUSTED_PROXY_COUNT is 0: every visitor shares the proxy's address, "
                "so the per-address sign-in limits lock everybody out together.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For.",
                id="portal.W001",
            )
        )
    host = urlsplit(settings.SITE_URL).hostname or ""
    if not settings.DEBUG and (host in {"127.0.0.1", "localhost", "::1"} or not settings.SITE_URL.startswith("https")):
        problems.append(
            Warning(
                f"SITE_URL is {settings.SITE_URL!r}: links in e-mails (invitations) would not reach people.",
                hint="Set SITE_URL to the public https:// address of the portal.",
                id="portal.W002",
            )
        )
    return problems
