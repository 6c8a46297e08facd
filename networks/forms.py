"""Forms of the networks app."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.models import Network
from portal.lib.choices import Region
from portal.lib.logos import LogoField


class NetworkForm(forms.ModelForm):
    """A network's details as its coordinators edit them, including its opt-in public page."""

    regions = forms.MultipleChoiceField(
        label=_("Regions"), choices=Region.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    logo = LogoField(label=_("Logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Network
        # The MFA requirement is an administrator's decision (Django admin): a coordinator
        # could otherwise switch off the protection of their own role.
        fields = ["name", "description", "field", "regions", "logo", "is_public", "public_description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "public_description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "public_description": _("Shown to anyone on the network's public page, when the page is public."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.logo:
            self.fields["logo"].label = _("New logo")
        else:
            del self.fields["remove_logo"]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save")))

    def clean_regions(self):
        chosen = set(self.cleaned_data["regions"])
        return [value for value, _label in Region.choices if value in chosen]

    def logo_change(self):
        """For ``network_update``: the new upload, ``False`` to remove the logo, or ``None`` to keep it."""
        if "logo" in self.changed_data and self.cleaned_data.get("logo"):
            return self.cleaned_data["logo"]
        return False if self.cleaned_data.get("remove_logo") else None
