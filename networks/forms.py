"""Forms of the networks app."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.models import Network


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        # The MFA requirement is an administrator's decision (Django admin): a coordinator
        # could otherwise switch off the protection of their own role.
        fields = ["name", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save")))
