"""A person's personal access tokens are personal data: listed in the export (never their secrets, which are not
kept), deleted on erasure (see :mod:`portal.lib.personal_data`)."""

from django.utils.translation import gettext_lazy as _

from portal.api.models import AccessToken
from portal.lib.personal_data import register, rows


def export(user):
    tokens = AccessToken.objects.filter(user=user).order_by("created_at", "pk")
    return {
        "api_tokens": rows(
            tokens, "name", "prefix", "scopes", "created_at", "expires_at", "last_used_at", "revoked_at"
        ),
    }


def erase(user):
    AccessToken.objects.filter(user=user).delete()


register(
    name="api_tokens",
    title=_("Your API tokens"),
    order=80,
    fields=[(AccessToken, ["user", "name"])],
    export=export,
    erase=erase,
    sections={"api_tokens": _("API tokens")},
)
