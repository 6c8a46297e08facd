"""The notifications' pages, in the namespace ``notifications`` (under ``/notifications/``)."""

from django.urls import path

from portal.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("read/", views.notification_read_all, name="notification_read_all"),
    path("<uuid:uuid>/read/", views.notification_read, name="notification_read"),
    path("<uuid:uuid>/open/", views.notification_open, name="notification_open"),
    path("settings/", views.notification_settings, name="notification_settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
