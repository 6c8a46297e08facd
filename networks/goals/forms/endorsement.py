"""Forms of the endorsement of shared goals: the network's rule, opening a round, answering.

Forms validate and normalise; :mod:`networks.goals.endorsement` and :mod:`networks.goals.services` decide
and persist (and check again).
"""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.goals.models import Endorsement
from networks.memberships.models import EndorsementRule, Network
from partners.directory.models import Organisation
from portal.lib.forms import DateInput, PlausibleDateField, VersionedFormMixin

# A round runs for at most this long: a later deadline is a typo, not a plan.
LONGEST_ROUND_DAYS = 365
# The largest set number of a majority rule (a steering group, a board, all the members of a big network).
LARGEST_SET = 500


class GoalRuleForm(VersionedFormMixin, forms.ModelForm):
    """How the network agrees its goals: the rule a new round takes, and the days it gives (with the
    network's version: a save over someone else's is refused)."""

    class Meta:
        model = Network
        fields = ["goal_rule", "goal_rule_size", "goal_endorsement_days"]
        widgets = {"goal_rule": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        size = self.fields["goal_rule_size"]
        size.widget.attrs.update(min=1, max=LARGEST_SET)
        size.validators += [MinValueValidator(1), MaxValueValidator(LARGEST_SET)]
        days = self.fields["goal_endorsement_days"]
        days.widget.attrs.update(min=1, max=LONGEST_ROUND_DAYS)
        days.validators += [MinValueValidator(1), MaxValueValidator(LONGEST_ROUND_DAYS)]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("goal_rule") == EndorsementRule.MAJORITY and not cleaned.get("goal_rule_size"):
            self.add_error("goal_rule_size", _("A majority rule needs the number of organisations."))
        if cleaned.get("goal_rule") == EndorsementRule.ALL:
            cleaned["goal_rule_size"] = None
        return cleaned

    def rule_data(self) -> dict:
        """Keyword arguments of :func:`networks.goals.services.network_goal_rule_update`."""
        return {
            "rule": self.cleaned_data["goal_rule"],
            "set_size": self.cleaned_data["goal_rule_size"],
            "days": self.cleaned_data["goal_endorsement_days"],
            "version": self.edit_version(),
        }


class EndorsementOpenForm(forms.Form):
    """Opening endorsement: the deadline by which the member organisations answer."""

    deadline = PlausibleDateField(
        label=_("Answers by"),
        widget=DateInput(),
        help_text=_("The last day on which the organisations can answer."),
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["deadline"].initial = self.today + datetime.timedelta(days=network.goal_endorsement_days)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Open endorsement")))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < self.today:
            raise forms.ValidationError(_("The deadline must not be in the past."), code="past")
        if deadline > self.today + datetime.timedelta(days=LONGEST_ROUND_DAYS):
            raise forms.ValidationError(
                _("Give a deadline within %(days)s days."), code="too_late", params={"days": LONGEST_ROUND_DAYS}
            )
        return deadline


class EndorsementAnswerForm(forms.Form):
    """An organisation's answer in an open round.

    ``organisation`` offers only the organisations the person answers for (their active member
    organisations in the goal's network): a forged choice is an invalid choice. ``round`` is the round
    the form was opened for, so an answer meant for a text since revised is refused.
    """

    organisation = forms.ModelChoiceField(
        label=_("Answering for"), queryset=Organisation.objects.none(), empty_label=None, widget=forms.RadioSelect
    )
    answer = forms.ChoiceField(label=_("Answer"), choices=Endorsement.Answer.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed for a reservation or an objection. Everyone in the network sees it."),
    )
    round = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, organisations, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[organisation.pk for organisation in organisations]
        ).order_by("name")
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
        if round_ is not None:
            self.fields["round"].initial = round_.pk
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save the answer")))

    def clean(self):
        cleaned = super().clean()
        answer = cleaned.get("answer")
        cleaned["reason"] = (cleaned.get("reason") or "").strip()
        if answer and answer != Endorsement.Answer.AGREE and not cleaned["reason"]:
            self.add_error("reason", _("Give a reason for a reservation or an objection."))
        return cleaned
