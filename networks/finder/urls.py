"""URLs of the public guidance finder, under /find/ (namespace ``finder``); ``/sitemap.xml`` is composed by
:mod:`portal.urls`."""

from django.urls import path

from networks.finder import views

app_name = "finder"
urlpatterns = [
    path("", views.finder, name="finder"),
    path("services/<slug:slug>/<int:pk>/", views.service_detail, name="service"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/logo/", views.organisation_logo, name="organisation_logo"),
    path("embed/network/<slug:slug>/", views.embed_network, name="embed_network"),
    path("embed/organisation/<slug:slug>/", views.embed_organisation, name="embed_organisation"),
]
