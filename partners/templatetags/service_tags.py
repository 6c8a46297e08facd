"""Template helpers for guidance services: the translated labels of their vocabulary fields."""

from django import template

register = template.Library()


@register.filter
def choice_labels(obj, field_name: str) -> list[str]:
    """The translated labels of an array field's values, e.g. ``service|choice_labels:"channels"``.

    A value no longer in the vocabulary is shown as it is stored rather than dropped.
    """
    field = obj._meta.get_field(field_name)
    labels = dict(field.base_field.flatchoices)
    return [str(labels.get(value, value)) for value in getattr(obj, field_name) or ()]
