"""What every domain's forms share: the date input, the hidden edit version, a submit button."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _


def filter_helper(form_id: str, layout=None) -> FormHelper:
    """The crispy helper of a list page's filter form: sent with GET (the filters are in the address, so a
    filtered list can be linked and bookmarked), without a CSRF token, with ``layout`` when given."""
    helper = FormHelper()
    helper.form_method = "get"
    helper.disable_csrf = True
    helper.form_id = form_id
    if layout is not None:
        helper.layout = layout
    return helper


def submit_helper(label) -> FormHelper:
    """A crispy helper whose form ends in one submit button labelled ``label``."""
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    return helper


class VersionedFormMixin:
    """For edit forms with a hidden ``version`` (the object's ``updated_at`` when the form was opened):
    a missing or malformed version is said above the form; the service compares it with the saved one."""

    def clean_version(self):
        try:
            version = datetime.datetime.fromisoformat(self.cleaned_data["version"])
        except ValueError:
            version = None
        if version is None or version.tzinfo is None:
            raise forms.ValidationError("bad version", code="version")  # replaced by a message in clean()
        return version

    def clean(self):
        cleaned = super().clean()
        # A hidden field's error would not show next to any field: say it above the form.
        if self._errors.pop("version", None):
            self.add_error(None, _("The form was out of date. Open the page again."))
        return cleaned


class DateInput(forms.DateInput):
    """The browser's date picker; the value in ISO format, which every locale's DateField accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
