"""Forms of the portal app: profile, invitations."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from partners.directory.models import ExpertiseArea, Organisation
from portal.accounts.models import User
from portal.lib.choices import Language, Region


def _helper(submit_label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", submit_label))
    return helper


class ProfileForm(forms.ModelForm):
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
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["title"].widget.attrs["autocomplete"] = "organization-title"
        # Only the terms of the vocabularies this person may see: portal-wide and their networks'.
        self.fields["expertise"].queryset = ExpertiseArea.objects.visible_to(self.instance).order_by("name")
        self.helper = _helper(_("Save"))


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the organisations this network's coordinator may invite for.
        self.fields["organisation"].queryset = organisations
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = _helper(_("Send invitation"))


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.helper = _helper(_("Create account"))

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        elif p1:
            probe = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


# --- the people directory, affiliations, expertise vocabulary and contacts --------------------


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
    since = forms.DateField(label=_("Since"), required=False, widget=DateInput())
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
        from partners.directory.models import Affiliation

        current = Affiliation.objects.filter(user=self.user, until__isnull=True)
        organisation = cleaned.get("organisation")
        if organisation is not None and current.filter(organisation=organisation).exists():
            self.add_error("organisation", _("You already work for this organisation."))
        if cleaned.get("primary") and current.filter(primary=True).exists():
            self.add_error("primary", _("You already have a primary organisation. End that affiliation first."))
        return cleaned


class AffiliationEndForm(forms.Form):
    """The date a person stopped working for an organisation."""

    until = forms.DateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args, affiliation, **kwargs):
        super().__init__(*args, **kwargs)
        self.affiliation = affiliation
        self.helper = _helper(_("End affiliation"))

    def clean_until(self):
        until = self.cleaned_data["until"]
        if self.affiliation.since and until < self.affiliation.since:
            raise forms.ValidationError(_("The end date must not be before the start date."))
        return until


class ExpertiseAreaForm(forms.ModelForm):
    """A term of a network's expertise vocabulary (the identifier is generated)."""

    class Meta:
        model = ExpertiseArea
        fields = ["name", "description"]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.helper = _helper(_("Save"))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = ExpertiseArea.objects.filter(network=self.network, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This vocabulary already has a term with this name."))
        return name


class ContactForm(forms.Form):
    """A coordinator adds a person who has no account yet to the directory."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisations, areas, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the network's member organisations, and the network's and portal-wide terms.
        self.fields["organisation"].queryset = organisations
        self.fields["expertise"].queryset = areas
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = _helper(_("Add contact"))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
