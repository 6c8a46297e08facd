"""Forms of an agreement's parties: adding one, its details and commitments, and its signature.

The forms validate and normalise; :mod:`partners.agreements.services.parties` saves.
"""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.agreements.models import Agreement, AgreementParty, Commitment
from partners.agreements.services import COMMITMENT_FIELDS, PARTY_FIELDS
from partners.directory.models import Organisation
from portal.lib.access import ESTABLISHED
from portal.lib.forms import DateInput, PlausibleDateField, VersionedFormMixin

_TEXTAREAS = {"own_objectives": forms.Textarea(attrs={"rows": 4}), "roles": forms.Textarea(attrs={"rows": 4})}


def _no_form_tag() -> FormHelper:
    """The form sits inside a page's own <form> (with a formset, or the submit button elsewhere)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class PartyAddForm(forms.ModelForm):
    """A new party: an active or paused member of the agreement's network that is not a party yet."""

    class Meta:
        model = AgreementParty
        fields = ["organisation", *PARTY_FIELDS]
        widgets = _TEXTAREAS

    def __init__(self, *args, agreement: Agreement, **kwargs):
        kwargs.setdefault("instance", AgreementParty(agreement=agreement))
        super().__init__(*args, **kwargs)
        # Only the members the party may be (HOUSE-STYLE rule 18): anything else is "not one of the choices".
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(
                memberships__network_id=agreement.network_id, memberships__status__in=ESTABLISHED
            )
            .exclude(agreement_parties__agreement=agreement)
            .distinct()
            .order_by("name", "pk")
        )
        self.fields["organisation"].help_text = _("Active and paused members of the network that are not parties yet.")
        self.fields["signatory_name"].widget.attrs["autocomplete"] = "off"
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Add the party")))

    def service_fields(self) -> dict:
        return {field: self.cleaned_data[field] for field in PARTY_FIELDS}


class PartyForm(VersionedFormMixin, forms.ModelForm):
    """A party's signatory, own objectives and roles; its commitments come in :data:`CommitmentFormSet`.

    ``version`` is the party's ``updated_at`` when the form was opened: the service refuses the save
    when someone else has saved in between. ``amendment_summary`` is asked only of an agreement in force.
    """

    version = forms.CharField(widget=forms.HiddenInput)
    amendment_summary = forms.CharField(
        label=_("What is changed and why"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The agreement is in force: the change is recorded as an amendment with this summary."),
    )

    class Meta:
        model = AgreementParty
        fields = list(PARTY_FIELDS)
        widgets = _TEXTAREAS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.updated_at.isoformat() if self.instance.updated_at else "")
        if not self.instance.agreement.is_in_force:
            del self.fields["amendment_summary"]
        self.helper = _no_form_tag()

    def service_fields(self) -> dict:
        return {field: self.cleaned_data[field] for field in PARTY_FIELDS}


def _model_formfield(model, name: str, **kwargs):
    """The model field's form field, also running the model field's own validators (one line, ...):
    these plain forms do not run the model's validation, and the service would refuse later."""
    model_field = model._meta.get_field(name)
    field = model_field.formfield(**kwargs)
    field.validators = [*field.validators, *(v for v in model_field.validators if v not in field.validators)]
    return field


def _commitment_field(name: str, **kwargs):
    return _model_formfield(Commitment, name, **kwargs)


class CommitmentForm(forms.Form):
    """One commitment of a party; ``id`` is the existing commitment's (empty for a new one)."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    kind = _commitment_field("kind")
    description = _commitment_field("description")
    amount = _commitment_field("amount", min_value=0)
    unit = _commitment_field("unit")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _no_form_tag()

    def clean_amount(self):
        # "10" and "10.00" are the same amount: as stored, so an unchanged commitment is not a change.
        amount = self.cleaned_data["amount"]
        return None if amount is None else amount.quantize(Decimal("0.01"))


class BaseCommitmentFormSet(forms.BaseFormSet):
    def commitments(self) -> list[dict]:
        """The party's whole new list of commitments, for ``party_update(commitments=...)``.

        A form marked for deletion is left out (the service deletes what is not in the list); so is a
        blank extra form.
        """
        wanted = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            data = form.cleaned_data
            if not data or (data.get("id") is None and not form.has_changed()):
                continue
            wanted.append({"id": data.get("id"), **{field: data.get(field) for field in COMMITMENT_FIELDS}})
        return wanted

    def clean(self):
        ids = [form.cleaned_data.get("id") for form in self.forms if getattr(form, "cleaned_data", None)]
        ids = [pk for pk in ids if pk is not None]
        if len(ids) != len(set(ids)):
            raise forms.ValidationError(_("The same commitment is twice in the form. Open the page again."))


CommitmentFormSet = forms.formset_factory(
    CommitmentForm, formset=BaseCommitmentFormSet, extra=1, can_delete=True, max_num=50, validate_max=True
)


def commitment_formset(data=None, *, party: AgreementParty) -> BaseCommitmentFormSet:
    """The formset of ``party``'s commitments (one blank form for a new one)."""
    initial = [
        {"id": c.pk, **{field: getattr(c, field) for field in COMMITMENT_FIELDS}} for c in party.commitments.all()
    ]
    return CommitmentFormSet(data, initial=initial, prefix="commitments")


class PartySignForm(forms.Form):
    """A party's signature: who signed, with what title and on which day (today or earlier)."""

    signatory_name = _model_formfield(AgreementParty, "signatory_name", required=True)
    signatory_title = _model_formfield(AgreementParty, "signatory_title")
    signed_on = PlausibleDateField(label=_("Signed on"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("signed_on", timezone.localdate())
        self.fields["signatory_name"].help_text = _("The person who signed for the organisation.")
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Record the signature")))

    def clean_signatory_name(self):
        return self.cleaned_data["signatory_name"].strip()

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > timezone.localdate():
            raise forms.ValidationError(_("The date of signing cannot be in the future."), code="future")
        return signed_on
