"""Forms of the organisation directory's filters and of an organisation's own details."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from partners.directory.forms.fields import _checkboxes, _filter_choice, _in_vocabulary_order, my_network_choices
from partners.directory.models import (
    Organisation,
    OrganisationKind,
)
from partners.directory.services import ORGANISATION_FIELDS
from portal.lib.choices import Language, Region
from portal.lib.forms import VersionedFormMixin, filter_helper, grouped_layout, translated_fields
from portal.lib.logos import LogoField


class OrganisationFilterForm(forms.Form):
    """The organisation directory's filters, from the query string. Invalid values are ignored, never an error.

    ``filters()`` gives the plain dict :func:`partners.selectors.organisation_directory` takes
    (the export reuses both).
    """

    q = forms.CharField(label=_("Name contains"), max_length=100, required=False)
    kind = _filter_choice(_("Kind"), OrganisationKind.choices, _("All kinds"))
    region = _filter_choice(_("Region"), Region.choices, _("All regions"))
    language = _filter_choice(_("Language"), Language.choices, _("All languages"))
    # A slug from the networks the person may see (a ChoiceField: no database lookup of a raw value).
    network = forms.ChoiceField(label=_("Network"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].choices = my_network_choices(user, _("All networks"))
        self.helper = filter_helper(
            "organisation-filters",
            Layout(
                Row(
                    Column("q", css_class="col-md-4"),
                    Column("kind", css_class="col-md-4"),
                    Column("network", css_class="col-md-4"),
                ),
                Row(Column("region", css_class="col-md-4"), Column("language", css_class="col-md-4")),
            ),
        )
        self.helper.add_input(Submit("", _("Show organisations")))

    def filters(self) -> dict:
        """The valid, non-empty filters."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: value for key, value in cleaned.items() if value not in (None, "")}


class OrganisationForm(VersionedFormMixin, forms.ModelForm):
    """An organisation's details, as its people and its networks' coordinators edit them.

    ``version`` is the ``updated_at`` the form was loaded with: the service refuses the save
    when someone else has saved in between.
    """

    regions = _checkboxes(_("Regions it works in"), Region.choices)
    languages = _checkboxes(_("Languages it serves in"), Language.choices)
    logo = LogoField(label=_("Logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    version = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Organisation
        fields = [*ORGANISATION_FIELDS, "logo"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "business_id": _("The Finnish business ID (Y-tunnus) in the form 1234567-8, if the organisation has one."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.updated_at.isoformat() if self.instance.updated_at else "")
        if self.instance.logo:
            self.fields["logo"].label = _("New logo")
        else:
            del self.fields["remove_logo"]
        translated_fields(self, "name", "description", rows=6)
        self.fields["name_fi"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["website"].widget.attrs["autocomplete"] = "url"
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.helper = FormHelper()
        self.helper.layout = grouped_layout(self, "name", "description")
        self.helper.add_input(Submit("submit", _("Save")))

    def logo_change(self):
        """For ``organisation_update``: the new upload, ``False`` to remove the logo, or ``None`` to keep it."""
        if "logo" in self.changed_data and self.cleaned_data.get("logo"):
            return self.cleaned_data["logo"]
        return False if self.cleaned_data.get("remove_logo") else None

    def clean_business_id(self):
        value = "".join(self.cleaned_data["business_id"].split())
        if value and Organisation.objects.filter(business_id=value).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An organisation with this business ID already exists."), code="unique")
        return value

    def clean_regions(self):
        return _in_vocabulary_order(self.cleaned_data["regions"], Region.choices)

    def clean_languages(self):
        return _in_vocabulary_order(self.cleaned_data["languages"], Language.choices)
