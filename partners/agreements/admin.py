"""Administration of partner agreements: their parties, commitments, amendments and documents."""

from django.contrib import admin

from partners.agreements.models import Agreement, AgreementAmendment, AgreementDocument, AgreementParty, Commitment

# Coordinators run the lifecycle in the portal, where each step is checked; the admin is for
# corrections. Every change made here is kept in the agreement's history too (database triggers).
# Documents are listed without their file: files are served only by the portal's checked view.


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    fields = ["organisation", "signatory_name", "signatory_title", "signed_on"]
    autocomplete_fields = ["organisation"]


class AgreementAmendmentInline(admin.TabularInline):
    model = AgreementAmendment
    extra = 0
    fields = ["number", "summary", "made_at", "made_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class AgreementDocumentInline(admin.TabularInline):
    model = AgreementDocument
    extra = 0
    fields = ["kind", "title", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "status", "valid_from", "valid_until", "version"]
    list_filter = ["status", "kind", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "purpose", "parties__organisation__name"]
    autocomplete_fields = ["network", "coordinator", "renewal_of"]
    list_select_related = ["network"]
    readonly_fields = ["created_at", "updated_at", "activated_on"]
    inlines = [AgreementPartyInline, AgreementDocumentInline, AgreementAmendmentInline]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["description", "party", "kind", "amount", "unit"]
    list_filter = ["kind"]
    search_fields = ["description", "party__organisation__name", "agreement__title"]
    autocomplete_fields = ["party"]
    list_select_related = ["party__organisation", "party__agreement"]

    def save_model(self, request, obj, form, change):
        obj.agreement_id = obj.party.agreement_id
        super().save_model(request, obj, form, change)


@admin.register(AgreementParty)
class AgreementPartyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "agreement", "signatory_name", "signed_on"]
    search_fields = ["organisation__name", "agreement__title", "signatory_name"]
    autocomplete_fields = ["agreement", "organisation"]
    list_select_related = ["organisation", "agreement"]
    readonly_fields = ["signed_by", "updated_at"]
