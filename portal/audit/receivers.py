"""The security events the audit log hears of by itself: Django's and allauth's sign-in, sign-out, password,
e-mail and two-factor signals, and a change of a person's administrator flags (whoever saves it: the admin,
a command, the shell). Roles in networks are recorded by the memberships domain, which owns them."""

from allauth.account import signals as account_signals
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa import signals as mfa_signals
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from portal.audit.log import Kind, record

# The administrator flags whose every change is recorded: staff (the admin) and full rights.
ADMIN_FLAGS = ("is_staff", "is_superuser")


@receiver(auth_signals.user_logged_in, dispatch_uid="audit_sign_in")
def _signed_in(sender, request, user, **kwargs):
    record(Kind.SIGN_IN, actor=user, subject=user, request=request, **_single_sign_on(request, user))


def _single_sign_on(request, user) -> dict:
    """The provider of a single sign-on (allauth's record of this sign-in's steps), as the event's details."""
    if request is None or not hasattr(request, "session"):
        return {}
    for step in reversed(get_authentication_records(request, user)):
        if step.get("method") == "socialaccount":
            return {"stage": "sso", "provider": str(step.get("provider", ""))}
    return {}


@receiver(auth_signals.user_logged_out, dispatch_uid="audit_sign_out")
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Kind.SIGN_OUT, actor=user, subject=user, request=request)


@receiver(auth_signals.user_login_failed, dispatch_uid="audit_sign_in_failed")
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    """The address tried, never the password (Django has already masked it; it is not read here)."""
    tried = str(credentials.get("email") or credentials.get("username") or credentials.get("login") or "").strip()
    # addresses are stored in lower case: the unique index answers
    account = get_user_model().objects.filter(email=tried.lower()).first() if tried else None
    record(Kind.SIGN_IN_FAILED, subject=account, subject_label=tried, request=request, stage="password")


@receiver(mfa_signals.authentication_failed, dispatch_uid="audit_mfa_failed")
def _mfa_failed(sender, request, user, authenticator=None, **kwargs):
    stage = "reauthentication" if kwargs.get("reauthentication") else "mfa"
    record(Kind.SIGN_IN_FAILED, actor=None, subject=user, request=request, stage=stage)


@receiver(account_signals.password_changed, dispatch_uid="audit_password_changed")
@receiver(account_signals.password_set, dispatch_uid="audit_password_set")
def _password_changed(sender, request, user, **kwargs):
    record(Kind.PASSWORD_CHANGED, actor=user, subject=user, request=request)


@receiver(account_signals.password_reset, dispatch_uid="audit_password_reset")
def _password_reset(sender, request, user, **kwargs):
    record(Kind.PASSWORD_RESET, actor=user, subject=user, request=request)


def _mfa_receiver(change):
    def _receive(sender, request, user, authenticator, **kwargs):
        record(Kind.MFA_CHANGED, actor=user, subject=user, request=request, change=change, type=authenticator.type)

    return _receive


mfa_signals.authenticator_added.connect(_mfa_receiver("added"), weak=False, dispatch_uid="audit_mfa_added")
mfa_signals.authenticator_removed.connect(_mfa_receiver("removed"), weak=False, dispatch_uid="audit_mfa_removed")
mfa_signals.authenticator_reset.connect(_mfa_receiver("reset"), weak=False, dispatch_uid="audit_mfa_reset")


def _email_receiver(change):
    """The addresses stay out of the details: the subject's label names the account, and is what
    anonymising removes."""

    def _receive(sender, request, user, **kwargs):
        record(Kind.EMAIL_CHANGED, actor=user, subject=user, request=request, change=change)

    return _receive


account_signals.email_added.connect(_email_receiver("added"), weak=False, dispatch_uid="audit_email_added")
account_signals.email_removed.connect(_email_receiver("removed"), weak=False, dispatch_uid="audit_email_removed")
account_signals.email_changed.connect(_email_receiver("primary"), weak=False, dispatch_uid="audit_email_changed")


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="audit_admin_flags_before")
def _admin_flags_before(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep the flags as stored, to compare after the save (one query, only when the flags may change)."""
    if raw or (update_fields is not None and not set(ADMIN_FLAGS) & set(update_fields)):
        instance._audit_admin_flags = None
        return
    if instance._state.adding or instance.pk is None:
        instance._audit_admin_flags = dict.fromkeys(ADMIN_FLAGS, False)
        return
    stored = sender.objects.filter(pk=instance.pk).values(*ADMIN_FLAGS).first()
    instance._audit_admin_flags = stored or dict.fromkeys(ADMIN_FLAGS, False)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="audit_admin_flags_after")
def _admin_flags_after(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_audit_admin_flags", None)
    instance._audit_admin_flags = None
    if raw or before is None:
        return
    after = {flag: getattr(instance, flag) for flag in ADMIN_FLAGS}
    if after != before:
        changed = {
            flag: {"from": before[flag], "to": after[flag]} for flag in ADMIN_FLAGS if before[flag] != after[flag]
        }
        record(Kind.STAFF_CHANGED, subject=instance, **changed)
