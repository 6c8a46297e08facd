"""The portal's URLconf: it composes the domains' URL patterns into their namespaces.

Every pattern here must have an entry in the access matrix (tests/access_matrix/).
"""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from networks.finder import views as finder_views
from networks.memberships import urls as membership_urls
from partners.directory import urls as directory_urls
from portal import dashboard, views
from portal.api import urls as api_token_urls
from portal.api.main import api
from portal.privacy import urls as privacy_urls
from portal.search import views as search_views

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Verkosto"
admin.site.site_title = "Verkosto"

portal_patterns = [
    path("", dashboard.home, name="home"),
    *directory_urls.people_patterns,
    *membership_urls.invitation_patterns,
    *privacy_urls.urlpatterns,
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("search/", search_views.search, name="search"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("networks/", include("networks.memberships.urls")),
    path("organisations/", include((membership_urls.directory_patterns + directory_urls.urlpatterns, "partners"))),
    path("services/", include((directory_urls.service_map_patterns, "servicemap"))),
    path("agreements/", include("partners.agreements.urls")),
    path("goals/", include("networks.goals.urls")),
    path("meetings/", include("networks.meetings.urls")),
    path("trust/", include("networks.trust.urls")),
    path("resources/", include("networks.resources.urls")),
    path("glossary/", include("networks.glossary.urls")),
    path("news/", include("networks.news.urls")),
    # the public guidance finder and the sitemap of what is public: no sign-in, no cookies
    path("find/", include("networks.finder.urls")),
    path("sitemap.xml", finder_views.sitemap, name="sitemap"),
    path("notifications/", include("portal.notifications.urls")),
    path("api-tokens/", include(api_token_urls)),
    path("api/v1/", api.urls),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
