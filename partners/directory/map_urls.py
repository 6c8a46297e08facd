"""The service map, at /services/ (its own namespace: it lists services across organisations)."""

from django.urls import path

from partners.directory.views import exporting, services

app_name = "servicemap"
urlpatterns = [
    path("", services.service_map, name="service_map"),
    path("export.<str:fmt>", exporting.service_export, name="service_export"),
]
