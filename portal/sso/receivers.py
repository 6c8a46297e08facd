"""After a sign-in: remember in the session whether the single sign-on provider's own two-factor authentication
took place (its ``amr`` claim, where the provider's policy trusts it), for the MFA requirement
(:mod:`portal.middleware`). The audit log's sign-in event names the provider by itself
(:mod:`portal.audit.receivers`)."""

from allauth.account import signals as account_signals
from django.dispatch import receiver

from portal.accounts.sso import amr_is_multi_factor
from portal.sso.signin import policy_for

# The provider id whose trusted two-factor authentication this session's sign-in used.
PROVIDER_MFA_SESSION_KEY = "verkosto_provider_mfa"


def provider_mfa(sociallogin) -> bool:
    """Whether this single sign-on counts as two-factor authentication by its provider's policy."""
    policy = policy_for(sociallogin.provider.app)
    if policy is None or not policy.trust_mfa:
        return False
    data = sociallogin.account.extra_data or {}
    claims = data.get("id_token") or data.get("userinfo") or {}
    return amr_is_multi_factor(claims.get("amr"))


@receiver(account_signals.user_logged_in, dispatch_uid="sso_signed_in")
def _signed_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is None:
        request.session.pop(PROVIDER_MFA_SESSION_KEY, None)
        return
    if provider_mfa(sociallogin):
        request.session[PROVIDER_MFA_SESSION_KEY] = sociallogin.provider.app.provider_id
    else:
        request.session.pop(PROVIDER_MFA_SESSION_KEY, None)
