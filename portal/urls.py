"""The portal's URLconf. Every pattern here must have an entry in tests/test_access_matrix.py."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from networks.memberships.views import invitations as invitation_views
from partners.directory.views import people as people_views
from portal import dashboard, views
from portal.search import views as search_views

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Verkosto"
admin.site.site_title = "Verkosto"

portal_patterns = [
    path("", dashboard.home, name="home"),
    path("profile/", people_views.profile_detail, name="profile_detail"),
    path("profile/edit/", people_views.profile_edit, name="profile_edit"),
    path("profile/affiliations/", people_views.affiliation_create, name="affiliation_create"),
    path("profile/affiliations/<int:pk>/end/", people_views.affiliation_end, name="affiliation_end"),
    path("people/", people_views.people_list, name="people_list"),
    path("people/<uuid:uuid>/", people_views.person_detail, name="person_detail"),
    path("invitations/<slug:token>/", invitation_views.invitation_accept, name="invitation_accept"),
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
