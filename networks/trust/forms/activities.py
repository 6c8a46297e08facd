"""Forms of joint activities: the activity itself, the list's filters, finding and adding a participant and a
participant's reflection."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.goals.models import Goal
from networks.meetings.services import invitable_organisations
from networks.trust.activities import ACTIVITY_FIELDS, activity_people
from networks.trust.activity_queries import people_matching
from networks.trust.models import Activity, ActivityKind
from portal.lib.forms import DateInput, VersionedFormMixin, filter_helper
from portal.lib.validators import validate_plausible_date

EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
# How many people a search offers to choose from (the search is narrowed to find others).
PERSON_MATCHES = 20


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class ActivityForm(VersionedFormMixin, forms.ModelForm):
    """A joint activity as its recorder writes it; an existing one carries ``version`` (its ``updated_at``)."""

    class Meta:
        model = Activity
        fields = [*ACTIVITY_FIELDS, "organisers", "goals"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "organisers": forms.CheckboxSelectMultiple(),
            "goals": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        activity = self.instance
        self.carry_version(activity)
        for name in ("starts_on", "ends_on"):
            self.fields[name].validators.append(validate_plausible_date)
        self.fields["ends_on"].help_text = _("For an activity of several days.")
        network = activity.network
        self.fields["organisers"].queryset = invitable_organisations(network)
        self.fields["organisers"].help_text = _("The member organisations that organised the activity.")
        self.fields["goals"].queryset = Goal.objects.filter(network=network).order_by("title", "pk")
        self.fields["goals"].help_text = _("The network's shared goals the activity serves.")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("kind", css_class="col-md-4"), Column("title", css_class="col-md-8")),
            Row(
                Column("starts_on", css_class="col-md-4"),
                Column("ends_on", css_class="col-md-4"),
                Column("hours", css_class="col-md-4"),
            ),
            Row(Column("place", css_class="col-md-8"), Column("online", css_class="col-md-4")),
            "description",
            "organisers",
            "goals",
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The activity cannot end before it starts."))
        return cleaned

    def _post_clean(self):
        # The service validates the activity (with the network it belongs to); the form only its own input.
        pass

    def activity_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in ACTIVITY_FIELDS}


class ActivityFilterForm(forms.Form):
    """The activity list's filters (GET): kind and year. An invalid value is ignored, never an error page."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *ActivityKind.choices]
        self.fields["year"].choices = [("", _("Any year")), *((str(year), str(year)) for year in years)]
        self.helper = filter_helper(
            "activity-filters",
            Layout(Row(Column("kind", css_class="col-md-6"), Column("year", css_class="col-md-6"))),
        )
        self.helper.add_input(Submit("", _("Show activities")))

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"kind": data.get("kind") or "", "year": data.get("year")}


class PersonFilterForm(forms.Form):
    """Finding a person to add (GET ``q``): part of a name or an e-mail address."""

    q = forms.CharField(
        label=_("Find a person with an account"),
        max_length=100,
        required=False,
        help_text=_("Part of their name or e-mail address."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.helper = filter_helper("participant-search", Layout("q"))
        self.helper.add_input(Submit("", _("Search")))

    def query(self) -> str:
        self.is_valid()
        return (getattr(self, "cleaned_data", {}).get("q") or "").strip()


class ParticipantForm(forms.Form):
    """Add a participant: a person of the network with an account (offered from the people matching ``query``,
    at most :data:`PERSON_MATCHES`), or a named person without one."""

    person = PersonChoiceField(
        label=_("Person with an account"),
        queryset=None,
        required=False,
        empty_label=_("Choose a person"),
    )
    name = forms.CharField(label=_("Or the name of a person without an account"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Came from"),
        queryset=None,
        required=False,
        empty_label=_("Their current member organisation"),
        help_text=_("Needed for a person without an account."),
    )
    is_organiser = forms.BooleanField(label=_("Organiser"), required=False)

    def __init__(self, *args, activity: Activity, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        network = activity.network
        taken = activity.participants.filter(user__isnull=False).values("user")
        person = self.fields["person"]
        person.queryset = activity_people(network).exclude(pk__in=taken)  # what a choice is checked against
        matches = list(people_matching(person.queryset, query)[: PERSON_MATCHES + 1]) if query else []
        self.matches, self.more_matches = matches[:PERSON_MATCHES], len(matches) > PERSON_MATCHES
        person.widget.choices = [
            ("", person.empty_label),
            *((m.pk, person.label_from_instance(m)) for m in self.matches),
        ]
        person.help_text = _person_help(query, self.matches, self.more_matches)
        self.fields["organisation"].queryset = invitable_organisations(network)
        self.helper = FormHelper()
        self.helper.form_id = "participant-add"
        self.helper.layout = Layout(
            Row(Column("person", css_class="col-md-6"), Column("name", css_class="col-md-6")),
            Row(Column("organisation", css_class="col-md-8"), Column("is_organiser", css_class="col-md-4")),
        )
        self.helper.add_input(Submit("add", _("Add the participant")))

    def clean(self):
        cleaned = super().clean()
        person, name = cleaned.get("person"), (cleaned.get("name") or "").strip()
        if person is None and not name and not self.errors:
            self.add_error("person", _("Choose a person, or name one who has no account."))
        if person is not None and name:
            self.add_error("name", _("Choose a person or give a name, not both."))
        if person is None and name and cleaned.get("organisation") is None:
            self.add_error("organisation", _("Say which organisation the person came from."))
        return cleaned


def _person_help(query: str, matches, more: bool) -> str:
    if not query:
        return _("Search for the person above first; then choose them here.")
    if not matches:
        return _("Nobody of the network matches the search. Try another word, or name a person without an account.")
    if more:
        return _("The first %(count)s people matching the search. Narrow the search to find others.") % {
            "count": PERSON_MATCHES
        }
    return _("The network's people matching the search.")


class ReflectionForm(forms.Form):
    """A participant's own reflection and usefulness rating."""

    usefulness = forms.TypedChoiceField(
        label=_("How useful was the activity for your work?"),
        choices=[("", _("Not rated")), *((str(n), str(n)) for n in range(1, 6))],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("1 = not useful, 5 = very useful."),
    )
    reflection = forms.CharField(
        label=_("Reflection"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you learnt, whom you met, what you will do differently. The network's people see it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_id = "reflection"
        self.helper.add_input(Submit("reflect", _("Save the reflection")))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("usefulness") is None and not (cleaned.get("reflection") or "").strip():
            self.add_error("reflection", _("Write a reflection or rate the usefulness."))
        return cleaned
