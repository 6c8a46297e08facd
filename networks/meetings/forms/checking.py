"""The form of a minute checker's objection to the draft minutes."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _


class ObjectionForm(forms.Form):
    """A minute checker's objection: the reason goes to the chair and the organiser."""

    reason = forms.CharField(
        label=_("Reason for the objection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is wrong or missing in the minutes. The chair and the organiser get it by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Object to the minutes"), css_class="btn-danger"))

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for your objection."))
        return reason
