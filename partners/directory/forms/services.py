"""Forms of guidance services and of the service map's filters."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row, Submit
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.directory.forms.fields import (
    _CHECKBOXES,
    _checkboxes,
    _filter_choice,
    _in_vocabulary_order,
    my_network_choices,
)
from partners.directory.models import (
    GuidanceService,
    OrganisationKind,
    ServiceChannel,
    ServiceLevel,
    ServiceTopic,
    TargetGroup,
)
from partners.directory.services import SERVICE_FIELDS
from portal.lib import municipalities
from portal.lib.choices import Language, Region
from portal.lib.forms import VersionedFormMixin, filter_helper, language_fieldset, translated_fields


class ServiceForm(VersionedFormMixin, forms.ModelForm):
    """A guidance service of an organisation: what it is, for whom, how, where and in which language. An
    edit carries the service's version: a save over someone else's is refused."""

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
    topics = _checkboxes(
        _("Topics"),
        ServiceTopic.choices,
        help_text=_("What the service helps with. The public guidance finder filters by topic."),
    )
    municipalities = forms.MultipleChoiceField(
        label=_("Municipalities"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Only if the service is for some municipalities of a region and not the whole region. "
            "Hold Ctrl (or Cmd) to choose several."
        ),
    )

    class Meta:
        model = GuidanceService
        fields = list(SERVICE_FIELDS)
        widgets = {
            "level": forms.RadioSelect,
        }
        help_texts = {
            "level": _(
                "Information: telling people about options. Advice: helping with a question. "
                "Guidance: working with the person over time on their own plan."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["contact_url"].widget.attrs["autocomplete"] = "url"
        # Not the model's "level", which the catalogs share with a membership's level of collaboration.
        self.fields["level"].label = _("Level of guidance")
        self.fields["municipalities"].choices = municipality_choices()
        self.fields["is_public"].label = _("Show this service in the public guidance finder")
        self.fields["is_public"].help_text = _(
            "Anyone can then find it without signing in: its name, description, level, topics, channels, "
            "languages, target groups, regions, municipalities, contact details, opening hours and accessibility, "
            "and the organisation's name, kind, municipality, website, description and logo."
        )
        translated_fields(self, "name", "description", rows=5)
        translated_fields(self, "opening_hours", "accessibility", rows=3)
        self.fields["opening_hours_fi"].help_text = _("For example: Mon–Thu 9–15, walk-in on Tuesdays 12–16.")
        self.fields["accessibility_fi"].help_text = _(
            "How people get in and around: step-free entrance, lift, accessible toilet, induction loop, parking."
        )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            language_fieldset(self, "name"),
            "level",
            Field("channels", template=_CHECKBOXES),
            Field("target_groups", template=_CHECKBOXES),
            Field("languages", template=_CHECKBOXES),
            Field("regions", template=_CHECKBOXES),
            language_fieldset(self, "description"),
            "contact_email",
            "contact_phone",
            "contact_url",
            Field("topics", template=_CHECKBOXES),
            "municipalities",
            language_fieldset(self, "opening_hours"),
            language_fieldset(self, "accessibility"),
            "is_public",
            *(["version"] if "version" in self.fields else []),
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

    def clean_topics(self):
        return _in_vocabulary_order(self.cleaned_data["topics"], ServiceTopic.choices)

    def clean_municipalities(self):
        return sorted(set(self.cleaned_data["municipalities"]))

    def service_data(self) -> dict:
        """The service's fields (``SERVICE_FIELDS``), without the edit version."""
        return {name: self.cleaned_data[name] for name in SERVICE_FIELDS}


def municipality_choices() -> list:
    """The municipalities by region (an option group each), named in the reader's language."""
    language = get_language()
    grouped = {region: [] for region in Region.values}
    for code, name in municipalities.choices(language):
        grouped[municipalities.region_of(code)].append((code, name))
    return [(Region(region).label, options) for region, options in grouped.items()]


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
    # A slug of the networks the person has a role in (a ChoiceField: no database lookup of a raw value).
    network = forms.ChoiceField(label=_("Network"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].choices = my_network_choices(user, _("All my networks"))
        self.helper = filter_helper(
            "service-filters",
            Layout(
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
            ),
        )
        self.helper.add_input(Submit("", _("Show services")))

    def filters(self) -> dict:
        """The valid filters (invalid ones are dropped: they show as form errors, never as a failure)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: value for key, value in cleaned.items() if value not in (None, "")}
