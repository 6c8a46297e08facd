"""The Django admin of people and invitations: the portal's own rules in its forms (addresses in lower case,
one account per address, invitations only for an organisation's networks); people's affiliations inline."""

from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from networks.memberships import invitations
from networks.memberships.models import Membership
from partners.directory.models import Affiliation
from portal.accounts.models import Invitation, User
from portal.audit.log import Kind, record
from portal.lib.access import MembershipStatus
from portal.notifications import admin as notification_admin  # noqa: F401 - registers the notifications' admin
from portal.privacy.admin import ErasureAdminMixin
from portal.sso import admin as sso_admin  # noqa: F401 - registers the single sign-on providers' admin


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


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(ErasureAdminMixin, DjangoUserAdmin):
    """People. Addresses are kept in lower case, and the login address is a verified allauth address. Deleting a
    person erases them (:mod:`portal.privacy.admin`): shared records stay, under the removed-user marker."""

    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["last_name", "first_name", "email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "title",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "first_name", "last_name", "title"]
    autocomplete_fields = ["expertise"]
    readonly_fields = ["uuid", "last_login", "date_joined", "erased_at"]
    inlines = [AffiliationInline]
    fieldsets = [
        (None, {"fields": ["uuid", "email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "first_name",
                    "last_name",
                    "title",
                    "phone",
                    "languages",
                    "expertise",
                ]
            },
        ),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined", "erased_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.strip().lower()
        super().save_model(request, obj, form, change)
        EmailAddress.objects.filter(user=obj).exclude(email=obj.email).update(primary=False)
        EmailAddress.objects.update_or_create(user=obj, email=obj.email, defaults={"verified": True, "primary": True})

    def user_change_password(self, request, id, form_url=""):
        """An administrator's setting of someone's password goes to the audit log (allauth's own pages send
        their signals; this page sends none)."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            record(Kind.PASSWORD_CHANGED, subject=self.get_object(request, id), request=request, via="admin")
        return response


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Administrators invite people here too; saving a new invitation e-mails the link.

    Once sent, the address, organisation and network cannot change: the link went to that address.
    """

    form = InvitationAdminForm

    list_display = [
        "email",
        "organisation",
        "network",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["accepted_at", "network"]
    search_fields = ["email", "organisation__name"]
    autocomplete_fields = ["organisation", "network", "invited_by", "accepted_by"]
    readonly_fields = ["invited_by", "created_at", "accepted_at", "accepted_by"]
    list_select_related = ["organisation", "network", "invited_by"]
    actions = ["resend"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        return [*self.readonly_fields, "email", "organisation", "network"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.email = obj.email.strip().lower()
            obj.invited_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            invitations.invitation_send(invitation=obj, site_url=settings.SITE_URL, language=get_language())

    @admin.action(description=_("Send the invitation e-mail again"))
    def resend(self, request, queryset):
        sent = 0
        for invitation in queryset.select_related("organisation", "network", "invited_by"):
            if invitation.is_usable:
                invitations.invitation_send(invitation=invitation, site_url=settings.SITE_URL, language=get_language())
                sent += 1
        message = ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", sent) % {"count": sent}
        self.message_user(request, message)
