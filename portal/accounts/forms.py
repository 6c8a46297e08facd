"""allauth's e-mail forms with the length limit the database has (its own have none: a long address was a 500).

allauth's WebAuthn forms with translated labels (its own leave the key's name label as "Name")."""

from allauth.account import forms as account_forms
from allauth.mfa.webauthn import forms as webauthn_forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

EMAIL_MAX_LENGTH = 254  # RFC 5321, and Django's EmailField


def _limit(field) -> None:
    field.max_length = EMAIL_MAX_LENGTH
    field.validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH))
    field.widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)


class AddEmailForm(account_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self.fields["email"])


class ChangeEmailForm(account_forms.ChangeEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self.fields["email"])


class ResetPasswordForm(account_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self.fields["email"])

    def clean_email(self):
        """A directory contact has no account: no reset link, as for an unknown address.

        A contact becomes an account only by accepting an invitation.
        """
        email = super().clean_email()
        self.users = [user for user in self.users if not getattr(user, "is_contact", False)]
        return email


class AddWebAuthnForm(webauthn_forms.AddWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of the key")


class EditWebAuthnForm(webauthn_forms.EditWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of the key")
