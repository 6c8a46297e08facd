"""URLs of the resource library at /resources/ (namespace ``resources``): a network's library, a resource's
page, editing and deleting it, and its versions."""

from django.urls import path

from networks.resources.views import library, resources, versions

app_name = "resources"

urlpatterns = [
    path("network/<slug:slug>/", library.resource_list, name="resource_list"),
    path("network/<slug:slug>/add/", library.resource_create, name="resource_create"),
    path("<uuid:uuid>/", resources.resource_detail, name="resource_detail"),
    path("<uuid:uuid>/edit/", resources.resource_edit, name="resource_edit"),
    path("<uuid:uuid>/delete/", resources.resource_delete, name="resource_delete"),
    path("<uuid:uuid>/versions/add/", versions.version_create, name="version_create"),
    path("<uuid:uuid>/versions/<int:number>/download/", versions.version_download, name="version_download"),
]
