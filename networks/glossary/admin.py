"""Administration of the glossary: for looking things up and small corrections of wording.

Terms are proposed, changed, agreed and retired on the portal, where the rules live (a changed text keeps
the previous one; agreement comes only from the member organisations' answers). Here the texts can be
corrected; the status, the history and the answers are read-only.
"""

from django.contrib import admin

from networks.glossary.models import DefinitionVersion, Term, TermAnswer, TermRound
from portal.lib.admin import ReadOnlyInline


class VersionInline(ReadOnlyInline):
    model = DefinitionVersion
    fields = ["term_fi", "definition_fi", "defined_by", "defined_at", "replaced_by", "replaced_at"]
    readonly_fields = fields


class RoundInline(ReadOnlyInline):
    model = TermRound
    fields = ["rule", "set_size", "deadline", "outcome", "opened_by", "opened_at", "closed_at"]
    readonly_fields = fields


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["term_fi", "network", "status", "proposed_at"]
    list_filter = ["status"]
    list_select_related = ["network"]
    search_fields = ["term_fi", "term_sv", "term_en"]
    fields = [
        "network",
        "term_fi",
        "term_sv",
        "term_en",
        "definition_fi",
        "definition_sv",
        "definition_en",
        "status",
        "proposed_by",
        "proposed_at",
    ]
    readonly_fields = ["network", "status", "proposed_by", "proposed_at"]
    inlines = [VersionInline, RoundInline]


@admin.register(TermRound)
class TermRoundAdmin(admin.ModelAdmin):
    list_display = ["term", "rule", "deadline", "outcome"]
    list_filter = ["outcome"]
    list_select_related = ["term"]
    fields = ["term", "rule", "set_size", "deadline", "outcome", "opened_by", "opened_at", "closed_at"]
    readonly_fields = fields


@admin.register(TermAnswer)
class TermAnswerAdmin(admin.ModelAdmin):
    list_display = ["round", "organisation", "answer", "is_current", "answered_at"]
    list_select_related = ["round__term", "organisation"]
    fields = ["round", "organisation", "answer", "reason", "answered_by", "answered_at", "is_current"]
    readonly_fields = fields
