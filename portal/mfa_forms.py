"""allauth's WebAuthn forms with translated labels (its own leave the key's name label as "Name")."""

from allauth.mfa.webauthn import forms as webauthn_forms
from django.utils.translation import gettext_lazy as _


class AddWebAuthnForm(webauthn_forms.AddWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of the key")


class EditWebAuthnForm(webauthn_forms.EditWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of the key")
