"""allauth's social-account adapter of the portal: single sign-on signs in only people the portal knows."""

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from portal.audit.log import Kind, record
from portal.sso import signin


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        """No account is made by a sign-in: people come by invitation (accepted in ``pre_social_login``)."""
        return False

    def pre_social_login(self, request, sociallogin):
        """Let in an account or an invitation of a verified, allowed address; else back to the sign-in page.

        Connecting a provider to a signed-in account from the account pages is allauth's own flow and is not
        offered: the first sign-in links the account by its address.
        """
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            messages.error(request, _("An organisation's account is linked by signing in with it."))
            raise ImmediateHttpResponse(redirect("socialaccount_connections"))
        try:
            signin.admit(request, sociallogin)
        except signin.RefusalError as refusal:
            record(
                Kind.SIGN_IN_FAILED,
                subject=refusal.user,
                subject_label=refusal.email,
                request=request,
                stage="sso",
                provider=sociallogin.provider.app.provider_id if sociallogin.provider.app else "",
                reason=refusal.reason,
            )
            messages.error(request, refusal.message)
            raise ImmediateHttpResponse(redirect("account_login")) from None

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        """A failed exchange with the provider (cancelled, refused, unreachable): say so on the sign-in page."""
        record(
            Kind.SIGN_IN_FAILED,
            request=request,
            stage="sso",
            provider=provider.app.provider_id if getattr(provider, "app", None) else "",
            reason=str(error or "error")[:40],
        )
        messages.error(
            request,
            _("Signing in through the sign-in service did not succeed. Try again or sign in with your password."),
        )
        raise ImmediateHttpResponse(redirect("account_login"))
