"""URLs of partner agreements at /agreements/ (namespace ``agreements``): lists, agreements, parties and documents."""

from django.urls import path, re_path

from partners.agreements.views import agreements, documents, lists, parties

app_name = "agreements"
urlpatterns = [
    path("", lists.agreement_list, name="agreement_list"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", lists.agreement_export, name="agreement_export"),
    path("new/<slug:network>/", agreements.agreement_create, name="agreement_create"),
    path("<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path("<int:pk>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path("<int:pk>/negotiate/", agreements.agreement_negotiate, name="agreement_negotiate"),
    path("<int:pk>/back-to-draft/", agreements.agreement_back_to_draft, name="agreement_back_to_draft"),
    path("<int:pk>/terminate/", agreements.agreement_terminate, name="agreement_terminate"),
    path("<int:pk>/renew/", agreements.agreement_renew, name="agreement_renew"),
    path("<int:pk>/delete/", agreements.agreement_delete, name="agreement_delete"),
    path("<int:pk>/parties/add/", parties.party_add, name="party_add"),
    path("<int:pk>/parties/<int:party>/edit/", parties.party_edit, name="party_edit"),
    path("<int:pk>/parties/<int:party>/remove/", parties.party_remove, name="party_remove"),
    path("<int:pk>/parties/<int:party>/sign/", parties.party_sign, name="party_sign"),
    path("<int:pk>/history/", parties.history, name="agreement_history"),
    path("<int:pk>/documents/add/", documents.document_upload, name="document_upload"),
    path("<int:pk>/documents/<int:document>/", documents.document_download, name="document_download"),
    path("<int:pk>/documents/<int:document>/delete/", documents.document_delete, name="document_delete"),
]
