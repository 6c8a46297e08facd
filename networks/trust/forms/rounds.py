"""Forms of trust survey rounds: opening a round, and an organisation's answer.

The answer form rates every other organisation the round asks, up to hundreds of rows of eight inputs. Its
rows are not Django fields (a few thousand field objects per request would be the page's cost): the form reads
them from the POST itself (``r<id>-relationship``, ``r<id>-reliability`` …, ``r<id>-comment``) and the
template renders them with a plain loop. The form's own fields are its version and the button pressed.
"""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from networks.trust.answering import NEW, SCORE_FIELDS, RatingInput, completeness_errors
from networks.trust.models import Relationship
from networks.trust.rounds import default_title, round_dates_check
from portal.lib.forms import DateInput, PlausibleDateField, VersionedFormMixin

# How long a new round runs by default.
DEFAULT_ROUND_DAYS = 21

# The scale of the trust and value questions, in the PARTNER tool's words.
SCALE = (
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Fairly")),
    (4, _("Very much")),
)

# The relationship between two organisations, in the survey's own words.
RELATIONSHIPS = (
    (Relationship.NONE.value, pgettext_lazy("relationship", "No relationship")),
    (Relationship.AWARENESS.value, pgettext_lazy("relationship", "Awareness")),
    (Relationship.COOPERATION.value, pgettext_lazy("relationship", "Cooperation")),
    (Relationship.COORDINATION.value, pgettext_lazy("relationship", "Coordination")),
    (Relationship.INTEGRATION.value, pgettext_lazy("relationship", "Integration")),
)

TRUST_QUESTIONS = (
    ("reliability", _("Reliability")),
    ("openness", _("Openness to discussion")),
    ("mission_support", _("Support of the shared mission")),
)
VALUE_QUESTIONS = (
    ("influence", _("Influence")),
    ("involvement", _("Level of involvement")),
    ("resources", _("Resource contribution")),
)


class RoundOpenForm(forms.Form):
    """A new trust survey: its title, the period it asks about and the deadline."""

    title = forms.CharField(label=_("Name of the survey"), max_length=200)
    period_start = PlausibleDateField(label=_("Period from"), widget=DateInput())
    period_end = PlausibleDateField(
        label=_("Period until"),
        widget=DateInput(),
        help_text=_("The period whose cooperation the organisations are asked about, for example the past year."),
    )
    deadline = PlausibleDateField(
        label=_("Answers by"), widget=DateInput(), help_text=_("The last day on which the organisations can answer.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["title"].initial = default_title(self.today)
        self.fields["period_start"].initial = self.today.replace(month=1, day=1)
        self.fields["period_end"].initial = self.today.replace(month=12, day=31)
        self.fields["deadline"].initial = self.today + datetime.timedelta(days=DEFAULT_ROUND_DAYS)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Open the survey")))

    def clean(self):
        cleaned = super().clean()
        try:
            round_dates_check(
                period_start=cleaned.get("period_start"),
                period_end=cleaned.get("period_end"),
                deadline=cleaned.get("deadline"),
                today=self.today,
            )
        except ValidationError as error:
            for name, errors in error.error_dict.items():
                if name not in self.errors:
                    self.add_error(name, errors)
        return cleaned


def _int(value, allowed) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number in allowed else None


class TrustAnswerForm(VersionedFormMixin, forms.Form):
    """One organisation's answer: ``rated`` are the other organisations asked (by name), ``saved`` the ratings
    saved so far by organisation rated, ``response`` the saved response (None: nothing yet)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    action = forms.ChoiceField(choices=[("draft", "draft"), ("submit", "submit")], required=False)

    def __init__(self, *args, rated, saved, response, **kwargs):
        super().__init__(*args, **kwargs)
        self.rated = rated
        self.saved = saved
        self.response = response
        self.initial["version"] = response.updated_at.isoformat() if response is not None else NEW
        self.row_errors: dict[int, str] = {}

    def clean_version(self):
        if (self.cleaned_data.get("version") or "") == NEW:
            return NEW
        return super().clean_version()

    @property
    def submitting(self) -> bool:
        submitted = self.response is not None and self.response.is_submitted
        return submitted or self.data.get("action") == "submit"

    def _parse(self, pk: int) -> RatingInput:
        prefix = f"r{pk}-"
        return RatingInput(
            relationship=_int(self.data.get(prefix + "relationship"), Relationship.values),
            scores={name: _int(self.data.get(prefix + name), (1, 2, 3, 4)) for name in SCORE_FIELDS},
            comment=(self.data.get(prefix + "comment") or "").strip(),
        )

    def answers(self) -> dict[int, RatingInput]:
        """The rows as sent (bound) or as saved (unbound)."""
        if self.is_bound:
            return {organisation.pk: self._parse(organisation.pk) for organisation in self.rated}
        answers = {}
        for about_id, rating in self.saved.items():
            scores = {name: getattr(rating, name) for name in SCORE_FIELDS}
            answers[about_id] = RatingInput(rating.relationship, scores, rating.comment)
        return answers

    def clean(self):
        cleaned = super().clean()
        answers = self.answers()
        for pk, answer in answers.items():
            if len(answer.comment) > 1000:
                self.row_errors[pk] = _("The comment can be at most 1000 characters long.")
        if self.submitting:
            self.row_errors.update(completeness_errors(answers, [organisation.pk for organisation in self.rated]))
        if self.row_errors:
            count = len(self.row_errors)
            message = ngettext(
                "%(count)s organisation still needs an answer: see the row marked below.",
                "%(count)s organisations still need an answer: see the rows marked below.",
                count,
            )
            self.add_error(None, message % {"count": count})
        cleaned["answers"] = {pk: answer.cleaned() for pk, answer in answers.items()}
        return cleaned

    def rows(self) -> list[dict]:
        """The template's rows: each organisation rated, its inputs holding what the form holds for it, and its
        error. The inputs of a row (five radio buttons, six lists) are made here from the formats above, with
        the labels escaped once: rendered in the template they were most of the time of a page of hundreds."""
        answers = self.answers()
        options = score_options()
        relationships = [(value, escape(str(label))) for value, label in RELATIONSHIPS]
        trust = [(name, escape(str(label))) for name, label in TRUST_QUESTIONS]
        value = [(name, escape(str(label))) for name, label in VALUE_QUESTIONS]
        rows = []
        for organisation in self.rated:
            key = organisation.pk
            answer = answers.get(key) or RatingInput()
            radios = "".join(
                RADIO.format(key=key, value=number, label=label, checked=CHECKED[number == answer.relationship])
                for number, label in relationships
            )

            def lists(questions, key=key, answer=answer):
                return mark_safe(  # noqa: S308 - made of escaped labels, numbers and the options above
                    "".join(
                        SELECT.format(key=key, name=name, label=label, options=options[answer.scores.get(name)])
                        for name, label in questions
                    )
                )

            rows.append(
                {
                    "organisation": organisation,
                    "key": key,
                    "radios": mark_safe(radios),  # noqa: S308 - made of escaped labels and numbers
                    "trust": lists(trust),
                    "value": lists(value),
                    "comment": answer.comment,
                    "error": self.row_errors.get(key),
                }
            )
        return rows


RADIO = (
    '<div class="form-check form-check-inline"><input class="form-check-input" type="radio" '
    'name="r{key}-relationship" id="r{key}-relationship-{value}" value="{value}"{checked}>'
    '<label class="form-check-label" for="r{key}-relationship-{value}">{label}</label></div>'
)
CHECKED = {True: " checked", False: ""}
SELECTED = {True: " selected", False: ""}
SELECT = (
    '<div class="mb-1"><label class="form-label small mb-0" for="r{key}-{name}">{label}</label>'
    '<select class="form-select form-select-sm" name="r{key}-{name}" id="r{key}-{name}">{options}</select></div>'
)


def score_options() -> dict:
    """The options of a 1–4 question for each value that may be chosen (None: none), made once per page."""
    options = {}
    for chosen in (None, 1, 2, 3, 4):
        items = [("", "", "–")] + [(number, SELECTED[number == chosen], f"{number} – {word}") for number, word in SCALE]
        options[chosen] = format_html_join("", '<option value="{}"{}>{}</option>', items)
    return options
