"""Partner agreements (issue 4), at /agreements/: each part of the feature lists its own patterns."""

from partners.views import agreement_documents, agreement_lists, agreement_parties, agreements

app_name = "agreements"
urlpatterns = [
    *agreement_lists.urlpatterns,
    *agreements.urlpatterns,
    *agreement_parties.urlpatterns,
    *agreement_documents.urlpatterns,
]
