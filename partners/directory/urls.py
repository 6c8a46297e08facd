from django.urls import path, re_path

from partners.directory.views import exporting, organisations
from partners.directory.views import services as service_views

app_name = "partners"
urlpatterns = [
    # the directory as a file (issue 3, part 8)
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", exporting.organisation_export, name="organisation_export"),
    path("", organisations.organisation_list, name="organisation_list"),
    path("<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("<slug:slug>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("<slug:slug>/logo/", organisations.organisation_logo, name="organisation_logo"),
    # guidance services of an organisation (issue 3, part 2)
    path("<slug:slug>/services/add/", service_views.service_create, name="service_create"),
    path("<slug:slug>/services/<int:pk>/edit/", service_views.service_edit, name="service_edit"),
    path("<slug:slug>/services/<int:pk>/delete/", service_views.service_delete, name="service_delete"),
]
