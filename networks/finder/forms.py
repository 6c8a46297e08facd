"""The finder's form: a search box and filters, read from the query string (a GET form that works without
JavaScript). Only valid values filter; an invalid one shows as the field's error and is left out."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from networks.finder.selectors import Filters
from partners.directory.models import ServiceChannel, ServiceLevel, ServiceTopic, TargetGroup
from portal.lib import municipalities
from portal.lib.choices import Language, Region
from portal.lib.errors import DomainError
from portal.search.query import parse


def _choice(label, choices, everything):
    return forms.ChoiceField(label=label, choices=[("", everything), *choices], required=False, widget=LongSelect)


def municipality_choices(language: str) -> list:
    """Every municipality, grouped by region, named in ``language``."""
    grouped = {region: [] for region in Region.values}
    for code, name in municipalities.choices(language):
        grouped[municipalities.region_of(code)].append((code, name))
    return [("", _("Anywhere in Finland")), *((Region(region).label, options) for region, options in grouped.items())]


class LongSelect(forms.Select):
    """A select written in one pass: Django's template per option cost the finder's page 30 ms of its 45 (the
    municipalities are hundreds of options, in option groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = str(value[0] if isinstance(value, list | tuple) and value else value or "")
        parts = [format_html("<select{}>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})))]
        for group, options in self.choices:
            if isinstance(options, list | tuple):
                parts.append(format_html('<optgroup label="{}">', group))
                parts.extend(_option(code, label, chosen) for code, label in options)
                parts.append("</optgroup>")
            else:
                parts.append(_option(group, options, chosen))
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def _option(value, label, chosen: str) -> str:
    selected = " selected" if str(value) == chosen else ""
    return format_html('<option value="{}"{}>{}</option>', value, mark_safe(selected), label)  # noqa: S308


class FinderFilterForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), max_length=200, required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, widget=LongSelect)
    topic = _choice(_("Topic"), ServiceTopic.choices, _("All topics"))
    channel = _choice(_("How to reach it"), ServiceChannel.choices, _("Any way"))
    language = _choice(_("Language of the service"), Language.choices, _("Any language"))
    target_group = _choice(_("For whom"), TargetGroup.choices, _("Everyone"))
    level = _choice(_("Level of guidance"), ServiceLevel.choices, _("All levels"))

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices(language)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs["autocomplete"] = "off"
        self.fields["q"].help_text = _("For example: career change, studying, job search, Finnish language")

    def clean_q(self):
        text = self.cleaned_data["q"].strip()
        if not text:
            return None
        try:
            return parse(text)
        except DomainError as error:
            raise forms.ValidationError(str(error)) from None

    def filters(self) -> Filters:
        """The valid filters; the invalid fields are left out (their errors show next to them)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return Filters(
            query=cleaned.get("q"),
            **{name: cleaned.get(name) or "" for name in Filters.__dataclass_fields__ if name != "query"},
        )

    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)
