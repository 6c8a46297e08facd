"""Who may sign in through a single sign-on provider, and with which account.

Only people the portal already knows: an account (matched by the provider's verified e-mail address, and linked
to the provider's account at the first sign-in) or an open invitation to the address (accepted as the
invitation link would: the account, the organisation and the network's role). The address must be verified by
the provider and of a domain the provider's policy allows; a deactivated account stays out. Every refusal is a
:class:`RefusalError` with a translated message for the sign-in page and a reason for the audit log.
"""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _

from networks.memberships import invitations
from portal.accounts.models import Invitation, User
from portal.accounts.sso import ProviderPolicy
from portal.lib.errors import DomainError

MESSAGES = {
    "not_configured": _("Signing in through this service is not set up. Sign in with your password."),
    "no_email": _("The sign-in service did not tell Verkosto your e-mail address. Sign in with your password."),
    "unverified": _(
        "The sign-in service has not verified your e-mail address, so it cannot be used to sign in to Verkosto. "
        "Sign in with your password."
    ),
    "domain": _(
        "Addresses of this domain cannot sign in through this service. Sign in with your password or ask your "
        "network's coordinator."
    ),
    "inactive": _("This account has been deactivated. Ask your network's coordinator."),
    "no_account": _("This address has no account in Verkosto. Ask your network's coordinator for an invitation."),
}


class RefusalError(Exception):
    """A single sign-on the portal does not let in; ``reason`` is a key of :data:`MESSAGES`."""

    def __init__(self, reason: str, *, email: str = "", user: User | None = None, message: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.email = email
        self.user = user
        self.message = message or str(MESSAGES[reason])


def policy_for(app) -> ProviderPolicy | None:
    if app is None or app.pk is None:  # a provider only in settings has no policy: not allowed
        return None
    return ProviderPolicy.objects.filter(app_id=app.pk).first()


def provider_email(sociallogin, policy: ProviderPolicy) -> tuple[str, bool]:
    """The provider's address of the person and whether the provider verified it.

    ``email_verified`` says so (Google and most providers). Entra ID sends no ``email_verified``: there the
    optional claim ``xms_edov`` (the address's domain is verified by the tenant's owner) says it.
    """
    for address in sociallogin.email_addresses:
        if address.email:
            verified = bool(address.verified)
            if not verified and policy.preset == ProviderPolicy.Preset.ENTRA:
                verified = any(claims.get("xms_edov") in (True, "true", "1", 1) for claims in _claims(sociallogin))
            return address.email.strip().lower(), verified
    return "", False


def _claims(sociallogin) -> list[dict]:
    data = sociallogin.account.extra_data or {}
    return [claims for claims in (data.get("id_token"), data.get("userinfo")) if isinstance(claims, dict)]


def account_for(email: str) -> User | None:
    """The account (not a directory contact) whose login address, or a verified address of which, is ``email``."""
    user = User.objects.filter(email=email, is_contact=False).first()
    if user is None:
        address = EmailAddress.objects.filter(email__iexact=email, verified=True, user__is_contact=False).first()
        user = address.user if address else None
    return user


def open_invitation(email: str) -> Invitation | None:
    """The newest usable invitation to ``email``."""
    for invitation in Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).order_by("-created_at"):
        if invitation.is_usable:
            return invitation
    return None


def admit(request, sociallogin) -> User:
    """Decide the sign-in: the account it signs in (linked to the provider's account), or a :class:`RefusalError`."""
    policy = policy_for(sociallogin.provider.app)
    if policy is None:
        raise RefusalError("not_configured")
    email, verified = provider_email(sociallogin, policy)
    if not email:
        raise RefusalError("no_email")
    if not verified:
        raise RefusalError("unverified", email=email)
    if not policy.allows(email):
        raise RefusalError("domain", email=email)
    if sociallogin.is_existing:  # linked at an earlier sign-in
        return _active(sociallogin.user, email)
    user = account_for(email)
    if user is None:
        user = _accept_invitation(sociallogin, email)
    _active(user, email)
    sociallogin.connect(request, user)
    return user


def _active(user: User, email: str) -> User:
    if not user.is_active or user.erased_at is not None or user.is_contact:
        raise RefusalError("inactive", email=email, user=user)
    return user


def _accept_invitation(sociallogin, email: str) -> User:
    invitation = open_invitation(email)
    if invitation is None:
        raise RefusalError("no_account", email=email)
    claims = {key: value for found in reversed(_claims(sociallogin)) for key, value in found.items()}
    try:
        return invitations.invitation_accept(
            token=invitation.token,
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
            password=None,
        )
    except DomainError as error:
        raise RefusalError("no_account", email=email, message=str(error)) from None
