from django.contrib import admin

from partners.models import Affiliation, ExpertiseArea, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "business_id", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "business_id", "municipality"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "title", "primary", "since", "until"]
    list_filter = ["primary"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
