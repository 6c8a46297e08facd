"""Forms of the partners app."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.memberships.models import Network
from partners.directory.models import (
    GuidanceService,
    Organisation,
    OrganisationKind,
    ServiceChannel,
    ServiceLevel,
    TargetGroup,
)
from portal.forms import VersionedFormMixin
from portal.lib.choices import Language, Region
from portal.lib.logos import LogoField

# --- guidance services and the service map (issue 3, part 2) ---------------------------------------


# Checkboxes side by side with visible errors (crispy-bootstrap5's InlineCheckboxes hides the error text).
_CHECKBOXES = "partners/service_checkboxes.html"


def _checkboxes(label, choices, *, required=False, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def _in_vocabulary_order(values, choices) -> list[str]:
    """Chosen values without repeats, in the vocabulary's own order (so stored arrays compare equal)."""
    chosen = set(values)
    return [value for value, _label in choices if value in chosen]


class ServiceForm(forms.ModelForm):
    """A guidance service of an organisation: what it is, for whom, how, where and in which language."""

    channels = _checkboxes(
        _("Channels"),
        ServiceChannel.choices,
        required=True,
        help_text=_("How people reach the service. Choose at least one."),
    )
    target_groups = _checkboxes(_("Target groups"), TargetGroup.choices)
    languages = _checkboxes(
        _("Languages"),
        Language.choices,
        required=True,
        help_text=_("The languages the service is given in. Choose at least one."),
    )
    regions = _checkboxes(
        _("Regions"),
        Region.choices,
        help_text=_("The regions where the service is available. The service map counts services per region."),
    )

    class Meta:
        model = GuidanceService
        fields = [
            "name",
            "level",
            "channels",
            "target_groups",
            "languages",
            "regions",
            "description",
            "contact_email",
            "contact_phone",
            "contact_url",
        ]
        widgets = {
            "level": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "level": _(
                "Information: telling people about options. Advice: helping with a question. "
                "Guidance: working with the person over time on their own plan."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["contact_url"].widget.attrs["autocomplete"] = "url"
        # Not the model's "level", which the catalogs share with a membership's level of collaboration.
        self.fields["level"].label = _("Level of guidance")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "name",
            "level",
            Field("channels", template=_CHECKBOXES),
            Field("target_groups", template=_CHECKBOXES),
            Field("languages", template=_CHECKBOXES),
            Field("regions", template=_CHECKBOXES),
            "description",
            "contact_email",
            "contact_phone",
            "contact_url",
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def clean_channels(self):
        return _in_vocabulary_order(self.cleaned_data["channels"], ServiceChannel.choices)

    def clean_target_groups(self):
        return _in_vocabulary_order(self.cleaned_data["target_groups"], TargetGroup.choices)

    def clean_languages(self):
        return _in_vocabulary_order(self.cleaned_data["languages"], Language.choices)

    def clean_regions(self):
        return _in_vocabulary_order(self.cleaned_data["regions"], Region.choices)


def _filter_choice(label, choices, everything):
    return forms.ChoiceField(label=label, choices=[("", everything), *choices], required=False)


class ServiceMapFilterForm(forms.Form):
    """The service map's filters, from the query string. Only valid values are used; the others are ignored.

    Every field is optional: an empty form shows every service the person may see.
    """

    q = forms.CharField(label=_("Search in name and description"), max_length=100, required=False)
    level = _filter_choice(_("Level of guidance"), ServiceLevel.choices, _("All levels"))
    channel = _filter_choice(_("Channel"), ServiceChannel.choices, _("All channels"))
    target_group = _filter_choice(_("Target group"), TargetGroup.choices, _("All target groups"))
    language = _filter_choice(_("Language"), Language.choices, _("All languages"))
    region = _filter_choice(_("Region"), Region.choices, _("All regions"))
    kind = _filter_choice(_("Kind of organisation"), OrganisationKind.choices, _("All kinds"))
    organisation = forms.CharField(label=_("Organisation"), max_length=100, required=False)
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All my networks"),
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        # Only networks the person may see are offered (HOUSE-STYLE rule 18).
        self.fields["network"].queryset = networks
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_id = "service-filters"
        self.helper.layout = Layout(
            Row(Column("q", css_class="col-md-8"), Column("organisation", css_class="col-md-4")),
            Row(
                Column("level", css_class="col-md-3"),
                Column("channel", css_class="col-md-3"),
                Column("target_group", css_class="col-md-3"),
                Column("language", css_class="col-md-3"),
            ),
            Row(
                Column("region", css_class="col-md-4"),
                Column("kind", css_class="col-md-4"),
                Column("network", css_class="col-md-4"),
            ),
        )
        self.helper.add_input(Submit("", _("Show services")))

    def filters(self) -> dict:
        """The valid filters (invalid ones are dropped: they show as form errors, never as a failure)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: value for key, value in cleaned.items() if value not in (None, "")}


# --- the organisation directory and the organisation's own details (issue 3, parts 1 and 9) ----------


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
        networks = Network.objects.visible_to(user).order_by("name").values_list("slug", "name")
        self.fields["network"].choices = [("", _("All networks")), *networks]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_id = "organisation-filters"
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-md-4"),
                Column("kind", css_class="col-md-4"),
                Column("network", css_class="col-md-4"),
            ),
            Row(Column("region", css_class="col-md-4"), Column("language", css_class="col-md-4")),
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
        fields = [
            "name",
            "short_name",
            "kind",
            "business_id",
            "regions",
            "municipality",
            "address",
            "website",
            "email",
            "phone",
            "languages",
            "description",
            "logo",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
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
        self.fields["name"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["website"].widget.attrs["autocomplete"] = "url"
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.helper = FormHelper()
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
