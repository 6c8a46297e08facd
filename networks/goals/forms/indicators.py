"""Forms of a goal's indicators and measurements.

What an evidence file must contain is checked by :func:`partners.agreements.documents.check_document` when the
measurement is added (:func:`networks.goals.indicators.measurement_add`); the form checks the
size first, like the agreement documents' upload form.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.goals.indicators import INDICATOR_FIELDS, MEASUREMENT_FIELDS
from networks.goals.models import Indicator, Measurement
from networks.memberships.models import Membership
from partners.agreements import documents
from portal.lib.access import ESTABLISHED
from portal.lib.forms import DateInput, VersionedFormMixin
from portal.lib.uploads import DocumentFileField
from portal.lib.validators import validate_plausible_date


def accept_decimal_comma(field) -> None:
    """A number typed the way the page's language writes it: "17,5" in Finnish and Swedish ("17.5" too)."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
    field.widget.is_localized = True


def measurers(network, current=None):
    """Who can be made responsible for measuring: the network's people (any role) and the
    representatives and deputies of its established members, and whoever is responsible now."""
    established = Membership.objects.filter(network=network, status__in=ESTABLISHED)
    people = (
        Q(network_roles__network=network)
        | Q(pk__in=established.values("representative"))
        | Q(pk__in=established.values("deputy"))
    )
    if current is not None:
        people |= Q(pk=current)
    return get_user_model().objects.filter(people).distinct().order_by("last_name", "first_name", "email")


class IndicatorForm(VersionedFormMixin, forms.ModelForm):
    """An indicator's name, unit, direction, baseline, target, frequency and owner (coordinators). An edit
    carries the indicator's version: a save over someone else's is refused."""

    class Meta:
        model = Indicator
        fields = list(INDICATOR_FIELDS)
        widgets = {"baseline_date": DateInput(), "target_date": DateInput()}
        help_texts = {
            "direction": _(
                "Increase or decrease: progress is compared with the straight path from the baseline to the "
                "target. Keep: the value should stay at the target."
            ),
            "baseline_value": _("The value when measuring starts."),
            "target_value": _("The value the network wants to reach (or keep) by the target date."),
        }

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        self.instance.goal = goal
        for name in ("baseline_date", "target_date"):
            self.fields[name].validators.append(validate_plausible_date)
        for name in ("baseline_value", "target_value"):
            accept_decimal_comma(self.fields[name])
        self.fields["owner"].queryset = measurers(goal.network, self.instance.owner_id)
        self.fields["owner"].empty_label = _("Only the coordinators")
        if self.instance.pk is None:
            self.initial.setdefault("baseline_date", goal.period_start)
            self.initial.setdefault("target_date", goal.period_end)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("name", css_class="col-md-8"), Column("unit", css_class="col-md-4")),
            "direction",
            Fieldset(
                _("Baseline"),
                Row(Column("baseline_value", css_class="col-md-6"), Column("baseline_date", css_class="col-md-6")),
            ),
            Fieldset(
                _("Target"),
                Row(Column("target_value", css_class="col-md-6"), Column("target_date", css_class="col-md-6")),
            ),
            Row(Column("frequency", css_class="col-md-6"), Column("owner", css_class="col-md-6")),
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def indicator_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in INDICATOR_FIELDS}


class MeasurementForm(forms.ModelForm):
    """A value on a date, a note and an optional evidence file (private: the goal's readers may open it)."""

    evidence = DocumentFileField(
        label=_("Evidence"),
        required=False,
        widget=forms.FileInput(attrs={"accept": documents.DOCUMENT_ACCEPT}),
    )

    class Meta:
        model = Measurement
        fields = list(MEASUREMENT_FIELDS)
        widgets = {"measured_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"note": _("Optional. Where the number comes from, or what explains it.")}

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["measured_on"].validators.append(validate_plausible_date)
        accept_decimal_comma(self.fields["value"])
        self.initial.setdefault("measured_on", timezone.localdate())
        if indicator.unit:
            self.fields["value"].help_text = _("In %(unit)s.") % {"unit": indicator.unit}
        self.fields["evidence"].help_text = _(
            "Optional. A report or a list the value comes from. Allowed types: %(types)s. At most %(limit)s. "
            "Only the goal's readers can open it."
        ) % {"types": documents.DOCUMENT_TYPE_NAMES, "limit": filesizeformat(documents.DOCUMENT_MAX_BYTES)}
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("measured_on", css_class="col-md-6"), Column("value", css_class="col-md-6")),
            "note",
            "evidence",
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def clean_measured_on(self):
        day = self.cleaned_data["measured_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A measurement cannot be dated in the future."), code="future")
        return day

    def measurement_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in MEASUREMENT_FIELDS}
