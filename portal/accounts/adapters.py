"""django-allauth adapter: no open sign-up, and mail through the task worker."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from portal.tasks import enqueue_email


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """People join through invitations only."""
        return False

    def send_password_reset_mail(self, user, email, context):
        """Never a reset link for a directory contact: only an invitation makes them an account."""
        if getattr(user, "is_contact", False):
            return
        super().send_password_reset_mail(user, email, context)

    def send_mail(self, template_prefix, email, context):
        """Render in the request's language now; send from the worker after commit."""
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
        }
        ctx.update(context)
        enqueue_email(self.render_mail(template_prefix, email, ctx))
