"""Forms of the glossary: a term (proposing and editing it, with its version), the glossary's filters, and a
comment. Opening a round and answering use the goals' forms: the endorsement is the same."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from networks.glossary.models import Term, TermStatus
from portal.lib.forms import VersionedFormMixin, filter_helper

TERM_FIELDS = ["term_fi", "term_sv", "term_en", "definition_fi", "definition_sv", "definition_en"]


# At most this many related terms: the field names them, one per line.
MAX_RELATED = 30


class RelatedTermsField(forms.CharField):
    """Related terms by name, one per line (a term's name is one line): the form stays the same size however
    many terms the network has, and needs no script. A name is the term's in Finnish, or in Swedish or English
    where only one of the network's terms has it, whatever its case; an unknown or ambiguous name is said."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        super().__init__(max_length=MAX_RELATED * 121, required=False, **kwargs)
        self.terms = Term.objects.none()

    def clean(self, value):
        names = list(dict.fromkeys(line.strip() for line in (super().clean(value) or "").splitlines()))
        names = [name for name in names if name]
        if len(names) > MAX_RELATED:
            raise forms.ValidationError(_("At most %(count)d related terms.") % {"count": MAX_RELATED})
        return _terms_named(self.terms, names)


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


def _terms_named(terms, names: list[str]) -> list[Term]:
    """The terms of ``terms`` that ``names`` name (one query), or a ValidationError naming the others."""
    if not names:
        return []
    wanted = {name.lower() for name in names}
    found = Q()
    for code in ("fi", "sv", "en"):
        found |= Q(**{f"lower_{code}__in": wanted})
    annotations = {f"lower_{code}": Lower(f"term_{code}") for code in ("fi", "sv", "en")}
    candidates = list(terms.annotate(**annotations).filter(found))
    chosen, unknown, ambiguous = [], [], []
    for name in names:
        key = name.lower()
        by_finnish = [other for other in candidates if other.lower_fi == key]
        named = by_finnish or [other for other in candidates if key in (other.lower_sv, other.lower_en)]
        if len(named) == 1:
            chosen.append(named[0])
        else:
            (ambiguous if named else unknown).append(name)
    errors = []
    if unknown:
        errors.append(_("Not a term of the network's glossary: %(names)s.") % {"names": _quoted(unknown)})
    if ambiguous:
        message = _("More than one term has this name: %(names)s. Write it in Finnish.")
        errors.append(message % {"names": _quoted(ambiguous)})
    if errors:
        raise forms.ValidationError(errors)
    return list({other.pk: other for other in chosen}.values())


class TermForm(VersionedFormMixin, forms.ModelForm):
    """A term and its definition in Finnish (required), Swedish and English, and its related terms of the same
    network by name (with the term's version on the edit page: a save over someone else's is refused)."""

    related = RelatedTermsField(
        label=_("Related terms"),
        help_text=_("The names of related terms in the network's glossary, one per line."),
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
        # the term itself may be named: the service leaves it out
        self.fields["related"].terms = Term.objects.filter(network=network).exclude(status=TermStatus.RETIRED)
        if self.instance.pk:
            named = self.instance.related.exclude(status=TermStatus.RETIRED).order_by("term_fi", "pk")
            self.initial.setdefault("related", "\n".join(named.values_list("term_fi", flat=True)))
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
