"""URLs of the glossary at /glossary/ (namespace ``glossary``): a network's glossary, its terms, their
discussion and their endorsement."""

from django.urls import path

from networks.glossary.views import endorsement, terms

app_name = "glossary"

urlpatterns = [
    path("network/<slug:slug>/", terms.glossary, name="glossary"),
    path("network/<slug:slug>/new/", terms.term_create, name="term_create"),
    path("terms/<int:pk>/", terms.term_detail, name="term_detail"),
    path("terms/<int:pk>/history/", terms.term_history, name="term_history"),
    path("terms/<int:pk>/edit/", terms.term_edit, name="term_edit"),
    path("terms/<int:pk>/retire/", terms.term_retire, name="term_retire"),
    path("terms/<int:pk>/comments/", terms.comment_add, name="comment_add"),
    path("terms/<int:pk>/endorsement/", endorsement.endorsement_open, name="endorsement_open"),
    path("terms/<int:pk>/answer/", endorsement.term_answer, name="term_answer"),
]
