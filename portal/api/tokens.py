"""Personal access tokens: making one (the secret is returned once and only its SHA-256 hash is kept), revoking
one, and finding the token a request's secret belongs to.

The secret is 32 random bytes (``secrets.token_urlsafe``) after the ``vk_`` mark, so a plain hash is enough: there
is nothing to guess that a slow hash would protect. A token's last use is written at most once a minute
(``LAST_USED_EVERY``), so reading the API does not write a row on every request."""

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from portal.api.models import PREFIX_LENGTH, AccessToken
from portal.audit import log
from portal.audit.models import EventKind

MARK = "vk_"
LAST_USED_EVERY = datetime.timedelta(minutes=1)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(*, user, name: str, scopes: list[str], expires_at=None) -> tuple[AccessToken, str]:
    """A new token of ``user``; returns it and its secret, which is shown once and kept nowhere."""
    secret = MARK + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = AccessToken.objects.create(
            user=user,
            name=name,
            scopes=sorted(set(scopes)),
            expires_at=expires_at,
            prefix=secret[:PREFIX_LENGTH],
            secret_hash=hash_secret(secret),
        )
        log.record(EventKind.API_TOKEN_CREATED, subject=user, token=token.prefix, name=name, scopes=token.scopes)
    return token, secret


def token_revoke(*, token: AccessToken) -> None:
    """Revoke ``token`` for good (once: revoking a revoked token changes nothing)."""
    with transaction.atomic():
        token = AccessToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            return
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log.record(EventKind.API_TOKEN_REVOKED, subject=token.user, token=token.prefix, name=token.name)


def token_for_secret(secret: str, *, now=None) -> AccessToken | None:
    """The active token of an active person whose secret this is, with its person; else None. One query, and an
    UPDATE of the last use when the last one written is more than a minute old."""
    if not secret.startswith(MARK) or len(secret) > 100:
        return None
    now = now or timezone.now()
    token = (
        AccessToken.objects.active(now=now)
        .filter(secret_hash=hash_secret(secret), user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
