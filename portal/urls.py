"""The portal's URLconf. Every pattern here must have an entry in tests/test_access_matrix.py."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from portal import views, views_people
from portal.search import views as search_views

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Verkosto"
admin.site.site_title = "Verkosto"

portal_patterns = [
    path("", views.home, name="home"),
    path("profile/", views.profile_detail, name="profile_detail"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("profile/affiliations/", views_people.affiliation_create, name="affiliation_create"),
    path("profile/affiliations/<int:pk>/end/", views_people.affiliation_end, name="affiliation_end"),
    path("people/", views_people.people_list, name="people_list"),
    path("people/<uuid:uuid>/", views.person_detail, name="person_detail"),
    path("invitations/<slug:token>/", views.invitation_accept, name="invitation_accept"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("search/", search_views.search, name="search"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("networks/", include("networks.memberships.urls")),
    path("organisations/", include("partners.directory.urls")),
    path("services/", include("partners.directory.map_urls")),
    path("agreements/", include("partners.agreements.urls")),
    path("goals/", include("networks.goals.urls")),
    path("meetings/", include("networks.meetings.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
