"""The Django admin of a network's news: items with their comments (the texts in three languages)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from networks.news.models import NewsComment, NewsItem


class CommentInline(admin.TabularInline):
    model = NewsComment
    extra = 0
    fields = ["author", "text", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["author"]


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ["title", "network", "author", "pinned", "created_at"]
    list_filter = ["pinned", "network"]
    search_fields = ["title_fi", "title_sv", "title_en"]
    date_hierarchy = "created_at"
    list_select_related = ["network", "author"]
    raw_id_fields = ["author", "goal", "meeting", "agreement", "activity"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [CommentInline]


@admin.register(NewsComment)
class NewsCommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "created_at"]
    search_fields = ["text", "author__email"]
    list_select_related = ["author", "item"]
    raw_id_fields = ["item", "author"]
    readonly_fields = ["created_at"]
