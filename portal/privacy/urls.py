"""One's data and one's account, in the namespace ``portal`` (composed by :mod:`portal.urls`)."""

from django.urls import path

from portal.privacy import views

urlpatterns = [
    path("profile/data/", views.data_export_create, name="data_export_create"),
    path("profile/data/<uuid:uuid>/", views.data_export_detail, name="data_export_detail"),
    path("profile/data/<uuid:uuid>/download/", views.data_export_download, name="data_export_download"),
    path("profile/erase/", views.account_erase, name="account_erase"),
]
