"""Fields and helpers the directory's forms share."""

from django import forms

# Checkboxes side by side with visible errors (crispy-bootstrap5's InlineCheckboxes hides the error text).
_CHECKBOXES = "partners/directory/service_checkboxes.html"


def _checkboxes(label, choices, *, required=False, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def _in_vocabulary_order(values, choices) -> list[str]:
    """Chosen values without repeats, in the vocabulary's own order (so stored arrays compare equal)."""
    chosen = set(values)
    return [value for value, _label in choices if value in chosen]


def _filter_choice(label, choices, everything):
    return forms.ChoiceField(label=label, choices=[("", everything), *choices], required=False)
