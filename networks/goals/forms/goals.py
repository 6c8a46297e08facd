"""Forms of shared goals: the goal's own text and settings, and moving its status by hand."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.goals.models import Goal, GoalStatus
from networks.goals.services import GOAL_FIELDS, TEXT_FIELDS, goal_next_statuses
from networks.memberships.models import NetworkRole
from partners.agreements.models import CLOSED, Agreement
from partners.directory.models import Organisation
from portal.lib.access import ESTABLISHED
from portal.lib.forms import DateInput, VersionedFormMixin
from portal.lib.validators import validate_plausible_date


class GoalForm(VersionedFormMixin, forms.ModelForm):
    """A goal as a coordinator writes it, or a member proposes it.

    ``version`` is the ``updated_at`` the form was loaded with (not on a new goal): the service refuses
    the save when someone else has saved in between. ``summary`` is only there once the goal has been
    put to endorsement: a change to its text is then a revision the members endorse again, and needs one.
    """

    version = forms.CharField(widget=forms.HiddenInput)
    summary = forms.CharField(
        label=_("What changed and why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The goal has been put to the member organisations: a change to its title, description, rationale "
            "or period is a new revision that they are asked to endorse. Not needed when you change only the "
            "quality area, owner, contact or agreements."
        ),
    )

    class Meta:
        model = Goal
        fields = [*GOAL_FIELDS, "agreements"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "period_start": DateInput(),
            "period_end": DateInput(),
            "agreements": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, has_rounds: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        goal = self.instance
        if goal.pk is None:
            del self.fields["version"]
        else:
            self.initial.setdefault("version", goal.updated_at.isoformat())
        if not has_rounds:
            del self.fields["summary"]
        for name in ("period_start", "period_end"):
            self.fields[name].validators.append(validate_plausible_date)
        self._limit_choices(goal)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "title",
            "description",
            "rationale",
            Fieldset(
                _("Period"),
                Row(Column("period_start", css_class="col-md-6"), Column("period_end", css_class="col-md-6")),
            ),
            "quality_area",
            Row(Column("owner_organisation", css_class="col-md-6"), Column("contact", css_class="col-md-6")),
            "agreements",
            *(["summary"] if "summary" in self.fields else []),
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def _limit_choices(self, goal: Goal) -> None:
        """Only the network's own: its established member organisations, its people, its agreements (those
        who propose or edit goals have a role in the network, so they see all of its agreements). What is
        chosen now stays on offer."""
        network_id = goal.network_id
        owners = Q(memberships__network_id=network_id, memberships__status__in=ESTABLISHED)
        if goal.owner_organisation_id is not None:
            owners |= Q(pk=goal.owner_organisation_id)
        self.fields["owner_organisation"].queryset = Organisation.objects.filter(owners).distinct().order_by("name")
        self.fields["owner_organisation"].empty_label = _("No organisation in particular")
        people = Q(pk__in=NetworkRole.objects.filter(network_id=network_id).values("user"))
        if goal.contact_id is not None:
            people |= Q(pk=goal.contact_id)
        self.fields["contact"].queryset = (
            get_user_model().objects.filter(people).order_by("last_name", "first_name", "email")
        )
        self.fields["contact"].empty_label = _("Nobody in particular")
        agreements = Agreement.objects.filter(network_id=network_id)
        linked = list(goal.agreements.values_list("pk", flat=True)) if goal.pk else []
        self.fields["agreements"].queryset = agreements.filter(~Q(status__in=CLOSED) | Q(pk__in=linked)).order_by(
            "title", "pk"
        )
        self.fields["agreements"].help_text = _("The network's agreements that serve this goal.")

    def text_changed(self) -> bool:
        """Whether the goal's text (what the members endorse) differs from what the form was opened with."""
        return any(name in self.changed_data for name in TEXT_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if "summary" in self.fields and self.text_changed() and not (cleaned.get("summary") or "").strip():
            self.add_error("summary", _("Say what changed and why: the member organisations are asked to endorse it."))
        return cleaned

    def goal_data(self) -> dict:
        """The cleaned values of the goal's own fields, for ``goal_create`` / ``goal_update``."""
        return {name: self.cleaned_data[name] for name in GOAL_FIELDS}


class GoalStatusForm(forms.Form):
    """Move a goal by hand: agreed → in progress → achieved, or drop it with a reason."""

    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason for dropping"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when the goal is dropped. The network's members see it on the goal's page."),
    )

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(status, GoalStatus(status).label) for status in goal_next_statuses(goal)]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Change the status")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == GoalStatus.DROPPED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for dropping the goal."))
        return cleaned
