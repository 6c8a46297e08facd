"""Forms of partner agreements: the agreement's own text and its termination."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.agreements.models import Agreement
from partners.agreements.services import AGREEMENT_FIELDS
from portal.lib.access import Role
from portal.lib.forms import DateInput, VersionedFormMixin
from portal.lib.validators import validate_plausible_date


class AgreementForm(VersionedFormMixin, forms.ModelForm):
    """An agreement's own text and settings, as the network's coordinators write them.

    ``version`` is the ``updated_at`` the form was loaded with (not on a new agreement): the service
    refuses the save when someone else has saved in between. ``amendment_summary`` is only there
    while the agreement is in force: a change to its text is then an amendment and needs one.
    """

    version = forms.CharField(widget=forms.HiddenInput)
    amendment_summary = forms.CharField(
        label=_("What is changed and why"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The agreement is in force: a change to its text is recorded as an amendment that the parties see. "
            "Not needed when you change only the coordinator, the review date or sharing."
        ),
    )

    class Meta:
        model = Agreement
        fields = list(AGREEMENT_FIELDS)
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "indicators": forms.Textarea(attrs={"rows": 4}),
            "review_arrangements": forms.Textarea(attrs={"rows": 4}),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "review_date": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agreement = self.instance
        if agreement.pk is None:
            del self.fields["version"]
        else:
            self.initial.setdefault("version", agreement.updated_at.isoformat())
        if not agreement.is_in_force:
            del self.fields["amendment_summary"]
        for name in ("valid_from", "valid_until", "review_date"):
            self.fields[name].validators.append(validate_plausible_date)
        # Only the network's coordinators (and whoever is responsible now) can be made responsible.
        coordinators = Q(network_roles__network_id=agreement.network_id, network_roles__role=Role.COORDINATOR)
        if agreement.coordinator_id is not None:
            coordinators |= Q(pk=agreement.coordinator_id)
        self.fields["coordinator"].queryset = (
            get_user_model().objects.filter(coordinators).distinct().order_by("last_name", "first_name", "email")
        )
        # A new agreement without a chosen coordinator is the creator's (agreement_create).
        self.fields["coordinator"].empty_label = _("Nobody in particular") if agreement.pk else _("Myself")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "title",
            "kind",
            "purpose",
            "indicators",
            "review_arrangements",
            Fieldset(
                _("Term"),
                Row(Column("valid_from", css_class="col-md-6"), Column("valid_until", css_class="col-md-6")),
                Row(Column("notice_period_days", css_class="col-md-6"), Column("review_date", css_class="col-md-6")),
            ),
            "coordinator",
            "share_details",
            *(["amendment_summary"] if "amendment_summary" in self.fields else []),
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def agreement_data(self) -> dict:
        """The cleaned values of the agreement's own fields, for ``agreement_create`` / ``agreement_update``."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AgreementTerminateForm(forms.Form):
    """Ending an agreement early: the reason is kept on the agreement and shown to its parties."""

    reason = forms.CharField(
        label=_("Reason for termination"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The parties and the network's coordinators see the reason on the agreement's page."),
    )
    terminated_on = forms.DateField(label=_("Terminated on"), widget=DateInput(), validators=[validate_plausible_date])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("terminated_on", timezone.localdate())

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for terminating the agreement."), code="required")
        return reason

    def clean_terminated_on(self):
        day = self.cleaned_data["terminated_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of termination cannot be in the future."), code="future")
        return day
