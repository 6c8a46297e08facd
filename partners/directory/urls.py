"""URLs of the directory: organisations and their services at /organisations/ (namespace ``partners``), the
service map at /services/ (``servicemap``), and people at the top level (``portal``, composed by
:mod:`portal.urls`)."""

from django.urls import path

from partners.directory.views import exporting, organisations, people
from partners.directory.views import services as service_views

app_name = "partners"
urlpatterns = [
    path("", organisations.organisation_list, name="organisation_list"),
    path("<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("<slug:slug>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("<slug:slug>/logo/", organisations.organisation_logo, name="organisation_logo"),
    # guidance services of an organisation
    path("<slug:slug>/services/add/", service_views.service_create, name="service_create"),
    path("<slug:slug>/services/<int:pk>/edit/", service_views.service_edit, name="service_edit"),
    path("<slug:slug>/services/<int:pk>/delete/", service_views.service_delete, name="service_delete"),
]

# The service map lists services across organisations: its own namespace, ``servicemap``.
service_map_patterns = [
    path("", service_views.service_map, name="service_map"),
    path("export.<str:fmt>", exporting.service_export, name="service_export"),
]

# People and one's own profile, in the namespace ``portal``.
people_patterns = [
    path("profile/", people.profile_detail, name="profile_detail"),
    path("profile/edit/", people.profile_edit, name="profile_edit"),
    path("profile/affiliations/", people.affiliation_create, name="affiliation_create"),
    path("profile/affiliations/<int:pk>/end/", people.affiliation_end, name="affiliation_end"),
    path("people/", people.people_list, name="people_list"),
    path("people/<uuid:uuid>/", people.person_detail, name="person_detail"),
]
