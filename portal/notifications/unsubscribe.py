"""The one-click unsubscribe link of every e-mail (RFC 8058): a signed token naming the person and the kinds
the message was about, the link in the message's footer and in its ``List-Unsubscribe`` header.

The token is signed with the site's secret key and a salt of its own, so it cannot be made up or altered,
and it is not valid for anything else; it does not expire (a digest read months later still unsubscribes).
"""

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from portal.notifications.kinds import Kind

SALT = "portal.notifications.unsubscribe"


def make_token(user, kinds) -> str:
    return signing.dumps({"u": user.pk, "k": sorted(set(kinds))}, salt=SALT)


def read_token(token: str) -> tuple[int, list[str]] | None:
    """``(person id, kinds)`` of a genuine token, None for a forged, altered or malformed one."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    user_id, kinds = payload.get("u"), payload.get("k")
    if not isinstance(user_id, int) or not isinstance(kinds, list) or not kinds:
        return None
    if not all(isinstance(kind, str) and kind in Kind.values for kind in kinds):
        return None
    return user_id, kinds


def unsubscribe_url(user, kinds) -> str:
    return settings.SITE_URL + reverse("notifications:unsubscribe", kwargs={"token": make_token(user, kinds)})


def add_unsubscribe(message, *, kinds) -> None:
    """Give an outgoing message (:class:`portal.lib.mail.Outgoing`) its footer line and its headers."""
    url = unsubscribe_url(message.person, kinds)
    with override(message.language):
        footer = render_to_string(
            "portal/notifications/email/footer.txt",
            {
                "unsubscribe_url": url,
                "kinds": [str(Kind(kind).label) for kind in sorted(set(kinds))],
                "settings_url": settings.SITE_URL + reverse("notifications:notification_settings"),
            },
        )
    message.body = message.body.rstrip() + "\n\n-- \n" + footer.strip() + "\n"
    message.headers.update({"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
