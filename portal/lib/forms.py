"""What every domain's forms share: the date input, the hidden edit version, a submit button, a report's period,
the inputs of a text written in three languages."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.lib.translated import LANGUAGE_CODES, column_label, column_names
from portal.lib.validators import validate_plausible_date


def filter_helper(form_id: str, layout=None) -> FormHelper:
    """The crispy helper of a list page's filter form: sent with GET (the filters are in the address, so a
    filtered list can be linked and bookmarked), without a CSRF token, with ``layout`` when given."""
    helper = FormHelper()
    helper.form_method = "get"
    helper.disable_csrf = True
    helper.form_id = form_id
    if layout is not None:
        helper.layout = layout
    return helper


def submit_helper(label) -> FormHelper:
    """A crispy helper whose form ends in one submit button labelled ``label``."""
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    return helper


class VersionedFormMixin:
    """For edit forms with a hidden ``version`` (the object's ``updated_at`` when the form was opened):
    a missing or malformed version is said above the form; the service compares it with the saved one
    (:func:`portal.lib.errors.check_version`). A form that declares no ``version`` field gets one from
    :meth:`carry_version` (only when it edits a stored record; a create form has none)."""

    def carry_version(self, obj) -> None:
        """Edit ``obj``: a hidden ``version``, its ``updated_at`` now (nothing for an object not yet saved)."""
        if obj is None or obj.pk is None:
            self.fields.pop("version", None)
            return
        self.fields.setdefault("version", forms.CharField(widget=forms.HiddenInput))
        self.initial.setdefault("version", obj.updated_at.isoformat())

    def edit_version(self):
        """The version the form was opened with (None on a create form)."""
        return self.cleaned_data.get("version") if "version" in self.fields else None

    def clean_version(self):
        try:
            version = datetime.datetime.fromisoformat(self.cleaned_data["version"])
        except ValueError:
            version = None
        if version is None or version.tzinfo is None:
            raise forms.ValidationError("bad version", code="version")  # replaced by a message in clean()
        return version

    def clean(self):
        cleaned = super().clean()
        # A hidden field's error would not show next to any field: say it above the form.
        if self._errors.pop("version", None):
            self.add_error(None, _("The form was out of date. Open the page again."))
        return cleaned


class DateInput(forms.DateInput):
    """The browser's date picker; the value in ISO format, which every locale's DateField accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlausibleDateField(forms.DateField):
    """A date a person types, within the portal's years (1900–2199) like every stored date."""

    default_validators = [validate_plausible_date]


class PeriodReportForm(forms.Form):
    """A report's period, from the query string (``?start=&end=``); the current calendar year by default.

    Only a query string that names the period binds the form. :meth:`period` is what the report covers."""

    start = PlausibleDateField(label=_("From"), widget=DateInput)
    end = PlausibleDateField(label=_("To"), widget=DateInput)

    def __init__(self, data=None, *, today: datetime.date, **kwargs):
        start, end = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
        if data is not None and not ({"start", "end"} & set(data)):
            data = None
        super().__init__(data, initial={"start": start, "end": end}, **kwargs)
        self.default = (start, end)
        period = Layout(Row(Column("start", css_class="col-sm-6"), Column("end", css_class="col-sm-6")))
        self.helper = filter_helper("report-period", period)
        self.helper.add_input(Submit("", _("Show the report")))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period must not end before it starts."))
        return cleaned

    def period(self) -> tuple[datetime.date, datetime.date] | None:
        """The chosen period, the current year when none was chosen, or None when the dates are invalid."""
        if not self.is_bound:
            return self.default
        if not self.is_valid():
            return None
        return self.cleaned_data["start"], self.cleaned_data["end"]


def translated_fields(form, *fields: str, rows: int | None = None) -> None:
    """Label the language inputs of each translated field of ``fields`` ("Name (Finnish)"): the Finnish
    one is required when the model requires the field, the others are optional; each input has its
    language's ``lang`` (spelling, screen readers). ``rows``: the height of textareas."""
    model_meta = form._meta.model._meta
    for field in fields:
        original = model_meta.get_field(field)
        for code in LANGUAGE_CODES:
            form_field = form.fields[f"{field}_{code}"]
            form_field.label = column_label(original, code)
            form_field.required = code == "fi" and not original.blank
            form_field.widget.attrs["lang"] = code
            if rows and isinstance(form_field.widget, forms.Textarea):
                form_field.widget.attrs["rows"] = rows


def language_fieldset(form, field: str) -> Fieldset:
    """The language inputs of a translated ``field`` together, under the field's name."""
    legend = capfirst(str(form._meta.model._meta.get_field(field).verbose_name))
    return Fieldset(legend, *column_names(field), css_class="translated-field")


def grouped_layout(form, *fields: str) -> Layout:
    """The form's fields in their order, the language inputs of each translated field of ``fields`` grouped
    in a fieldset (:func:`language_fieldset`) where its Finnish input is."""
    items = []
    for name in form.fields:
        base, _sep, code = name.rpartition("_")
        if base in fields and code in LANGUAGE_CODES:
            if code == "fi":
                items.append(language_fieldset(form, base))
            continue
        items.append(name)
    return Layout(*items)
