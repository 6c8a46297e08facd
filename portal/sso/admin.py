"""The admin of single sign-on providers: allauth's provider apps with the portal's sign-in policy inline."""

from allauth.socialaccount import admin as socialaccount_admin  # registers allauth's admin first, to replace it
from allauth.socialaccount.models import SocialApp
from django import forms
from django.contrib import admin
from django.contrib.postgres.forms import SimpleArrayField
from django.utils.translation import gettext_lazy as _

from portal.accounts.sso import ProviderPolicy


class ProviderPolicyForm(forms.ModelForm):
    allowed_domains = SimpleArrayField(
        forms.CharField(max_length=253),
        label=_("Allowed e-mail domains"),
        help_text=ProviderPolicy._meta.get_field("allowed_domains").help_text,
    )

    class Meta:
        model = ProviderPolicy
        fields = ["preset", "issuer", "allowed_domains", "trust_mfa"]


class ProviderPolicyInline(admin.StackedInline):
    model = ProviderPolicy
    form = ProviderPolicyForm
    min_num = 1
    max_num = 1
    can_delete = False


class SocialAppAdmin(socialaccount_admin.SocialAppAdmin):
    """A provider: its name on the sign-in button, provider id, client id and secret; and its sign-in policy,
    whose issuer and preset fill in the provider's settings when saved."""

    list_display = ("name", "provider", "provider_id", "issuer", "domains")
    inlines = [ProviderPolicyInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("policy")

    @admin.display(description=_("issuer"))
    def issuer(self, app):
        policy = getattr(app, "policy", None)
        return policy.issuer if policy else ""

    @admin.display(description=_("allowed e-mail domains"))
    def domains(self, app):
        policy = getattr(app, "policy", None)
        return ", ".join(policy.allowed_domains) if policy else ""


admin.site.unregister(SocialApp)
admin.site.register(SocialApp, SocialAppAdmin)
