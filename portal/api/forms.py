"""The form of a new personal access token: its name, its scopes, an optional expiry."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.api.models import Scope
from portal.lib.forms import DateInput, PlausibleDateField, submit_helper
from portal.lib.once import with_token


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What the token is for, for example the program that uses it.")
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A token without a scope is refused by the API."),
    )
    expires_on = PlausibleDateField(
        label=_("Expires on"),
        required=False,
        widget=DateInput,
        help_text=_("Optional. The token stops working at the end of this day."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Create the token"))

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day is not None and day < timezone.localdate():
            raise forms.ValidationError(_("The day has passed already."))
        return day

    def expires_at(self):
        """The end of the chosen day, in the portal's time zone (None: never)."""
        day = self.cleaned_data["expires_on"]
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


CreateTokenForm = with_token(TokenForm)
