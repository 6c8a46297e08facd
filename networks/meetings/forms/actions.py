"""Forms of decisions and action items: recording and amending them, changing an action item's
status, and the filters of the decision log and the network's action items."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.goals.models import Goal
from networks.meetings.actions import action_owners
from networks.meetings.models import ActionStatus, AgendaItemStatus, Meeting
from networks.meetings.services import invitable_organisations
from networks.memberships.models import Network
from portal.accounts.models import User
from portal.lib.forms import DateInput, PlausibleDateField, VersionedFormMixin, filter_helper
from portal.lib.validators import validate_plausible_date


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


def _items(meeting: Meeting):
    return meeting.items.filter(status=AgendaItemStatus.ACCEPTED).order_by("position", "pk")


def _goals(network_id: int):
    return Goal.objects.filter(network_id=network_id).order_by("title", "pk")


class DecisionForm(VersionedFormMixin, forms.Form):
    """A decision under one agenda item, optionally linked to one of the network's goals. Editing one
    (``decision``) carries its version: a save over someone else's is refused."""

    item = forms.ModelChoiceField(label=_("Agenda item"), queryset=None)
    text = forms.CharField(
        label=pgettext_lazy("decision", "Decision"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was decided, as it goes into the minutes."),
    )
    goal = forms.ModelChoiceField(label=_("Linked goal"), queryset=None, required=False)

    def __init__(self, *args, meeting: Meeting, with_item: bool = True, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(decision)
        if with_item:
            self.fields["item"].queryset = _items(meeting)
        else:
            del self.fields["item"]
        self.fields["goal"].queryset = _goals(meeting.network_id)
        self.fields["goal"].empty_label = _("No goal")
        self.fields["goal"].help_text = _("The decision shows on the goal's page.")
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save the decision")))


class DecisionAmendForm(VersionedFormMixin, forms.Form):
    """A change to a decision of approved minutes, with the reason for it (and the decision's version)."""

    text = forms.CharField(
        label=pgettext_lazy("decision", "Decision"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label=_("Reason for the amendment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone who reads the minutes sees the text before and after, who changed it and why."),
    )

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(decision)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Amend the decision")))


class ActionForm(VersionedFormMixin, forms.Form):
    """An action item: what, who, for which organisation, by when. Editing one (``action``) carries its
    version: a save over someone else's is refused."""

    item = forms.ModelChoiceField(label=_("Agenda item"), queryset=None)
    what = forms.CharField(label=_("What"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    owner = PersonChoiceField(
        label=_("Owner"), queryset=None, help_text=_("One of the network's people or an invitee.")
    )
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Due"), widget=DateInput(), validators=[validate_plausible_date])

    def __init__(self, *args, meeting: Meeting, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(action)
        self.fields["item"].queryset = _items(meeting)
        self.fields["owner"].queryset = action_owners(meeting)
        self.fields["organisation"].queryset = invitable_organisations(meeting.network)
        self.fields["organisation"].empty_label = _("The owner's organisation")
        self.fields["organisation"].help_text = _("By default the organisation the owner attended or was invited for.")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "item",
            "what",
            Row(Column("owner", css_class="col-md-6"), Column("organisation", css_class="col-md-6")),
            "due_on",
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", _("Save the action item")))


class ActionStatusForm(VersionedFormMixin, forms.Form):
    """Done, dropped (with a note) or open again; with the action item's version."""

    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the action item is dropped."),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(action)
        self.helper = FormHelper()
        # The page's own <form> also carries where to go back to.
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", _("Save the status")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ActionStatus.DROPPED and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Say why the action item is dropped."))
        return cleaned


def _get_helper(form_id: str, submit: str) -> FormHelper:
    helper = filter_helper(form_id)
    helper.add_input(Submit("", submit))
    return helper


class DecisionFilterForm(forms.Form):
    """The decision log's filters, from the query string. Invalid values are ignored (shown as errors)."""

    q = forms.CharField(label=_("Text"), max_length=100, required=False)
    goal = forms.ModelChoiceField(label=_("Linked goal"), queryset=None, required=False)
    date_from = PlausibleDateField(label=_("From"), required=False, widget=DateInput())
    date_to = PlausibleDateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].help_text = _("Searches the decisions and the titles of their agenda items.")
        self.fields["goal"].queryset = _goals(network.pk)
        self.fields["goal"].empty_label = _("All goals")
        self.helper = _get_helper("decision-filters", _("Show decisions"))
        self.helper.layout = Layout(
            Row(Column("q", css_class="col-md-6"), Column("goal", css_class="col-md-6")),
            Row(Column("date_from", css_class="col-md-6"), Column("date_to", css_class="col-md-6")),
        )

    def filters(self) -> dict:
        """The valid filters only, as :func:`networks.meetings.selectors.records.decision_log` takes them."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in ("q", "goal", "date_from", "date_to")
            if name in self.cleaned_data and self.cleaned_data[name] not in (None, "")
        }


class ActionFilterForm(forms.Form):
    """The network's action items filtered by status and owner."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *ActionStatus.choices], required=False
    )
    owner = PersonChoiceField(label=_("Owner"), queryset=None, required=False)

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(pk__in=network.action_items.values("owner")).order_by(
            "last_name", "first_name", "pk"
        )
        self.fields["owner"].empty_label = _("Everyone")
        self.helper = _get_helper("action-filters", _("Show action items"))
        self.helper.layout = Layout(Row(Column("status", css_class="col-md-6"), Column("owner", css_class="col-md-6")))

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in ("status", "owner")
            if name in self.cleaned_data and self.cleaned_data[name] not in (None, "")
        }
