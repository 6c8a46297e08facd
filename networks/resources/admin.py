"""Administration of the resource library: for looking things up and small corrections. Files are added and
served on the portal, where they are checked and access is decided; here the versions are read-only."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from networks.resources.models import Resource, ResourceVersion
from portal.lib.admin import ReadOnlyInline


class VersionInline(ReadOnlyInline):
    model = ResourceVersion
    fields = ["number", "original_name", "content_type", "size", "uploaded_by", "created_at", "note"]
    readonly_fields = fields


@admin.register(Resource)
class ResourceAdmin(TranslationAdmin):
    list_display = ["title", "network", "kind", "visibility", "created_at"]
    list_filter = ["kind", "visibility"]
    list_select_related = ["network"]
    search_fields = ["title_fi", "title_sv", "title_en"]
    date_hierarchy = "created_at"
    fields = ["network", "kind", "title", "description", "url", "visibility", "quality_areas", "added_by"]
    readonly_fields = ["network", "kind", "added_by"]
    inlines = [VersionInline]
