"""Administration of organisations, their services and the expertise vocabulary.

The admin validates as the forms do: the model's validators and constraints through ``full_clean``
(Y-tunnus check digit and uniqueness, logo checks, vocabularies), and vocabulary arrays as checkboxes. Names
and descriptions have an input per language (modeltranslation's admin).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.lib.admin import ChoiceArrayAdminMixin, choice_array_filter
from portal.lib.choices import Language, Region


@admin.register(Organisation)
class OrganisationAdmin(ChoiceArrayAdminMixin, TranslationAdmin):
    list_display = ["name", "short_name", "kind", "business_id", "municipality"]
    list_filter = [
        "kind",
        choice_array_filter("regions", _("region"), Region.choices),
        choice_array_filter("languages", _("language"), Language.choices),
    ]
    search_fields = ["name", "short_name", "business_id", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    logo_url_name = "partners:organisation_logo"
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "business_id"]}),
        (_("Where and in which languages"), {"fields": ["regions", "municipality", "languages"]}),
        (_("Contact details"), {"fields": ["address", "website", "email", "phone"]}),
        (_("Presentation"), {"fields": ["description", "logo"]}),
        (_("Dates"), {"fields": ["created_at", "updated_at"]}),
    ]


@admin.register(GuidanceService)
class GuidanceServiceAdmin(ChoiceArrayAdminMixin, TranslationAdmin):
    list_display = ["name", "organisation", "level", "updated_at"]
    list_filter = [
        "level",
        choice_array_filter("regions", _("region"), Region.choices),
        choice_array_filter("languages", _("language"), Language.choices),
    ]
    search_fields = ["name", "organisation__name", "description"]
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation"]
    readonly_fields = ["created_at", "updated_at"]
    radio_fields = {"level": admin.VERTICAL}


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "slug"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["network"]
    list_select_related = ["network"]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "title", "primary", "since", "until"]
    list_filter = ["primary"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
