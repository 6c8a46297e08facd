"""Access-matrix rows of the project package: the dashboard, the statements, the health check, switching
language, the search, the accounts (django-allauth) with two-factor authentication; and the Django admin,
whose rows are generated from the admin registry (every registered model's views), so a newly registered
model is covered automatically."""

from django.contrib import admin
from django.urls import reverse

from tests.access_matrix.rows import ANONYMOUS_ONLY, POST_ONLY, PUBLIC, SIGNED_IN, Entry, row


def member_export(objs):
    """The URL arguments of the member's own data export, built (once) by the task's own code."""
    from portal.privacy import exporting
    from portal.privacy.models import DataExport

    if not hasattr(objs, "member_export"):
        objs.member_export = DataExport.objects.create(user=objs.member)
        exporting.build(objs.member_export, language="fi")
    return {"uuid": objs.member_export.uuid}


def sso_provider(objs):
    """The URL arguments of a single sign-on provider's pages: a provider app with its sign-in policy."""
    from allauth.socialaccount.models import SocialApp

    from portal.accounts.sso import ProviderPolicy

    if not hasattr(objs, "sso_app"):
        objs.sso_app = SocialApp.objects.create(
            provider="openid_connect", provider_id="matrix", name="Matrix", client_id="matrix"
        )
        ProviderPolicy.objects.create(
            app=objs.sso_app, preset="oidc", issuer="https://idp.example.fi", allowed_domains=["example.fi"]
        )
    return {"provider_id": objs.sso_app.provider_id}


# Only the person's own: not even an administrator opens another person's data.
OWN_EXPORT = row(302, 404, 404, 200, 404, 404)

GET = {
    "portal:home": Entry(PUBLIC),
    "portal:accessibility": Entry(PUBLIC),
    "portal:privacy": Entry(PUBLIC),
    "healthz": Entry(PUBLIC),
    # Switching language is a POST; a GET just goes back.
    "set_language": Entry(row(302, 302, 302, 302, 302, 302)),
    # Every signed-in person searches what they may see.
    "portal:search": Entry(SIGNED_IN, login_redirect=True),
    # --- one's own data and account (portal.privacy) ---
    "portal:data_export_create": Entry(POST_ONLY),
    "portal:data_export_detail": Entry(OWN_EXPORT, member_export, login_redirect=True),
    "portal:data_export_download": Entry(OWN_EXPORT, member_export, login_redirect=True),
    # Everyone may erase their own account (the only coordinator of a network is told why not yet).
    "portal:account_erase": Entry(SIGNED_IN, login_redirect=True),
    # --- accounts (django-allauth) ---
    "account_login": Entry(ANONYMOUS_ONLY),
    "account_logout": Entry(row(302, 200, 200, 200, 200, 200)),
    "account_inactive": Entry(PUBLIC),
    # Sign-up is closed: the page explains that accounts come by invitation.
    "account_signup": Entry(ANONYMOUS_ONLY),
    "account_reauthenticate": Entry(SIGNED_IN, login_redirect=True),
    "account_request_reauthentication_code": Entry(SIGNED_IN, login_redirect=True),
    # Without a code requested first, confirming sends the person back to request one.
    "account_confirm_reauthentication_code": Entry(row(302, 302, 302, 302, 302, 302)),
    "account_email": Entry(SIGNED_IN, login_redirect=True),
    "account_email_verification_sent": Entry(PUBLIC),
    "account_change_password": Entry(SIGNED_IN, login_redirect=True),
    "account_set_password": Entry(row(302, 302, 302, 302, 302, 302)),
    "account_reset_password": Entry(PUBLIC),
    "account_confirm_login_code": Entry(row(302, 302, 302, 302, 302, 302)),
    "account_confirm_email": Entry(row(200, 200, 200, 200, 200, 200), lambda o: {"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": Entry(PUBLIC),
    "account_reset_password_from_key": Entry(PUBLIC, lambda o: {"uidb36": "zz", "key": "not-a-real-key"}),
    "account_reset_password_done": Entry(PUBLIC),
    # --- single sign-on (allauth.socialaccount, OpenID Connect) ---
    # A provider's sign-in is a POST from the sign-in page's button; a GET shows allauth's page with the button.
    "openid_connect_login": Entry(PUBLIC, sso_provider),
    # Without the state of a sign-in begun here, the answer is an error: back to the sign-in page with a message.
    "openid_connect_callback": Entry(row(302, 302, 302, 302, 302, 302), sso_provider),
    "socialaccount_login_cancelled": Entry(PUBLIC),
    # allauth's page of a failed sign-in answers 401 (the portal's adapter sends errors to the sign-in page instead).
    "socialaccount_login_error": Entry(row(401, 401, 401, 401, 401, 401)),
    # Nothing is signed up through a provider: without a sign-in in progress, back to the sign-in page.
    "socialaccount_signup": Entry(row(302, 302, 302, 302, 302, 302)),
    # One's own linked organisation accounts.
    "socialaccount_connections": Entry(SIGNED_IN, login_redirect=True),
    # --- two-factor authentication (allauth.mfa) ---
    "mfa_index": Entry(SIGNED_IN, login_redirect=True),
    "mfa_authenticate": Entry(row(302, 302, 302, 302, 302, 302)),
    "mfa_reauthenticate": Entry(row(302, 302, 302, 302, 302, 200)),
    # Changing authenticators asks for the password again first (a test session has no fresh sign-in).
    "mfa_activate_totp": Entry(row(302, 302, 302, 302, 302, 302)),
    # Nothing to deactivate or show for people without an authenticator app: 404.
    "mfa_deactivate_totp": Entry(row(302, 404, 404, 404, 404, 302)),
    "mfa_view_recovery_codes": Entry(row(302, 404, 404, 404, 404, 404)),
    "mfa_generate_recovery_codes": Entry(row(302, 302, 302, 302, 302, 302)),
    "mfa_download_recovery_codes": Entry(row(302, 404, 404, 404, 404, 404)),
    "mfa_list_webauthn": Entry(SIGNED_IN, login_redirect=True),
    "mfa_add_webauthn": Entry(row(302, 302, 302, 302, 302, 302)),
    "mfa_reauthenticate_webauthn": Entry(row(302, 302, 302, 302, 302, 302)),
    # Another person's security key: allauth first asks to re-authenticate (302); that the key itself
    # is out of reach is allauth's own check (keys are looked up among the person's own).
    "mfa_remove_webauthn": Entry(row(302, 302, 302, 302, 302, 302), lambda o: {"pk": o.foreign_key_pk}),
    "mfa_edit_webauthn": Entry(row(302, 302, 302, 302, 302, 302), lambda o: {"pk": o.foreign_key_pk}),
    # Passkey sign-in is a POST from the sign-in page; a GET goes back there.
    "mfa_login_webauthn": Entry(row(302, 302, 302, 302, 302, 302)),
}

# The project package's own pages (the dashboard, the statements, the search) take no POST; asking for one's
# data goes on to its page, and an empty erasure form comes back with its error.
POST = {
    "portal:data_export_create": Entry(row(302, 302, 302, 302, 302, 302)),
    "portal:account_erase": Entry(SIGNED_IN),
}

READ_ONLY = {
    "portal:home",
    "portal:accessibility",
    "portal:privacy",
    "portal:search",
    "portal:data_export_detail",
    "portal:data_export_download",
}

CASES = []


# --- the Django admin: generated from the registry ------------------------------------------------------


def admin_urls(objs):
    """(url, expected status per role) for every admin view of every registered model."""
    staff_only = {"anonymous": 302, "outsider": 302, "observer": 302, "member": 302, "coordinator": 302}
    urls = [
        (reverse("admin:index"), 200),
        (reverse("admin:password_change"), 200),
        (reverse("admin:password_change_done"), 200),
        (reverse("admin:jsi18n"), 200),
    ]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls.append((reverse("admin:app_list", kwargs={"app_label": info[0]}), 200))
        urls.append((reverse(f"admin:{info[0]}_{info[1]}_changelist"), 200))
        can_add = model_admin.has_add_permission(_FakeRequest)
        urls.append((reverse(f"admin:{info[0]}_{info[1]}_add"), 200 if can_add else 403))
        instance = model._default_manager.order_by("pk").first()
        if instance is None:
            continue
        for view in ("change", "history", "delete"):
            # a read-only admin (the audit log) shows its rows but refuses to delete them
            allowed = view != "delete" or model_admin.has_delete_permission(_FakeRequest, instance)
            urls.append((reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[instance.pk]), 200 if allowed else 403))
    for url, admin_status in urls:
        yield url, {**staff_only, "admin": admin_status}


class _FakeRequest:
    """Enough of a request for ModelAdmin.has_add_permission with a superuser."""

    class user:  # noqa: N801 - mimics request.user
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(perm, obj=None):
            return True
