"""The pages of a person's API tokens, in the namespace ``api_tokens`` (under ``/api-tokens/``)."""

from django.urls import path

from portal.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("new/", views.token_create, name="token_create"),
    path("<uuid:uuid>/revoke/", views.token_revoke, name="token_revoke"),
]
