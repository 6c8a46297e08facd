"""The notification settings: one choice per kind of how its e-mail reaches the person."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.lib.forms import submit_helper
from portal.notifications.kinds import Kind, delivery_choices


class PreferencesForm(forms.Form):
    """Every kind's choice, saved whole (the person's own settings: no version, the last save is what they
    chose)."""

    def __init__(self, *args, preferences: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=delivery_choices(kind.value), initial=preferences.get(kind.value)
            )
        self.helper = submit_helper(_("Save the settings"))
        self.helper.form_id = "notification-settings"
