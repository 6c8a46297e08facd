"""Forms of people: a person's own profile and organisations, and the people directory's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.directory.models import Affiliation, ExpertiseArea, Organisation
from portal.accounts.models import User
from portal.lib.choices import Language, Region
from portal.lib.forms import DateInput, PlausibleDateField, VersionedFormMixin
from portal.lib.forms import submit_helper as _helper


class ProfileForm(VersionedFormMixin, forms.ModelForm):
    """A person's own profile, with its version: a save from a form opened before the last save is refused."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The areas come from the shared vocabulary that coordinators maintain."),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "title", "phone", "languages", "expertise"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["title"].widget.attrs["autocomplete"] = "organization-title"
        # Only the terms of the vocabularies this person may see: portal-wide and their networks'.
        self.fields["expertise"].queryset = ExpertiseArea.objects.visible_to(self.instance).order_by("name")
        self.helper = _helper(_("Save"))


class PeopleFilterForm(forms.Form):
    """The people directory's filters (GET). An invalid value is ignored, never an error page."""

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    expertise = forms.ModelChoiceField(
        label=_("Area of expertise"),
        queryset=ExpertiseArea.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any area"),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = ExpertiseArea.objects.visible_to(viewer).order_by("name")
        self.fields["language"].choices = [("", _("Any language")), *Language.choices]
        self.fields["region"].choices = [("", _("Any region")), *Region.choices]
        self.fields["q"].widget.input_type = "search"
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def filters(self) -> dict:
        """The valid filters, as keyword arguments of ``selectors.people_directory``."""
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = getattr(self, "cleaned_data", {})
        return {
            "name": data.get("q") or "",
            "organisation": (data.get("organisation") or "").strip(),
            "area": data.get("expertise"),
            "language": data.get("language") or "",
            "region": data.get("region") or "",
        }


class AffiliationForm(forms.Form):
    """A person adds an organisation they work for to their own profile."""

    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    since = PlausibleDateField(label=_("Since"), required=False, widget=DateInput())
    primary = forms.BooleanField(
        label=_("This is my primary organisation"),
        required=False,
        help_text=_("A person has one primary organisation; end or change the current one first."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).order_by("name")
        self.fields["title"].widget.attrs["autocomplete"] = "organization-title"
        self.helper = _helper(_("Add organisation"))

    def clean(self):
        cleaned = super().clean()
        current = Affiliation.objects.filter(user=self.user, until__isnull=True)
        organisation = cleaned.get("organisation")
        if organisation is not None and current.filter(organisation=organisation).exists():
            self.add_error("organisation", _("You already work for this organisation."))
        if cleaned.get("primary") and current.filter(primary=True).exists():
            self.add_error("primary", _("You already have a primary organisation. End that affiliation first."))
        return cleaned


class AffiliationEndForm(forms.Form):
    """The date a person stopped working for an organisation."""

    until = PlausibleDateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args, affiliation, **kwargs):
        super().__init__(*args, **kwargs)
        self.affiliation = affiliation
        self.helper = _helper(_("End affiliation"))

    def clean_until(self):
        until = self.cleaned_data["until"]
        if self.affiliation.since and until < self.affiliation.since:
            raise forms.ValidationError(_("The end date must not be before the start date."))
        return until
