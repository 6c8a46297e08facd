"""The claims of the provider's people: from the people file, read at each request (the tests change it)."""

import json

from django.conf import settings
from oauth2_provider.oauth2_validators import OAuth2Validator


def people() -> dict:
    return json.loads(settings.PEOPLE_FILE.read_text())


class Validator(OAuth2Validator):
    # amr (RFC 8176) goes with the openid scope, as Entra ID gives it.
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "amr": "openid"}

    def get_additional_claims(self, request):
        person = people().get(request.user.username, {})
        claims = {"email": request.user.username, "email_verified": person.get("email_verified", True)}
        for claim in ("given_name", "family_name", "amr"):
            if claim in person:
                claims[claim] = person[claim]
        return claims
