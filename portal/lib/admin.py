"""Admin pieces the partners and networks apps share."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse

from portal.lib.logos import LogoField
from portal.lib.validators import LOGO_ACCEPT


class _LinkedLogo:
    """A stored logo as the admin's file widget shows it, linked to the view that serves it."""

    def __init__(self, file, url):
        self.file, self.url = file, url

    def __str__(self):
        return str(self.file)


class LogoAdminWidget(AdminFileWidget):
    """The admin's "currently" link goes to the logo view (``logo_url``), not to a media URL that does not exist."""

    logo_url = None
    # A <label for> the file input rather than Django's <fieldset><legend>: on an add form there is no
    # "clear" checkbox, and a lone input in a fieldset has no label of its own (axe: label, critical).
    use_fieldset = False

    def format_value(self, value):
        value = super().format_value(value)
        if self.is_initial(value) and self.logo_url:
            return _LinkedLogo(value, self.logo_url)
        return value


class ChoiceArrayAdminMixin:
    """Array fields of a vocabulary (regions, languages, channels…) as checkboxes, and logos as checked uploads.

    Without this the admin offers a comma-separated text box for an array. The model's own
    validation (``full_clean``: validators and constraints) still runs on save, as for the forms.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, ArrayField) and db_field.base_field.choices:
            return forms.MultipleChoiceField(
                label=db_field.verbose_name.capitalize(),
                choices=db_field.base_field.choices,
                required=not db_field.blank,
                widget=forms.CheckboxSelectMultiple,
                help_text=db_field.help_text,
            )
        if isinstance(db_field, models.ImageField) and db_field.name == "logo":
            return LogoField(
                label=db_field.verbose_name.capitalize(),
                required=not db_field.blank,
                widget=LogoAdminWidget(attrs={"accept": LOGO_ACCEPT}),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    logo_url_name = None  # e.g. "partners:organisation_logo"; the object's slug completes it

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        field = form.base_fields.get("logo")
        if field is not None and obj is not None and obj.logo and self.logo_url_name:
            field.widget.logo_url = reverse(self.logo_url_name, kwargs={"slug": obj.slug})
        return form


def choice_array_filter(field_name: str, title, choices) -> type[admin.SimpleListFilter]:
    """A list filter on one value of a vocabulary array field (``regions__contains=[value]``, GIN-indexed)."""

    class ChoiceArrayFilter(admin.SimpleListFilter):
        parameter_name = field_name

        def lookups(self, request, model_admin):
            return choices

        def queryset(self, request, queryset):
            value = self.value()
            if value in dict(choices):
                return queryset.filter(**{f"{field_name}__contains": [value]})
            return queryset

    ChoiceArrayFilter.title = title
    return ChoiceArrayFilter


class ReadOnlyInline(admin.TabularInline):
    """Related rows shown for looking up: nothing added, changed or deleted here."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
