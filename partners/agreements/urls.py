"""Partner agreements (issue 4), at /agreements/: each part of the feature lists its own patterns."""

from partners.agreements.views import agreements
from partners.agreements.views import documents as agreement_documents
from partners.agreements.views import lists as agreement_lists
from partners.agreements.views import parties as agreement_parties

app_name = "agreements"
urlpatterns = [
    *agreement_lists.urlpatterns,
    *agreements.urlpatterns,
    *agreement_parties.urlpatterns,
    *agreement_documents.urlpatterns,
]
