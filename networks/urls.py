from django.urls import path

from networks.views import networks

app_name = "networks"
urlpatterns = [
    path("<slug:slug>/", networks.network_detail, name="network_detail"),
    path("<slug:slug>/edit/", networks.network_edit, name="network_edit"),
    path("<slug:slug>/invite/", networks.invitation_create, name="invitation_create"),
]
