"""Forms of partnership health checks: opening one, and an organisation's answer.

Forms validate and normalise; :mod:`networks.trust.health` decides and persists (and checks again).
"""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.trust.health import COMMENT_LENGTH, health_agreements
from networks.trust.models import HealthAspect, HealthColour
from partners.agreements.models import Agreement
from portal.lib.forms import DateInput, PlausibleDateField, VersionedFormMixin

# A health check runs for at most this long: a later deadline is a typo, not a plan.
LONGEST_DAYS = 365
DEFAULT_DAYS = 21


class HealthOpenForm(forms.Form):
    """A new health check: its title, the period it looks back on, the deadline, and the agreement (or none:
    the whole network)."""

    title = forms.CharField(label=_("Name of the health check"), max_length=200)
    agreement = forms.ModelChoiceField(
        label=_("Agreement"),
        queryset=Agreement.objects.none(),
        required=False,
        empty_label=_("The whole network (every active member organisation)"),
        help_text=_("Of one agreement, its parties are asked; of the whole network, its active member organisations."),
    )
    period_start = PlausibleDateField(label=_("Period starts"), widget=DateInput())
    period_end = PlausibleDateField(label=_("Period ends"), widget=DateInput())
    deadline = PlausibleDateField(
        label=_("Answers by"), widget=DateInput(), help_text=_("The last day on which the organisations can answer.")
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["agreement"].queryset = health_agreements(network)
        self.fields["title"].initial = _("Partnership health check %(year)s") % {"year": self.today.year}
        self.fields["period_start"].initial = self.today.replace(month=1, day=1)
        self.fields["period_end"].initial = self.today
        self.fields["deadline"].initial = self.today + datetime.timedelta(days=DEFAULT_DAYS)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Open the health check")))

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < self.today:
            raise forms.ValidationError(_("The deadline must not be in the past."), code="past")
        if deadline > self.today + datetime.timedelta(days=LONGEST_DAYS):
            raise forms.ValidationError(
                _("Give a deadline within %(days)s days."), code="too_late", params={"days": LONGEST_DAYS}
            )
        return deadline

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end of the period must not be before its start."))
        return cleaned


class HealthAnswerForm(VersionedFormMixin, forms.Form):
    """An organisation's answer: for each aspect red, amber or green and an optional comment.

    ``version`` is the response's ``updated_at`` when the form was opened, empty when there was no response
    yet. A draft may leave aspects unrated; ``submitting`` asks for every aspect."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, response=None, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        given = {rating.aspect: rating for rating in response.health_ratings.all()} if response else {}
        for aspect in HealthAspect:
            colour = forms.ChoiceField(
                label=aspect.label,
                choices=HealthColour.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
            comment = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                max_length=COMMENT_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"{aspect}_colour"] = colour
            self.fields[f"{aspect}_comment"] = comment
            if aspect.value in given:
                self.initial[f"{aspect}_colour"] = given[aspect.value].colour
                self.initial[f"{aspect}_comment"] = given[aspect.value].comment
        self.initial["version"] = response.updated_at.isoformat() if response else ""

    def clean_version(self):
        if not self.cleaned_data.get("version"):
            return None
        return super().clean_version()

    def clean(self):
        cleaned = super().clean()
        for aspect in HealthAspect.values:
            colour, comment = cleaned.get(f"{aspect}_colour"), (cleaned.get(f"{aspect}_comment") or "").strip()
            cleaned[f"{aspect}_comment"] = comment
            if not colour and (self.submitting or comment):
                self.add_error(f"{aspect}_colour", _("Choose red, amber or green."))
        return cleaned

    def rows(self) -> list[dict]:
        """Each aspect's label with its colour and comment fields, for the template."""
        return [
            {"aspect": aspect.value, "label": aspect.label, "colour": self[f"{aspect}_colour"]}
            | {"comment": self[f"{aspect}_comment"]}
            for aspect in HealthAspect
        ]

    def ratings(self) -> dict:
        """``{aspect: (colour or "", comment)}`` for :func:`networks.trust.health.health_answer`."""
        return {
            aspect: (self.cleaned_data.get(f"{aspect}_colour") or "", self.cleaned_data.get(f"{aspect}_comment", ""))
            for aspect in HealthAspect.values
        }
