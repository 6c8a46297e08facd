"""Forms of the glossary: a term (proposing and editing it, with its version), the glossary's filters, and a
comment. Opening a round and answering use the goals' forms: the endorsement is the same."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.glossary.models import Term, TermStatus
from portal.lib.forms import VersionedFormMixin, filter_helper

TERM_FIELDS = ["term_fi", "term_sv", "term_en", "definition_fi", "definition_sv", "definition_en"]


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class TermForm(VersionedFormMixin, forms.ModelForm):
    """A term and its definition in Finnish (required), Swedish and English, and its related terms of the same
    network (with the term's version on the edit page: a save over someone else's is refused)."""

    related = TermChoiceField(
        label=_("Related terms"),
        queryset=Term.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Term
        fields = TERM_FIELDS
        labels = {
            "term_fi": _("Term in Finnish"),
            "term_sv": _("Term in Swedish"),
            "term_en": _("Term in English"),
            "definition_fi": _("Definition in Finnish"),
            "definition_sv": _("Definition in Swedish"),
            "definition_en": _("Definition in English"),
        }
        widgets = {f"definition_{code}": forms.Textarea(attrs={"rows": 4}) for code in ("fi", "sv", "en")}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        for name in ("term_fi", "definition_fi"):
            self.fields[name].required = True
        for name in TERM_FIELDS:
            self.fields[name].max_length = 120 if name.startswith("term") else 3000
        others = Term.objects.filter(network=network).exclude(status=TermStatus.RETIRED).order_by("term_fi", "pk")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            self.initial.setdefault("related", list(self.instance.related.values_list("pk", flat=True)))
        self.fields["related"].queryset = others
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Term"), Row(*(Column(f"term_{code}", css_class="col-md-4") for code in ("fi", "sv", "en")))),
            Fieldset(_("Definition"), "definition_fi", "definition_sv", "definition_en"),
            "related",
        )
        self.helper.add_input(Submit("submit", _("Save")))

    def _post_clean(self):
        # The service checks the term against the network's glossary; the form only its own input.
        pass

    def term_data(self) -> dict:
        return {name: (self.cleaned_data.get(name) or "").strip() for name in TERM_FIELDS}


class SearchInput(forms.TextInput):
    input_type = "search"


class GlossaryFilterForm(forms.Form):
    """The glossary's filters (GET): a word to find and a status. An invalid value is ignored."""

    q = forms.CharField(label=_("Find a term"), required=False, max_length=100, widget=SearchInput)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("In use (not retired)")), *TermStatus.choices]
        self.helper = filter_helper(
            "glossary-filters",
            Layout(Row(Column("q", css_class="col-md-7"), Column("status", css_class="col-md-5"))),
        )
        self.helper.add_input(Submit("", _("Show terms")))

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"q": (data.get("q") or "").strip(), "status": data.get("status") or ""}


class TermCommentForm(forms.Form):
    """A comment in a term's discussion."""

    body = forms.CharField(
        label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), strip=True
    )
