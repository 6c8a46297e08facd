"""Forms of the Django admin for people and invitations, with the portal's own rules."""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth.forms import BaseUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.utils.translation import gettext_lazy as _

from networks.memberships.models import Membership
from portal.accounts.models import Invitation, User
from portal.lib.access import MembershipStatus


def _clean_email(form) -> str:
    email = form.cleaned_data["email"].strip().lower()
    others = EmailAddress.objects.filter(email=email)
    users = User.objects.filter(email=email)
    if form.instance.pk:
        others = others.exclude(user=form.instance)
        users = users.exclude(pk=form.instance.pk)
    if others.exists() or users.exists():
        raise forms.ValidationError(_("Another account already uses this e-mail address."))
    return email


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email"]

    def clean_email(self):
        return _clean_email(self)


class UserChangeForm(DjangoUserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        return _clean_email(self)


class InvitationAdminForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "organisation", "network", "expires_at"]

    def clean_email(self):
        # People who already have an account are invited too: they sign in and accept.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        network, organisation = cleaned.get("network"), cleaned.get("organisation")
        if (
            network
            and organisation
            and not Membership.objects.filter(
                network=network,
                organisation=organisation,
                status__in=[MembershipStatus.ACTIVE, MembershipStatus.PAUSED],
            ).exists()
        ):
            self.add_error("organisation", _("The organisation is not an active member of this network."))
        return cleaned
