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


def my_network_choices(user, everything) -> list[tuple[str, str]]:
    """The networks the person has a role in, as (slug, name) choices after ``("", everything)``: a filter
    offers only networks the person may see (HOUSE-STYLE rule 18), read through ``user.network_roles``."""
    if not user.is_authenticated:
        return [("", everything)]
    roles = user.network_roles.order_by("network__name").values_list("network__slug", "network__name")
    return [("", everything), *roles]
